"""Each figure's name and formula in words (zh/en): docs/evaluation.md states them, tooltips and footnotes show them."""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.reference.labels import Label


@dataclass(frozen=True)
class Figure:
    key: str
    label: Label
    formula: Label


L = Label
FIGURES: tuple[Figure, ...] = (
    Figure("progress", L("目标进度", "Progress to target"), L(
        "(本年实际 − 2021年基数) ÷ (2024年目标 − 2021年基数);无基数按 0 计;目标不高于基数时不计算",
        "(actual − 2021 baseline) ÷ (2024 target − 2021 baseline); no baseline counts as 0; "
        "not computed when the target is not above the baseline")),
    Figure("doubling_progress", L("倍增进度", "Doubling progress"), L(
        "(Σ本年实际 − Σ2021年基数) ÷ (2 × Σ2021年基数 − Σ2021年基数);100% 即翻一番",
        "(Σ actual − Σ 2021 baseline) ÷ (2 × Σ 2021 baseline − Σ 2021 baseline); 100% means doubled")),
    Figure("park_count_progress", L("园区数量倍增进度", "Park count progress"), L(
        "(已认定园区数 − 12) ÷ (25 − 12)",
        "(recognized parks − 12) ÷ (25 − 12)")),
    Figure("share_of_required", L("达成比例", "Share reached"), L(
        "已达到的数目 ÷ 应达到的数目(覆盖格、区县、跃升园区)",
        "reached ÷ required (coverage cells, districts, parks to move up)")),
    Figure("total", L("合计", "Total"), L(
        "各园区数值之和;数量类为整数;比重由分子、分母的合计重新计算,不把各园区的百分比相加",
        "the sum over the parks; counts are whole numbers; a share is recomputed from the totals of its "
        "numerator and denominator, never the sum of the parks' percentages")),
    Figure("service_export_share", L("服务出口占外贸出口比重", "Service exports as share of foreign-trade exports"), L(
        "服务出口额 ÷ 外贸出口额 × 100",
        "service exports ÷ foreign-trade exports × 100")),
    Figure("year_over_year", L("同比变化", "Change on last year"), L(
        "(本年实际 − 上年实际) ÷ |上年实际|",
        "(this year − last year) ÷ |last year|")),
)
FIGURE_BY_KEY = {f.key: f for f in FIGURES}


def formula(key: str, lang: str = "zh") -> str:
    """The figure's name and formula as one line, for a tooltip or a footnote."""
    figure = FIGURE_BY_KEY[key]
    return f"{figure.label.text(lang)} = {figure.formula.text(lang)}"
