"""What the party screens call roles, VEU statuses and fields (in English, as validation
messages name them; ``shown`` gives the officer's language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.model import Role, VeuStatus
from gui.pages.base import QT_TRANSLATE_NOOP

ROLE_LABELS: dict[Role, str] = {
    Role.END_USER: QT_TRANSLATE_NOOP("PartyLabels", "End user"),
    Role.DATACENTER_OPERATOR: QT_TRANSLATE_NOOP("PartyLabels", "Data-center operator"),
    Role.CLOUD_PROVIDER: QT_TRANSLATE_NOOP("PartyLabels", "Cloud provider"),
    Role.DISTRIBUTOR: QT_TRANSLATE_NOOP("PartyLabels", "Distributor / reseller"),
    Role.RESEARCH: QT_TRANSLATE_NOOP("PartyLabels", "Research institution"),
    Role.OTHER: QT_TRANSLATE_NOOP("PartyLabels", "Other"),
}
VEU_LABELS: dict[VeuStatus, str] = {
    VeuStatus.NONE: QT_TRANSLATE_NOOP("PartyLabels", "None"),
    VeuStatus.UVEU: QT_TRANSLATE_NOOP("PartyLabels", "UVEU (universal)"),
    VeuStatus.NVEU: QT_TRANSLATE_NOOP("PartyLabels", "NVEU (national, one country)"),
}
FIELD_LABELS = {
    "ref": QT_TRANSLATE_NOOP("PartyLabels", "Ref"),
    "name": QT_TRANSLATE_NOOP("PartyLabels", "Legal name"),
    "aliases": QT_TRANSLATE_NOOP("PartyLabels", "Aliases"),
    "address": QT_TRANSLATE_NOOP("PartyLabels", "Address"),
    "country": QT_TRANSLATE_NOOP("PartyLabels", "Location"),
    "hq_country": QT_TRANSLATE_NOOP("PartyLabels", "Headquarters"),
    "parent_name": QT_TRANSLATE_NOOP("PartyLabels", "Ultimate parent"),
    "parent_hq_country": QT_TRANSLATE_NOOP("PartyLabels", "Parent headquarters"),
    "role": QT_TRANSLATE_NOOP("PartyLabels", "Role"),
    "veu": QT_TRANSLATE_NOOP("PartyLabels", "VEU status"),
    "veu_country": QT_TRANSLATE_NOOP("PartyLabels", "NVEU country"),
    "veu_id": QT_TRANSLATE_NOOP("PartyLabels", "Authorization no."),
}


def shown(label: str) -> str:
    """One of the labels above in the officer's language."""
    return QCoreApplication.translate("PartyLabels", label)


def role_label(value: str) -> str:
    try:
        return shown(ROLE_LABELS[Role(value)])
    except ValueError:
        return value
