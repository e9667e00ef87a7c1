"""The five lists of the page, column by column: what each cell says, sorts by and explains."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from domain.model import LicenseCovers
from domain.services.paperwork_views import AiaRow, CountryRow, FootprintRow, LicenseRow, LppRow
from gui.charts import NEAR_LIMIT
from gui.kit.tables import Column
from gui.style import percent, tpp

T = TypeVar("T")


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


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
        return f"Filed {submitted.isoformat()}"
    if row.bis_submission_due:
        return "⚠ Not filed: needed now"
    share = row.cumulative_tpp / row.bis_submission_from_tpp if row.bis_submission_from_tpp else 0
    near = "⚠ " if share >= NEAR_LIMIT else ""
    return f"{near}Not needed yet: {percent(share)} of threshold"


def _in_force_text(row: AiaRow) -> str:
    if row.in_force:
        return "✓ In force"
    revoked = row.certification.revoked_on
    if revoked is not None and revoked <= row.certification.signed_on:
        return "— Withdrawn"
    if revoked is not None:
        return f"✕ Revoked {revoked.isoformat()}"
    return "… Not yet signed"


AIA_COLUMNS: tuple[Column[AiaRow], ...] = (
    Column("Consignee", lambda r: f"{r.party_name} ({r.certification.party_ref})"),
    Column("Signed on", lambda r: r.certification.signed_on.isoformat()),
    Column("Signed by", lambda r: "; ".join(r.certification.signers)),
    Column(
        "Weights",
        lambda r: yes_no(r.certification.weights_storage_attested),
        tooltip=lambda r: (
            "Model weights storage attested"
            if r.certification.weights_storage_attested
            else "No attestation of model weights storage"
        ),
    ),
    Column("Status", _in_force_text),
    figure("AIA shipped (all time)", lambda r: r.cumulative_tpp),
    Column(
        "BIS submission",
        _bis_text,
        tooltip=lambda r: (
            f"Needed from {tpp(r.bis_submission_from_tpp)} TPP of AIA shipments; "
            f"shipped so far {tpp(r.cumulative_tpp)}"
        ),
    ),
)

LPP_COLUMNS: tuple[Column[LppRow], ...] = (
    Column("Consignee", lambda r: f"{r.party_name} ({r.certification.party_ref})"),
    Column("Year", lambda r: str(r.certification.year), sort=lambda r: r.certification.year),
    Column("Signed on", lambda r: r.certification.signed_on.isoformat()),
    Column("Signed by", lambda r: r.certification.signer),
    figure("Prior receipts", lambda r: r.certification.prior_receipts_tpp),
    figure("Our LPP shipments", lambda r: r.shipped_tpp),
    Column(
        "Used of the limit",
        lambda r: f"{percent(r.used_tpp / r.limit_tpp)} used · {tpp(r.left_tpp)} left",
        sort=lambda r: r.used_tpp,
        share=lambda r: float(r.used_tpp / r.limit_tpp) if r.limit_tpp else 0.0,
        tooltip=lambda r: (
            f"{tpp(r.used_tpp)} of {tpp(r.limit_tpp)} TPP used "
            f"({tpp(r.certification.prior_receipts_tpp)} prior + {tpp(r.shipped_tpp)} ours)"
        ),
    ),
    Column(
        "Revoked",
        lambda r: r.certification.revoked_on.isoformat() if r.certification.revoked_on else "",
    ),
)


def _validity_text(row: LicenseRow) -> str:
    if row.status == "valid":
        return f"✓ Valid to {row.licence.valid_to.isoformat()}"
    if row.status == "expired":
        return f"✕ Expired {row.licence.valid_to.isoformat()}"
    return f"… Valid from {row.licence.valid_from.isoformat()}"


def _licence_tpp(row: LicenseRow, value: Decimal | float) -> str:
    return tpp(value) if row.licence.covers is LicenseCovers.A_LEVEL else "—"


COVERS_TEXT = {"a_level": "a-level TPP", "model_weights": "Model weights"}

LICENSE_COLUMNS: tuple[Column[LicenseRow], ...] = (
    Column("Number", lambda r: r.licence.number),
    Column("Consignee", lambda r: f"{r.party_name} ({r.licence.party_ref})"),
    Column("Destination", lambda r: r.licence.destination),
    Column("Covers", lambda r: COVERS_TEXT.get(r.licence.covers.value, r.licence.covers.value)),
    figure("Authorized", lambda r: r.licence.tpp, _licence_tpp),
    figure("Used", lambda r: r.licence.used_tpp, _licence_tpp),
    figure("Left", lambda r: r.left_tpp, _licence_tpp),
    Column(
        "Depletion",
        lambda r: (
            f"{percent(r.used_share)} used"
            if r.licence.covers is LicenseCovers.A_LEVEL
            else "n/a (weights)"
        ),
        sort=lambda r: r.used_share,
        share=lambda r: r.used_share if r.licence.covers is LicenseCovers.A_LEVEL else None,
    ),
    Column(
        "Validity",
        _validity_text,
        sort=lambda r: r.licence.valid_to.isoformat(),
        tooltip=lambda r: (
            f"Valid from {r.licence.valid_from.isoformat()} to "
            f"{r.licence.valid_to.isoformat()} ({r.status} on the day shown)"
        ),
    ),
)

FOOTPRINT_COLUMNS: tuple[Column[FootprintRow], ...] = (
    Column("VEU holder", lambda r: f"{r.party_name} ({r.party_ref})"),
    Column("VEU", lambda r: r.veu.value.upper()),
    Column("Country", lambda r: f"{r.country_name} ({r.country})"),
    Column("Tier", lambda r: str(r.tier), sort=lambda r: r.tier),
    figure("Installed by others", lambda r: r.external_tpp),
    figure("Our VEU shipments", lambda r: r.shipped_tpp),
    figure("Installed in total", lambda r: r.installed_tpp),
)


def _allocation_share(row: CountryRow) -> float | None:
    if row.limit_tpp is None or row.limit_tpp <= 0:
        return None
    return float(row.setting.allocation_used_tpp / row.limit_tpp)


COUNTRY_COLUMNS: tuple[Column[CountryRow], ...] = (
    Column("Country", lambda r: f"{r.name} ({r.setting.country})"),
    Column("Tier", lambda r: str(r.tier), sort=lambda r: r.tier),
    Column("G2G agreement", lambda r: yes_no(r.setting.g2g_agreement)),
    figure("Used by others", lambda r: r.setting.external_allocation_used_tpp),
    figure("Used by us", lambda r: r.setting.our_allocation_used_tpp),
    Column(
        "Allocation",
        lambda r: tpp(r.limit_tpp) if r.limit_tpp is not None else "none (not Tier 2)",
        sort=lambda r: r.limit_tpp or 0.0,
        right=True,
    ),
    Column(
        "Used of the allocation",
        lambda r: (
            f"{percent(share)} · {tpp(r.left_tpp)} left"
            if (share := _allocation_share(r)) is not None
            else "—"
        ),
        sort=lambda r: _allocation_share(r) or 0.0,
        share=_allocation_share,
    ),
)
