"""The stable codes of findings (rules.md section 5, plus the informational codes the engine
adds). A code names a reason for good: records keep it, screens and reports look it up."""

from __future__ import annotations

from enum import StrEnum


class FindingCode(StrEnum):
    # Tier 3 nexus (§ 744.23, § 742.6(a)(6)(iii)(A))
    TIER3_DESTINATION = "tier3_destination"
    TIER3_HEADQUARTERS = "tier3_headquarters"
    TIER3_NEXUS_B_LEVEL = "tier3_nexus_b_level"
    # Authorizations of a-level items and model weights
    AIA_AUTHORIZED = "aia_authorized"
    AIA_CERTIFICATION_MISSING = "aia_certification_missing"
    AIA_BIS_SUBMISSION_REQUIRED = "aia_bis_submission_required"
    UVEU_WITHIN_LIMITS = "uveu_within_limits"
    UVEU_ALLOCATION_EXCEEDED = "uveu_allocation_exceeded"
    NVEU_WITHIN_CAP = "nveu_within_cap"
    NVEU_CAP_EXCEEDED = "nveu_cap_exceeded"
    LPP_WITHIN_LIMIT = "lpp_within_limit"
    LPP_NOT_FOR_DISTRIBUTORS = "lpp_not_for_distributors"
    LPP_LIMIT_EXCEEDED = "lpp_limit_exceeded"
    LPP_CERTIFICATION_MISSING = "lpp_certification_missing"
    LICENSE_APPLIED = "license_applied"
    LICENSE_REQUIRED = "license_required"
    AUTHORIZATION_NOT_AVAILABLE = "authorization_not_available"
    WEIGHTS_AIA_AUTHORIZED = "weights_aia_authorized"
    WEIGHTS_STORAGE_ATTESTATION_MISSING = "weights_storage_attestation_missing"
    # Tier 2 country allocation
    COUNTRY_ALLOCATION_REMAINING = "country_allocation_remaining"
    COUNTRY_ALLOCATION_EXCEEDED = "country_allocation_exceeded"
    # No licence required, and why
    B_LEVEL_NO_LICENSE_REQUIRED = "b_level_no_license_required"
    NOT_CONTROLLED = "not_controlled"
    RED_FLAG_28_NOT_RAISED = "red_flag_28_not_raised"
    # IaaS training (Supp. No. 3 to Part 732, red flag 28)
    RED_FLAG_28 = "red_flag_28"
    RED_FLAG_28_RESOLVED = "red_flag_28_resolved"
    # Notes of the ruleset on a country of the order
    COUNTRY_TIER_NOTE = "country_tier_note"
    # Restricted-party screening (rules.md section 9)
    SCREENING_MATCH_PENDING = "screening_match_pending"
    DENIED_PARTY = "denied_party"
    SANCTIONED_PARTY = "sanctioned_party"
    ENTITY_LIST = "entity_list"
    MILITARY_END_USER = "military_end_user"
    UNVERIFIED_LIST = "unverified_list"
    RESTRICTED_PARTY_REVIEW = "restricted_party_review"
    AFFILIATE_OF_LISTED_PARTY = "affiliate_of_listed_party"
    LISTED_OWNER_NOTE = "listed_owner_note"
    # Field audits (rules.md section 10)
    FIELD_AUDIT_DISCREPANCY = "field_audit_discrepancy"

    @property
    def heading(self) -> str:
        """The code in words, as a heading for the officer ("LPP limit exceeded")."""
        return TITLES[self]

    @property
    def paperwork(self) -> bool:
        """Whether the code means "only paperwork is missing": it puts an order on hold
        rather than make a licence necessary."""
        return self in PAPERWORK


PAPERWORK = frozenset(
    {
        FindingCode.AIA_CERTIFICATION_MISSING,
        FindingCode.AIA_BIS_SUBMISSION_REQUIRED,
        FindingCode.LPP_CERTIFICATION_MISSING,
        FindingCode.WEIGHTS_STORAGE_ATTESTATION_MISSING,
    }
)


TITLES: dict[FindingCode, str] = {
    FindingCode.TIER3_DESTINATION: "Tier 3 destination",
    FindingCode.TIER3_HEADQUARTERS: "Headquartered in Tier 3",
    FindingCode.TIER3_NEXUS_B_LEVEL: "Tier 3 nexus for less powerful items",
    FindingCode.AIA_AUTHORIZED: "Authorized under AIA",
    FindingCode.AIA_CERTIFICATION_MISSING: "AIA certification missing",
    FindingCode.AIA_BIS_SUBMISSION_REQUIRED: "AIA certification to be submitted to BIS",
    FindingCode.UVEU_WITHIN_LIMITS: "Within the UVEU limits",
    FindingCode.UVEU_ALLOCATION_EXCEEDED: "UVEU allocation exceeded",
    FindingCode.NVEU_WITHIN_CAP: "Within the NVEU cap",
    FindingCode.NVEU_CAP_EXCEEDED: "NVEU cap exceeded",
    FindingCode.LPP_WITHIN_LIMIT: "Within the LPP limit",
    FindingCode.LPP_NOT_FOR_DISTRIBUTORS: "LPP not for distributors",
    FindingCode.LPP_LIMIT_EXCEEDED: "LPP limit exceeded",
    FindingCode.LPP_CERTIFICATION_MISSING: "LPP certification missing",
    FindingCode.LICENSE_APPLIED: "Licence applied",
    FindingCode.LICENSE_REQUIRED: "Licence required",
    FindingCode.AUTHORIZATION_NOT_AVAILABLE: "Authorization not available",
    FindingCode.WEIGHTS_AIA_AUTHORIZED: "Model weights authorized under AIA",
    FindingCode.WEIGHTS_STORAGE_ATTESTATION_MISSING: "Model-weights storage attestation missing",
    FindingCode.COUNTRY_ALLOCATION_REMAINING: "Within the country allocation",
    FindingCode.COUNTRY_ALLOCATION_EXCEEDED: "Country allocation exceeded",
    FindingCode.B_LEVEL_NO_LICENSE_REQUIRED: "No licence required for less powerful items",
    FindingCode.NOT_CONTROLLED: "Not controlled",
    FindingCode.RED_FLAG_28_NOT_RAISED: "Red Flag 28 not raised",
    FindingCode.RED_FLAG_28: "Red Flag 28",
    FindingCode.RED_FLAG_28_RESOLVED: "Red Flag 28 resolved",
    FindingCode.COUNTRY_TIER_NOTE: "Note on the country's tier",
    FindingCode.SCREENING_MATCH_PENDING: "Potential restricted-party match to decide",
    FindingCode.DENIED_PARTY: "Denied party",
    FindingCode.SANCTIONED_PARTY: "Sanctioned party (SDN)",
    FindingCode.ENTITY_LIST: "On the Entity List",
    FindingCode.MILITARY_END_USER: "Military end user",
    FindingCode.UNVERIFIED_LIST: "On the Unverified List",
    FindingCode.RESTRICTED_PARTY_REVIEW: "On a restricted-party list: review",
    FindingCode.FIELD_AUDIT_DISCREPANCY: "Field-audit discrepancy not yet resolved",
    FindingCode.AFFILIATE_OF_LISTED_PARTY: "Affiliate of a listed party",
    FindingCode.LISTED_OWNER_NOTE: "Listed owner (note)",
}
"""Each code in words (one per code: a test checks none is missing)."""
