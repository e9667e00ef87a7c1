"""The five lists of the page, column by column: what each cell says, sorts by and explains."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from domain.model import LicenseCovers
from domain.services.paperwork_views import AiaRow, CountryRow, FootprintRow, LicenseRow, LppRow
from gui.charts import NEAR_LIMIT
from gui.kit.tables import Column
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.style import percent, tpp

T = TypeVar("T")


def _tr(text: str) -> str:
    return str(QCoreApplication.translate("PaperworkColumns", text))


def header(text: str) -> str:
    """A column's header (marked in the "PaperworkColumns" context) in the officer's language."""
    return _tr(text)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("PaperworkColumns", "Yes")
        if value
        else QCoreApplication.translate("PaperworkColumns", "No")
    )


def figure(
    header: str,
    value: Callable[[T], Decimal | float],
    text: Callable[[T, Decimal | float], str] | None = None,
) -> Column[T]:
    """A TPP figure, right-aligned and sorted by its value (worded by ``text``, if given)."""
    return Column(
        header,
        (lambda row: text(row, value(row))) if text is not None else (lambda row: tpp(value(row))),
        sort=value,
        right=True,
    )


def _bis_text(row: AiaRow) -> str:
    submitted = row.certification.submitted_to_bis_on
    if submitted is not None:
        return QCoreApplication.translate("PaperworkColumns", "Filed {date}").format(
            date=submitted.isoformat()
        )
    if row.bis_submission_due:
        return QCoreApplication.translate("PaperworkColumns", "⚠ Not filed: needed now")
    share = row.cumulative_tpp / row.bis_submission_from_tpp if row.bis_submission_from_tpp else 0
    near = "⚠ " if share >= NEAR_LIMIT else ""
    return near + QCoreApplication.translate(
        "PaperworkColumns", "Not needed yet: {share} of threshold"
    ).format(share=percent(share))


def _in_force_text(row: AiaRow) -> str:
    if row.in_force:
        return QCoreApplication.translate("PaperworkColumns", "✓ In force")
    revoked = row.certification.revoked_on
    if revoked is not None and revoked <= row.certification.signed_on:
        return QCoreApplication.translate("PaperworkColumns", "— Withdrawn")
    if revoked is not None:
        return QCoreApplication.translate("PaperworkColumns", "✕ Revoked {date}").format(
            date=revoked.isoformat()
        )
    return QCoreApplication.translate("PaperworkColumns", "… Not yet signed")


AIA_COLUMNS: tuple[Column[AiaRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Consignee"),
        lambda r: f"{r.party_name} ({r.certification.party_ref})",
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Signed on"),
        lambda r: r.certification.signed_on.isoformat(),
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Signed by"),
        lambda r: "; ".join(r.certification.signers),
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Weights"),
        lambda r: yes_no(r.certification.weights_storage_attested),
        tooltip=lambda r: (
            QCoreApplication.translate("PaperworkColumns", "Model weights storage attested")
            if r.certification.weights_storage_attested
            else QCoreApplication.translate(
                "PaperworkColumns", "No attestation of model weights storage"
            )
        ),
    ),
    Column(QT_TRANSLATE_NOOP("PaperworkColumns", "Status"), _in_force_text),
    figure(
        QT_TRANSLATE_NOOP("PaperworkColumns", "AIA shipped (all time)"), lambda r: r.cumulative_tpp
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "BIS submission"),
        _bis_text,
        tooltip=lambda r: QCoreApplication.translate(
            "PaperworkColumns",
            "Needed from {threshold} TPP of AIA shipments; shipped so far {shipped}",
        ).format(threshold=tpp(r.bis_submission_from_tpp), shipped=tpp(r.cumulative_tpp)),
    ),
)

LPP_COLUMNS: tuple[Column[LppRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Consignee"),
        lambda r: f"{r.party_name} ({r.certification.party_ref})",
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Year"),
        lambda r: str(r.certification.year),
        sort=lambda r: r.certification.year,
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Signed on"),
        lambda r: r.certification.signed_on.isoformat(),
    ),
    Column(QT_TRANSLATE_NOOP("PaperworkColumns", "Signed by"), lambda r: r.certification.signer),
    figure(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Prior receipts"),
        lambda r: r.certification.prior_receipts_tpp,
    ),
    figure(QT_TRANSLATE_NOOP("PaperworkColumns", "Our LPP shipments"), lambda r: r.shipped_tpp),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Used of the limit"),
        lambda r: QCoreApplication.translate(
            "PaperworkColumns", "{share} used · {left} left"
        ).format(share=percent(r.used_tpp / r.limit_tpp), left=tpp(r.left_tpp)),
        sort=lambda r: r.used_tpp,
        share=lambda r: float(r.used_tpp / r.limit_tpp) if r.limit_tpp else 0.0,
        tooltip=lambda r: QCoreApplication.translate(
            "PaperworkColumns", "{used} of {limit} TPP used ({prior} prior + {ours} ours)"
        ).format(
            used=tpp(r.used_tpp),
            limit=tpp(r.limit_tpp),
            prior=tpp(r.certification.prior_receipts_tpp),
            ours=tpp(r.shipped_tpp),
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Revoked"),
        lambda r: r.certification.revoked_on.isoformat() if r.certification.revoked_on else "",
    ),
)


def _validity_text(row: LicenseRow) -> str:
    if row.status == "valid":
        return QCoreApplication.translate("PaperworkColumns", "✓ Valid to {date}").format(
            date=row.licence.valid_to.isoformat()
        )
    if row.status == "expired":
        return QCoreApplication.translate("PaperworkColumns", "✕ Expired {date}").format(
            date=row.licence.valid_to.isoformat()
        )
    return QCoreApplication.translate("PaperworkColumns", "… Valid from {date}").format(
        date=row.licence.valid_from.isoformat()
    )


def _licence_tpp(row: LicenseRow, value: Decimal | float) -> str:
    return tpp(value) if row.licence.covers is LicenseCovers.A_LEVEL else "—"


COVERS_TEXT = {
    "a_level": QT_TRANSLATE_NOOP("PaperworkColumns", "a-level TPP"),
    "model_weights": QT_TRANSLATE_NOOP("PaperworkColumns", "Model weights"),
}

LICENSE_COLUMNS: tuple[Column[LicenseRow], ...] = (
    Column(QT_TRANSLATE_NOOP("PaperworkColumns", "Number"), lambda r: r.licence.number),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Consignee"),
        lambda r: f"{r.party_name} ({r.licence.party_ref})",
    ),
    Column(QT_TRANSLATE_NOOP("PaperworkColumns", "Destination"), lambda r: r.licence.destination),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Covers"),
        lambda r: _tr(COVERS_TEXT.get(r.licence.covers.value, r.licence.covers.value)),
    ),
    figure(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Authorized"), lambda r: r.licence.tpp, _licence_tpp
    ),
    figure(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Used"), lambda r: r.licence.used_tpp, _licence_tpp
    ),
    figure(QT_TRANSLATE_NOOP("PaperworkColumns", "Left"), lambda r: r.left_tpp, _licence_tpp),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Depletion"),
        lambda r: (
            QCoreApplication.translate("PaperworkColumns", "{share} used").format(
                share=percent(r.used_share)
            )
            if r.licence.covers is LicenseCovers.A_LEVEL
            else QCoreApplication.translate("PaperworkColumns", "n/a (weights)")
        ),
        sort=lambda r: r.used_share,
        share=lambda r: r.used_share if r.licence.covers is LicenseCovers.A_LEVEL else None,
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Validity"),
        _validity_text,
        sort=lambda r: r.licence.valid_to.isoformat(),
        tooltip=lambda r: QCoreApplication.translate(
            "PaperworkColumns", "Valid from {start} to {end} ({status} on the day shown)"
        ).format(
            start=r.licence.valid_from.isoformat(),
            end=r.licence.valid_to.isoformat(),
            status=r.status,
        ),
    ),
)

FOOTPRINT_COLUMNS: tuple[Column[FootprintRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "VEU holder"),
        lambda r: f"{r.party_name} ({r.party_ref})",
    ),
    Column(QT_TRANSLATE_NOOP("PaperworkColumns", "VEU"), lambda r: r.veu.value.upper()),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Country"),
        lambda r: f"{r.country_name} ({r.country})",
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Tier"), lambda r: str(r.tier), sort=lambda r: r.tier
    ),
    figure(QT_TRANSLATE_NOOP("PaperworkColumns", "Installed by others"), lambda r: r.external_tpp),
    figure(QT_TRANSLATE_NOOP("PaperworkColumns", "Our VEU shipments"), lambda r: r.shipped_tpp),
    figure(QT_TRANSLATE_NOOP("PaperworkColumns", "Installed in total"), lambda r: r.installed_tpp),
)


def _allocation_share(row: CountryRow) -> float | None:
    if row.limit_tpp is None or row.limit_tpp <= 0:
        return None
    return float(row.setting.allocation_used_tpp / row.limit_tpp)


COUNTRY_COLUMNS: tuple[Column[CountryRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Country"),
        lambda r: f"{r.name} ({r.setting.country})",
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Tier"), lambda r: str(r.tier), sort=lambda r: r.tier
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "G2G agreement"),
        lambda r: yes_no(r.setting.g2g_agreement),
    ),
    figure(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Used by others"),
        lambda r: r.setting.external_allocation_used_tpp,
    ),
    figure(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Used by us"),
        lambda r: r.setting.our_allocation_used_tpp,
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Allocation"),
        lambda r: (
            tpp(r.limit_tpp)
            if r.limit_tpp is not None
            else QCoreApplication.translate("PaperworkColumns", "none (not Tier 2)")
        ),
        sort=lambda r: r.limit_tpp or 0.0,
        right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("PaperworkColumns", "Used of the allocation"),
        lambda r: (
            QCoreApplication.translate("PaperworkColumns", "{share} · {left} left").format(
                share=percent(share), left=tpp(r.left_tpp)
            )
            if (share := _allocation_share(r)) is not None
            else "—"
        ),
        sort=lambda r: _allocation_share(r) or 0.0,
        share=_allocation_share,
    ),
)
