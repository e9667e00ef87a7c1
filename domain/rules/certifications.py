"""Which certification speaks for a day (rules.md section 4): the one the engine applies to an
order, and the one the standings, quota views and documents show for that day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.model import AiaCertification, LppCertification


def aia_certification_on(
    certifications: Iterable[AiaCertification], day: date
) -> AiaCertification | None:
    """The party's AIA certification that speaks for ``day``: the latest in force that day;
    else the latest signed by then (revoked since); else the first signed after it (so a
    message can say it came too late); None when there is none at all."""
    pool = sorted(certifications, key=lambda item: item.signed_on)
    in_force = [item for item in pool if item.in_force_on(day)]
    if in_force:
        return in_force[-1]
    signed = [item for item in pool if item.signed_on <= day]
    if signed:
        return signed[-1]
    return pool[0] if pool else None


def lpp_certification_for(
    certifications: Iterable[LppCertification], day: date
) -> LppCertification | None:
    """The party's LPP certification for ``day``'s calendar year (records keep one a year;
    given several, the latest signed by ``day``, else the first signed after it)."""
    same_year = sorted(
        (item for item in certifications if item.year == day.year), key=lambda x: x.signed_on
    )
    signed = [item for item in same_year if item.signed_on <= day]
    if signed:
        return signed[-1]
    return same_year[0] if same_year else None


def aia_state(certification: AiaCertification | None, day: date) -> str:
    """Why no AIA certification is in force on ``day``, in words ("" when one is)."""
    if certification is None:
        return "no AIA certification is on file"
    if certification.signed_on > day:
        return (
            f"the AIA certification was signed on {certification.signed_on}, after the order date"
        )
    if not certification.in_force_on(day):
        return f"the AIA certification was revoked on {certification.revoked_on}"
    return ""


def lpp_state(certification: LppCertification | None, day: date) -> str:
    """Why no LPP certification is in force on ``day``, in words ("" when one is)."""
    year = day.year
    if certification is None:
        return f"none is on file for {year}"
    if certification.year != year:
        return f"the certification on file is for {certification.year}"
    if certification.revoked_on is not None and certification.revoked_on <= day:
        return f"the certification for {year} was revoked on {certification.revoked_on.isoformat()}"
    if certification.signed_on > day:
        return (
            f"the certification for {year} was signed on "
            f"{certification.signed_on.isoformat()}, after the order date"
        )
    return ""
