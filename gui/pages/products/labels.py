"""What the product screens call kinds and fields, and how a performance density reads (the
labels in English, as validation messages name them; ``shown`` gives the officer's language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.model import ProductKind
from gui.pages.base import QT_TRANSLATE_NOOP

KIND_LABELS: dict[ProductKind, str] = {
    ProductKind.IC: QT_TRANSLATE_NOOP("ProductLabels", "Integrated circuit (IC)"),
    ProductKind.SYSTEM: QT_TRANSLATE_NOOP("ProductLabels", "System, board or server"),
    ProductKind.MODEL_WEIGHTS: QT_TRANSLATE_NOOP("ProductLabels", "Model weights"),
    ProductKind.IAAS_TRAINING: QT_TRANSLATE_NOOP("ProductLabels", "IaaS training service"),
    ProductKind.OTHER: QT_TRANSLATE_NOOP("ProductLabels", "Other (not an AI item)"),
}
SHORT_KIND: dict[ProductKind, str] = {
    ProductKind.IC: QT_TRANSLATE_NOOP("ProductLabels", "IC"),
    ProductKind.SYSTEM: QT_TRANSLATE_NOOP("ProductLabels", "System"),
    ProductKind.MODEL_WEIGHTS: QT_TRANSLATE_NOOP("ProductLabels", "Weights"),
    ProductKind.IAAS_TRAINING: QT_TRANSLATE_NOOP("ProductLabels", "IaaS"),
    ProductKind.OTHER: QT_TRANSLATE_NOOP("ProductLabels", "Other"),
}
FIELD_LABELS = {
    "ref": QT_TRANSLATE_NOOP("ProductLabels", "Ref"),
    "name": QT_TRANSLATE_NOOP("ProductLabels", "Name"),
    "kind": QT_TRANSLATE_NOOP("ProductLabels", "Kind"),
    "tpp": QT_TRANSLATE_NOOP("ProductLabels", "TPP per IC"),
    "die_area_mm2": QT_TRANSLATE_NOOP("ProductLabels", "Die area"),
    "ics_per_unit": QT_TRANSLATE_NOOP("ProductLabels", "ICs per unit"),
    "training_operations": QT_TRANSLATE_NOOP("ProductLabels", "Training operations"),
}


def shown(label: str) -> str:
    """One of the labels above in the officer's language."""
    return QCoreApplication.translate("ProductLabels", label)


def pd_text(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
