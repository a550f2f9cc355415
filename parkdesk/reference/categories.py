"""Park categories (类别) and their three core tasks each (三大核心任务)."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class Category:
    key: str
    label: Label
    meaning: Label
    core_tasks: tuple[Label, Label, Label]
    rank: int  # 1 = 初创新建, 3 = 争创一流; 一个跃升 means moving up one rank

    def text(self, lang: str = "zh") -> str:
        return self.label.text(lang)


FIRST_CLASS = Category(
    key="first_class",
    label=Label("争创一流类", "Striving for first-class"),
    meaning=Label(
        "已获得认定的国家级或省级园区(基地)",
        "Already recognised as a national or provincial park (base)",
    ),
    core_tasks=(
        Label("国际水准", "International standard"),
        Label("创新示范", "Innovation demonstration"),
        Label("品牌突破", "Brand breakthrough"),
    ),
    rank=3,
)

COMPREHENSIVE = Category(
    key="comprehensive",
    label=Label("综合提升类", "Comprehensive upgrading"),
    meaning=Label(
        "已具备明确的产业发展方向、完善的产业发展环境和一定产业聚集的园区(基地)",
        "Clear industrial direction, complete environment and some clustering",
    ),
    core_tasks=(
        Label("特色打造", "Building distinctive features"),
        Label("产业聚集", "Industrial clustering"),
        Label("质效突破", "Quality and efficiency breakthrough"),
    ),
    rank=2,
)

STARTUP = Category(
    key="startup",
    label=Label("初创新建类", "Newly founded"),
    meaning=Label(
        "新建和起步阶段的园区(基地)",
        "New parks (bases) or parks in their starting phase",
    ),
    core_tasks=(
        Label("顶层设计", "Top-level design"),
        Label("环境完善", "Improving the environment"),
        Label("规模突破", "Scale breakthrough"),
    ),
    rank=1,
)

CATEGORIES: tuple[Category, ...] = (FIRST_CLASS, COMPREHENSIVE, STARTUP)
CATEGORY_BY_KEY = {c.key: c for c in CATEGORIES}


def next_category(category: Category) -> Category | None:
    """The category a park of `category` moves up to (一个跃升), None at the top."""
    for candidate in CATEGORIES:
        if candidate.rank == category.rank + 1:
            return candidate
    return None
