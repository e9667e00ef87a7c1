"""The constrained numbers values share: finite, and not below (or not at) zero."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Positive = Annotated[float, Field(gt=0, allow_inf_nan=False)]
