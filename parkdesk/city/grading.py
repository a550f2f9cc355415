"""Grades by the plan's quotas (考核评价): 优秀 20% of the parks, 良好 30%, 合格 the rest that pass.

The rule, as docs/evaluation.md states it:

- Places per grade are shares of every park evaluated (failing ones
  included), each rounded on its own: 优秀 R(n × 20%), 良好 R(n × 30%). R is
  the scheme's `quota_rounding`: "floor" (default: a grade never gets more
  places than its share, so with fewer than 5 parks there is no 优秀 place
  and with fewer than 4 no 良好 place) or "half_up" (nearest, halves up).
- The places are positions in the ranking: 优秀 the first R(n × 20%),
  良好 the next R(n × 30%).
- A park below the pass threshold is 不合格 whatever its rank; one at or
  above it is at least 合格.
- Parks with equal (rounded) scores share a rank and a grade, always. A tie
  group whose positions straddle a boundary takes the grade of its last
  position with `ties="lower"` (default: the places of a grade and those
  above it are never exceeded; they may stay short), or of its first
  position with `ties="higher"` (nobody tied with a winner loses; that group
  may exceed the places).

Formally, with `above` = parks scoring strictly higher, `through` = parks
scoring at least as high (the park's tie group included) and L_k = the places
of grade k and the grades above it, a passing park gets the first grade k with
`through ≤ L_k` (lower) or `above < L_k` (higher); else 合格. The grade depends
on the score alone, so it is monotonic in the score and never splits a tie.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
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


def cumulative_quotas(count: int, rules: GradeRules) -> tuple[int, ...]:
    """For each graded tier, the last ranking position it reaches: its places and those of the tiers above."""
    result, total = [], 0
    for places in tier_quotas(count, rules).values():
        total += places
        result.append(total)
    return tuple(result)


def competition_ranks(scores: Sequence[Score]) -> list[int]:
    """1 + the number of strictly higher scores: equal scores share a rank ("1224")."""
    ordered = sorted(scores)
    return [len(ordered) - bisect_right(ordered, score) + 1 for score in scores]


def assign_grades(scores: Sequence[Score], rules: GradeRules) -> list[str]:
    """The grade key of each score, in the order given."""
    ordered = sorted(scores)
    count = len(ordered)
    limits = cumulative_quotas(count, rules)
    grades = []
    for score in scores:
        if score < rules.pass_threshold:
            grades.append(FAIL)
            continue
        above = count - bisect_right(ordered, score)
        through = count - bisect_left(ordered, score)
        grade = PASS
        for (key, _), limit in zip(rules.tiers, limits):
            if (through <= limit) if rules.ties == LOWER else (above < limit):
                grade = key
                break
        grades.append(grade)
    return grades
