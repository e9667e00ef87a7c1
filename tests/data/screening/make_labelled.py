"""Regenerate labelled.csv: party names with the list entry they must meet, or none.

Run from the repository root: ``python tests/data/screening/make_labelled.py``. Variants are
drawn with a fixed seed from the real names in shared/data/screening/entity-list.csv (or the
file given as the first argument); the Chinese and Cyrillic names and the clean names are
written by hand below. Columns: query, country, expected (an entry's ``_id`` or empty), kind.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

HERE = Path(__file__).parent
LIST = Path(__file__).resolve().parent / "entity-list.csv"

# Chinese legal names of listed companies and a pattern for the entry's English name
CHINESE = [
    ("华为技术有限公司", r"^Huawei Technologies Co\., Ltd\.$"),
    ("中芯国际集成电路制造有限公司", r"^Semiconductor Manufacturing International Corporation"),
    ("杭州海康威视数字技术股份有限公司", r"^Hangzhou Hikvision"),
    ("海康威视", r"^Hangzhou Hikvision"),
    ("浪潮集团有限公司", r"^Inspur Group"),
    ("浪潮电子信息产业股份有限公司", r"^Inspur Electronic Information Industry"),
    ("曙光信息产业股份有限公司", r"^Sugon$"),
    ("中科曙光", r"^Sugon$"),
    ("中国电子科技集团公司第十三研究所", r"Corporation 13th Research Institute \(CETC 13\)$"),
    ("中国电子科技集团公司第十四研究所", r"Corporation 14th Research Institute \(CETC 14\)$"),
    ("中国电子科技集团公司第五十五研究所", r"Corporation 55th Research Institute"),
    ("中国电子科技集团公司第三十八研究所", r"Corporation 38th Research Institute"),
    ("北京凯世通半导体有限公司", r"^Beijing Kaishitong Semiconductor"),
    ("合肥凯世通半导体有限公司", r"^Hefei Kaishitong Semiconductor"),
    ("国防科技大学", r"^National University of Defense Technology"),
    ("哈尔滨工业大学", r"^Harbin Institute of Technology"),
    ("中国工程物理研究院", r"^Chinese Academy of Engineering Physics"),
    ("大华技术", r"^Dahua Technology"),
    ("旷视科技", r"^Megvii Technology"),
    ("科大讯飞", r"^IFLYTEK"),
    ("长江存储科技有限责任公司", r"^Yangtze Memory Technologies Co"),
    ("天津飞腾信息技术有限公司", r"^Tianjin Phytium"),
    ("成都海光集成电路设计有限公司", r"^Chengdu Haiguang Integrated Circuit"),
    ("成都海光微电子技术有限公司", r"^Chengdu Haiguang Microelectronics"),
    ("无锡江南计算技术研究所", r"^Wuxi Jiangnan Institute"),
    ("国家超级计算广州中心", r"^National Supercomputing Center Guangzhou"),
    ("摩尔线程智能科技（北京）有限责任公司", r"^Moore Thread Intelligent Technology \(Beijing\)"),
    ("北京壁仞科技开发有限公司", r"^Beijing Biren Technology Development"),
    ("北京智谱华章科技有限公司", r"^Beijing Zhipu Huazhang"),
    ("云从科技", r"^CloudWalk Technology"),
    ("依图科技", r"^Yitu Technologies"),
    ("四川大学", r"^Sichuan University$"),
    ("天津大学", r"^Tianjin University$"),
    ("西北工业大学", r"^Northwestern Polytechnical University"),
    ("安徽寒武纪信息科技有限公司", r"^Anhui Cambricon Information Technology"),
    ("中国电子科技集团公司第五十二研究所", r"Corporation 52nd Research Institute"),
    ("北京理工大学", r"^Beijing Institute of Technology$"),
    ("哈尔滨工程大学", r"^Harbin Engineering University"),
    ("南京航空航天大学", r"^Nanjing University of Aeronautics"),
    ("北京航空航天大学", r"^Beijing University of Aeronautics"),
    ("电子科技大学", r"^University of Electronic Science and Technology of China"),
    ("深圳市大疆创新科技有限公司", r"^DJI$"),
    ("中国科学院计算技术研究所", r"^Chinese Academy of Sciences Institute of Computing Technology"),
    ("上海微电子装备（集团）股份有限公司", r"^Shanghai Micro Electronics Equipment"),
    ("中国航天科技集团有限公司", r"^China Aerospace Science and Technology Corporation \(CASC\)$"),
    ("北京计算科学研究中心", r"^Beijing Computational Science Research Center"),
    ("西北核技术研究所", r"^Northwest Institute of Nuclear Technology"),
    ("上海集成电路研发中心", r"^Shanghai Integrated Circuit Research and Development Center"),
]

# Latin to Cyrillic, longest first: how a Russian company writes the names the list transliterates
_CYRILLIC = [
    ("shch", "щ"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ya", "я"),
    ("yu", "ю"),
    ("ye", "е"),
    ("iy", "ий"),
    ("yy", "ый"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("c", "к"),
    ("x", "кс"),
    ("w", "в"),
    ("j", "й"),
    ("q", "к"),
    ("h", "х"),
]
_RU_FORMS = {"OOO": "ООО", "AO": "АО", "PAO": "ПАО", "ZAO": "ЗАО", "OAO": "ОАО", "NPP": "НПП"}

CLEAN = """Siemens AG; Toyota Motor Corporation; Samsung Electronics Co., Ltd.; Infosys Limited;
Schneider Electric SE; F. Hoffmann-La Roche AG; Robert Bosch GmbH; Nestlé S.A.; Novartis AG;
BASF SE; Volkswagen AG; Daimler Truck AG; SAP SE; Deutsche Telekom AG; Airbus SE; Thales S.A.;
Dassault Systèmes SE; Capgemini SE; Atos SE; Ericsson AB; Nokia Oyj; ASML Holding N.V.;
Philips N.V.; NXP Semiconductors N.V.; Infineon Technologies AG; STMicroelectronics N.V.;
Sony Group Corporation; Panasonic Holdings Corporation; Hitachi, Ltd.; Fujitsu Limited;
NEC Corporation; Toshiba Corporation; Mitsubishi Electric Corporation; Renesas Electronics
Corporation; Tokyo Electron Limited; Canon Inc.; Nikon Corporation; Kyocera Corporation;
LG Electronics Inc.; SK hynix Inc.; Hyundai Motor Company; Naver Corporation; Kakao Corp.;
Tata Consultancy Services Limited; Wipro Limited; HCL Technologies Limited; Reliance
Industries Limited; Larsen & Toubro Limited; Tech Mahindra Limited; Bharti Airtel Limited;
Accenture plc; Atlassian Corporation; Telstra Group Limited; Commonwealth Bank of Australia;
BHP Group Limited; Rio Tinto plc; BAE Systems plc; Rolls-Royce Holdings plc; Arm Holdings plc;
Vodafone Group Plc; BT Group plc; HSBC Holdings plc; Barclays PLC; Unilever PLC; AstraZeneca
PLC; GSK plc; Shell plc; Equinor ASA; Novo Nordisk A/S; Maersk A/S; Vestas Wind Systems A/S;
Spotify Technology S.A.; Banco Santander S.A.; Telefónica S.A.; Iberdrola S.A.; Inditex S.A.;
Enel S.p.A.; Eni S.p.A.; Leonardo S.p.A.; Fincantieri S.p.A.; Saab AB; Volvo Car AB; Hexagon
AB; Sandvik AB; Atlas Copco AB; ABB Ltd; Logitech International S.A.; Swisscom AG; UBS Group
AG; Zurich Insurance Group AG; Shopify Inc.; Celestica Inc.; Open Text Corporation;
Bombardier Inc.; CAE Inc.; Check Point Software Technologies Ltd.; Mellanox Technologies Ltd.;
Elbit Systems Ltd.; Teva Pharmaceutical Industries Ltd.; Wix.com Ltd.; Mercado Libre Inc.;
Embraer S.A.; Petrobras S.A.; Vale S.A.; América Movil S.A.B. de C.V.; Cemex S.A.B. de C.V.;
Grupo Bimbo S.A.B. de C.V.; Singapore Telecommunications Limited; DBS Group Holdings Ltd;
Keppel Corporation Limited; Grab Holdings Limited; Sea Limited; Maybank Berhad; Petronas
Chemicals Group Berhad; Inari Amertron Berhad; Vitrox Corporation Berhad; PTT Public Company
Limited; Siam Cement Public Company Limited; Delta Electronics (Thailand) PCL; FPT
Corporation; Viettel Group; PT Telkom Indonesia; Bank Central Asia; Ayala Corporation;
Jollibee Foods Corporation; Saudi Aramco; Emirates NBD; Etisalat Group; Qatar Airways;
Naspers Limited; MTN Group Limited; Sasol Limited; Dangote Cement Plc; Safaricom PLC;
Kuehne + Nagel International AG; DHL Group; Deutsche Bahn AG; Lufthansa Technik AG;
Zeiss Group; Trumpf SE + Co. KG; Festo SE & Co. KG; Wacker Chemie AG; Evonik Industries AG;
Merck KGaA; Bayer AG; Henkel AG & Co. KGaA; Continental AG; ZF Friedrichshafen AG; Schaeffler
AG; Rheinmetall AG; Hensoldt AG; Diehl Stiftung & Co. KG; Kongsberg Gruppen ASA; Nordic
Semiconductor ASA; Tieto Evry Oyj; KONE Oyj; Wärtsilä Oyj; Telenor ASA; Orange S.A.;
Sopra Steria Group; OVHcloud; Mistral AI SAS; Aleph Alpha GmbH; DeepL SE; Graphcore Limited;
Cerebras Systems Inc.; Groq Inc.; SambaNova Systems Inc.; Lambda Labs Inc.; CoreWeave Inc.;
Equinix Inc.; Digital Realty Trust Inc.; NTT Data Group Corporation; KDDI Corporation;
SoftBank Corp.; Rakuten Group Inc.; Preferred Networks Inc.; Sakura Internet Inc.;
Kioxia Holdings Corporation; Advantest Corporation; Lasertec Corporation; Screen Holdings
Co., Ltd.; Disco Corporation; Murata Manufacturing Co., Ltd.; TDK Corporation; Ibiden Co.,
Ltd.; Samsung SDS Co., Ltd.; Naver Cloud Corp.; KT Corporation; Doosan Enerbility Co., Ltd.;
Hanwha Aerospace Co., Ltd.; Wistron NeWeb Corporation; Quanta Computer Inc.; Foxconn
Industrial Internet; Tata Electronics Private Limited; Yotta Data Services Private Limited;
Netweb Technologies India Limited; E2E Networks Limited; G42 Cloud; Khazna Data Centers;
Humain; Nebius Group N.V.; Iren Limited; Fluidstack Ltd""".replace("\n", " ")

CITIES = [
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Guangzhou",
    "Hangzhou",
    "Nanjing",
    "Wuhan",
    "Chengdu",
    "Hefei",
    "Tianjin",
    "Moscow",
    "Saint Petersburg",
    "Dubai",
    "Hong Kong",
    "Xian",
    "Harbin",
    "Suzhou",
    "Novosibirsk",
    "Tehran",
    "Karachi",
    "Istanbul",
    "Minsk",
]
GENERIC = [
    "Technology",
    "Trading",
    "International",
    "Industrial",
    "Group",
    "Electronics",
    "Science and Technology",
    "Information Technology",
    "Import and Export",
    "Holding",
    "Development",
    "Engineering",
    "Research Institute",
    "Semiconductor",
    "Digital",
    "Intelligent",
    "Communication",
    "Equipment",
    "Precision",
    "Logistics",
]
FORMS = [
    "Co., Ltd.",
    "Company Limited",
    "LLC",
    "Ltd.",
    "Inc.",
    "Corp.",
    "Limited",
    "Pte. Ltd.",
    "Sdn. Bhd.",
    "GmbH",
    "JSC",
    "OOO",
    "Co. Ltd",
    "Corporation",
    "FZE",
]
FORM_PATTERN = re.compile(
    r",?\s*\b(Co\.,? Ltd\.?|Company Limited|Co\.|Ltd\.?|LLC|Limited|Inc\.?|Corp\.?|Corporation"
    r"|JSC|OOO|AO|PJSC|GmbH|FZE|FZCO|L\.L\.C\.?)\s*$",
    re.IGNORECASE,
)


def _syllables() -> set[str]:
    found: set[str] = set()
    for code in range(0x4E00, 0x9FA6, 7):
        found.update(lazy_pinyin(chr(code), style=Style.NORMAL))
    return {s for s in found if s.isalpha() and s.isascii()}


SYLLABLES = _syllables()


def split_pinyin(word: str) -> list[str] | None:
    """A word as pinyin syllables (longest first), or None when it is not pinyin."""
    lower = word.lower()
    if len(lower) < 5:
        return None
    parts: list[str] = []
    at = 0
    while at < len(lower):
        for size in range(min(6, len(lower) - at), 0, -1):
            if lower[at : at + size] in SYLLABLES and (size > 1 or lower[at] in "aeo"):
                parts.append(lower[at : at + size])
                at += size
                break
        else:
            return None
    return parts if len(parts) >= 2 else None


def typo(word: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(word) - 1)
    match rng.choice(("swap", "drop", "double", "change")):
        case "swap":
            return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        case "drop":
            return word[:at] + word[at + 1 :]
        case "double":
            return word[:at] + word[at] + word[at:]
        case _:
            letter = rng.choice("aeiourstnl".replace(word[at].lower(), ""))
            return word[:at] + letter + word[at + 1 :]


def to_cyrillic(text: str) -> str:
    out: list[str] = []
    for word in text.split():
        if word in _RU_FORMS:
            out.append(_RU_FORMS[word])
            continue
        lower, at, cyr = word.lower(), 0, ""
        while at < len(lower):
            for latin, cyrillic in _CYRILLIC:
                if lower.startswith(latin, at):
                    cyr += cyrillic
                    at += len(latin)
                    break
            else:
                cyr += lower[at]
                at += 1
        out.append(cyr[:1].upper() + cyr[1:])
    return " ".join(out)


def variants(row: dict[str, str], rng: random.Random) -> list[tuple[str, str]]:
    name = row["name"]
    aliases = [a for a in row["alt_names"].split("; ") if a.strip()]
    words = name.split()
    made: list[tuple[str, str]] = []
    core = FORM_PATTERN.sub("", name).strip(" ,")
    if core != name and core:
        made.append((f"{core} {rng.choice(FORMS)}", "form_change"))
    elif len(words) >= 2:
        made.append((f"{name} {rng.choice(FORMS)}", "form_change"))
    bracket = re.search(r"\(([^()]+)\)", name)
    if bracket:
        without = " ".join(name.replace(bracket.group(), " ").split())
        made.append((rng.choice([without, f"{bracket.group(1)} {without}"]), "bracket"))
    if len(core.split()) >= 2:
        parts = core.split()
        parts = parts[1:] + parts[:1]
        made.append((" ".join(parts), "word_order"))
    long_words = [w for w in words if len(w) >= 7 and w.isalpha()]
    if long_words:
        target = rng.choice(long_words)
        made.append((name.replace(target, typo(target, rng), 1), "typo"))
    for word in words:
        if word.strip(",.") in CITIES or word.lower().startswith("chin"):
            continue
        syllables = split_pinyin(word.strip(",."))
        if syllables:
            made.append(
                (
                    name.replace(word.strip(",."), " ".join(s.title() for s in syllables)),
                    "pinyin_spacing",
                )
            )
            break
    if aliases and rng.random() < 0.5:
        made.append((rng.choice(aliases), "alias"))
    made.append((re.sub(r"[.,'\"()-]", " ", name).upper(), "case_punctuation"))
    if "RU" in row["addresses"] or "BY" in row["addresses"]:
        for alias in [name, *aliases]:
            first = alias.split()[0] if alias.split() else ""
            if first in _RU_FORMS and re.fullmatch(r"[A-Za-z \-]+", alias):
                made.append((to_cyrillic(alias.replace("-", " ")), "cyrillic"))
                break
    return made


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else LIST
    rows = list(csv.DictReader(source.open(encoding="utf-8")))
    rng = random.Random(20260)
    out: list[tuple[str, str, str, str]] = []
    companies = [
        r
        for r in rows
        if len(r["name"]) > 6 and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+ov\b", r["name"])
    ]
    for row in rng.sample(companies, 260):
        country = row["addresses"].split(";")[0].strip()
        picks = variants(row, rng)
        for query, kind in rng.sample(picks, min(2, len(picks))):
            out.append((query, country, row["_id"], kind))
    special = [r for r in companies if "CN" in r["addresses"] or "(" in r["name"]]
    for row in rng.sample(special, 200):
        for query, kind in variants(row, rng):
            if kind in ("pinyin_spacing", "bracket"):
                out.append((query, row["addresses"].split(";")[0].strip(), row["_id"], kind))
    cyrillic_rows = [r for r in rows if "RU" in r["addresses"]]
    for row in cyrillic_rows:
        for query, kind in variants(row, rng):
            if kind == "cyrillic" and sum(k == "cyrillic" for *_, k in out) < 40:
                out.append((query, "RU", row["_id"], kind))
    for chinese, pattern in CHINESE:
        found = [r for r in rows if re.search(pattern, r["name"])]
        if found:
            out.append((chinese, "CN", found[0]["_id"], "chinese"))
    for name in (n.strip() for n in CLEAN.split(";")):
        out.append((name, "", "", "clean_known"))
    for _ in range(120):
        words = [rng.choice(CITIES), *rng.sample(GENERIC, rng.randint(1, 2)), rng.choice(FORMS)]
        out.append((" ".join(words), rng.choice(["CN", "HK", "AE", "RU", ""]), "", "clean_generic"))
    with (HERE / "labelled.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["query", "country", "expected", "kind"])
        writer.writerows(out)
    print(f"{len(out)} rows written")


if __name__ == "__main__":
    main()
