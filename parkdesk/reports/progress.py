"""Where an indicator stands: progress from its 2021 baseline toward its 2024 target, and 三个倍增."""

from __future__ import annotations

from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.reference.goals import DOUBLING_FACTOR
from parkdesk.reference.parks import PLAN_PARK_BY_CODE


def doubling_indicator_keys(park_code: str, park_name: str) -> set[str]:
    """Indicators whose 2024 target must be at least twice the 2021 baseline for this park."""
    keys = {key for key, definition in INDICATOR_BY_KEY.items() if definition.doubling_goal}
    plan_park = PLAN_PARK_BY_CODE.get(park_code)
    if plan_park is not None and plan_park.name == park_name:
        keys |= set(plan_park.doubles)
    return keys


def progress_toward_target(baseline: float | None, target: float | None, actual: float | None) -> float | None:
    """The share of the way from baseline to target covered by `actual` (1.0 = target reached); None if unknown."""
    if baseline is None or target is None or actual is None or target == baseline:
        return None
    return (actual - baseline) / (target - baseline)


def target_doubles(baseline: float | None, target: float | None) -> bool | None:
    """True when the target is at least twice the baseline; None when either is missing."""
    if baseline is None or target is None:
        return None
    return target >= baseline * DOUBLING_FACTOR - 1e-9
