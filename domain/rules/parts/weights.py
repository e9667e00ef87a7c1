"""The model-weight part (4E091): prohibited with a Tier 3 nexus; AIA where the consignee and
its ultimate parent are headquartered in Tier 1 and its certification attests storage; else a
covering licence; else a hold for the attestation or a licence required (§ 742.6(a)(13))."""

from __future__ import annotations

from collections.abc import Sequence

from domain.decision import Authorization, LineResult, Outcome, Part, PartResult
from domain.model import LicenseCovers
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import as_info, finding
from domain.rules.geography import NexusFact, headquarters_outside_tier1
from domain.rules.parts import PartDecision

PART = Part.MODEL_WEIGHTS


def decide_weights(
    facts: Facts, lines: Sequence[LineResult], nexus: Sequence[NexusFact]
) -> PartDecision:
    if nexus:
        return PartDecision(PartResult(part=PART, outcome=Outcome.PROHIBITED))
    consignee, refs, day = facts.consignee, facts.refs, facts.day
    outside = headquarters_outside_tier1((("consignee", consignee),), facts.ruleset)
    problem = f"{outside[0]}, not Tier 1" if outside else None
    missing = None
    if problem is None:
        certification = facts.standing.aia_certification
        in_force = certification is not None and certification.in_force_on(day)
        if in_force and certification is not None and certification.weights_storage_attested:
            authorized = finding(
                FindingCode.WEIGHTS_AIA_AUTHORIZED,
                refs.aia_weights,
                f"Model weights authorized under AIA: {consignee.ref} is headquartered in "
                f"Tier 1 and its AIA certification attests storage security.",
                PART,
            )
            return PartDecision(
                PartResult(part=PART, outcome=Outcome.AUTHORIZED, authorization=Authorization.AIA),
                (authorized,),
            )
        missing = finding(
            FindingCode.WEIGHTS_STORAGE_ATTESTATION_MISSING,
            refs.aia_weights,
            f"Model weights under AIA need {consignee.ref}'s AIA certification to attest "
            f"storage under {facts.ruleset.model_weights.storage_requirements}; "
            + (
                "its certification does not attest it."
                if in_force
                else "no AIA certification is in force."
            ),
            PART,
            "block",
            has_aia_certification=in_force,
        )
    licence = next(
        (
            item
            for item in sorted(facts.standing.licenses, key=lambda x: (x.valid_to, x.number))
            if item.covers is LicenseCovers.MODEL_WEIGHTS
            and item.party_ref == consignee.ref
            and item.destination == facts.destination
            and item.valid_on(day)
        ),
        None,
    )
    if licence is not None:
        applied = finding(
            FindingCode.LICENSE_APPLIED,
            refs.license_model_weights,
            f"Model weights authorized under licence {licence.number} (valid to "
            f"{licence.valid_to}).",
            PART,
            license=licence.number,
        )
        return PartDecision(
            PartResult(part=PART, outcome=Outcome.AUTHORIZED, authorization=Authorization.LICENSE),
            (*as_info([missing] if missing else []), applied),
        )
    if missing is not None:
        return PartDecision(PartResult(part=PART, outcome=Outcome.HOLD), (missing,))
    required = finding(
        FindingCode.LICENSE_REQUIRED,
        refs.license_model_weights,
        f"A licence is required for the model weights (4E091): {problem}, so AIA is not "
        f"available, and no licence covers them.",
        PART,
        "block",
    )
    return PartDecision(PartResult(part=PART, outcome=Outcome.LICENSE_REQUIRED), (required,))
