"""一个跃升: 三类园区(基地)实现能级跃升 — each of the plan's parks moves up a rung from where it started.

The rungs, as the plan's section 二(一) sets them out: 初创新建类 → 综合提升类 →
争创一流类; within 争创一流类, a provincial base strives to be 国内一流 and a
national one 国际一流. parkdesk reads a rung from the category and the
recognition level a park has in a year (its report, or the city's record:
parkdesk.history.recognition):

    rung 1 初创新建类, 2 综合提升类, 3 争创一流类 (省级 or below), 4 争创一流类 (国家级)

A provincial first-class park moves up when it is recognized at national level
(宏济堂's application for a national base is that step). A park that starts as
a national first-class base strives for 国际一流, which no recognition level
records: it is listed apart (at the top of what parkdesk can measure) and is
not part of the goal's count — parkdesk's reading, as the plan sets no measure
for it. A plan park starts from the plan's category and the level of its
earliest report; a park the plan does not list has no starting point (not
assessed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from parkdesk.reference.categories import CATEGORY_BY_KEY, FIRST_CLASS
from parkdesk.reference.labels import Label

NATIONAL = "national"
TOP_RUNG = 4
RUNGS: dict[int, Label] = {
    1: Label("初创新建类", "Newly founded"),
    2: Label("综合提升类", "Comprehensive upgrading"),
    3: Label("争创一流类(省级:争创国内一流)", "Striving for first-class (provincial: to be first-class in China)"),
    4: Label("争创一流类(国家级:争创国际一流)",
             "Striving for first-class (national: to be first-class internationally)"),
}


class LeapingPark(Protocol):
    code: str
    category: str
    level: str | None
    plan_category: str | None
    start_level: str | None


@dataclass(frozen=True)
class CategoryMove:
    park: str  # code
    from_category: str
    to_category: str
    from_level: str | None = None
    to_level: str | None = None


@dataclass(frozen=True)
class LeapStatus:
    eligible: tuple[str, ...]  # plan parks with a rung above them to reach: the goal's denominator
    moved_up: tuple[CategoryMove, ...]
    not_moved: tuple[str, ...]  # eligible, still on their starting rung
    moved_down: tuple[CategoryMove, ...]  # any plan park now on a lower rung
    at_top: tuple[str, ...]  # started as national first-class bases: 国际一流 is not a recognition level
    not_assessed: tuple[str, ...]  # not a plan park: no starting point


def rung(category: str | None, level: str | None) -> int | None:
    if category not in CATEGORY_BY_KEY:
        return None
    rank = CATEGORY_BY_KEY[category].rank
    return TOP_RUNG if category == FIRST_CLASS.key and level == NATIONAL else rank


def leap_steps(park: LeapingPark) -> int | None:
    """Rungs moved since the plan (+1 = one leap up), None when the starting point is unknown."""
    start, now = rung(park.plan_category, park.start_level), rung(park.category, park.level)
    return None if start is None or now is None else now - start


def leap_status(parks: Iterable[LeapingPark]) -> LeapStatus:
    eligible, moved_up, not_moved, moved_down, at_top, not_assessed = [], [], [], [], [], []
    for park in sorted(parks, key=lambda p: p.code):
        steps = leap_steps(park)
        if steps is None:
            not_assessed.append(park.code)
            continue
        move = CategoryMove(park.code, park.plan_category, park.category, park.start_level, park.level)
        started_at_top = rung(park.plan_category, park.start_level) == TOP_RUNG
        if not started_at_top:
            eligible.append(park.code)
        if steps > 0:
            moved_up.append(move)
        elif steps < 0:
            moved_down.append(move)
        elif started_at_top:
            at_top.append(park.code)
        else:
            not_moved.append(park.code)
    return LeapStatus(tuple(eligible), tuple(moved_up), tuple(not_moved), tuple(moved_down), tuple(at_top),
                      tuple(not_assessed))
