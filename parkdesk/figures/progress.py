"""Progress, shares and changes: the ratios every view shows (formulas in parkdesk.figures.formulas)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from parkdesk.reference.goals import DOUBLING_FACTOR

N = TypeVar("N", float, Fraction, Decimal, int)


def progress_toward(baseline: N | None, target: N | None, actual: N | None) -> N | float | None:
    """目标进度: the share of the way from the 2021 baseline to the target that `actual` covers (1 = reached).

    No baseline counts as 0; None when there is no actual or no target, or the target is not above the
    baseline (no growth asked: nothing to measure progress on).
    """
    if actual is None or target is None:
        return None
    start = baseline if baseline is not None else 0
    if target <= start:
        return None
    return (actual - start) / (target - start)


def doubled(baseline: N) -> N:
    """The doubling target of a baseline (三个倍增: 增长一倍以上)."""
    return baseline * DOUBLING_FACTOR


def share(part: N | None, whole: N | None) -> N | float | None:
    """part ÷ whole; None when either is missing or the whole is 0."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole


def share_percent(numerator: N | None, denominator: N | None) -> N | float | None:
    """numerator ÷ denominator × 100 (服务出口占外贸出口比重); None when either is missing or the denominator is 0."""
    ratio = share(numerator, denominator)
    return None if ratio is None else ratio * 100


def change_share(previous: N | None, current: N | None) -> N | float | None:
    """同比变化: (current − previous) ÷ |previous| (0.1 = +10 %); None without both or when previous is 0."""
    if previous is None or current is None or previous == 0:
        return None
    return (current - previous) / abs(previous)
