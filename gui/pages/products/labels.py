"""What the product screens call kinds and fields, and how a performance density reads."""

from __future__ import annotations

from domain.model import ProductKind

KIND_LABELS: dict[ProductKind, str] = {
    ProductKind.IC: "Integrated circuit (IC)",
    ProductKind.SYSTEM: "System, board or server",
    ProductKind.MODEL_WEIGHTS: "Model weights",
    ProductKind.IAAS_TRAINING: "IaaS training service",
    ProductKind.OTHER: "Other (not an AI item)",
}
SHORT_KIND: dict[ProductKind, str] = {
    ProductKind.IC: "IC",
    ProductKind.SYSTEM: "System",
    ProductKind.MODEL_WEIGHTS: "Weights",
    ProductKind.IAAS_TRAINING: "IaaS",
    ProductKind.OTHER: "Other",
}
FIELD_LABELS = {
    "ref": "Ref",
    "name": "Name",
    "kind": "Kind",
    "tpp": "TPP per IC",
    "die_area_mm2": "Die area",
    "ics_per_unit": "ICs per unit",
    "training_operations": "Training operations",
}


def pd_text(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
