"""Where a party stands against each limit (rules.md section 4): LPP, AIA, VEU and the Tier 2
country allocation, as used, left and due. The engine decides through these positions and the
standings, quota views and reports show the same ones, so what the window says a party has
left is what the next check will find.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import computed_field

from domain.countries import country_name
from domain.frozen import Frozen
from domain.model import (
    AiaCertification,
    CountrySetting,
    LppCertification,
    Party,
    VeuStatus,
)
from domain.numbers import ZERO, Exact
from domain.rules.certifications import aia_certification_on
from domain.rules.geography import aia_party_problem, party_nexus
from domain.ruleset import Ruleset


def _prohibited(party: Party, ruleset: Ruleset) -> str | None:
    nexus = party_nexus(party, ruleset)
    if not nexus:
        return None
    return f"every a-level order to {party.ref} is prohibited: {nexus[0].describe(ruleset)}"


class Headroom(Frozen):
    """A limit and its use: what is used of it and what is left (never below zero)."""

    @abstractmethod
    def _use(self) -> tuple[Decimal, Decimal]:
        """What is used, and the limit."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def used_tpp(self) -> Decimal:
        return self._use()[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def left_tpp(self) -> Decimal:
        used, limit = self._use()
        return max(limit - used, ZERO)


# -- LPP ----------------------------------------------------------------------------------------


class LppPosition(Headroom):
    """A consignee's LPP limit for one calendar year (§ 740.29)."""

    year: int
    limit_tpp: Exact
    certification: LppCertification | None
    certified: bool
    """A certification for the year is in force on the day."""
    prior_receipts_tpp: Exact
    """Prior receipts the certification in force declares (0 without one)."""
    shipped_tpp: Exact
    """Our earlier LPP shipments to it that year."""
    unavailable: str | None = None
    """Why LPP can never apply to this party (a distributor; a Tier 3 nexus)."""
    rule: str

    def _use(self) -> tuple[Decimal, Decimal]:
        return self.prior_receipts_tpp + self.shipped_tpp, self.limit_tpp

    def after(self, tpp: Decimal) -> Decimal:
        """What it would have received in the year with ``tpp`` more."""
        return self.used_tpp + tpp

    def fits(self, tpp: Decimal) -> bool:
        """Limits are inclusive: reaching the limit exactly is allowed."""
        return self.after(tpp) <= self.limit_tpp


def lpp_position(
    party: Party,
    certification: LppCertification | None,
    shipped_tpp: Exact,
    ruleset: Ruleset,
    day: date,
) -> LppPosition:
    """The LPP position of ``party`` on ``day`` (the calendar year of ``day``)."""
    lpp = ruleset.lpp
    in_force = certification is not None and certification.in_force_on(day)
    unavailable = None
    if party.role.value in lpp.excluded_roles:
        unavailable = (
            f"LPP is not available to {party.ref}: a {party.role.value.replace('_', ' ')} is "
            "not an eligible ultimate consignee"
        )
    else:
        unavailable = _prohibited(party, ruleset)
    return LppPosition(
        year=day.year,
        limit_tpp=lpp.limit_tpp,
        certification=certification,
        certified=in_force,
        prior_receipts_tpp=certification.prior_receipts_tpp if certification and in_force else 0.0,
        shipped_tpp=max(shipped_tpp, ZERO),
        unavailable=unavailable,
        rule=ruleset.references.lpp,
    )


# -- AIA ----------------------------------------------------------------------------------------


class AiaPosition(Frozen):
    """A consignee's cumulative AIA shipments and its certification (§ 740.27)."""

    cumulative_tpp: Exact
    bis_submission_from_tpp: Exact
    certification: AiaCertification | None
    """The certification that speaks for the day (``aia_certification_on``)."""
    in_force: bool
    submitted_to_bis: bool
    unavailable: str | None = None
    """Why AIA can never apply to this party (outside Tier 1; a Tier 3 nexus)."""
    rule: str

    def after(self, tpp: Decimal) -> Decimal:
        return self.cumulative_tpp + tpp

    def submission_needed(self, tpp: Decimal = ZERO) -> bool:
        """From the threshold on, the certification must have been filed with BIS."""
        return self.after(tpp) >= self.bis_submission_from_tpp and not self.submitted_to_bis

    @computed_field  # type: ignore[prop-decorator]
    @property
    def submission_due(self) -> bool:
        """The cumulative AIA TPP has reached the threshold and the certification is not
        filed with BIS."""
        return self.submission_needed()


def aia_position(
    party: Party,
    certifications: list[AiaCertification],
    cumulative_tpp: Exact,
    ruleset: Ruleset,
    day: date,
) -> AiaPosition:
    certification = aia_certification_on(certifications, day)
    return AiaPosition(
        cumulative_tpp=max(cumulative_tpp, ZERO),
        bis_submission_from_tpp=ruleset.aia.bis_submission_from_tpp,
        certification=certification,
        in_force=certification is not None and certification.in_force_on(day),
        submitted_to_bis=certification is not None and certification.submitted_by(day),
        unavailable=_prohibited(party, ruleset) or aia_party_problem(party, ruleset),
        rule=ruleset.references.aia,
    )


# -- VEU ----------------------------------------------------------------------------------------

LimitName = Literal["min_tier1_share", "max_single_tier2_share", "min_home_share"]


class VeuShare(Frozen):
    country: str
    tier: int
    installed_tpp: Exact
    share: float


class LimitCheck(Frozen):
    """One UVEU footprint limit (Supp. No. 10 to Part 748 ¶ 6) against a share."""

    limit_name: LimitName
    label: str
    share: float
    limit: float
    bound: Literal["min", "max"]
    holds: bool
    country: str | None = None


class VeuPosition(Frozen):
    """A VEU holder's installed base by country (other sources plus our VEU shipments)."""

    status: VeuStatus
    veu_id: str | None
    veu_country: str | None
    total_tpp: Exact
    shares: tuple[VeuShare, ...]
    """Largest first."""
    tier1_share: float
    checks: tuple[LimitCheck, ...]
    """The UVEU limits (a UVEU holder only)."""
    min_tier1_share: float | None
    max_single_tier2_share: float | None
    home_country: str
    home_share: float | None
    min_home_share: float | None
    nveu_cap_label: str | None = None
    nveu_cap_tpp: Exact | None = None
    nveu_installed_tpp: Exact | None = None
    """An NVEU holder's installed base in its authorized country."""
    rule: str

    @property
    def breached(self) -> tuple[LimitCheck, ...]:
        return tuple(check for check in self.checks if not check.holds)

    def installed_in(self, country: str) -> Decimal:
        return next(
            (share.installed_tpp for share in self.shares if share.country == country), ZERO
        )


def veu_position(
    party: Party, footprint: Mapping[str, Decimal], ruleset: Ruleset, day: date
) -> VeuPosition:
    """The VEU position of ``party`` with installed base ``footprint`` (by country), and its
    limits: the UVEU shares, or the NVEU cap of ``day``'s quarter."""
    installed = {country: max(tpp, ZERO) for country, tpp in footprint.items()}
    total = sum(installed.values(), ZERO)
    shares = tuple(
        VeuShare(
            country=country,
            tier=ruleset.tier_of(country),
            installed_tpp=tpp,
            share=float(tpp / total) if total else 0.0,
        )
        for country, tpp in sorted(installed.items(), key=lambda item: (-item[1], item[0]))
    )
    tier1 = sum(share.share for share in shares if share.tier == 1)
    limits = ruleset.uveu
    home = limits.home_country
    uveu = party.veu is VeuStatus.UVEU
    at_home = uveu and party.hq_country == home
    home_share = (float(installed.get(home, ZERO) / total) if total else 0.0) if at_home else None
    checks: list[LimitCheck] = []
    if uveu:
        empty = total == 0
        checks.append(
            LimitCheck(
                limit_name="min_tier1_share",
                label="Tier 1 in total",
                share=tier1,
                limit=limits.min_tier1_share,
                bound="min",
                holds=empty or tier1 >= limits.min_tier1_share,
            )
        )
        checks.extend(
            LimitCheck(
                limit_name="max_single_tier2_share",
                label=f"{country_name(share.country)} (Tier 2)",
                share=share.share,
                limit=limits.max_single_tier2_share,
                bound="max",
                holds=share.share <= limits.max_single_tier2_share,
                country=share.country,
            )
            for share in sorted(shares, key=lambda item: item.country)
            if share.tier == 2
        )
        if home_share is not None:
            checks.append(
                LimitCheck(
                    limit_name="min_home_share",
                    label=f"{country_name(home)} (home)",
                    share=home_share,
                    limit=limits.min_home_share_if_headquartered,
                    bound="min",
                    holds=empty or home_share >= limits.min_home_share_if_headquartered,
                    country=home,
                )
            )
    cap = ruleset.nveu.cap_on(day) if party.veu is VeuStatus.NVEU else None
    return VeuPosition(
        status=party.veu,
        veu_id=party.veu_id,
        veu_country=party.veu_country,
        total_tpp=total,
        shares=shares,
        tier1_share=tier1,
        checks=tuple(checks),
        min_tier1_share=limits.min_tier1_share if uveu else None,
        max_single_tier2_share=limits.max_single_tier2_share if uveu else None,
        home_country=home,
        home_share=home_share,
        min_home_share=limits.min_home_share_if_headquartered if at_home else None,
        nveu_cap_label=cap.label if cap else None,
        nveu_cap_tpp=cap.cap_tpp if cap else None,
        nveu_installed_tpp=installed.get(party.veu_country or "", ZERO) if cap else None,
        rule=ruleset.references.nveu if cap else ruleset.references.uveu,
    )


# -- Tier 2 country allocation ------------------------------------------------------------------


class AllocationPosition(Headroom):
    """A Tier 2 destination's country allocation (§ 742.6; figure from CSIS)."""

    country: str
    g2g_agreement: bool
    limit_tpp: Exact
    ours_tpp: Exact
    """Used by our licensed shipments."""
    external_tpp: Exact
    """Used by other exporters, as reported."""

    def _use(self) -> tuple[Decimal, Decimal]:
        return self.ours_tpp + self.external_tpp, self.limit_tpp

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> float:
        return float(self.used_tpp / self.limit_tpp) if self.limit_tpp > 0 else 0.0


def allocation_position(
    country: str, setting: CountrySetting | None, ruleset: Ruleset, day: date | None = None
) -> AllocationPosition | None:
    """The allocation of a Tier 2 ``country`` (on ``day``, within the allocation's period);
    None where no allocation applies."""
    rules = ruleset.country_allocation
    if ruleset.tier_of(country) != 2:
        return None
    if day is not None and not rules.period_start <= day <= rules.period_end:
        return None
    g2g = setting.g2g_agreement if setting is not None else False
    return AllocationPosition(
        country=country,
        g2g_agreement=g2g,
        limit_tpp=rules.limit(g2g),
        ours_tpp=max(setting.our_allocation_used_tpp, ZERO) if setting is not None else 0.0,
        external_tpp=setting.external_allocation_used_tpp if setting is not None else 0.0,
    )
