"""Values assembled on the hot path equal the same values validated."""

from __future__ import annotations

import pytest

from domain.model import CountrySetting, Standing


def test_an_assembled_value_equals_the_validated_one() -> None:
    values = {
        "country": "SG",
        "g2g_agreement": False,
        "external_allocation_used_tpp": 0.0,
        "our_allocation_used_tpp": 12.5,
    }
    assembled = CountrySetting.assemble(**values)
    assert assembled == CountrySetting(**values)
    assert hash(assembled) == hash(CountrySetting(**values))
    assert assembled.allocation_used_tpp == 12.5


def test_assembling_takes_every_field() -> None:
    with pytest.raises(TypeError, match="every field"):
        Standing.assemble(lpp_shipped_tpp=1.0)


def test_an_assembled_value_cannot_change() -> None:
    standing = Standing.assemble(
        lpp_shipped_tpp=1.0,
        aia_cumulative_tpp=0.0,
        veu_footprint={},
        aia_certification=None,
        lpp_certification=None,
        licenses=(),
    )
    with pytest.raises(ValueError, match="frozen"):
        standing.lpp_shipped_tpp = 2.0  # type: ignore[misc]
