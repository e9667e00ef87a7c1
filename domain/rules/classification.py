"""A product's ECCN and the part of an order it falls in, under one ruleset version: the one
classification the engine, the catalog screen and the statements use (rules.md section 1)."""

from __future__ import annotations

from domain.classification import ItemFigures, Level, classify_item, classify_weights
from domain.decision import Part
from domain.errors import ClassificationInputError
from domain.figures import fmt_operations
from domain.frozen import Frozen
from domain.model import Product, ProductKind
from domain.numbers import Exact
from domain.ruleset import Ruleset

_PART_OF_LEVEL = {Level.A: Part.A_LEVEL, Level.B: Part.B_LEVEL, Level.NONE: Part.UNCONTROLLED}


class ProductClassification(Frozen):
    """What the rules say about one catalog item under one ruleset version.

    ``error`` is set (and the figures left empty) when the item cannot be classified with
    the figures given, for example a datacenter IC whose die area decides.
    """

    ruleset: str
    part: Part = Part.UNCONTROLLED
    """The part of an order the item falls in (a-level, b-level, model weights, IaaS, none)."""
    eccn: str | None = None
    paragraph: str | None = None
    tpp: Exact | None = None
    performance_density: float | None = None
    unit_tpp: Exact | None = None
    level: Level = Level.NONE
    reason: str = ""
    error: str | None = None

    @property
    def eccn_text(self) -> str:
        if self.error:
            return "—"
        return self.eccn or "not controlled"

    @property
    def ships_under_aia(self) -> bool:
        """An a-level IC or system, or controlled model weights: what AIA would cover."""
        return self.part in (Part.A_LEVEL, Part.MODEL_WEIGHTS)


def classify_product(product: Product, ruleset: Ruleset) -> ProductClassification:
    """Classify a catalog item: 3A090/4A090 by its figures, 4E091 for model weights, an IaaS
    training service by its operations against Red Flag 28's threshold."""
    base = {"ruleset": ruleset.id}
    if product.kind in (ProductKind.IC, ProductKind.SYSTEM):
        assert product.tpp is not None  # guaranteed by Product validation
        figures = ItemFigures(
            tpp=product.tpp,
            die_area_mm2=product.die_area_mm2,
            datacenter=product.datacenter,
            ics_per_unit=product.ics_per_unit,
            system=product.kind is ProductKind.SYSTEM,
        )
        try:
            item = classify_item(figures, ruleset.ic_3a090)
        except ClassificationInputError as error:
            return ProductClassification(**base, tpp=product.tpp, error=str(error))
        return ProductClassification(
            **base,
            part=_PART_OF_LEVEL[item.level],
            eccn=item.eccn,
            paragraph=item.paragraph,
            tpp=item.tpp,
            performance_density=item.performance_density,
            unit_tpp=item.unit_tpp,
            level=item.level,
            reason=item.reason,
        )
    if product.kind is ProductKind.MODEL_WEIGHTS:
        try:
            weights = classify_weights(
                product.training_operations, product.published, ruleset.model_weights
            )
        except ClassificationInputError as error:
            return ProductClassification(**base, error=str(error))
        return ProductClassification(
            **base,
            part=Part.MODEL_WEIGHTS if weights.eccn else Part.UNCONTROLLED,
            eccn=weights.eccn,
            paragraph=weights.eccn,
            reason=weights.reason,
        )
    if product.kind is ProductKind.IAAS_TRAINING:
        operations = product.training_operations or 0.0
        threshold = ruleset.red_flag_28.min_training_operations
        large = operations >= threshold
        return ProductClassification(
            **base,
            part=Part.IAAS_TRAINING if large else Part.UNCONTROLLED,
            reason=(
                f"IaaS training service, not an item; {fmt_operations(operations, threshold)} "
                f"{'≥' if large else '<'} {fmt_operations(threshold)} training operations"
            ),
        )
    return ProductClassification(**base, reason="not an item under 3A090, 4A090 or 4E091")
