"""Screening on a real database (SQLite and PostgreSQL): orders screen their parties against
the snapshot in use, dispositions decide the outcome, changed entries reopen them, owners
count under the Affiliates rule, and every step is kept append-only and audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from domain.decision import Outcome
from domain.errors import DomainError
from domain.model import LppCertification, Order, OrderLine, Owner, Party
from domain.ruleset import load_shipped_rulesets
from domain.screening.results import MatchState, Verdict
from domain.services.orders import check_order
from domain.services.screening import (
    approve,
    dispose,
    history,
    rescreen_after_import,
    screen_all,
    screen_names,
    screen_party,
    unscreened,
    update_screening_settings,
    work_queue,
)
from domain.services.screening_lists import import_list
from domain.services.verification import verify_records
from storage.unit_of_work import SqlDatabase
from tests.unit.builders import PRODUCTS

CATALOG = load_shipped_rulesets()
DATA = Path(__file__).resolve().parent.parent / "data" / "screening"
CETC = "China Electronics Technology Group Corporation 13th Research Institute"
HEADER = (
    "source,name,alt_names,addresses,country,license_requirement,license_policy,"
    "federal_register_notice,start_date\n"
)


def _extra(*rows: str) -> bytes:
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


LIST_ONE = _extra(
    "Entity List (EL) - Bureau of Industry and Security,Zenthora Photonics Co. Ltd.,Zenthora,"
    '"Block 5, Singapore, SG",SG,For all items subject to the EAR.,Policy of denial.,'
    "90 FR 1,2025-01-15",
    "Denied Persons List (DPL) - Bureau of Industry and Security,Quorvex Diversion Trading LLC,,"
    '"Dubai, AE",AE,,,,',
)
LIST_CHANGED = _extra(
    "Entity List (EL) - Bureau of Industry and Security,Zenthora Photonics Co. Ltd.,Zenthora,"
    '"Block 5, Singapore, SG",SG,For all items subject to the EAR.,'
    "Case-by-case review for items needed for civil aviation safety.,90 FR 2,2025-01-15",
    "Denied Persons List (DPL) - Bureau of Industry and Security,Quorvex Diversion Trading LLC,,"
    '"Dubai, AE",AE,,,,',
)


def _party(ref: str, name: str, **fields: object) -> Party:
    values: dict[str, object] = {"ref": ref, "name": name, "country": "SG", "hq_country": "SG"}
    values.update(fields)
    return Party.model_validate(values)


def _setup(db: SqlDatabase, *parties: Party, owners: dict[str, list[Owner]] | None = None) -> None:
    with db.writer("setup") as uow:
        for product in PRODUCTS.values():
            uow.products.add(product)
        for party in parties:
            uow.parties.add(party)
            uow.paperwork.put_lpp_certification(
                LppCertification(party_ref=party.ref, year=2026, signed_on=date(2026, 1, 2))
            )
        for ref, items in (owners or {}).items():
            uow.owners.set_owners(ref, items)
        uow.commit()


def _order(db: SqlDatabase, ref: str, consignee: str, end_user: str | None = None) -> str:
    with db.writer("setup") as uow:
        uow.orders.add(
            Order(
                ref=ref,
                date=date(2026, 3, 2),
                consignee_ref=consignee,
                end_user_ref=end_user,
                lines=(OrderLine(product_ref="H100", quantity=2),),
            )
        )
        uow.commit()
    return ref


def _import(db: SqlDatabase, data: bytes, name: str = "list.csv") -> None:
    import_list(db, data, file_name=name, actor="officer", catalog=CATALOG)


def test_without_a_list_orders_are_decided_as_before(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics Co., Ltd."))
    result = check_order(db, CATALOG, _order(db, "SO-1", "ZP"), actor="officer")
    assert result.decision.outcome is Outcome.AUTHORIZED
    assert result.screening == {}


def test_a_listed_consignee_holds_until_decided_then_needs_a_licence(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics Company Limited"), _party("OK", "Maple Compute"))
    _import(db, LIST_ONE)
    held = check_order(db, CATALOG, _order(db, "SO-1", "ZP"), actor="officer").decision
    assert held.outcome is Outcome.HOLD
    pending = next(f for f in held.findings if f.code == "screening_match_pending")
    assert pending.figures["matched_name"] == "Zenthora Photonics Co. Ltd."
    assert "Entity List" in str(pending.figures["list"])
    clean = check_order(db, CATALOG, _order(db, "SO-2", "OK"), actor="officer").decision
    assert clean.outcome is Outcome.AUTHORIZED

    entry = str(pending.figures["entry"])
    queue = work_queue(db)
    assert [(item.party_ref, item.match.entry_id) for item in queue] == [("ZP", entry)]
    dispose(
        db, "ZP", entry, Verdict.TRUE_MATCH, reason="same address and registry number", actor="a"
    )
    decided = check_order(db, CATALOG, "SO-1", actor="officer").decision
    assert decided.outcome is Outcome.LICENSE_REQUIRED
    listed = next(f for f in decided.findings if f.code == "entity_list")
    assert "Policy of denial." in listed.message
    assert decided.consumption == ()
    assert work_queue(db) == []


def test_a_false_positive_clears_and_a_changed_entry_reopens(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics Co Ltd"))
    _import(db, LIST_ONE)
    screening = screen_party(db, "ZP", actor="officer")
    entry = screening.matches[0].entry_id
    dispose(db, "ZP", entry, Verdict.FALSE_POSITIVE, reason="different company", actor="a")
    assert check_order(db, CATALOG, _order(db, "SO-1", "ZP"), actor="o").decision.outcome is (
        Outcome.AUTHORIZED
    )
    _import(db, LIST_CHANGED, "list-2.csv")
    reopened = check_order(db, CATALOG, "SO-1", actor="o").decision
    assert reopened.outcome is Outcome.HOLD
    assert "changed since" in next(
        f.message for f in reopened.findings if f.code == "screening_match_pending"
    )
    assert work_queue(db)[0].state is MatchState.REOPENED


def test_a_strong_match_cleared_waits_for_a_second_officer(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics Co. Ltd."))
    _import(db, LIST_ONE)
    update_screening_settings(db, actor="admin", second_approval=True)
    entry = screen_party(db, "ZP", actor="a").matches[0].entry_id
    assert screen_party(db, "ZP", actor="a").matches[0].score >= 0.95
    dispose(db, "ZP", entry, Verdict.FALSE_POSITIVE, reason="a namesake", actor="alice")
    assert work_queue(db)[0].state is MatchState.AWAITING_APPROVAL
    with pytest.raises(DomainError, match="second officer"):
        approve(db, "ZP", entry, actor="alice")
    approve(db, "ZP", entry, actor="bob")
    assert work_queue(db) == []
    assert check_order(db, CATALOG, _order(db, "SO-1", "ZP"), actor="o").decision.outcome is (
        Outcome.AUTHORIZED
    )
    # The list and both decisions read back exactly as their audit entries recorded them.
    report = verify_records(db, CATALOG)
    assert report.problem is None, report.problem
    assert report.records >= 3  # the party, a list entry, two dispositions


def test_a_denied_end_user_prohibits_the_order(db: SqlDatabase) -> None:
    _setup(db, _party("OK", "Maple Compute"), _party("QD", "Quorvex Diversion Trading L.L.C."))
    _import(db, LIST_ONE)
    entry = screen_party(db, "QD", actor="a").matches[0].entry_id
    dispose(db, "QD", entry, Verdict.TRUE_MATCH, reason="same party", actor="a")
    decision = check_order(db, CATALOG, _order(db, "SO-1", "OK", "QD"), actor="o").decision
    assert decision.outcome is Outcome.PROHIBITED
    assert "denied_party" in decision.codes()


def test_a_party_owned_by_a_listed_party_is_an_affiliate(db: SqlDatabase) -> None:
    owned = _party("SUB", "Harbourline Optics Pte. Ltd.")
    _setup(
        db,
        owned,
        owners={
            "SUB": [
                Owner(
                    party_ref="SUB",
                    owner_name="Zenthora Photonics Co., Ltd.",
                    owner_country="SG",
                    share_percent=60,
                )
            ]
        },
    )
    _import(db, LIST_ONE)
    screening = screen_party(db, "SUB", actor="a")
    owner_match = next(m for m in screening.matches if m.query_role.value == "owner")
    dispose(db, "SUB", owner_match.entry_id, Verdict.TRUE_MATCH, reason="the owner", actor="a")
    with db.writer("clock") as uow:  # orders after the suspension ended
        uow.orders.add(
            Order(
                ref="SO-LATE",
                date=date(2026, 11, 20),
                consignee_ref="SUB",
                lines=(OrderLine(product_ref="H100", quantity=1),),
            )
        )
        uow.commit()
    late = check_order(db, CATALOG, "SO-LATE", actor="o").decision
    assert late.outcome is Outcome.LICENSE_REQUIRED
    assert "affiliate_of_listed_party" in late.codes()
    early = check_order(db, CATALOG, _order(db, "SO-EARLY", "SUB"), actor="o").decision
    assert "listed_owner_note" in early.codes()
    assert early.outcome is Outcome.AUTHORIZED


def test_a_dry_run_screens_without_storing(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics"))
    _import(db, LIST_ONE)
    dry = check_order(db, CATALOG, _order(db, "SO-1", "ZP"), actor="o", dry_run=True)
    assert dry.decision.outcome is Outcome.HOLD
    assert history(db, "ZP").screenings == []


def test_screenings_and_dispositions_are_append_only_and_audited(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics"))
    _import(db, LIST_ONE)
    entry = screen_party(db, "ZP", actor="a").matches[0].entry_id
    dispose(db, "ZP", entry, Verdict.FALSE_POSITIVE, reason="not them", actor="a")
    with db.reader() as uow:
        actions = [entry.action for entry in uow.audit.entries_for("party", "ZP")]
    assert "dispose" in actions
    with db.engine.connect() as connection:
        for table in ("party_screenings", "screening_dispositions"):
            with pytest.raises(DBAPIError, match="append-only"):
                connection.execute(text(f"UPDATE {table} SET party_ref = 'X'"))
            connection.rollback()
            with pytest.raises(DBAPIError, match="append-only"):
                connection.execute(text(f"DELETE FROM {table}"))
            connection.rollback()


def test_a_disposition_needs_a_reason_and_a_known_match(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics"))
    _import(db, LIST_ONE)
    screen_party(db, "ZP", actor="a")
    with pytest.raises(DomainError, match="reason"):
        dispose(db, "ZP", "whatever", Verdict.TRUE_MATCH, reason=" ", actor="a")
    with pytest.raises(DomainError, match="not among its potential matches"):
        dispose(db, "ZP", "no-such-entry", Verdict.TRUE_MATCH, reason="x", actor="a")


def test_screen_all_and_free_names(db: SqlDatabase) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics"), _party("OK", "Maple Compute"))
    _import(db, (DATA / "csl-sample.csv").read_bytes(), "csl.csv")
    done = screen_all(db, actor="a")
    assert {item.party_ref for item in done} == {"ZP", "OK"}
    found = screen_names(db, [(CETC, "CN"), ("Maple Compute", None)])
    assert found[0]
    assert found[0][0].list_kind.value == "entity_list"
    assert found[1] == []


def test_screening_every_party_on_two_cores_stores_what_one_core_finds(
    db: SqlDatabase,
) -> None:
    names = ["Zenthora Photonics", "Maple Compute", "Quorvex Diversion Trading", "Birch Data"]
    _setup(db, *(_party(f"P{n}", f"{names[n % 4]} {n}") for n in range(9)))
    _import(db, LIST_ONE)
    one = {item.party_ref: item.matches for item in screen_all(db, actor="a", workers=1)}
    two = screen_all(db, actor="a", batch=2, workers=2)  # five batches, forked workers
    assert [item.party_ref for item in two] == [f"P{n}" for n in range(9)]
    assert {item.party_ref: item.matches for item in two} == one
    assert sum(1 for matches in one.values() if matches) == 5  # Zenthora and Quorvex
    with db.reader() as uow:
        assert len(uow.screenings.history("P0")) == 2


def test_after_an_import_only_what_the_changes_can_affect_is_screened_again(
    db: SqlDatabase,
) -> None:
    _setup(db, _party("ZP", "Zenthora Photonics"), _party("MC", "Maple Compute"))
    _import(db, LIST_ONE)
    first = rescreen_after_import(db, actor="o")
    assert (first.parties, first.screened, first.carried, first.with_matches) == (2, 2, 0, 1)
    _import(db, LIST_CHANGED, "list-2.csv")
    second = rescreen_after_import(db, actor="o")
    assert (second.screened, second.carried) == (1, 1)  # ZP's entry changed; MC untouched
    again = rescreen_after_import(db, actor="o")
    assert (again.screened, again.carried) == (0, 0)  # everything is screened already
    added = LIST_CHANGED + b"Company deny list,Maple Compute Holdings,,,SG,,,,\n"
    _import(db, added, "list-3.csv")
    third = rescreen_after_import(db, actor="o")
    assert third.screened == 1  # MC may meet the added entry; ZP is carried
    assert third.carried == 1


def test_a_party_is_screened_when_created_renamed_or_given_owners(db: SqlDatabase) -> None:
    from domain.csvio import CsvKind
    from domain.services.records import add_record, update_record
    from domain.services.transfer import import_file

    _setup(db)
    _import(db, LIST_ONE)
    add_record(db, _party("NEW", "Maple Compute"), actor="officer")
    assert len(history(db, "NEW").screenings) == 1
    assert history(db, "NEW").screenings[0].matches == ()
    update_record(db, _party("NEW", "Maple Compute", address="1 Road"), actor="officer")
    assert len(history(db, "NEW").screenings) == 1  # same names: nothing to screen again
    update_record(db, _party("NEW", "Zenthora Photonics Co Ltd"), actor="officer")
    renamed = history(db, "NEW").screenings
    assert len(renamed) == 2
    assert renamed[0].matches[0].list_name == "Zenthora Photonics Co. Ltd."
    owners = (
        b"party_ref,owner_name,owner_country,share_percent\nNEW,Quorvex Diversion Trading,AE,30\n"
    )
    import_file(db, CsvKind.OWNERSHIP, owners, source="owners.csv", actor="officer")
    latest = history(db, "NEW").screenings[0]
    assert any(match.query_role.value == "owner" for match in latest.matches)


def test_the_decision_record_shows_the_screening_the_decision_rested_on(
    db: SqlDatabase, tmp_path: Path
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from domain.services.documents.views import decision_record_view
    from reports.decision_record import DecisionRecordPdf
    from tests.integration.test_reports import stamp_for

    _setup(db, _party("ZP", "Zenthora Photonics Co Ltd"), _party("MC", "Maple Compute"))
    _import(db, LIST_ONE)
    entry = screen_party(db, "ZP", actor="a").matches[0].entry_id
    dispose(db, "ZP", entry, Verdict.TRUE_MATCH, reason="same registry number", actor="alice")
    check_order(db, CATALOG, _order(db, "SO-1", "ZP", "MC"), actor="officer")
    dispose(db, "ZP", entry, Verdict.FALSE_POSITIVE, reason="changed later", actor="bob")
    view = decision_record_view(db, CATALOG, "SO-1")
    consignee, end_user = view.screening
    assert (consignee.party, consignee.result) == ("ZP", "true match")
    assert consignee.matches[0].decision.startswith("true match by alice")
    assert "same registry number" in consignee.matches[0].decision  # not bob's later change
    assert (end_user.party, end_user.matches) == ("MC", ())
    assert "snapshot" in consignee.snapshot
    pdf = DecisionRecordPdf().render(view, stamp_for(view))
    text = " ".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)
    assert "Restricted-party screening" in text
    assert "same registry number" in " ".join(text.split())


def test_a_decision_made_before_any_list_says_the_parties_were_not_screened(
    db: SqlDatabase,
) -> None:
    from domain.services.documents.views import decision_record_view

    _setup(db, _party("ZP", "Zenthora Photonics"))
    check_order(db, CATALOG, _order(db, "SO-1", "ZP"), actor="officer")
    _import(db, LIST_ONE)
    rescreen_after_import(db, actor="o")
    assert decision_record_view(db, CATALOG, "SO-1").screening == ()


def test_what_an_import_carries_is_what_screening_everyone_again_finds(
    db: SqlDatabase,
) -> None:
    """The real Entity List, 300 parties of the labelled set, then a list with renamed,
    re-aliased, removed, re-addressed and new entries: the parties carried and those
    screened again together hold exactly the matches a full screening finds."""
    import csv
    import io
    import random

    with (DATA / "labelled.csv").open(encoding="utf-8", newline="") as handle:
        labelled = list(csv.DictReader(handle))[::3][:300]
    parties = [
        _party(f"P{number:03d}", row["query"][:200], country=row["country"] or "SG")
        for number, row in enumerate(labelled)
    ]
    _setup(db, *parties)
    source = (DATA / "entity-list.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(source)))
    _import(db, _csv(rows), "list-1.csv")
    first = rescreen_after_import(db, actor="o")
    assert first.screened == 300
    rng = random.Random(11)
    changed = [dict(row) for row in rows]
    picked = rng.sample(range(len(changed)), 40)
    for number in picked[:10]:
        changed[number]["name"] += " Branch"
    for number, party in zip(picked[10:20], parties[::30], strict=False):
        changed[number]["alt_names"] = party.name  # a party now meets this entry
    for number in picked[20:30]:
        changed[number]["addresses"] = "Moscow, RU"
    changed = [row for number, row in enumerate(changed) if number not in picked[30:]]
    for party in parties[5::60]:
        changed.append(dict(rows[0], _id=f"new-{party.ref}", name=party.name + " Group"))
    _import(db, _csv(changed), "list-2.csv")
    again = rescreen_after_import(db, actor="o")
    assert again.carried > 150  # most parties cannot be affected
    assert again.screened > 10  # the new aliases and entries reach some
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        assert snapshot is not None
        kept = uow.screenings.latest_for([party.ref for party in parties], snapshot.id)
    fresh = {item.party_ref: item for item in screen_all(db, actor="o")}
    for ref, screening in kept.items():
        assert {match.entry_id for match in screening.matches} == {
            match.entry_id for match in fresh[ref].matches
        }, ref
        for before, now in zip(screening.matches, fresh[ref].matches, strict=True):
            assert before.score == pytest.approx(now.score, abs=0.002), ref
    assert any(
        match.entry_id.startswith("new-") for item in kept.values() for match in item.matches
    )
    # carried once more: the matches are still read from where they were first written
    _import(db, _csv([*changed, dict(rows[0], _id="other", name="Quill Lantern Works")]), "3.csv")
    third = rescreen_after_import(db, actor="o")
    assert third.carried > 150
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        assert snapshot is not None
        carried = uow.screenings.latest_for([party.ref for party in parties], snapshot.id)
        listed = {item.party_ref for item in uow.screenings.with_matches(snapshot.id)}
    assert {ref: item.matches for ref, item in carried.items()} == {
        ref: fresh[ref].matches for ref in carried
    }
    assert listed == {ref for ref, item in carried.items() if item.matches}


def test_a_party_without_kept_keys_is_screened_again_in_full(db: SqlDatabase) -> None:
    """Keys kept by an earlier version of the matcher (or none at all) are not trusted."""
    _setup(db, _party("ZP", "Zenthora Photonics"), _party("MC", "Maple Compute"))
    _import(db, LIST_ONE)
    rescreen_after_import(db, actor="o")
    with db.writer("test") as uow:
        uow.connection.execute(text("DELETE FROM screening_name_keys"))
        uow.commit()
    added = LIST_ONE + b"Company deny list,Birch Data Partners,,,SG,,,,\n"
    _import(db, added, "list-2.csv")
    second = rescreen_after_import(db, actor="o")
    assert (second.screened, second.carried) == (2, 0)
    _import(db, added + b"Company deny list,Aspen Grid Works,,,SG,,,,\n", "list-3.csv")
    third = rescreen_after_import(db, actor="o")
    assert (third.screened, third.carried) == (0, 2)  # the keys were kept this time


def test_a_party_whose_names_changed_since_its_screening_is_screened_again(
    db: SqlDatabase,
) -> None:
    """Names changed behind the desk's back (no screening followed): a new name or a new
    owner is screened again; the same names written otherwise are carried."""
    _setup(
        db,
        _party("ZP", "Zenthora Photonics"),
        _party("MC", "Maple Compute"),
        _party("BW", "Birch Works"),
    )
    _import(db, LIST_ONE)
    rescreen_after_import(db, actor="o")
    with db.writer("test") as uow:
        same = "UPDATE parties SET name = 'ZENTHORA PHOTONICS' WHERE ref = 'ZP'"
        uow.connection.execute(text(same))
        uow.connection.execute(text("UPDATE parties SET name = 'Aspen Grid' WHERE ref = 'MC'"))
        uow.connection.execute(
            text(
                "INSERT INTO party_owners (party_ref, owner_name, owner_country, share_percent)"
                " VALUES ('BW', 'Quill Holdings', 'SG', 60)"
            )
        )
        uow.commit()
    _import(db, LIST_ONE + b"Company deny list,Lumen Tide Partners,,,SG,,,,\n", "list-2.csv")
    again = rescreen_after_import(db, actor="o")
    assert (again.screened, again.carried) == (2, 1)
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        assert snapshot is not None
        assert unscreened(uow, ["ZP", "MC", "BW"], snapshot) == []


def _csv(rows: list[dict[str, str]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()
