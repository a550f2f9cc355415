"""The plan's bar for one park's indicator in 2024: what the evaluation scores progress toward.

The plan states what each of its parks must reach; a park's own (self-declared)
target is shown beside it but never lowers the bar. For a park and an
indicator, the bar is, in this order:

1. the plan's own figures for that park on that indicator — a stated figure
   (齐鲁软件园 5000亿元, 15亿美元; 山东网络视听 60家…) and, where the plan also
   asks the park to double it, twice the 2021 baseline: the higher of them
   (`plan_figure` or `plan_doubling`, whichever is higher);
2. a stated figure the plan gives for the same measure in other terms
   (齐鲁软件园's and 博科's enterprise goals are core enterprises: 1万家, 10家),
   scored on that indicator (`plan_figure`);
3. otherwise growth toward the plan's citywide doubling, twice the park's 2021
   baseline (`default_doubling`: parkdesk's default where the plan states
   nothing for the park — for service exports, which the plan doubles only for
   山东中医药大学, too).
A doubling needs a 2021 baseline above 0: without one there is no bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from parkdesk.figures.numbers import exact
from parkdesk.figures.progress import doubled
from parkdesk.reference.parks import plan_park_of

PLAN_FIGURE, PLAN_DOUBLING, DEFAULT_DOUBLING = "plan_figure", "plan_doubling", "default_doubling"


@dataclass(frozen=True)
class PlanBar:
    indicator: str  # the indicator whose figures are scored (core_enterprise_count for 齐鲁软件园's enterprises)
    value: Fraction | None  # the 2024 bar; None: a doubling without a 2021 baseline
    source: str  # PLAN_FIGURE | PLAN_DOUBLING | DEFAULT_DOUBLING
    text: str | None = None  # the plan's words, for a stated figure


def plan_bar(code: str | None, indicator: str, baseline_of: Callable[[str], Fraction | None]) -> PlanBar:
    """The bar of the park of `code` on `indicator`; `baseline_of(key)` gives its 2021 baseline of an indicator."""
    plan_park = plan_park_of(code)
    if plan_park is not None:
        candidates = [PlanBar(indicator, exact(s.value), PLAN_FIGURE, s.text)
                      for s in plan_park.targets if s.indicator == indicator]
        if indicator in plan_park.doubles:
            candidates.append(_doubling(indicator, baseline_of, PLAN_DOUBLING))
        known = [c for c in candidates if c.value is not None]
        if known:
            return max(known, key=lambda c: c.value)
        if candidates:
            return candidates[0]
        for stated in plan_park.targets:
            if stated.measures == indicator:
                return PlanBar(stated.indicator, exact(stated.value), PLAN_FIGURE, stated.text)
    return _doubling(indicator, baseline_of, DEFAULT_DOUBLING)


def _doubling(indicator: str, baseline_of: Callable[[str], Fraction | None], source: str) -> PlanBar:
    baseline = baseline_of(indicator)
    return PlanBar(indicator, doubled(baseline) if baseline else None, source)
