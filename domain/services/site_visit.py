"""The visit on site (rules.md section 10, "On site"): what the auditor does with a kit, with the
kit file and nothing else; the command line (``kit scan``, ``kit photo`` ...) and the window's
field-audit screen both go through :class:`SiteVisit`.

Every action is an entry of the kit's own hash-chained log, written before it is shown as
done; once the kit is signed off (``close``) it takes nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from domain.documents import VisitReportView
from domain.errors import DomainError
from domain.fieldaudit.kit import KitContents
from domain.fieldaudit.reconcile import Expected, Reconciler, Reconciliation, Sighting
from domain.fieldaudit.scans import read_serials
from domain.ports import Clock
from domain.services.field_audit import LoggedAction
from domain.services.visit_report import visit_report_view

ANSWERS = ("yes", "no")
"""The answers a checklist item takes ("no" is a failed item: the party goes under review)."""


class OpenKit(Protocol):
    """A kit file opened and verified (storage.kit_file.Kit)."""

    @property
    def contents(self) -> KitContents: ...
    @property
    def contents_sha256(self) -> str: ...
    @property
    def log(self) -> Sequence[LoggedAction]: ...
    @property
    def closed(self) -> bool: ...
    def append_many(
        self, action: str, payloads: list[dict[str, Any]], *, actor: str, at: datetime
    ) -> Sequence[LoggedAction]: ...
    def photo(self, sha256: str) -> tuple[bytes, bytes | None] | None: ...
    def add_photo(self, name: str, data: bytes, thumbnail: bytes | None) -> str: ...


Thumbnailer = Callable[[bytes, str], bytes]
"""Makes a photo's thumbnail (refusing, naming the file, what is not a photo)."""


@dataclass(frozen=True, slots=True)
class PaperCheck:
    """What the kit says of a paper found on site."""

    genuine: bool
    message: str
    document: dict[str, Any] | None = None


def reconciler_for(kit: OpenKit) -> tuple[Reconciler, list[Sighting]]:
    """The kit's expected serials, with the serials already logged on site scanned (and what
    each was)."""
    contents = kit.contents
    reconciler = Reconciler(
        contents.site,
        (
            Expected(item.serial, item.product_ref, item.order_ref, item.site)
            for item in contents.expected
        ),
        contents.shipped_elsewhere,
    )
    seen = [
        reconciler.scan(str(entry.payload["serial"])) for entry in kit.log if entry.action == "scan"
    ]
    return reconciler, seen


