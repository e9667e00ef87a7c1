"""Dated ruleset versions: every regulatory number and list the engine uses, as data.

The regulation changes (country lists move, BIS announced on 2025-05-13 that it would not
enforce the Framework), so each version is a TOML file under ``domain/rulesets`` validated on
load. An order is judged by the version in effect on its date; a date before the first
version is an error, never a silent default.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import cached_property
from importlib import resources
from itertools import pairwise
from typing import Annotated, Literal, TypeVar

from pydantic import Field, PrivateAttr, ValidationError, model_validator

from domain.countries import CountryCode, country_name
from domain.errors import NoRulesetInEffectError, RulesetDataError
from domain.frozen import Frozen, Strict
from domain.numbers import ExactPositive, exact

PositiveNumber = Annotated[float, Field(gt=0)]

Share = Annotated[float, Field(ge=0, le=1)]
Tier = Literal[1, 2, 3]


class Source(Strict):
    """A public document a ruleset version rests on."""

    title: str
    citation: str
    published: date | None = None


class References(Strict):
    """The rule reference each kind of finding cites."""

    classification_ic: str
    classification_system: str
    model_weights: str
    tiers: str
    tier3_nexus: str
    hong_kong: str
    aia: str
    aia_bis_submission: str
    aia_weights: str
    uveu: str
    nveu: str
    lpp: str
    license: str
    license_model_weights: str
    country_allocation: str
    b_level_nexus: str
    red_flag_28: str
    not_controlled: str
    b_level_no_license_required: str
    field_audit: str
    """Field audits: a visit's discrepancies hold the party's orders (rules.md section 10)."""


class Ic3A090(Strict):
    """ECCN 3A090 thresholds (TPP and performance density)."""

    a1_min_tpp: ExactPositive
    a2_min_tpp: ExactPositive
    a2_min_pd: PositiveNumber
    b1_min_tpp: ExactPositive
    b1_below_tpp: ExactPositive
    b1_min_pd: PositiveNumber
    b1_below_pd: PositiveNumber
    b2_min_tpp: ExactPositive
    b2_min_pd: PositiveNumber
    b2_below_pd: PositiveNumber
    non_datacenter_a_min_tpp: ExactPositive

    @model_validator(mode="after")
    def _bands_are_ordered(self) -> Ic3A090:
        if not (self.b1_min_tpp < self.b1_below_tpp and self.b1_min_pd < self.b1_below_pd):
            raise ValueError("3A090.b.1 bands must have min below upper bound")
        if not self.b2_min_pd < self.b2_below_pd:
            raise ValueError("3A090.b.2 band must have min below upper bound")
        return self

    @property
    def pd_can_matter_from_tpp(self) -> Decimal:
        """Below this TPP no paragraph applies, whatever the die area."""
        return min(self.a2_min_tpp, self.b1_min_tpp, self.b2_min_tpp)

    @property
    def pd_can_matter_below_tpp(self) -> Decimal:
        """From this TPP on, .a.1 applies whatever the die area."""
        return self.a1_min_tpp


class ModelWeights(Strict):
    """ECCN 4E091: weights of models trained with at least this many operations."""

    min_training_operations: PositiveNumber
    storage_requirements: str
    """Where AIA's storage-security requirements for model weights are (Supp. No. 10)."""


class Lpp(Strict):
    """Low Processing Performance exception (§ 740.29)."""

    limit_tpp: ExactPositive
    excluded_roles: tuple[str, ...]


class Aia(Strict):
    """Artificial Intelligence Authorization (§ 740.27)."""

    bis_submission_from_tpp: ExactPositive


class CountryAllocation(Strict):
    """Tier 2 country allocation for licensed a-level TPP (§ 742.6)."""

    tpp: ExactPositive
    g2g_multiplier: PositiveNumber
    period_start: date
    period_end: date
    note: str = ""

    def limit(self, g2g_agreement: bool) -> Decimal:
        return self.tpp * exact(self.g2g_multiplier) if g2g_agreement else self.tpp


