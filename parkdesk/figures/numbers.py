"""Exact numbers: the decimal a float was typed as, rounding half up, and JSON numbers."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction


def exact(value: float | int | Fraction | Decimal | None) -> Fraction | None:
    """The decimal a float was typed as (0.7 → 7/10), so sums and ratios do not drift; None stays None."""
    if value is None:
        return None
    if isinstance(value, (Fraction, int, Decimal)):
        return Fraction(value)
    return Fraction(repr(float(value)))


def round_half_up(value: Fraction, decimals: int) -> Decimal:
    """`value` rounded to `decimals` places, halves away from zero (85.125 → 85.13), exactly."""
    scaled = abs(value) * 10 ** decimals
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(-whole if value < 0 else whole).scaleb(-decimals)


def number(value: Fraction | Decimal | int | float | None) -> int | float | None:
    """A JSON number: whole values as ints, others as floats (exact for the few decimals used here)."""
    if value is None:
        return None
    if isinstance(value, (Fraction, Decimal)) and value == int(value):
        return int(value)
    if isinstance(value, int):
        return value
    return float(value)


def shown(value: Fraction, decimals: int = 4) -> int | float:
    """A ratio or derived figure for the record: rounded half up, as a JSON number."""
    return number(round_half_up(value, decimals))
