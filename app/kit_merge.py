"""Taking a signed-off kit back into the desk (rules.md section 10, "Merging back"), with its
visit report registered: one home for ``kit merge`` and the window's File › Merge."""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs

from app.cli_documents import AtomicPdf
from app.wiring import APP_NAME
from domain.documents import DocumentRenderer, RegisteredDocument
from domain.errors import DomainError
from domain.ports import Clock, Database
from domain.services.documents import generate
from domain.services.field_audit import KitMerged, merge_kit
from domain.services.site_visit import SiteVisit
from domain.services.visit_report import registered_report
from storage.desk_key import DeskKey
from storage.kit_file import Kit, make_thumbnail, open_kit


def desk_key_for(database_file: Path | None) -> DeskKey:
    """The desk's signing key: beside a database file, else in the user's data folder."""
    if database_file is not None:
        return DeskKey.for_database(database_file)
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return DeskKey.load_or_create(folder / "desk.desk-key")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def register_report(
    db: Database,
    kit: Kit,
    out: Path,
    *,
    renderer: DocumentRenderer,
    clock: Clock,
    actor: str,
) -> tuple[RegisteredDocument | None, str | None]:
    """Register the kit's visit report with the desk and write it to ``out`` (once: a report
    registered at an earlier merge is found, not made again). A desk that cannot register
    documents yet (no letterhead) gets the reason back, and the visit stays merged."""
    view = SiteVisit(kit, clock=clock, actor=actor, thumbnail=make_thumbnail).report_view()
    target = AtomicPdf(out)
    with db.reader() as uow:
        known = registered_report(uow, view)
    if known is not None:
        # registered, and the program stopped before the file got its name: it gets it now
        left = target.part
        if not out.exists() and left.exists() and _sha256(left) == known.file_sha256:
            target.finish(known)
        return known, None
    try:
        document, _ = generate(db, renderer, view, actor=actor, deliver=target.deliver)
    except DomainError as error:
        target.discard()
        return None, (
            f"the visit was merged but its report was not registered: {error}; merge the kit "
            "again once that is done"
        )
    except BaseException:
        target.discard()
        raise
    target.finish(document)
    return document, None


def merge_kit_file(
    db: Database,
    path: Path,
    *,
    key: DeskKey,
    renderer: DocumentRenderer,
    clock: Clock,
    actor: str,
    report_file: Path | None = None,
) -> KitMerged:
    """Check the kit (signed by a key of this desk, log chained), record the visit once, and
    register its report beside the kit unless ``report_file`` says where."""
    kit = open_kit(path)  # its signature and log; whose key it is, the merge checks
    own = key.public_key.hex()
    result = merge_kit(db, kit.contents, kit.contents_sha256, kit.log, actor=actor, own_key=own)
    out = report_file or path.with_name(path.stem + "-visit-report.pdf")
    report, warning = register_report(db, kit, out, renderer=renderer, clock=clock, actor=actor)
    return KitMerged(path, kit.contents.party_ref, result, report, out, warning)
