"""The record attacked as someone with the database file in hand would: each attack drops the
append-only triggers first, changes the file with plain SQL (or with the program's own hash
code, to recompute what it changed), and ``audit verify`` must name what was done.

The campaign that found the gaps: master data outside the chain (prior receipts, TPP, line
quantities, names, signing dates, cancelled flags, document hashes), the rules outside the
chain (an edited ruleset deciding an order), nothing anchoring the chain (wiped, rolled back,
shortened, recomputed). Every attack below is caught; none of them was a false alarm on the
untouched copy.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.anchoring import verify_anchored
from app.cli import main
from domain.audit import audit_entry_hash
from domain.ports import RedFlagChecklist
from domain.ruleset import RulesetCatalog, load_shipped_rulesets, parse_ruleset
from domain.screening.results import Verdict
from domain.services.orders import check_order
from domain.services.records import record_checklist
from domain.services.screening import dispose, screen_all
from domain.services.screening_lists import import_list
from storage.unit_of_work import SqlDatabase
from tests.clock import TEST_NOW, clock_on

CATALOG = load_shipped_rulesets()
DB = "desk.sqlite3"


def _run(path: Path, *args: str) -> None:
    assert main(["--db", str(path), *args], clock=clock_on()) == 0, args


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demonstration desk with decisions, a cancelled order, owners, a checklist and a
    registered paper, its chain anchored beside it."""
    folder = tmp_path_factory.mktemp("pristine")
    path = folder / DB
    _run(path, "demo")
    _run(path, "check", "--pending")
    _run(path, "cancel", "SO-25-0004")
    owners = folder / "owners.csv"
    owners.write_text(
        "party_ref,owner_name,owner_country,share_percent\nSG-LIONCITY,Lion Holdings,SG,60\n",
        encoding="utf-8",
    )
    _run(path, "import", "ownership", str(owners))
    _run(path, "settings", "--letterhead-name", "Example Exports Inc.")
    _run(path, "settings", "--letterhead-address", "1 Main Street, Springfield")
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        record_checklist(
            db,
            RedFlagChecklist(
                order_ref="SO-25-0001",
                answers={"residential_address": False},
                answered_by="maria",
                answered_at=TEST_NOW,
            ),
            actor="maria",
        )
    finally:
        db.close()
    _screened(path)
    _run(
        path,
        "statement",
        "aia",
        "US-HALCYON",
        "--out",
        str(folder / "aia.pdf"),
        "--signer",
        "Dana Reyes, Chief Compliance Officer",
    )
    return folder


RESTRICTED = (
    "source,name,alt_names,addresses,country,license_requirement,license_policy,"
    "federal_register_notice,start_date\n"
    "Entity List (EL) - Bureau of Industry and Security,Straits Silicon Distribution Sdn Bhd,,"
    '"Penang, MY",MY,For all items subject to the EAR.,Presumption of denial.,'
    "90 FR 1,2025-01-02\n"
    "Entity List (EL) - Bureau of Industry and Security,Lion City AI Pte Ltd,,"
    '"Singapore, SG",SG,For all items subject to the EAR.,Presumption of denial.,'
    "90 FR 2,2025-01-03\n"
    "Entity List (EL) - Bureau of Industry and Security,Unrelated Holdings Ltd,,"
    '"Hong Kong, HK",HK,For all items subject to the EAR.,Presumption of denial.,'
    "90 FR 3,2025-01-04\n"
)
"""A small restricted-party list naming two of the demonstration's parties."""


def _screened(path: Path) -> None:
    """The list taken into use, every party screened, and each potential match decided:
    the first a true match, the others false positives."""
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        import_list(db, RESTRICTED.encode(), file_name="el.csv", actor="maria", catalog=CATALOG)
        screen_all(db, actor="maria", workers=1)
        with db.reader() as uow:
            snapshot = uow.list_snapshots.in_use()
            assert snapshot is not None
            matched = [
                (screening.party_ref, match.entry_id)
                for screening in uow.screenings.with_matches(snapshot.id)
                for match in screening.matches
            ]
        assert len(matched) >= 2, matched
        for number, (party_ref, entry_id) in enumerate(sorted(matched)):
            verdict = Verdict.TRUE_MATCH if number == 0 else Verdict.FALSE_POSITIVE
            dispose(db, party_ref, entry_id, verdict, reason="compared addresses", actor="maria")
    finally:
        db.close()


