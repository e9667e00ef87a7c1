"""Order evaluation (rules.md section 5): a pure function from values to a Decision.

``evaluate(order, context, ruleset)`` classifies every line, splits the order into parts
(a-level, model weights, b-level, IaaS training, uncontrolled), decides each part, and takes
the most restrictive outcome. Every number comes from the ruleset; every reason becomes a
finding with a stable code, the rule it rests on, a plain-language message and its figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from domain.classification import (
    ItemFigures,
    Level,
    classify_item,
    classify_weights,
)
from domain.countries import country_name
from domain.decision import (
    Authorization,
    Consumption,
    Decision,
    FigureValue,
    Finding,
    Ledger,
    LineResult,
    Outcome,
    Part,
    PartResult,
    Severity,
    most_restrictive,
)
from domain.errors import ClassificationInputError, DomainError
from domain.figures import fmt_operations, fmt_share, fmt_tpp
from domain.model import (
    EvaluationContext,
    LicenseCovers,
    Order,
    Party,
    Product,
    ProductKind,
    VeuStatus,
)
from domain.ruleset import Ruleset

# Codes of findings that mean "only paperwork is missing": they put an order on hold
# rather than make a licence necessary.
PAPERWORK_CODES = frozenset(
    {
        "aia_certification_missing",
        "aia_bis_submission_required",
        "lpp_certification_missing",
        "weights_storage_attestation_missing",
    }
)


@dataclass(frozen=True)
class NexusFact:
    """One way an order touches Tier 3."""

    kind: Literal["destination", "location", "headquarters", "parent_headquarters"]
    country: str
    party_ref: str | None = None
    party_role: Literal["consignee", "end user"] | None = None

    @property
    def code(self) -> str:
        if self.kind in ("destination", "location"):
            return "tier3_destination"
        return "tier3_headquarters"

    def describe(self, ruleset: Ruleset) -> str:
        place = ruleset.place(self.country)
        if self.kind == "destination":
            return f"the destination {place}, is Tier 3"
        what = {
            "location": "is located in",
            "headquarters": "is headquartered in",
            "parent_headquarters": "has its ultimate parent headquartered in",
        }[self.kind]
        return f"the {self.party_role} {self.party_ref} {what} {place}, which is Tier 3"


_WHERE = {
    "located": "is located in",
    "headquartered": "is headquartered in",
    "parent": "has its ultimate parent headquartered in",
}
"""How a message says where a party is, by what is tested."""


@dataclass
class _Attempt:
    """The result of trying one authorization for a part."""

    authorization: Authorization
    applicable: bool
    holds: bool = False
    findings: list[Finding] = field(default_factory=list)
    consumption: list[Consumption] = field(default_factory=list)
    reason_unavailable: str = ""

    @property
    def paperwork_only(self) -> bool:
        failing = [finding for finding in self.findings if finding.severity != "info"]
        return bool(failing) and all(finding.code in PAPERWORK_CODES for finding in failing)


@dataclass(frozen=True)
class _ClassifiedLine:
    result: LineResult
    product: Product


def evaluate(order: Order, context: EvaluationContext, ruleset: Ruleset) -> Decision:
    """Decide an order under ``ruleset`` (the version in effect on the order's date)."""
    return _Evaluation(order, context, ruleset).run()


class _Evaluation:
    def __init__(self, order: Order, context: EvaluationContext, ruleset: Ruleset) -> None:
        if ruleset.effective_from > order.date:
            raise DomainError(
                f"order {order.ref} is dated {order.date.isoformat()}, before ruleset "
                f"{ruleset.id} took effect ({ruleset.effective_from.isoformat()})"
            )
        if context.consignee.ref != order.consignee_ref:
            raise DomainError(
                f"order {order.ref}: consignee {order.consignee_ref} does not match the "
                f"party given ({context.consignee.ref})"
            )
        if (order.end_user_ref or None) != (context.end_user.ref if context.end_user else None):
            raise DomainError(
                f"order {order.ref}: end user {order.end_user_ref} does not match the party given"
            )
        self.order = order
        self.context = context
        self.ruleset = ruleset
        self.refs = ruleset.references
        self.consignee = context.consignee
        self.destination = order.destination or context.consignee.country
        self.destination_tier = ruleset.tier_of(self.destination)
        self.findings: list[Finding] = []
        self.parts: list[PartResult] = []
        self.consumption: list[Consumption] = []

    # -- helpers ---------------------------------------------------------------------------

    def _finding(
        self,
        code: str,
        rule: str,
        message: str,
        part: Part,
        severity: Severity = "info",
        /,
        **figures: FigureValue,
    ) -> Finding:
        return Finding(
            code=code, rule=rule, message=message, figures=figures, part=part, severity=severity
        )

    def _tier(self, country: str | None) -> int:
        return 2 if country is None else self.ruleset.tier_of(country)

    def _parties(self) -> list[tuple[Literal["consignee", "end user"], Party]]:
        parties: list[tuple[Literal["consignee", "end user"], Party]] = [
            ("consignee", self.consignee)
        ]
        if self.context.end_user is not None:
            parties.append(("end user", self.context.end_user))
        return parties

    def nexus(self) -> list[NexusFact]:
        """Every way the order touches Tier 3 (§ 744.23, § 742.6(a)(6)(iii)(A))."""
        facts: list[NexusFact] = []
        if self.destination_tier == 3:
            facts.append(NexusFact("destination", self.destination))
        for role, party in self._parties():
            places: list[
                tuple[Literal["location", "headquarters", "parent_headquarters"], str | None]
            ] = [
                ("location", party.country),
                ("headquarters", party.hq_country),
                ("parent_headquarters", party.parent_hq_country),
            ]
            for kind, country in places:
                if country is not None and self._tier(country) == 3:
                    facts.append(NexusFact(kind, country, party.ref, role))
        return facts

    # -- classification --------------------------------------------------------------------

    def classify_lines(self) -> list[_ClassifiedLine]:
        classified: list[_ClassifiedLine] = []
        for number, line in enumerate(self.order.lines, start=1):
            product = self.context.products.get(line.product_ref)
            if product is None:
                raise DomainError(
                    f"order {self.order.ref} line {number}: unknown product {line.product_ref!r}"
                )
            try:
                result = self._classify_line(number, product, line.quantity)
            except ClassificationInputError as error:
                raise ClassificationInputError(
                    f"order {self.order.ref} line {number}, product {product.ref}: {error}"
                ) from error
            classified.append(_ClassifiedLine(result, product))
        return classified

    def _classify_line(self, number: int, product: Product, quantity: int) -> LineResult:
        base = {
            "line": number,
            "product_ref": product.ref,
            "product_name": product.name,
            "quantity": quantity,
        }
        if product.kind in (ProductKind.IC, ProductKind.SYSTEM):
            assert product.tpp is not None  # guaranteed by Product validation
            figures = ItemFigures(
                tpp=product.tpp,
                die_area_mm2=product.die_area_mm2,
                datacenter=product.datacenter,
                ics_per_unit=product.ics_per_unit,
                system=product.kind is ProductKind.SYSTEM,
            )
            item = classify_item(figures, self.ruleset.ic_3a090)
            part = {Level.A: Part.A_LEVEL, Level.B: Part.B_LEVEL, Level.NONE: Part.UNCONTROLLED}[
                item.level
            ]
            return LineResult(
                **base,
                eccn=item.eccn,
                paragraph=item.paragraph,
                part=part,
                unit_tpp=item.unit_tpp,
                line_tpp=item.unit_tpp * quantity,
                reason=item.reason,
            )
        if product.kind is ProductKind.MODEL_WEIGHTS:
            weights = classify_weights(
                product.training_operations, product.published, self.ruleset.model_weights
            )
            return LineResult(
                **base,
                eccn=weights.eccn,
                paragraph=weights.eccn,
                part=Part.MODEL_WEIGHTS if weights.eccn else Part.UNCONTROLLED,
                unit_tpp=None,
                line_tpp=None,
                reason=weights.reason,
            )
        if product.kind is ProductKind.IAAS_TRAINING:
            operations = product.training_operations or 0.0
            threshold = self.ruleset.red_flag_28.min_training_operations
            large = operations >= threshold
            return LineResult(
                **base,
                eccn=None,
                paragraph=None,
                part=Part.IAAS_TRAINING if large else Part.UNCONTROLLED,
                unit_tpp=None,
                line_tpp=None,
                reason=(
                    f"IaaS training service, not an item; "
                    f"{fmt_operations(operations, threshold)} {'≥' if large else '<'} "
                    f"{fmt_operations(threshold)} training operations"
                ),
            )
        return LineResult(
            **base,
            eccn=None,
            paragraph=None,
            part=Part.UNCONTROLLED,
            unit_tpp=None,
            line_tpp=None,
            reason="not an item under 3A090, 4A090 or 4E091",
        )

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> Decision:
        lines = self.classify_lines()
        by_part: dict[Part, list[_ClassifiedLine]] = {}
        for line in lines:
            by_part.setdefault(line.result.part, []).append(line)
        nexus = self.nexus()
        if by_part.get(Part.A_LEVEL) or by_part.get(Part.MODEL_WEIGHTS):
            self.findings.extend(self._nexus_findings(nexus))
        if Part.A_LEVEL in by_part:
            self._a_level(by_part[Part.A_LEVEL], nexus)
        if Part.MODEL_WEIGHTS in by_part:
            self._model_weights(by_part[Part.MODEL_WEIGHTS], nexus)
        if Part.B_LEVEL in by_part:
            self._b_level(by_part[Part.B_LEVEL], nexus)
        if Part.IAAS_TRAINING in by_part:
            self._iaas(by_part[Part.IAAS_TRAINING])
        if Part.UNCONTROLLED in by_part:
            self._uncontrolled(by_part[Part.UNCONTROLLED])
        self.findings.extend(self._country_notes())
        outcome = most_restrictive([part.outcome for part in self.parts])
        authorizations: list[Authorization] = []
        for part in self.parts:
            if part.authorization is not None and part.authorization not in authorizations:
                authorizations.append(part.authorization)
        a_level_tpp = sum(line.result.line_tpp or 0.0 for line in by_part.get(Part.A_LEVEL, []))
        return Decision(
            order_ref=self.order.ref,
            order_date=self.order.date,
            outcome=outcome,
            authorizations=tuple(authorizations),
            ruleset=self.ruleset.id,
            destination=self.destination,
            destination_tier=self.destination_tier,
            a_level_tpp=a_level_tpp,
            lines=tuple(line.result for line in lines),
            parts=tuple(self.parts),
            findings=tuple(self.findings),
            consumption=tuple(self.consumption) if outcome.ships else (),
        )

    def _country_notes(self) -> list[Finding]:
        """The ruleset's note on each country of the order that has one (Cyprus: D:5 but
        also A:6, placed in Tier 2; Hong Kong: treated as China)."""
        places: list[tuple[str, str]] = [("the destination", self.destination)]
        for role, party in self._parties():
            places += [
                (f"the {role} {party.ref}'s location", party.country),
                (f"the {role} {party.ref}'s headquarters", party.hq_country),
            ]
            if party.parent_hq_country:
                places.append(
                    (f"the {role} {party.ref}'s ultimate parent", party.parent_hq_country)
                )
        findings: list[Finding] = []
        for country in dict.fromkeys(country for _, country in places):
            note = self.ruleset.tier_note(country)
            if note is None:
                continue
            where = [what for what, place in places if place == country]
            findings.append(
                self._finding(
                    "country_tier_note",
                    self.refs.tiers,
                    f"{self.ruleset.place(country)} ({', '.join(where)}): {note}",
                    Part.ORDER,
                    country=country,
                    tier=self._tier(country),
                )
            )
        return findings

    def _nexus_findings(self, nexus: list[NexusFact]) -> list[Finding]:
        return [
            self._finding(
                fact.code,
                self.refs.tier3_nexus,
                f"Prohibited (presumption of denial): {fact.describe(self.ruleset)}.",
                Part.ORDER,
                "block",
                nexus=fact.kind,
                country=fact.country,
                party=fact.party_ref,
                party_role=fact.party_role,
            )
            for fact in nexus
        ]

    # -- a-level part ----------------------------------------------------------------------

    def _a_level(self, lines: list[_ClassifiedLine], nexus: list[NexusFact]) -> None:
        q = sum(line.result.line_tpp or 0.0 for line in lines)
        if nexus:
            self.parts.append(PartResult(part=Part.A_LEVEL, outcome=Outcome.PROHIBITED, tpp=q))
            return
        largest_unit = max(lines, key=lambda line: line.result.unit_tpp or 0.0)
        attempts: list[Callable[[float, _ClassifiedLine], _Attempt]] = [
            self._try_aia,
            self._try_uveu,
            self._try_nveu,
            self._try_lpp,
            self._try_license_a_level,
        ]
        tried: list[_Attempt] = []
        for attempt_fn in attempts:
            attempt = attempt_fn(q, largest_unit)
            tried.append(attempt)
            if attempt.holds:
                # Earlier authorizations that failed are kept as information only.
                for earlier in tried[:-1]:
                    self.findings.extend(_as_info(earlier.findings))
                self.findings.extend(attempt.findings)
                self.consumption.extend(attempt.consumption)
                self.parts.append(
                    PartResult(
                        part=Part.A_LEVEL,
                        outcome=Outcome.AUTHORIZED,
                        tpp=q,
                        authorization=attempt.authorization,
                    )
                )
                return
        for attempt in tried:
            self.findings.extend(attempt.findings)
            if not attempt.applicable:
                self.findings.append(
                    self._finding(
                        "authorization_not_available",
                        self._rule_for(attempt.authorization),
                        f"{attempt.authorization.value} not available: "
                        f"{attempt.reason_unavailable}.",
                        Part.A_LEVEL,
                        authorization=attempt.authorization.value,
                    )
                )
        on_hold = any(attempt.paperwork_only for attempt in tried)
        if on_hold:
            outcome = Outcome.HOLD
        else:
            outcome = Outcome.LICENSE_REQUIRED
            self.findings.append(
                self._finding(
                    "license_required",
                    self.refs.license,
                    f"A licence is required: no licence exception or VEU authorization covers "
                    f"the {fmt_tpp(q)} TPP of a-level items to "
                    f"{country_name(self.destination)}.",
                    Part.A_LEVEL,
                    "block",
                    a_level_tpp=q,
                    destination=self.destination,
                )
            )
        self._report_country_allocation(q, outcome)
        self.parts.append(PartResult(part=Part.A_LEVEL, outcome=outcome, tpp=q))

    def _rule_for(self, authorization: Authorization) -> str:
        return {
            Authorization.AIA: self.refs.aia,
            Authorization.UVEU: self.refs.uveu,
            Authorization.NVEU: self.refs.nveu,
            Authorization.LPP: self.refs.lpp,
            Authorization.LICENSE: self.refs.license,
        }[authorization]

    def _aia_geography_problem(self) -> str | None:
        if self.destination_tier != 1:
            return f"the destination {self.ruleset.place(self.destination)} is not Tier 1"
        for role, party in self._parties():
            for what, country in (
                ("located", party.country),
                ("headquartered", party.hq_country),
                ("parent", party.parent_hq_country),
            ):
                if country is not None and self._tier(country) != 1:
                    return (
                        f"the {role} {party.ref} {_WHERE[what]} {self.ruleset.place(country)}, "
                        "not Tier 1"
                    )
        return None

    def _try_aia(self, q: float, largest: _ClassifiedLine) -> _Attempt:
        attempt = _Attempt(Authorization.AIA, applicable=True)
        problem = self._aia_geography_problem()
        if problem is not None:
            attempt.applicable = False
            attempt.reason_unavailable = problem
            return attempt
        certification = self.context.standing.aia_certification
        day = self.order.date
        if certification is None or not certification.in_force_on(day):
            if certification is None:
                state = "no AIA certification is on file"
            elif certification.signed_on > day:
                state = (
                    f"the AIA certification was signed on {certification.signed_on}, "
                    "after the order date"
                )
            else:
                state = f"the AIA certification was revoked on {certification.revoked_on}"
            attempt.findings.append(
                self._finding(
                    "aia_certification_missing",
                    self.refs.aia,
                    f"AIA needs the ultimate consignee's certification before the first AIA "
                    f"shipment; {state}.",
                    Part.A_LEVEL,
                    "block",
                    party=self.consignee.ref,
                )
            )
        earlier = self.context.standing.aia_cumulative_tpp
        cumulative = earlier + q
        threshold = self.ruleset.aia.bis_submission_from_tpp
        if cumulative >= threshold and not (
            certification is not None and certification.submitted_by(day)
        ):
            attempt.findings.append(
                self._finding(
                    "aia_bis_submission_required",
                    self.refs.aia_bis_submission,
                    f"Cumulative AIA shipments to {self.consignee.ref} would reach "
                    f"{fmt_tpp(cumulative)} TPP, at or above {fmt_tpp(threshold)}: the AIA "
                    f"certification must have been submitted to BIS.",
                    Part.A_LEVEL,
                    "block",
                    earlier_aia_tpp=earlier,
                    order_tpp=q,
                    cumulative_tpp=cumulative,
                    threshold_tpp=threshold,
                )
            )
        if attempt.findings:
            return attempt
        attempt.holds = True
        attempt.findings.append(
            self._finding(
                "aia_authorized",
                self.refs.aia,
                f"Authorized under License Exception AIA: Tier 1 destination and parties, "
                f"certification signed {certification.signed_on if certification else ''}; "
                f"cumulative AIA TPP after this order {fmt_tpp(cumulative)} "
                f"(BIS submission needed from {fmt_tpp(threshold)}).",
                Part.A_LEVEL,
                cumulative_tpp=cumulative,
                threshold_tpp=threshold,
            )
        )
        attempt.consumption.append(
            Consumption(ledger=Ledger.AIA, party_ref=self.consignee.ref, tpp=q)
        )
        return attempt

    def _try_uveu(self, q: float, largest: _ClassifiedLine) -> _Attempt:
        attempt = _Attempt(Authorization.UVEU, applicable=False)
        consignee = self.consignee
        if consignee.veu is not VeuStatus.UVEU:
            attempt.reason_unavailable = f"the consignee {consignee.ref} is not a UVEU"
            return attempt
        if self._tier(consignee.hq_country) != 1:
            attempt.reason_unavailable = (
                f"the UVEU {consignee.ref} is headquartered in "
                f"{self.ruleset.place(consignee.hq_country)}, not Tier 1"
            )
            return attempt
        attempt.applicable = True
        limits = self.ruleset.uveu
        footprint = dict(self.context.standing.veu_footprint)
        footprint[self.destination] = footprint.get(self.destination, 0.0) + q
        total = sum(footprint.values())
        tier1 = sum(tpp for country, tpp in footprint.items() if self._tier(country) == 1)
        tier1_share = tier1 / total
        figures: dict[str, FigureValue] = {
            "footprint_after_tpp": total,
            "tier1_share": round(tier1_share, 9),
        }
        if tier1_share < limits.min_tier1_share:
            attempt.findings.append(
                self._finding(
                    "uveu_allocation_exceeded",
                    self.refs.uveu,
                    f"After this shipment only {fmt_share(tier1_share, limits.min_tier1_share)} "
                    f"of {consignee.ref}'s AI compute would be in Tier 1; a UVEU must keep at "
                    f"least {fmt_share(limits.min_tier1_share)} there.",
                    Part.A_LEVEL,
                    "block",
                    limit="min_tier1_share",
                    share=round(tier1_share, 9),
                    required=limits.min_tier1_share,
                    footprint_after_tpp=total,
                )
            )
        for country, tpp in sorted(footprint.items()):
            share = tpp / total
            if self._tier(country) == 2 and share > limits.max_single_tier2_share:
                attempt.findings.append(
                    self._finding(
                        "uveu_allocation_exceeded",
                        self.refs.uveu,
                        f"After this shipment "
                        f"{fmt_share(share, limits.max_single_tier2_share)} of {consignee.ref}'s "
                        f"AI compute would be in {country_name(country)}; a UVEU may hold at most "
                        f"{fmt_share(limits.max_single_tier2_share)} in any one Tier 2 country.",
                        Part.A_LEVEL,
                        "block",
                        limit="max_single_tier2_share",
                        country=country,
                        share=round(share, 9),
                        allowed=limits.max_single_tier2_share,
                        footprint_after_tpp=total,
                    )
                )
        home = limits.home_country
        if consignee.hq_country == home:
            home_share = footprint.get(home, 0.0) / total
            figures["home_share"] = round(home_share, 9)
            if home_share < limits.min_home_share_if_headquartered:
                attempt.findings.append(
                    self._finding(
                        "uveu_allocation_exceeded",
                        self.refs.uveu,
                        f"{consignee.ref} is headquartered in {country_name(home)}; after this "
                        f"shipment only "
                        f"{fmt_share(home_share, limits.min_home_share_if_headquartered)} of its "
                        f"AI compute would be there, below the "
                        f"{fmt_share(limits.min_home_share_if_headquartered)} required.",
                        Part.A_LEVEL,
                        "block",
                        limit="min_home_share",
                        country=home,
                        share=round(home_share, 9),
                        required=limits.min_home_share_if_headquartered,
                        footprint_after_tpp=total,
                    )
                )
        if attempt.findings:
            return attempt
        attempt.holds = True
        attempt.findings.append(
            self._finding(
                "uveu_within_limits",
                self.refs.uveu,
                f"Authorized under UVEU {consignee.veu_id or ''}: after this shipment "
                f"{fmt_share(tier1_share, limits.min_tier1_share)} of the footprint is in Tier 1 "
                "and every limit holds.",
                Part.A_LEVEL,
                **figures,
            )
        )
        attempt.consumption.append(
            Consumption(ledger=Ledger.VEU, party_ref=consignee.ref, country=self.destination, tpp=q)
        )
        return attempt

    def _try_nveu(self, q: float, largest: _ClassifiedLine) -> _Attempt:
        attempt = _Attempt(Authorization.NVEU, applicable=False)
        consignee = self.consignee
        if consignee.veu is not VeuStatus.NVEU:
            attempt.reason_unavailable = f"the consignee {consignee.ref} is not an NVEU"
            return attempt
        if consignee.veu_country != self.destination:
            attempt.reason_unavailable = (
                f"the NVEU of {consignee.ref} covers "
                f"{country_name(consignee.veu_country or '')}, not "
                f"{country_name(self.destination)}"
            )
            return attempt
        attempt.applicable = True
        cap = self.ruleset.nveu.cap_on(self.order.date)
        installed = self.context.standing.veu_footprint.get(self.destination, 0.0)
        after = installed + q
        figures: dict[str, FigureValue] = {
            "installed_tpp": installed,
            "order_tpp": q,
            "after_tpp": after,
            "cap_tpp": cap.cap_tpp,
            "quarter": cap.label,
        }
        if after > cap.cap_tpp:
            over = after - cap.cap_tpp
            attempt.findings.append(
                self._finding(
                    "nveu_cap_exceeded",
                    self.refs.nveu,
                    f"The installed base of {consignee.ref} in {country_name(self.destination)} "
                    f"would be {fmt_tpp(after)} TPP, passing the {cap.label} cap of "
                    f"{fmt_tpp(cap.cap_tpp)} by {fmt_tpp(over)}{_units(over, largest)}.",
                    Part.A_LEVEL,
                    "block",
                    over_by_tpp=over,
                    **figures,
                )
            )
            return attempt
        attempt.holds = True
        attempt.findings.append(
            self._finding(
                "nveu_within_cap",
                self.refs.nveu,
                f"Authorized under NVEU {consignee.veu_id or ''}: installed base after this "
                f"shipment {fmt_tpp(after)} TPP within the {cap.label} cap of "
                f"{fmt_tpp(cap.cap_tpp)}.",
                Part.A_LEVEL,
                **figures,
            )
        )
        attempt.consumption.append(
            Consumption(ledger=Ledger.VEU, party_ref=consignee.ref, country=self.destination, tpp=q)
        )
        return attempt

    def _try_lpp(self, q: float, largest: _ClassifiedLine) -> _Attempt:
        attempt = _Attempt(Authorization.LPP, applicable=True)
        consignee = self.consignee
        lpp = self.ruleset.lpp
        if consignee.role.value in lpp.excluded_roles:
            attempt.findings.append(
                self._finding(
                    "lpp_not_for_distributors",
                    self.refs.lpp,
                    f"LPP is not available to {consignee.ref}: a "
                    f"{consignee.role.value.replace('_', ' ')} is not an eligible ultimate "
                    f"consignee.",
                    Part.A_LEVEL,
                    "block",
                    role=consignee.role.value,
                )
            )
            return attempt
        day = self.order.date
        year = day.year
        certification = self.context.standing.lpp_certification
        valid_certification = certification is not None and certification.in_force_on(
            self.order.date
        )
        prior = certification.prior_receipts_tpp if certification and valid_certification else 0.0
        earlier = self.context.standing.lpp_shipped_tpp
        total = prior + earlier + q
        figures: dict[str, FigureValue] = {
            "year": year,
            "limit_tpp": lpp.limit_tpp,
            "prior_receipts_tpp": prior,
            "earlier_shipments_tpp": earlier,
            "order_tpp": q,
            "total_tpp": total,
        }
        if total > lpp.limit_tpp:
            over = total - lpp.limit_tpp
            attempt.findings.append(
                self._finding(
                    "lpp_limit_exceeded",
                    self.refs.lpp,
                    f"{consignee.ref} would receive {fmt_tpp(total)} TPP in {year} "
                    f"(prior receipts {fmt_tpp(prior)} + earlier LPP shipments "
                    f"{fmt_tpp(earlier)} + this order {fmt_tpp(q)}), passing the LPP limit of "
                    f"{fmt_tpp(lpp.limit_tpp)} by {fmt_tpp(over)}{_units(over, largest)}.",
                    Part.A_LEVEL,
                    "block",
                    over_by_tpp=over,
                    **figures,
                )
            )
        if not valid_certification:
            if certification is None:
                state = f"none is on file for {year}"
            elif certification.revoked_on is not None and certification.revoked_on <= day:
                state = (
                    f"the certification for {year} was revoked on "
                    f"{certification.revoked_on.isoformat()}"
                )
            elif certification.signed_on > day:
                state = (
                    f"the certification for {year} was signed on "
                    f"{certification.signed_on.isoformat()}, after the order date"
                )
            else:
                state = f"the certification on file is for {certification.year}"
            attempt.findings.append(
                self._finding(
                    "lpp_certification_missing",
                    self.refs.lpp,
                    f"LPP needs {consignee.ref}'s certification for {year} (stating its prior "
                    f"receipts); {state}.",
                    Part.A_LEVEL,
                    "block",
                    year=year,
                    party=consignee.ref,
                )
            )
        if attempt.findings:
            return attempt
        attempt.holds = True
        attempt.findings.append(
            self._finding(
                "lpp_within_limit",
                self.refs.lpp,
                f"Authorized under LPP: {consignee.ref} receives {fmt_tpp(total)} of "
                f"{fmt_tpp(lpp.limit_tpp)} TPP in {year}; {fmt_tpp(lpp.limit_tpp - total)} left.",
                Part.A_LEVEL,
                left_tpp=lpp.limit_tpp - total,
                **figures,
            )
        )
        attempt.consumption.append(
            Consumption(ledger=Ledger.LPP, party_ref=consignee.ref, year=year, tpp=q)
        )
        return attempt

    def _try_license_a_level(self, q: float, largest: _ClassifiedLine) -> _Attempt:
        attempt = _Attempt(Authorization.LICENSE, applicable=False)
        candidates = [
            licence
            for licence in self.context.standing.licenses
            if licence.covers is LicenseCovers.A_LEVEL
            and licence.party_ref == self.consignee.ref
            and licence.destination == self.destination
        ]
        day = self.order.date
        usable = sorted(
            (
                licence
                for licence in candidates
                if licence.valid_on(day) and licence.remaining_tpp >= q
            ),
            key=lambda licence: (licence.valid_to, licence.number),
        )
        if not usable:
            if not candidates:
                attempt.reason_unavailable = (
                    f"no licence covers a-level items for {self.consignee.ref} to "
                    f"{country_name(self.destination)}"
                )
            else:
                states = []
                for licence in candidates:
                    if not licence.valid_on(day):
                        states.append(
                            f"{licence.number} is valid {licence.valid_from} to {licence.valid_to}"
                        )
                    else:
                        states.append(
                            f"{licence.number} has {fmt_tpp(licence.remaining_tpp)} TPP left, "
                            f"{fmt_tpp(q)} needed"
                        )
                attempt.reason_unavailable = "; ".join(states)
            return attempt
        licence = usable[0]
        attempt.applicable = True
        attempt.holds = True
        attempt.findings.append(
            self._finding(
                "license_applied",
                self.refs.license,
                f"Authorized under licence {licence.number}: {fmt_tpp(q)} of "
                f"{fmt_tpp(licence.remaining_tpp)} TPP left (valid to {licence.valid_to}).",
                Part.A_LEVEL,
                license=licence.number,
                remaining_before_tpp=licence.remaining_tpp,
                order_tpp=q,
            )
        )
        attempt.consumption.append(
            Consumption(
                ledger=Ledger.LICENSE,
                party_ref=self.consignee.ref,
                license_number=licence.number,
                tpp=q,
            )
        )
        allocation = self._allocation_left()
        if allocation is not None:
            limit, used, left = allocation
            attempt.consumption.append(
                Consumption(ledger=Ledger.COUNTRY_ALLOCATION, country=self.destination, tpp=q)
            )
            if q > left:
                attempt.findings.append(self._allocation_exceeded(q, limit, used, left, "warning"))
        return attempt

    def _allocation_left(self) -> tuple[float, float, float] | None:
        """(limit, used, left) of the destination's Tier 2 allocation, if one applies."""
        allocation = self.ruleset.country_allocation
        if self.destination_tier != 2:
            return None
        if not allocation.period_start <= self.order.date <= allocation.period_end:
            return None
        setting = self.context.country
        g2g = setting.g2g_agreement if setting is not None else False
        used = setting.allocation_used_tpp if setting is not None else 0.0
        limit = allocation.limit(g2g)
        return limit, used, max(limit - used, 0.0)

    def _allocation_exceeded(
        self, q: float, limit: float, used: float, left: float, severity: Severity
    ) -> Finding:
        return self._finding(
            "country_allocation_exceeded",
            self.refs.country_allocation,
            f"{fmt_tpp(q)} TPP exceeds what is left of the Tier 2 allocation of "
            f"{country_name(self.destination)}: {fmt_tpp(left)} of {fmt_tpp(limit)} TPP.",
            Part.A_LEVEL,
            severity,
            country=self.destination,
            limit_tpp=limit,
            used_tpp=used,
            left_tpp=left,
            order_tpp=q,
        )

    def _report_country_allocation(self, q: float, outcome: Outcome) -> None:
        allocation = self._allocation_left()
        if allocation is None:
            return
        limit, used, left = allocation
        setting = self.context.country
        g2g = setting.g2g_agreement if setting is not None else False
        self.findings.append(
            self._finding(
                "country_allocation_remaining",
                self.refs.country_allocation,
                f"A licence for this order would draw on the Tier 2 allocation of "
                f"{country_name(self.destination)}: {fmt_tpp(left)} of {fmt_tpp(limit)} TPP left"
                f"{' (doubled under a government-to-government agreement)' if g2g else ''}. "
                f"The allocation is the figure published by CSIS; the paragraph of the rule "
                f"that sets it is not confirmed.",
                Part.A_LEVEL,
                country=self.destination,
                limit_tpp=limit,
                used_tpp=used,
                left_tpp=left,
                g2g_agreement=g2g,
            )
        )
        if q > left:
            severity: Severity = "block" if outcome is Outcome.LICENSE_REQUIRED else "warning"
            self.findings.append(self._allocation_exceeded(q, limit, used, left, severity))

    # -- model weights ---------------------------------------------------------------------

    def _model_weights(self, lines: list[_ClassifiedLine], nexus: list[NexusFact]) -> None:
        part = Part.MODEL_WEIGHTS
        if nexus:
            self.parts.append(PartResult(part=part, outcome=Outcome.PROHIBITED))
            return
        consignee = self.consignee
        day = self.order.date
        eligible_problem = None
        for what, country in (
            ("headquartered", consignee.hq_country),
            ("parent", consignee.parent_hq_country),
        ):
            if country is not None and self._tier(country) != 1:
                eligible_problem = (
                    f"the consignee {consignee.ref} {_WHERE[what]} "
                    f"{self.ruleset.place(country)}, not Tier 1"
                )
                break
        paperwork_missing = False
        if eligible_problem is None:
            certification = self.context.standing.aia_certification
            if (
                certification is not None
                and certification.in_force_on(day)
                and certification.weights_storage_attested
            ):
                self.findings.append(
                    self._finding(
                        "weights_aia_authorized",
                        self.refs.aia_weights,
                        f"Model weights authorized under AIA: {consignee.ref} is headquartered in "
                        f"Tier 1 and its AIA certification attests storage security.",
                        part,
                    )
                )
                self.parts.append(
                    PartResult(
                        part=part, outcome=Outcome.AUTHORIZED, authorization=Authorization.AIA
                    )
                )
                return
            has_certification = certification is not None and certification.in_force_on(day)
            paperwork_missing = True
            missing = self._finding(
                "weights_storage_attestation_missing",
                self.refs.aia_weights,
                (
                    f"Model weights under AIA need {consignee.ref}'s AIA certification to attest "
                    f"storage under {self.ruleset.model_weights.storage_requirements}; "
                    + (
                        "its certification does not attest it."
                        if has_certification
                        else "no AIA certification is in force."
                    )
                ),
                part,
                "block",
                has_aia_certification=has_certification,
            )
        licence = next(
            (
                licence
                for licence in sorted(
                    self.context.standing.licenses, key=lambda item: (item.valid_to, item.number)
                )
                if licence.covers is LicenseCovers.MODEL_WEIGHTS
                and licence.party_ref == consignee.ref
                and licence.destination == self.destination
                and licence.valid_on(day)
            ),
            None,
        )
        if licence is not None:
            if paperwork_missing:
                self.findings.extend(_as_info([missing]))
            self.findings.append(
                self._finding(
                    "license_applied",
                    self.refs.license_model_weights,
                    f"Model weights authorized under licence {licence.number} (valid to "
                    f"{licence.valid_to}).",
                    part,
                    license=licence.number,
                )
            )
            self.parts.append(
                PartResult(
                    part=part, outcome=Outcome.AUTHORIZED, authorization=Authorization.LICENSE
                )
            )
            return
        if paperwork_missing:
            self.findings.append(missing)
            self.parts.append(PartResult(part=part, outcome=Outcome.HOLD))
            return
        self.findings.append(
            self._finding(
                "license_required",
                self.refs.license_model_weights,
                f"A licence is required for the model weights (4E091): {eligible_problem}, so "
                f"AIA is not available, and no licence covers them.",
                part,
                "block",
            )
        )
        self.parts.append(PartResult(part=part, outcome=Outcome.LICENSE_REQUIRED))

    # -- b-level, IaaS, uncontrolled -------------------------------------------------------

    def _b_level(self, lines: list[_ClassifiedLine], nexus: list[NexusFact]) -> None:
        tpp = sum(line.result.line_tpp or 0.0 for line in lines)
        if nexus:
            self.findings.append(
                self._finding(
                    "tier3_nexus_b_level",
                    self.refs.b_level_nexus,
                    "A licence is required for the b-level items because "
                    + "; ".join(fact.describe(self.ruleset) for fact in nexus)
                    + ". License Exception NAC (25-day prior notification) may be available.",
                    Part.B_LEVEL,
                    "block",
                    b_level_tpp=tpp,
                    nexus=[f"{fact.kind}:{fact.country}" for fact in nexus],
                )
            )
            self.parts.append(
                PartResult(part=Part.B_LEVEL, outcome=Outcome.LICENSE_REQUIRED, tpp=tpp)
            )
            return
        self.findings.append(
            self._finding(
                "b_level_no_license_required",
                self.refs.b_level_no_license_required,
                "No licence required for the b-level items: the order has no Tier 3 nexus.",
                Part.B_LEVEL,
                b_level_tpp=tpp,
            )
        )
        self.parts.append(
            PartResult(part=Part.B_LEVEL, outcome=Outcome.NO_LICENSE_REQUIRED, tpp=tpp)
        )

    def _iaas(self, lines: list[_ClassifiedLine]) -> None:
        part = Part.IAAS_TRAINING
        outside: list[str] = []
        for role, party in self._parties():
            for what, country in (
                ("headquartered", party.hq_country),
                ("parent", party.parent_hq_country),
            ):
                if country is not None and self._tier(country) != 1:
                    outside.append(
                        f"the {role} {party.ref} {_WHERE[what]} {self.ruleset.place(country)}"
                    )
        operations = max(line.product.training_operations or 0.0 for line in lines)
        threshold = self.ruleset.red_flag_28.min_training_operations
        if not outside:
            self.findings.append(
                self._finding(
                    "red_flag_28_not_raised",
                    self.refs.red_flag_28,
                    f"No licence required for the IaaS training service (not an item): training "
                    f"of {fmt_operations(operations, threshold)} operations for a customer "
                    "headquartered in Tier 1, whose ultimate parent is too, does not raise "
                    "Red Flag 28.",
                    part,
                    training_operations=operations,
                    threshold_operations=threshold,
                )
            )
            self.parts.append(PartResult(part=part, outcome=Outcome.NO_LICENSE_REQUIRED))
            return
        resolution = self.order.red_flag_28_resolution
        if resolution is not None:
            self.findings.append(
                self._finding(
                    "red_flag_28_resolved",
                    self.refs.red_flag_28,
                    f"Red Flag 28 resolved by {resolution.resolved_by} on "
                    f"{resolution.resolved_on}: {resolution.note}",
                    part,
                    resolved_by=resolution.resolved_by,
                    resolved_on=resolution.resolved_on.isoformat(),
                )
            )
            self.parts.append(PartResult(part=part, outcome=Outcome.NO_LICENSE_REQUIRED))
            return
        self.findings.append(
            self._finding(
                "red_flag_28",
                self.refs.red_flag_28,
                f"Hold: IaaS training of {fmt_operations(operations, threshold)} operations for "
                f"a customer outside Tier 1 ({'; '.join(outside)}). Record how Red Flag 28 was "
                f"resolved before going ahead.",
                part,
                "block",
                training_operations=operations,
                threshold_operations=threshold,
            )
        )
        self.parts.append(PartResult(part=part, outcome=Outcome.HOLD))

    def _uncontrolled(self, lines: list[_ClassifiedLine]) -> None:
        # One mention per product, however many lines order it (an order may have thousands).
        by_product: dict[str, list[_ClassifiedLine]] = {}
        for line in lines:
            by_product.setdefault(line.product.ref, []).append(line)
        described = [
            f"{group[0].product.name} ({group[0].result.reason})"
            + (f", {len(group):,} lines" if len(group) > 1 else "")
            for group in by_product.values()
        ]
        self.findings.append(
            self._finding(
                "not_controlled",
                self.refs.not_controlled,
                "No licence required for items outside 3A090, 4A090 and 4E091: "
                + "; ".join(described)
                + ".",
                Part.UNCONTROLLED,
                products=list(by_product),
            )
        )
        self.parts.append(PartResult(part=Part.UNCONTROLLED, outcome=Outcome.NO_LICENSE_REQUIRED))


def _as_info(findings: list[Finding]) -> list[Finding]:
    return [finding.model_copy(update={"severity": "info"}) for finding in findings]


def _units(over_tpp: float, largest: _ClassifiedLine) -> str:
    unit = largest.result.unit_tpp or 0.0
    if unit <= 0:
        return ""
    count = math.ceil(over_tpp / unit)
    noun = "unit" if count == 1 else "units"
    return f" (about {count:,} {noun} of {largest.product.name} too many)"
