"""一个跃升: parks that moved up a category level (初创新建 → 综合提升 → 争创一流) since the plan.

A park's starting category is the one the plan gave it (the 12 plan parks);
a workspace keeps only a park's current category, so for a park the plan does
not list there is no starting point and it is listed as not assessed. A plan
park that started as 争创一流类 has no higher category: it is listed apart
and is not part of the goal's count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from parkdesk.reference.categories import CATEGORY_BY_KEY, FIRST_CLASS


class CategorisedPark(Protocol):
    code: str
    category: str
    plan_category: str | None


@dataclass(frozen=True)
class CategoryMove:
    park: str  # code
    from_category: str
    to_category: str


@dataclass(frozen=True)
class LeapStatus:
    eligible: tuple[str, ...]  # plan parks that started below 争创一流类: the goal's denominator
    moved_up: tuple[CategoryMove, ...]
    not_moved: tuple[str, ...]  # eligible, still in their starting category
    moved_down: tuple[CategoryMove, ...]  # any plan park now in a lower category
    at_top: tuple[str, ...]  # started as 争创一流类 and still there
    not_assessed: tuple[str, ...]  # not a plan park: no starting category


def category_steps(park: CategorisedPark) -> int | None:
    """Levels moved since the plan (+1 = one leap up), None when the starting category is unknown."""
    if park.plan_category is None or park.plan_category not in CATEGORY_BY_KEY or park.category not in CATEGORY_BY_KEY:
        return None
    return CATEGORY_BY_KEY[park.category].rank - CATEGORY_BY_KEY[park.plan_category].rank


def leap_status(parks: Iterable[CategorisedPark]) -> LeapStatus:
    eligible, moved_up, not_moved, moved_down, at_top, not_assessed = [], [], [], [], [], []
    for park in sorted(parks, key=lambda p: p.code):
        steps = category_steps(park)
        if steps is None:
            not_assessed.append(park.code)
            continue
        if park.plan_category != FIRST_CLASS.key:
            eligible.append(park.code)
        if steps == 0 and park.plan_category == FIRST_CLASS.key:
            at_top.append(park.code)
        elif steps > 0:
            moved_up.append(CategoryMove(park.code, park.plan_category, park.category))
        elif steps < 0:
            moved_down.append(CategoryMove(park.code, park.plan_category, park.category))
        else:
            not_moved.append(park.code)
    return LeapStatus(tuple(eligible), tuple(moved_up), tuple(not_moved), tuple(moved_down), tuple(at_top),
                      tuple(not_assessed))
