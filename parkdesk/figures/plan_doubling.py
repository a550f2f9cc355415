"""What the plan asks of one park's indicators: its own doubling goals, checked on the targets a report states.

三个倍增 are city totals (parkdesk.figures.doubling, shown on the city dashboard);
a park is held only to the goals the plan states for it by name (山东中医药大学:
service exports; 宏济堂: industry scale; most others: enterprises and scale;
齐鲁软件园 and 博科: their own figures, checked as stated targets).
"""

from __future__ import annotations

from parkdesk.figures.progress import doubled
from parkdesk.reference.parks import plan_park_of


def plan_doubling_keys(park_code: str | None) -> set[str]:
    """Indicators the plan says this park must at least double by 2024 against 2021 (empty for other parks)."""
    plan_park = plan_park_of(park_code)
    return set(plan_park.doubles) if plan_park is not None else set()


def target_doubles(baseline: float | None, target: float | None) -> bool | None:
    """True when the target is at least twice the baseline; None when either is missing."""
    if baseline is None or target is None:
        return None
    return target >= doubled(baseline) - 1e-9
