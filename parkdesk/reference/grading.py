"""Yearly evaluation grades (考核评价) with their shares and reward caps."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class GradeTier:
    key: str
    label: Label
    share: Fraction | None  # share of parks; None = the rest that pass
    reward_cap_wan_yuan: int | None  # 万元, at most


GRADE_TIERS: tuple[GradeTier, ...] = (
    GradeTier("excellent", Label("优秀", "Excellent"), Fraction(20, 100), 150),
    GradeTier("good", Label("良好", "Good"), Fraction(30, 100), 100),
    GradeTier("pass", Label("合格", "Pass"), None, 50),
)
FAIL_TIER = GradeTier("fail", Label("不合格", "Fail"), None, None)
GRADE_BY_KEY = {g.key: g for g in (*GRADE_TIERS, FAIL_TIER)}
