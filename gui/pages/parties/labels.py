"""What the party screens call roles, VEU statuses and fields."""

from __future__ import annotations

from domain.model import Role, VeuStatus

ROLE_LABELS: dict[Role, str] = {
    Role.END_USER: "End user",
    Role.DATACENTER_OPERATOR: "Data-center operator",
    Role.CLOUD_PROVIDER: "Cloud provider",
    Role.DISTRIBUTOR: "Distributor / reseller",
    Role.RESEARCH: "Research institution",
    Role.OTHER: "Other",
}
VEU_LABELS: dict[VeuStatus, str] = {
    VeuStatus.NONE: "None",
    VeuStatus.UVEU: "UVEU (universal)",
    VeuStatus.NVEU: "NVEU (national, one country)",
}
FIELD_LABELS = {
    "ref": "Ref",
    "name": "Legal name",
    "aliases": "Aliases",
    "address": "Address",
    "country": "Location",
    "hq_country": "Headquarters",
    "parent_name": "Ultimate parent",
    "parent_hq_country": "Parent headquarters",
    "role": "Role",
    "veu": "VEU status",
    "veu_country": "NVEU country",
    "veu_id": "Authorization no.",
}


def role_label(value: str) -> str:
    try:
        return ROLE_LABELS[Role(value)]
    except ValueError:
        return value
