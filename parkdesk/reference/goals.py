"""The 1234 goals (一个跃升、两个覆盖、三个倍增、四个转型) to be reached by 2024."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label

EXISTING_PARK_COUNT = 12
PARK_COUNT_GOAL = 25
DOUBLING_FACTOR = 2


@dataclass(frozen=True)
class Goal:
    key: str
    group: Label
    label: Label


GOALS: tuple[Goal, ...] = (
    Goal("category_leap", Label("一个跃升", "One leap"),
         Label("三类园区(基地)实现能级跃升", "Parks of all three categories move up a level (能级跃升)")),
    Goal("domain_coverage", Label("两个覆盖", "Two coverages"),
         Label("重点领域和特色领域实现园区(基地)全覆盖",
               "Each key domain has parks of all three categories; each characteristic domain at least one park")),
    Goal("district_coverage", Label("两个覆盖", "Two coverages"),
         Label("区县实现园区(基地)全覆盖", "Every district has at least one park")),
    Goal("park_count_doubling", Label("三个倍增", "Three doublings"),
         Label("园区(基地)数量倍增,达到25个以上", "Park count doubles, to 25 or more")),
    Goal("enterprise_count_doubling", Label("三个倍增", "Three doublings"),
         Label("园区(基地)内企业数量增长一倍以上", "Enterprises inside parks double")),
    Goal("industry_scale_doubling", Label("三个倍增", "Three doublings"),
         Label("园区(基地)内产业规模增长一倍以上", "Industry scale inside parks doubles")),
    Goal("standardization", Label("四个转型", "Four transformations"),
         Label("加快标准化转型", "Standardization")),
    Goal("internationalization", Label("四个转型", "Four transformations"),
         Label("加快国际化转型", "Internationalization")),
    Goal("intelligentization", Label("四个转型", "Four transformations"),
         Label("加快智能化转型", "Smart transformation")),
    Goal("integration", Label("四个转型", "Four transformations"),
         Label("加快融合化转型", "Integration")),
)
GOAL_BY_KEY = {g.key: g for g in GOALS}

# Standards a park leads or joins (标准化转型).
STANDARD_LEVELS: tuple[tuple[str, Label], ...] = (
    ("international", Label("国际标准", "International standards")),
    ("national", Label("国家标准", "National standards")),
    ("industry", Label("行业标准", "Industry standards")),
    ("local", Label("地方标准", "Local standards")),
)
