"""Grades by the plan's shares (六(三) 强化考核激励): 优秀 20% of the parks, 良好 30%, 合格 the rest that pass.

The rule, as docs/evaluation.md states it:

- Places per grade are shares of every park evaluated (failing ones
  included), each rounded on its own: 优秀 R(n × 20%), 良好 R(n × 30%). R is
  the scheme's `quota_rounding`: "floor" (default: a grade never gets more
  places than its share, so with fewer than 5 parks there is no 优秀 place
  and with fewer than 4 no 良好 place) or "half_up" (nearest, halves up; may
  exceed the plan's share).
- Each grade's count stays within its own places: places a grade leaves
  unused do not roll down to the next grade.
- A park below the pass threshold is 不合格 whatever its rank; one at or
  above it is at least 合格.
- Parks with equal (rounded) scores share a rank and a grade, always. Going
  down the ranking, tie group by tie group, a group joins the current grade
  when it fits in the grade's places left (`ties="lower"`, default: a tie
  across the boundary goes wholly to the lower grade, and that grade's
  remaining places stay unused) or when any place is left
  (`ties="higher"`: the group may exceed the places, not the plan's share);
  otherwise that grade is closed and the group tries the next one.

The grade depends on the score alone, so it is monotonic in the score and
never splits a tie.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Sequence

from parkdesk.city.scoring import FLOOR, HALF_UP, LOWER, ScoringScheme

PASS, FAIL = "pass", "fail"
Score = Decimal | Fraction | int


@dataclass(frozen=True)
class GradeRules:
    tiers: tuple[tuple[str, Fraction], ...]  # the grades with a share, best first: (("excellent", 1/5), ("good", 3/10))
    pass_threshold: Fraction
    rounding: str = FLOOR
    ties: str = LOWER

    @classmethod
    def of(cls, scheme: ScoringScheme) -> "GradeRules":
        return cls(tuple((g.key, g.share) for g in scheme.grades if g.share is not None), scheme.pass_threshold,
                   scheme.quota_rounding, scheme.ties)

    @property
    def order(self) -> tuple[str, ...]:
        """Every grade, best first."""
        return (*(key for key, _ in self.tiers), PASS, FAIL)


def rounded_quota(count: int, share: Fraction, rounding: str) -> int:
    exact = count * share
    if rounding == HALF_UP:
        return math.floor(exact + Fraction(1, 2))
    if rounding == FLOOR:
        return math.floor(exact)
    raise ValueError(f"unknown quota rounding {rounding!r}")


def tier_quotas(count: int, rules: GradeRules) -> dict[str, int]:
    """Places per graded tier: R(count × share), each rounded on its own."""
    return {key: rounded_quota(count, share, rules.rounding) for key, share in rules.tiers}


def competition_ranks(scores: Sequence[Score]) -> list[int]:
    """1 + the number of strictly higher scores: equal scores share a rank ("1224")."""
    ordered = sorted(scores)
    return [len(ordered) - bisect_right(ordered, score) + 1 for score in scores]


def assign_grades(scores: Sequence[Score], rules: GradeRules) -> list[str]:
    """The grade key of each score, in the order given."""
    places = tier_quotas(len(scores), rules)
    sizes = Counter(scores)
    tiers = [key for key, _ in rules.tiers]
    grade_of: dict[Score, str] = {}
    tier, used = 0, 0  # the grade being filled and the places it has used
    for score in sorted(sizes, reverse=True):
        if score < rules.pass_threshold:
            grade_of[score] = FAIL
            continue
        while tier < len(tiers):
            room = places[tiers[tier]] - used
            if (sizes[score] <= room) if rules.ties == LOWER else (room > 0):
                break
            tier, used = tier + 1, 0
        if tier < len(tiers):
            grade_of[score] = tiers[tier]
            used += sizes[score]
        else:
            grade_of[score] = PASS
    return [grade_of[score] for score in scores]
