"""Screening name matching, rule by rule (rules.md section 9, "Matching")."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from domain.screening.index import ScreeningIndex
from domain.screening.matching import (
    DEFAULT_ALERT_THRESHOLD,
    CountryAgreement,
    How,
    ListedParty,
    ScreeningQuery,
    score_names,
)

LIST = Path(__file__).parent.parent / "data" / "screening" / "entity-list.csv"
LABELLED = Path(__file__).parent.parent / "data" / "screening" / "labelled.csv"

ENTRIES = [
    ListedParty(entry_id="huawei", names=("Huawei Technologies Co., Ltd.",), countries=("CN",)),
    ListedParty(
        entry_id="kaishitong",
        names=("Beijing Kaishitong Semiconductor Co., Ltd.", "Beijing Kingstone Semiconductor"),
        countries=("CN",),
    ),
    ListedParty(entry_id="milandr", names=("AO PKK Milandr", "JSC PKK Milandr"), countries=("RU",)),
    ListedParty(entry_id="zhongxing", names=("Zhongxing Telecom Co.",), countries=("CN",)),
    ListedParty(
        entry_id="smic",
        names=("Semiconductor Manufacturing International Corporation (SMIC)",),
        countries=("CN",),
    ),
    ListedParty(
        entry_id="cetc",
        names=("China Electronics Technology Group Corporation",),
        countries=("CN",),
    ),
]


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(ENTRIES)


def _alerts(index: ScreeningIndex, name: str, *countries: str) -> list[str]:
    query = ScreeningQuery(names=(name,), countries=countries)
    return [match.entry_id for match in index.screen(query)]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("HUAWEI TECHNOLOGIES CO LTD", "Huawei Technologies Co., Ltd."),
        ("Société Kaishitong", "Societe Kaishitong"),
        ("Huawei Technologies Company Limited", "Huawei Technologies Co., Ltd."),
        ("Milandr OOO", "Milandr LLC"),
        ("Milandr GmbH", "Milandr JSC"),
        ("Kaishitong Sdn. Bhd.", "Kaishitong Pte. Ltd."),
        ("Semiconductor Kaishitong (Beijing)", "Beijing Kaishitong Semiconductor"),
        ("Zhong Xing Telecom", "Zhongxing Telecom"),
        ("Huawei Technologeis", "Huawei Technologies"),
        ("华为技术有限公司", "Huawei Technologies Co., Ltd."),
        ("АО ПКК Миландр", "AO PKK Milandr"),
        # business abbreviations as parties write them
        ("Kristall State Scientific Res Inst JSC", "Kristall State Scientific Research Institute"),
        ("Xian Flying Aviation Mfg Tech Co", "Xian Flying Aviation Manufacturing Technology Co."),
        ("Izix Grp Pte Ltd", "Izix Group Pte. Ltd."),
        # a hyphenated word written as one, and the other way round
        ("Radioelectronic Technologies Concern", "Concern Radio-Electronic Technologies"),
        ("Radio Electronic Concern Sapsan", "Radioelectronic Concern Sapsan"),
        # a city before the name left out
        ("Shimaotong Enterprises Services Co., Ltd.", "Baoding Shimaotong Enterprises Services"),
        ("Liao Yang Carbon Co., Ltd", "Liaoyang Carbon Co., Ltd"),
    ],
)
def test_variants_of_a_list_name_score_above_the_alert_threshold(query: str, listed: str) -> None:
    assert score_names(query, listed).score >= DEFAULT_ALERT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Beijing Technology Trading Co., Ltd.", "Beijing Kaishitong Semiconductor Co., Ltd."),
        ("Shenzhen International Group Limited", "Shenzhen Huawei International Group"),
        ("Moscow Industrial Trading OOO", "Moscow Milandr Industrial OOO"),
        ("Siemens AG", "Sinno Electronics AG"),
        ("Samsung Electronics Co., Ltd.", "Electronics Co., Ltd."),
    ],
)
def test_shared_generic_words_and_company_forms_alone_never_alert(query: str, listed: str) -> None:
    assert score_names(query, listed).score < DEFAULT_ALERT_THRESHOLD


def test_a_city_is_never_corrected_into_another_city() -> None:
    """Place names in pinyin lie a letter or two apart: Liaoyang is not Luoyang."""
    assert score_names("Liaoyang Carbon", "Luoyang Carbon").score < DEFAULT_ALERT_THRESHOLD


def test_a_short_word_with_one_letter_changed_is_a_different_name() -> None:
    assert score_names("Canon Inc.", "Cancon").score < DEFAULT_ALERT_THRESHOLD


def test_the_explanation_says_how_each_word_met() -> None:
    match = score_names("Huawie Technologies Co., Ltd. Shenzhen", "Huawei Technologies Co., Ltd.")
    hows = {token.query_token: token.how for token in match.tokens}
    distances = {token.query_token: token.distance for token in match.tokens}
    assert hows["huawie"] is How.FUZZY
    assert distances["huawie"] == 1
    assert hows["technologies"] is How.GENERIC
    assert hows["co ltd"] is How.COMPANY_FORM
    assert hows["shenzhen"] is How.MISSING
    assert "huawie=huawei (fuzzy 1)" in match.explanation


def test_the_explanation_names_transliterated_and_translated_words() -> None:
    chinese = score_names("华为技术有限公司", "Huawei Technologies Co., Ltd.")
    hows = [token.how for token in chinese.tokens]
    assert How.TRANSLITERATED in hows  # 华为 in pinyin
    assert How.TRANSLATED in hows  # 技术 -> technology
    cyrillic = score_names("ООО Миландр", "Milandr LLC")
    assert [t.how for t in cyrillic.tokens if t.list_token == "milandr"] == [How.TRANSLITERATED]


def test_a_list_word_the_party_lacks_is_explained_as_missing() -> None:
    match = score_names("Kaishitong", "Kaishitong Kingstone")
    assert any(
        token.query_token is None and token.list_token == "kingstone" and token.how is How.MISSING
        for token in match.tokens
    )


def test_a_match_serialises_to_json_with_its_words() -> None:
    match = score_names("Kaishitong Semiconductor", "Beijing Kaishitong Semiconductor")
    data = match.to_json()
    assert data["score"] == pytest.approx(match.score, abs=0.001)
    assert data["explanation"][0] == {
        "query": "kaishitong",
        "list": "kaishitong",
        "how": "exact",
        "distance": 0,
        "weight": 1.0,
    }


def test_countries_agree_differ_or_are_unknown(index: ScreeningIndex) -> None:
    def agreement(*countries: str) -> CountryAgreement:
        query = ScreeningQuery(names=("Huawei Technologies",), countries=countries)
        return index.screen(query, threshold=0.5)[0].countries

    assert agreement("CN") is CountryAgreement.AGREE
    assert agreement("SG") is CountryAgreement.DIFFER
    assert agreement() is CountryAgreement.UNKNOWN


def test_differing_countries_lower_the_score_a_little(index: ScreeningIndex) -> None:
    same = index.screen(ScreeningQuery(names=("Huawei Technologies",), countries=("CN",)))
    other = index.screen(ScreeningQuery(names=("Huawei Technologies",), countries=("DE",)))
    assert other[0].score < same[0].score
    assert other[0].entry_id == "huawei"


def test_the_index_meets_aliases_chinese_and_cyrillic_names(index: ScreeningIndex) -> None:
    assert _alerts(index, "Beijing Kingstone Semiconductor") == ["kaishitong"]
    assert _alerts(index, "中芯国际集成电路制造有限公司", "CN") == ["smic"]
    assert _alerts(index, "SMIC") == ["smic"]
    assert _alerts(index, "中国电子科技集团公司") == ["cetc"]
    assert _alerts(index, "ООО ПКК Миландр", "RU") == ["milandr"]
    assert _alerts(index, "Zhong Xing Telecom") == ["zhongxing"]


def test_a_generic_only_list_name_alerts_only_on_the_whole_name(index: ScreeningIndex) -> None:
    assert _alerts(index, "China Electronics Limited") == []
    assert _alerts(index, "China Technology Group Trading Co.") == []


def test_the_index_gives_one_match_per_entry_best_first(index: ScreeningIndex) -> None:
    query = ScreeningQuery(names=("Kaishitong Semiconductor", "Beijing Kingstone Semiconductor"))
    matches = index.screen(query, threshold=0.3)
    assert [match.entry_id for match in matches].count("kaishitong") == 1
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_screen_many_answers_each_party_in_order(index: ScreeningIndex) -> None:
    queries = [ScreeningQuery(names=("Siemens AG",)), ScreeningQuery(names=("PKK Milandr",))]
    answers = index.screen_many(queries)
    assert answers[0] == []
    assert [match.entry_id for match in answers[1]] == ["milandr"]


def _load_list() -> list[ListedParty]:
    with LIST.open(encoding="utf-8", newline="") as handle:
        return [
            ListedParty(
                entry_id=row["_id"],
                names=tuple(n for n in [row["name"], *row["alt_names"].split("; ")] if n.strip()),
                countries=tuple(c.strip() for c in row["addresses"].split(";") if c.strip()),
            )
            for row in csv.DictReader(handle)
        ]


@pytest.mark.skipif(not LIST.exists(), reason="the shared Entity List file is not here")
def test_the_labelled_set_is_met_with_high_recall_and_few_false_alerts() -> None:
    index = ScreeningIndex.build(_load_list())
    found = expected = alerted = clean = 0
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            countries = (row["country"],) if row["country"] else ()
            query = ScreeningQuery(names=(row["query"],), countries=countries)
            entries = {match.entry_id for match in index.screen(query)}
            if row["expected"]:
                expected += 1
                found += row["expected"] in entries
            else:
                clean += 1
                alerted += bool(entries)
    assert expected > 500
    assert clean > 200
    assert found / expected >= 0.95
    assert alerted / clean <= 0.05


def _outcome(index: ScreeningIndex, name: str, country: str) -> list[tuple[str, float]]:
    query = ScreeningQuery(names=(name,), countries=(country,) if country else ())
    return [(match.entry_id, round(match.score, 3)) for match in index.screen(query)]


@pytest.mark.skipif(not LIST.exists(), reason="the shared Entity List file is not here")
def test_a_change_of_the_list_reaches_every_party_it_can_affect_and_few_others() -> None:
    """What re-screening after an import relies on (index.ChangeReach): a party whose
    screening a change alters is reached through the keys kept of its names; most parties
    that only share a word with a changed name are not."""
    from domain.screening.index import keys_meet, keys_version, pack_keys

    listed = _load_list()
    before = ScreeningIndex.build(listed)
    changed = list(listed)
    gained: list[str] = []
    lost: list[str] = []
    for number in range(0, 600, 20):  # renamed: "X" is now "X Branch"
        entry = changed[number]
        renamed = entry.names[0] + " Branch"
        changed[number] = ListedParty(
            entry_id=entry.entry_id, names=(renamed, *entry.names[1:]), countries=entry.countries
        )
        if renamed not in entry.names:
            gained.append(renamed)
        if entry.names[0] not in entry.names[1:]:
            lost.append(entry.names[0])
    for number in range(1000, 1600, 30):
        entry = changed[number]
        if number % 60:  # the next entry's name: its words weigh less now
            alias = listed[number + 1].names[0]
        else:  # its longest word, weighing less, in a name the next entry's parties miss
            word = max(listed[number + 1].names[0].split(), key=len)
            alias = f"{word} Zorblat Vextrano Quillonix"
        changed[number] = ListedParty(
            entry_id=entry.entry_id, names=(*entry.names, alias), countries=entry.countries
        )
        gained.append(alias)
    changed.append(ListedParty(entry_id="new", names=("Zenthora Photonics Co., Ltd.",)))
    gained.append("Zenthora Photonics Co., Ltd.")
    after = ScreeningIndex.build(changed)
    touched = {entry.entry_id for entry in listed} - {
        entry.entry_id for entry in changed if entry in listed
    }
    reach = after.reach(gained, lost)
    assert reach.names > len(gained)  # the names with a reweighed word too
    with LABELLED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    queries = [(row["query"], row["country"]) for row in rows[::2]]
    for number in [*range(0, 600, 20), *range(1001, 1601, 30)]:  # near the changed names
        words = listed[number].names[0].split()
        queries += [(" ".join(words).upper(), ""), (" ".join(words[1:]), "")]
    queries += [("Zentora Photonics Pte Ltd", "SG"), ("Maple Compute Pte Ltd", "SG")]
    altered = reached = met = 0
    for name, country in queries:
        was, now = _outcome(before, name, country), _outcome(after, name, country)
        if any(entry_id in touched for entry_id, _ in was):
            continue  # screened again for its matched entry's change
        stored = pack_keys(before.key_hashes([name]))
        affected = reach.affects(stored)
        if was != now:
            altered += 1
            assert affected, name  # nothing it can affect is left carried
        reached += affected
        met += keys_meet(stored, after.key_hashes(gained))
    assert altered >= 1  # "Zentora Photonics" at least
    assert not reach.affects(pack_keys(before.key_hashes(["Maple Compute Pte Ltd"])))
    assert reached < met / 2  # sharing a word is not enough to be screened again
    assert len(pack_keys({1, 2, 3})) == 12
    assert keys_version() == keys_version()
    assert len(keys_version()) == 16
