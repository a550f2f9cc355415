"""The three stages (阶段实施) and each category's core theme per stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parkdesk.reference.categories import CATEGORIES, Category
from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class Stage:
    year: int
    label: Label

    def text(self, lang: str = "zh") -> str:
        return self.label.text(lang)


STAGES: tuple[Stage, ...] = (
    Stage(2022, Label("夯实基础", "Laying foundations")),
    Stage(2023, Label("特色发展", "Distinctive development")),
    Stage(2024, Label("突破提升", "Breakthrough and upgrading")),
)
STAGE_BY_YEAR = {s.year: s for s in STAGES}
PLAN_YEARS = tuple(s.year for s in STAGES)
BASELINE_YEAR = 2021
TARGET_YEAR = 2024


def stage_theme(category: Category, year: int) -> Label:
    """The core theme of `category` in the stage of `year`: its core tasks in stage order."""
    index = PLAN_YEARS.index(year)
    return category.core_tasks[index]


THEME_TABLE = {(c.key, s.year): stage_theme(c, s.year) for c in CATEGORIES for s in STAGES}


def default_report_year(today: date | None = None) -> int:
    """The year an operator reports on: last calendar year, kept within the plan's years (2022–2024)."""
    year = (today or date.today()).year - 1
    return min(max(year, PLAN_YEARS[0]), PLAN_YEARS[-1])