@pytest.fixture
def desk(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "desk"
    shutil.copytree(pristine, copy)
    return copy / DB


def _verify(path: Path, catalog: RulesetCatalog = CATALOG) -> str | None:
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        report = verify_anchored(db, catalog)
    finally:
        db.close()
    return None if report.problem is None else report.problem.what


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    try:
        triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (name,) in triggers.fetchall():
            connection.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _recompute_chain_from(path: Path, seq: int, edit: Callable[[dict[str, object]], None]) -> None:
    """Edit entry ``seq``'s after-state and recompute every hash from there on, as the
    program itself would: the chain is whole again, only the anchors remember."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            'SELECT seq, at, actor, action, entity, entity_ref, "before", "after", prev_hash'
            " FROM audit_log WHERE seq >= ? ORDER BY seq",
            (seq,),
        ).fetchall()
        previous = rows[0][8]
        from storage.statements import read_datetime

        for number, at, actor, action, entity, ref, before, after, _ in rows:
            after_value = None if after is None else json.loads(after)
            if number == seq and isinstance(after_value, dict):
                edit(after_value)
            before_value = None if before is None else json.loads(before)
            new_hash = audit_entry_hash(
                seq=number,
                at=read_datetime(at),
                actor=actor,
                action=action,
                entity=entity,
                entity_ref=ref,
                before=before_value,
                after=after_value,
                prev_hash=previous,
            )
            connection.execute(
                'UPDATE audit_log SET "after" = ?, prev_hash = ?, hash = ? WHERE seq = ?',
                (
                    None if after_value is None else json.dumps(after_value),
                    previous,
                    new_hash,
                    number,
                ),
            )
            previous = new_hash
        connection.commit()
    finally:
        connection.close()


def _drop_triggers_then(path: Path, action: Callable[[], None]) -> None:
    _sql(path)
    action()


@dataclass(frozen=True)
class Attack:
    name: str
    statements: tuple[str, ...]
    caught: str
    """Words the verdict must contain."""


_PARTY = "(SELECT id FROM parties WHERE ref = 'SG-LIONCITY')"
_ORDER = "(SELECT id FROM orders WHERE ref = 'SO-25-0001')"

SQL_ATTACKS = [
    Attack(
        "LPP prior receipts set to 0 (frees quota)",
        (f"UPDATE lpp_certifications SET prior_receipts_tpp = 0 WHERE party_id = {_PARTY}",),
        "LPP certification SG-LIONCITY@",
    ),
    Attack(
        "a product's TPP lowered from 15,832 to 1",
        ("UPDATE products SET tpp = 1 WHERE ref = 'H100-SXM'",),
        "product H100-SXM was changed outside the desk",
    ),
    Attack(
        "an order line's quantity changed after its decision",
        (f"UPDATE order_lines SET quantity = quantity + 100 WHERE order_id = {_ORDER}",),
        "order SO-25-0001 was changed outside the desk",
    ),
    Attack(
        "a party renamed",
        ("UPDATE parties SET name = 'Someone Else Pte Ltd' WHERE ref = 'SG-LIONCITY'",),
        "its name is 'Someone Else Pte Ltd'",
    ),
    Attack(
        "a party's correspondence language changed",
        ("UPDATE parties SET language = 'zh_CN' WHERE ref = 'SG-LIONCITY'",),
        "party SG-LIONCITY was changed outside the desk",
    ),
    Attack(
        "a party moved to another country (another tier)",
        ("UPDATE parties SET country = 'JP', hq_country = 'JP' WHERE ref = 'SG-LIONCITY'",),
        "party SG-LIONCITY was changed outside the desk",
    ),
    Attack(
        "an AIA certification's signing date moved",
        (
            "UPDATE aia_certifications SET signed_on = '2024-12-01' WHERE party_id = "
            "(SELECT id FROM parties WHERE ref = 'US-HALCYON')",
        ),
        "AIA certification US-HALCYON@",
    ),
    Attack(
        "an AIA certification revoked date cleared",
        ("UPDATE aia_certifications SET revoked_on = '2026-01-01'",),
        "AIA certification",
    ),
    Attack(
        "a cancelled order made open again",
        ("UPDATE orders SET status = 'open' WHERE ref = 'SO-25-0004'",),
        "order SO-25-0004 was changed outside the desk",
    ),
    Attack(
        "an open order marked cancelled",
        ("UPDATE orders SET status = 'cancelled' WHERE ref = 'SO-25-0002'",),
        "order SO-25-0002 was changed outside the desk",
    ),
    Attack(
        "a registered document's content hash replaced",
        ("UPDATE documents SET content_hash = '" + "0" * 64 + "'",),
        "registered document",
    ),
    Attack(
        "a licence's authorized TPP raised",
        ("UPDATE licenses SET tpp = tpp * 10 WHERE number = 'D1234567'",),
        "licence D1234567 was changed outside the desk",
    ),
    Attack(
        "a licence extended",
        ("UPDATE licenses SET valid_to = '2099-12-31' WHERE number = 'D1234567'",),
        "licence D1234567",
    ),
    Attack(
        "a VEU footprint lowered",
        ("UPDATE veu_footprints SET installed_tpp = 0",),
        "VEU footprint",
    ),
    Attack(
        "a country's allocation used by others set to 0",
        ("UPDATE country_settings SET external_allocation_used_tpp = 0, g2g_agreement = 1",),
        "country setting",
    ),
    Attack(
        "an owner's share lowered under the Affiliates rule's threshold",
        ("UPDATE party_owners SET share_percent = 10",),
        "owners of party SG-LIONCITY",
    ),
    Attack(
        "a party's owners deleted",
        ("DELETE FROM party_owners",),
        "owners of party SG-LIONCITY was removed outside the desk",
    ),
    Attack(
        "a party added outside the desk",
        (
            "INSERT INTO parties (ref, name, aliases, address, country, hq_country, role,"
            " veu, search_text) VALUES ('XX-NEW', 'Ghost Ltd', '[]', '', 'SG', 'SG', 'other',"
            " 'none', 'ghost ltd')",
        ),
        "party XX-NEW is in the database but no audit entry records it",
    ),
    Attack(
        "a value no desk would write",
        ("UPDATE parties SET role = 'both' WHERE ref = 'SG-LIONCITY'",),
        "cannot be read as the desk wrote them",
    ),
    Attack(
        "a red-flag resolution written into an order",
        (
            "UPDATE orders SET rf28_resolved_on = '2026-01-01', rf28_resolved_by = 'x',"
            " rf28_note = 'fine' WHERE ref = 'SO-25-0002'",
        ),
        "order SO-25-0002 was changed outside the desk",
    ),
    Attack(
        "a checklist answer flipped",
        ("UPDATE red_flag_checklists SET answers = '{\"residential_address\":true}'",),
        "red-flag checklists of order SO-25-0001",
    ),
    Attack(
        "a setting changed (the letterhead on every paper)",
        ("UPDATE settings SET value = 'Shell Co' WHERE value LIKE '%Example Exports%'",),
        "setting",
    ),
    Attack(
        "a true match's verdict turned into a false positive (the party is cleared)",
        ("UPDATE screening_dispositions SET verdict = 'false_positive' WHERE id = 1",),
        "its verdict is 'false_positive' where audit entry",
    ),
    Attack(
        "a disposition's reason rewritten",
        ("UPDATE screening_dispositions SET reason = 'no match' WHERE id = 2",),
        "was changed outside the desk: its reason is 'no match'",
    ),
    Attack(
        "a true match's disposition deleted",
        ("DELETE FROM screening_dispositions WHERE id = 1",),
        "(true_match) was removed outside the desk",
    ),
    Attack(
        "the last disposition deleted",
        (
            "DELETE FROM screening_dispositions"
            " WHERE id = (SELECT max(id) FROM screening_dispositions)",
        ),
        "was removed outside the desk",
    ),
    Attack(
        "a false-positive disposition slipped in",
        (
            "INSERT INTO screening_dispositions (party_ref, entry_id, entry_hash, verdict, reason,"
            " document, score, decided_by, decided_at, approved_by, approved_at) SELECT"
            " party_ref, entry_id, entry_hash, 'false_positive', 'fine', NULL, score, 'maria',"
            " decided_at, 'boss', decided_at FROM screening_dispositions WHERE id = 1",
        ),
        "no audit entry records it: it was added outside the desk",
    ),
    Attack(
        "a name taken off the restricted-party list (entry and its hash deleted)",
        ("DELETE FROM list_entries WHERE name LIKE 'Lion City%'",),
        "restricted-party list snapshot 1 (el.csv) was changed outside the desk",
    ),
    Attack(
        "a listed name rewritten so that it no longer matches",
        (
            "UPDATE list_entries SET data = replace(data, 'Straits', 'Strait')"
            " WHERE name LIKE 'Straits%'",
        ),
        "list entry",
    ),
    Attack(
        "a listed name and its stored hash rewritten together",
        (
            "UPDATE list_entries SET data = replace(data, 'Straits', 'Strait'), content_hash = '"
            + "1" * 64
            + "' WHERE name LIKE 'Straits%'",
        ),
        "restricted-party list snapshot 1 (el.csv)",
    ),
    Attack(
        "a list snapshot's recorded hash replaced",
        ("UPDATE list_snapshots SET content_hash = '" + "2" * 64 + "'",),
        "restricted-party list snapshot 1",
    ),
    Attack(
        "a list snapshot deleted with its entries",
        ("DELETE FROM list_entries", "DELETE FROM party_screenings", "DELETE FROM list_snapshots"),
        "restricted-party list snapshot 1 was removed outside the desk",
    ),
    Attack(
        "a decision's outcome edited",
        ("UPDATE decisions SET outcome = 'authorized' WHERE outcome = 'prohibited'",),
        "was changed after it was recorded",
    ),
    Attack(
        "a decision's payload edited",
        ("UPDATE decisions SET payload = replace(payload, 'SO-', 'SX-') WHERE id = 1",),
        "decision 1",
    ),
    Attack(
        "a ledger entry lowered",
        ("UPDATE ledger_entries SET tpp = tpp / 2 WHERE id = 1",),
        "ledger entries of decision",
    ),
    Attack(
        "a running balance lowered",
        ("UPDATE ledger_balances SET tpp = 0 WHERE tpp > 0",),
        "running balance",
    ),
    Attack(
        "a decision deleted",
        ("DELETE FROM ledger_entries WHERE decision_id = 5", "DELETE FROM decisions WHERE id = 5"),
        "decision 5",
    ),
    Attack(
        "an audit entry edited",
        ("UPDATE audit_log SET actor = 'someone' WHERE seq = 3",),
        "entry 3",
    ),
    Attack(
        "an audit entry deleted in the middle",
        ("DELETE FROM audit_log WHERE seq = 10",),
        "entries 10..10 are missing",
    ),
    Attack(
        "the audit log, decisions and ledgers wiped",
        (
            "DELETE FROM audit_log",
            "DELETE FROM ledger_entries",
            "DELETE FROM ledger_balances",
            "DELETE FROM decisions",
        ),
        "entries were removed from the end of the record",
    ),
    Attack(
        "the last audit entry deleted",
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",),
        "entries were removed from the end of the record",
    ),
]


@pytest.mark.parametrize("attack", SQL_ATTACKS, ids=[attack.name for attack in SQL_ATTACKS])
def test_an_edit_of_the_database_file_is_named_by_audit_verify(desk: Path, attack: Attack) -> None:
    _sql(desk, *attack.statements)
    verdict = _verify(desk)
    assert verdict is not None, attack.name
    assert attack.caught in verdict


def test_the_untouched_record_verifies_intact_with_its_anchors(desk: Path) -> None:
    db = SqlDatabase.open(desk, clock=clock_on())
    try:
        report = verify_anchored(db, CATALOG)
    finally:
        db.close()
    assert report.problem is None
    assert report.records > 400
    assert report.anchors >= 2  # the anchor file's lines and the registered paper


def test_the_last_decision_rolled_back_whole_is_caught_by_the_anchor(desk: Path) -> None:
    connection = sqlite3.connect(desk)
    (last_id,) = connection.execute("SELECT max(id) FROM decisions").fetchone()
    (seq,) = connection.execute(
        "SELECT seq FROM audit_log WHERE action = 'decide' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    connection.close()
    _sql(
        desk,
        f"DELETE FROM ledger_entries WHERE decision_id = {last_id}",
        f"DELETE FROM decisions WHERE id = {last_id}",
        f"DELETE FROM audit_log WHERE seq >= {seq}",
        "DELETE FROM ledger_balances",
        "UPDATE orders SET decided = 0",
    )
    verdict = _verify(desk)
    assert verdict is not None
    assert "removed from the end" in verdict or "running balance" in verdict


def test_a_chain_recomputed_from_a_middle_entry_is_caught_by_the_anchors(desk: Path) -> None:
    def edit(after: dict[str, object]) -> None:
        after["outcome"] = "no_license_required"

    _drop_triggers_then(desk, lambda: _recompute_chain_from(desk, 20, edit))
    verdict = _verify(desk)
    assert verdict is not None
    assert "the record was rewritten after it" in verdict


def test_an_anchor_line_edited_to_fit_a_rewritten_chain_is_refused(desk: Path) -> None:
    anchors = desk.with_name(desk.name + ".anchors")
    lines = anchors.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["head"] = "f" * 64
    lines[-1] = json.dumps(last)
    anchors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    verdict = _verify(desk)
    assert verdict is not None
    assert "was changed after the desk signed it" in verdict


def test_an_anchor_signed_by_a_key_of_its_own_is_refused(desk: Path, tmp_path: Path) -> None:
    from storage.anchors import append_anchor
    from storage.desk_key import DeskKey

    stranger = DeskKey.load_or_create(tmp_path / "stranger.desk-key")
    append_anchor(
        desk.with_name(desk.name + ".anchors"),
        stranger,
        seq=1,
        head="0" * 64,
        at=TEST_NOW,
        by="mallory",
        database=str(desk),
    )
    verdict = _verify(desk)
    assert verdict is not None
    assert "which no desk of this database uses" in verdict


def test_a_chain_shortened_with_its_anchor_file_deleted_is_caught_by_a_registered_paper(
    desk: Path,
) -> None:
    desk.with_name(desk.name + ".anchors").unlink()
    connection = sqlite3.connect(desk)
    (issued_at,) = connection.execute("SELECT chain_seq FROM documents").fetchone()
    connection.close()
    _sql(desk, f"DELETE FROM audit_log WHERE seq >= {issued_at}")
    verdict = _verify(desk)
    assert verdict is not None
    assert "registered document" in verdict


def _edited_catalog() -> RulesetCatalog:
    """The shipped rulesets with the LPP limit of the newest raised tenfold, as an edited
    ruleset file would be read."""
    from importlib import resources

    folder = resources.files("domain") / "rulesets"
    versions = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        text = entry.read_text(encoding="utf-8")
        if entry.name == "aidf-2026-02-03.toml":
            assert "26_900_000" in text or "26900000" in text
            text = text.replace("26_900_000", "269_000_000").replace("26900000", "269000000")
        versions.append(parse_ruleset(text, entry.name))
    return RulesetCatalog(versions)


def test_an_order_decided_under_an_edited_ruleset_is_named_once_the_file_is_restored(
    desk: Path,
) -> None:
    db = SqlDatabase.open(desk, clock=clock_on())
    try:
        check_order(db, _edited_catalog(), "SO-26-0013", actor="mallory")
    finally:
        db.close()
    verdict = _verify(desk)  # the genuine file is back
    assert verdict is not None
    assert "decided under ruleset aidf-2026-02-03" in verdict


def test_decisions_made_under_the_genuine_rules_are_named_while_the_file_stays_edited(
    desk: Path,
) -> None:
    verdict = _verify(desk, _edited_catalog())
    assert verdict is not None
    assert "that ruleset's file now reads" in verdict


def test_a_paper_verified_against_a_shortened_record_says_the_record_was_rewritten(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(desk)
    (issued_at,) = connection.execute("SELECT chain_seq FROM documents").fetchone()
    connection.close()
    _sql(desk, f"DELETE FROM audit_log WHERE seq >= {issued_at}")
    capsys.readouterr()
    code = main(["--db", str(desk), "verify", str(desk.parent / "aia.pdf")], clock=clock_on())
    out = capsys.readouterr().out
    assert code == 2
    assert "GENUINE, BUT THE DESK'S RECORD WAS REWRITTEN SINCE" in out