_D = TypeVar("_D")


def _latest_on(
    items: Sequence[_D], day: date, start: Callable[[_D], date], refusal: Callable[[date, _D], str]
) -> _D:
    """The last of ``items`` (in date order) that has started by ``day``; an error saying
    ``refusal(day, first item)`` when none has."""
    started = [item for item in items if start(item) <= day]
    if not started:
        raise NoRulesetInEffectError(refusal(day, items[0]))
    return started[-1]


class NveuCap(Strict):
    """Cumulative installed-base cap for shipments on or after ``from_date``."""

    from_date: date
    label: str
    cap_tpp: ExactPositive


def _no_cap(day: date, first: NveuCap) -> str:
    return (
        f"no NVEU cap is defined for shipments on {day.isoformat()}; "
        f"the first cap applies from {first.from_date.isoformat()}"
    )


class Nveu(Strict):
    """National VEU installed-base caps by quarter (§ 748.15(a)(2)(iii)(B))."""

    caps: tuple[NveuCap, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _caps_in_order(self) -> Nveu:
        dates = [cap.from_date for cap in self.caps]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError("NVEU caps must be in strictly increasing date order")
        return self

    def cap_on(self, day: date) -> NveuCap:
        """The cap that applies to a shipment on ``day``."""
        return _latest_on(self.caps, day, lambda cap: cap.from_date, _no_cap)


class Uveu(Strict):
    """Universal VEU footprint limits (Supp. 10 to Part 748 ¶ 6)."""

    min_tier1_share: Share
    max_single_tier2_share: Share
    min_home_share_if_headquartered: Share
    home_country: CountryCode


class RedFlag28(Strict):
    """IaaS training red flag (Supp. 3 to Part 732, red flag 28)."""

    min_training_operations: PositiveNumber


class TierNote(Strict):
    """A country whose tier needs an explanation (e.g. Cyprus: D:5 but also A:6)."""

    country: CountryCode
    tier: Tier
    note: str


class TreatedAs(Strict):
    """A destination the EAR treat as another country (Hong Kong as China since 2020)."""

    country: CountryCode
    as_country: CountryCode
    since: date
    citation: str


class Tiers(Strict):
    """Country tiers: lists for Tier 1 and Tier 3, every other country in Tier 2; a country
    the EAR treat as another takes that country's tier."""

    tier1: tuple[CountryCode, ...]
    tier3: tuple[CountryCode, ...]
    notes: tuple[TierNote, ...] = ()
    treated_as: tuple[TreatedAs, ...] = ()
    tier1_basis: str
    tier3_basis: str
    tier2_basis: str

    def listed_tier(self, country: str) -> Tier:
        treated = {item.country: item.as_country for item in self.treated_as}
        country = treated.get(country, country)
        return 1 if country in self.tier1 else 3 if country in self.tier3 else 2

    @model_validator(mode="after")
    def _disjoint(self) -> Tiers:
        both = set(self.tier1) & set(self.tier3)
        if both:
            raise ValueError(f"countries in both Tier 1 and Tier 3: {sorted(both)}")
        for item in self.treated_as:
            if item.country in self.tier1 or item.country in self.tier3:
                raise ValueError(
                    f"{item.country} is treated as {item.as_country}: list it in neither tier"
                )
        for note in self.notes:
            listed = self.listed_tier(note.country)
            if listed != note.tier:
                raise ValueError(
                    f"note for {note.country} says Tier {note.tier}, lists say {listed}"
                )
        return self


class WeightsStorageAttestationText(Strict):
    """The exporter's own form (not regulatory text) by which a consignee attests that it
    stores 4E091 model weights under Supp. No. 10 to Part 748 ¶¶ 14, 15, 18."""

    label: str
    title: str
    text: str
    consignee_placeholder: str = "{consignee}"

    @model_validator(mode="after")
    def _names_the_consignee(self) -> WeightsStorageAttestationText:
        if self.consignee_placeholder not in self.text:
            raise ValueError(f"the attestation must contain {self.consignee_placeholder}")
        return self

    def text_for(self, consignee: str) -> str:
        return self.text.replace(self.consignee_placeholder, consignee)


class AiaCertificationText(Strict):
    """The Tier 1 (AIA) certification, § 740.27(b)(2), verbatim with its bracketed
    instructions: the consignee's name fills the opening, the items' description and ECCNs
    fill (i), and (v) becomes the signature blocks."""

    title: str
    regulation: str
    opening: str
    consignee_placeholder: str
    items_placeholder: str
    signers_placeholder: str
    commitments: tuple[str, ...] = Field(min_length=2)
    """The items of the certification, the last being the signatures' instruction."""
    shipment_notice: str
    weights_storage_attestation: WeightsStorageAttestationText

    @model_validator(mode="after")
    def _placeholders_in_place(self) -> AiaCertificationText:
        if self.consignee_placeholder not in self.opening:
            raise ValueError(f"the opening must contain {self.consignee_placeholder}")
        if self.items_placeholder not in self.commitments[0]:
            raise ValueError(f"the first commitment must contain {self.items_placeholder}")
        if self.signers_placeholder not in self.commitments[-1]:
            raise ValueError(f"the last item must contain {self.signers_placeholder}")
        return self

    def opening_for(self, consignee: str) -> str:
        """ "Acme GmbH:" — the opening with the consignee's name."""
        return self.opening.replace(self.consignee_placeholder, consignee)

    def commitments_for(self, items_description: str) -> tuple[str, ...]:
        """The commitments the consignee agrees to, (i) to (iv), with the items filled in
        (the last item, the signatures, is ``signatures_label``)."""
        return tuple(
            text.replace(self.items_placeholder, items_description)
            for text in self.commitments[:-1]
        )

    def as_printed(self, consignee: str, items_description: str) -> tuple[str, ...]:
        """The statement as it prints, paragraph by paragraph (for previews): the opening,
        (i) to (iv), and (v) with what its signature blocks hold."""
        return (
            self.opening_for(consignee),
            *self.commitments_for(items_description),
            f"{self.signatures_label} {self.signatures_instruction}: one signature block per "
            "signer.",
        )

    @property
    def signatures_label(self) -> str:
        """The label of the item that becomes the signature blocks: "(v)"."""
        return self.commitments[-1].split(" ", 1)[0]

    @property
    def signatures_instruction(self) -> str:
        """What the signature blocks hold, from the bracketed instruction, in words."""
        inner = self.signers_placeholder.strip("[]")
        return inner[:1] + inner[1:].lower()


class LppCertificationText(Strict):
    """The wording of the LPP certification (§ 740.29)."""

    title: str
    statements: tuple[str, ...] = Field(min_length=1)


class RedFlagQuestion(Strict):
    """One red flag the officer looks for, phrased as something observed."""

    key: str = Field(pattern=r"^[a-z0-9_]+$")
    text: str
    """The red flag, as the checklist shows it next to its checkbox."""
    hint: str
    """What to look at to answer it."""


class RedFlagChecklist(Strict):
    """The know-your-customer checklist of the version (rules.md section 8)."""

    source: str
    guidance_date: date
    principle: str
    questions: tuple[RedFlagQuestion, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _keys_unique(self) -> RedFlagChecklist:
        keys = [question.key for question in self.questions]
        if len(set(keys)) != len(keys):
            raise ValueError("red flag keys must be unique")
        return self


class ScreeningReferences(Strict):
    """The rule each finding of screening rests on, by list (rules.md section 9)."""

    pending: str
    denied_persons: str
    sdn: str
    entity_list: str
    military_end_user: str
    unverified: str
    other: str

    def for_kind(self, kind: str) -> str:
        """The reference for a list kind (``ListKind`` value)."""
        return str(getattr(self, str(kind)))


class AffiliatesPeriod(Strict):
    """A stretch of dates over which the Affiliates rule was in effect or suspended."""

    from_date: date
    to_date: date | None = None
    """The last day of the stretch; None while it lasts."""
    in_effect: bool
    note: str = ""
    """What the officer is told with each finding while this stretch lasts."""


class AffiliatesRule(Strict):
    """The Affiliates rule: parties owned by listed parties carry their restrictions."""

    citation: str
    threshold_percent: Annotated[float, Field(gt=0, le=100)]
    periods: tuple[AffiliatesPeriod, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _periods_in_order(self) -> AffiliatesRule:
        for earlier, later in pairwise(self.periods):
            if earlier.to_date is None or earlier.to_date >= later.from_date:
                raise ValueError("Affiliates rule periods must follow each other without overlap")
        return self

    def period_on(self, day: date) -> AffiliatesPeriod | None:
        """The stretch ``day`` falls in; None before the rule's first day."""
        for period in self.periods:
            if period.from_date <= day and (period.to_date is None or day <= period.to_date):
                return period
        return None


class Screening(Strict):
    """Restricted-party screening (rules.md section 9): list snapshots, the rule each finding
    rests on, and the Affiliates rule."""

    source: str
    source_shrink_warning_percent: float = Field(gt=0, le=100)
    """A source that shrank by more than this share of its entries since the previous
    snapshot is warned about before the snapshot is taken into use."""
    references: ScreeningReferences
    affiliates: AffiliatesRule


class Ruleset(Strict):
    """One dated version of the rules."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: str
    effective_from: date
    enforcement_note: str
    model_note: str
    sources: tuple[Source, ...] = Field(min_length=1)
    references: References
    ic_3a090: Ic3A090
    model_weights: ModelWeights
    lpp: Lpp
    aia: Aia
    country_allocation: CountryAllocation
    nveu: Nveu
    uveu: Uveu
    red_flag_28: RedFlag28
    tiers: Tiers
    aia_certification: AiaCertificationText
    lpp_certification: LppCertificationText
    red_flags: RedFlagChecklist
    screening: Screening
    _content_hash: str = PrivateAttr(default="")

    @property
    def content_hash(self) -> str:
        """SHA-256 of the file this version was read from (line endings as LF), recorded
        in every decision it makes: an edited ruleset no longer matches its decisions."""
        return self._content_hash

    @cached_property
    def _tier_map(self) -> dict[str, Tier]:
        tiers: dict[str, Tier] = dict.fromkeys(self.tiers.tier1, 1)
        tiers.update(dict.fromkeys(self.tiers.tier3, 3))
        for item in self.tiers.treated_as:
            tiers[item.country] = self.tiers.listed_tier(item.as_country)
        return tiers

    def tier_of(self, country: str) -> Tier:
        """The tier of an alpha-2 code under this version (Tier 2 unless listed; a country
        the EAR treat as another, Hong Kong, has that country's tier)."""
        return self._tier_map.get(country, 2)

    def countries_in(self, tier: Tier) -> frozenset[str]:
        """Every ISO 3166-1 country of ``tier`` under this version (Hong Kong with China)."""
        from domain.countries import all_countries

        return frozenset(
            country.alpha2 for country in all_countries() if self.tier_of(country.alpha2) == tier
        )

    def treated_as(self, country: str) -> TreatedAs | None:
        for item in self.tiers.treated_as:
            if item.country == country:
                return item
        return None

    def place(self, country: str) -> str:
        """A country as a message names it: "Japan (JP)", or "Hong Kong (HK), treated as
        China under the EAR" where the EAR treat it as another country."""
        text = f"{country_name(country)} ({country})"
        treated = self.treated_as(country)
        if treated is not None:
            text += f", treated as {country_name(treated.as_country)} under the EAR"
        return text

    def tier_note(self, country: str) -> str | None:
        for note in self.tiers.notes:
            if note.country == country:
                return note.note
        return None

    def tier_basis(self, tier: Tier, country: str | None = None) -> str:
        basis = {1: self.tiers.tier1_basis, 2: self.tiers.tier2_basis, 3: self.tiers.tier3_basis}[
            tier
        ]
        treated = self.treated_as(country) if country else None
        if treated is not None:
            return (
                f"treated as {country_name(treated.as_country)} ({treated.as_country}) under "
                f"the EAR since {treated.since.isoformat()} ({treated.citation}): {basis}"
            )
        return basis


class TierAnswer(Frozen):
    """The tier of one country on one day, with the version that says so."""

    country: str
    name: str
    tier: Tier
    ruleset: str
    on: date
    basis: str
    note: str | None = None


def _no_version(day: date, first: Ruleset) -> str:
    return (
        f"no ruleset in effect on {day.isoformat()}: the first version ({first.id}) "
        f"takes effect on {first.effective_from.isoformat()}"
    )


class RulesetCatalog:
    """All shipped ruleset versions, ordered by effective date."""

    def __init__(self, versions: Iterable[Ruleset]) -> None:
        ordered = sorted(versions, key=lambda version: version.effective_from)
        if not ordered:
            raise RulesetDataError("no ruleset versions were loaded")
        seen_ids: set[str] = set()
        for previous, current in pairwise(ordered):
            if previous.effective_from == current.effective_from:
                raise RulesetDataError(
                    f"rulesets {previous.id} and {current.id} share the effective date "
                    f"{current.effective_from.isoformat()}"
                )
        for version in ordered:
            if version.id in seen_ids:
                raise RulesetDataError(f"ruleset id {version.id} is used twice")
            seen_ids.add(version.id)
        self._versions: tuple[Ruleset, ...] = tuple(ordered)

    @property
    def versions(self) -> tuple[Ruleset, ...]:
        return self._versions

    def in_effect_on(self, day: date) -> Ruleset:
        """The version in effect on ``day``; an error before the first version."""
        return _latest_on(self._versions, day, lambda version: version.effective_from, _no_version)

    def by_id(self, ruleset_id: str) -> Ruleset:
        for version in self._versions:
            if version.id == ruleset_id:
                return version
        known = ", ".join(version.id for version in self._versions)
        raise RulesetDataError(f"unknown ruleset {ruleset_id!r}: known versions are {known}")

    def tier(self, country: str, on: date) -> TierAnswer:
        """The tier of ``country`` (code or name) under the version in effect on ``on``."""
        from domain.countries import resolve_country

        resolved = resolve_country(country)
        version = self.in_effect_on(on)
        tier = version.tier_of(resolved.alpha2)
        return TierAnswer(
            country=resolved.alpha2,
            name=resolved.name,
            tier=tier,
            ruleset=version.id,
            on=on,
            basis=version.tier_basis(tier, resolved.alpha2),
            note=version.tier_note(resolved.alpha2),
        )


def parse_ruleset(text: str, origin: str) -> Ruleset:
    """Validate one ruleset file's text; errors name the file and the field."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesetDataError(f"{origin}: not valid TOML: {error}") from error
    try:
        version = Ruleset.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise RulesetDataError(f"{origin}: {problems}") from error
    version._content_hash = ruleset_file_hash(text)
    return version


def ruleset_file_hash(text: str) -> str:
    """The content hash of a ruleset file's text: the same on every platform's checkout."""
    normalised = text.replace("\r\n", "\n").removeprefix("\ufeff")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def load_shipped_rulesets() -> RulesetCatalog:
    """Load and validate every ruleset version shipped in ``domain/rulesets``."""
    folder = resources.files("domain") / "rulesets"
    versions = [
        parse_ruleset(entry.read_text(encoding="utf-8"), f"domain/rulesets/{entry.name}")
        for entry in sorted(folder.iterdir(), key=lambda item: item.name)
        if entry.name.endswith(".toml")
    ]
    return RulesetCatalog(versions)


def describe_countries(codes: Sequence[str]) -> str:
    """ "China (CN), Macau (MO)" for a list of codes."""
    return ", ".join(f"{country_name(code)} ({code})" for code in codes)
