"""The reward of each park by its grade: "最高不超过" 150 / 100 / 50 万元, decided by the scheme's reward rule.

- "full" (default): every park of a grade gets the grade's cap.
- "by_score": the cap scaled by the score against the full mark (the base
  items' points), never above the cap: cap × min(1, score ÷ full mark),
  rounded half up to 0.01 万元 (100 元).
不合格 gets nothing. The caps are scheme parameters, refused above the plan's.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from parkdesk.city.grading import FAIL
from parkdesk.figures.numbers import round_half_up
from parkdesk.city.scoring import BY_SCORE, ScoringScheme

REWARD_DECIMALS = 2  # 万元 to 0.01, i.e. to 100 元


def reward_wan_yuan(scheme: ScoringScheme, grade: str, score: Decimal) -> Decimal:
    if grade == FAIL:
        return Decimal(0).scaleb(-REWARD_DECIMALS)
    cap = scheme.grade(grade).reward_cap
    if scheme.reward_rule == BY_SCORE and scheme.base_points > 0:
        cap = cap * min(Fraction(1), Fraction(score) / scheme.base_points)
    return round_half_up(cap, REWARD_DECIMALS)