class SiteVisit:
    """One kit on site: scanning, photos, the checklist, the sign-off and the report."""

    def __init__(self, kit: OpenKit, *, clock: Clock, actor: str, thumbnail: Thumbnailer):
        self.kit = kit
        self._clock = clock
        self._actor = actor
        self._thumbnail = thumbnail
        self._reconciler, self._sightings = reconciler_for(kit)

    @property
    def contents(self) -> KitContents:
        return self.kit.contents

    @property
    def closed(self) -> bool:
        return self.kit.closed

    def _refuse_when_closed(self) -> None:
        if self.kit.closed:
            raise DomainError("the kit is signed off; nothing more can be added")

    # -- serials ---------------------------------------------------------------------------

    def scan(self, serials: Sequence[str]) -> list[Sighting]:
        """Record serials seen on site (in one log transaction) and say what each is."""
        self._refuse_when_closed()
        wanted = [serial for serial in serials if serial.strip()]
        if not wanted:
            return []
        sightings = [self._reconciler.scan(serial) for serial in wanted]
        payloads = [
            {"serial": item.serial.strip(), "class": item.kind.value, "shipped_to": item.shipped_to}
            for item in sightings
        ]
        try:
            self.kit.append_many("scan", payloads, actor=self._actor, at=self._clock.now())
        except BaseException:
            self._reconciler, self._sightings = reconciler_for(self.kit)  # as the log holds it
            raise
        self._sightings += sightings
        return sightings

    def sightings(self) -> list[Sighting]:
        """Every serial taken on this visit, in order, with what it was when taken."""
        return list(self._sightings)

    def scan_file(self, data: bytes, name: str) -> tuple[list[Sighting], tuple[str, ...]]:
        """The serials of a file (plain list, CSV with ``serial``, nvidia-smi's CSV), recorded;
        with what was odd about the file."""
        read = read_serials(data, name)
        return self.scan(read.serials), read.notes

    def result(self) -> Reconciliation:
        return self._reconciler.result()

    def scanned(self) -> list[dict[str, Any]]:
        """Every serial recorded on site, in order, as logged."""
        return [dict(entry.payload) for entry in self.kit.log if entry.action == "scan"]

    # -- photos and the checklist ----------------------------------------------------------

    def add_photo(self, name: str, data: bytes, note: str = "") -> dict[str, Any]:
        """Keep a photo in the kit, with its SHA-256 and thumbnail."""
        self._refuse_when_closed()
        thumbnail = self._thumbnail(data, name)
        digest = self.kit.add_photo(name, data, thumbnail)
        payload = {"sha256": digest, "name": name, "bytes": len(data), "note": note}
        self.kit.append_many("photo", [payload], actor=self._actor, at=self._clock.now())
        return payload

    def photos(self) -> list[dict[str, Any]]:
        return [dict(entry.payload) for entry in self.kit.log if entry.action == "photo"]

    def thumbnail(self, sha256: str) -> bytes | None:
        kept = self.kit.photo(sha256)
        return None if kept is None else kept[1]

    def answers(self) -> dict[str, dict[str, Any]]:
        """The latest answer to each checklist item, by item id."""
        return {
            str(entry.payload["item"]): dict(entry.payload)
            for entry in self.kit.log
            if entry.action == "answer"
        }

    def answer(self, item: str, answer: str, note: str = "") -> dict[str, Any]:
        self._refuse_when_closed()
        items = [each.id for each in self.contents.checklist]
        if item not in items:
            raise DomainError(
                f"{item!r} is not an item of this kit's checklist; expected one of "
                + ", ".join(items)
            )
        if answer not in ANSWERS:
            raise DomainError(f"answer {answer!r}: expected one of {', '.join(ANSWERS)}")
        payload = {"item": item, "answer": answer, "note": note}
        self.kit.append_many("answer", [payload], actor=self._actor, at=self._clock.now())
        return payload

    def unanswered(self) -> list[str]:
        given = self.answers()
        return [item.id for item in self.contents.checklist if item.id not in given]

    # -- sign-off and report ---------------------------------------------------------------

    def close(self, auditor: str, site_representative: str) -> dict[str, Any]:
        """Sign off: the auditor and the site's representative; the kit takes nothing more."""
        self._refuse_when_closed()
        if not auditor.strip() or not site_representative.strip():
            raise DomainError("a sign-off needs the auditor's and the site representative's names")
        given = self.answers()
        payload = {
            "auditor": auditor.strip(),
            "site_representative": site_representative.strip(),
            "reconciliation": self.result().to_json(),
            "failed_items": [item for item, each in given.items() if each["answer"] == "no"],
            "unanswered_items": self.unanswered(),
        }
        self.kit.append_many("close", [payload], actor=self._actor, at=self._clock.now())
        return payload

    def signed_off(self) -> dict[str, Any] | None:
        closing = [entry for entry in self.kit.log if entry.action == "close"]
        return None if not closing else {"at": closing[-1].at, **closing[-1].payload}

    def report_view(self) -> VisitReportView:
        """The visit report of the signed-off kit (see visit_report.py)."""
        return visit_report_view(
            self.contents, self.kit.contents_sha256, self.kit.log, self.thumbnail
        )

    # -- paper found on site ---------------------------------------------------------------

    def check_code(self, code: str) -> PaperCheck:
        """A paper's verification code or document number, against the kit's documents."""
        wanted = _folded(code)
        if not wanted:
            return PaperCheck(False, "type the paper's verification code or document number")
        for document in self.contents.documents:
            codes = {str(document.get("verification_code", "")), str(document.get("number", ""))}
            if wanted in {_folded(each) for each in codes if each}:
                return PaperCheck(True, _genuine(document), document)
        return PaperCheck(
            False,
            f"{code.strip()}: no document of this kit has that code or number; the paper was "
            "not issued to this party by the desk, or was issued after the kit was exported",
        )

    def check_file(self, data: bytes, name: str) -> PaperCheck:
        """A PDF found on site, by its SHA-256, against the kit's documents."""
        digest = hashlib.sha256(data).hexdigest()
        for document in self.contents.documents:
            if document.get("file_sha256") == digest:
                return PaperCheck(True, _genuine(document), document)
        return PaperCheck(
            False,
            f"{name}: not a file the desk registered for this party (SHA-256 {digest[:16]}…); "
            "an altered or foreign copy, or a document issued after the kit was exported",
        )


def _folded(code: str) -> str:
    """A code as compared: letters and digits only, in capitals (typed with or without the
    dashes and spaces it is printed with)."""
    return "".join(character for character in code if character.isalnum()).upper()


def _genuine(document: dict[str, Any]) -> str:
    order = f", order {document['order_ref']}" if document.get("order_ref") else ""
    return (
        f"genuine: {document.get('number')} {document.get('title', '')}{order}, issued "
        f"{str(document.get('generated_at', ''))[:10]}"
    )
