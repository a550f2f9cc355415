"""What the plan says about the evaluation, and what parkdesk assumes where it is silent: told in every output.

The plan (六(三) 强化考核激励) sets only this: a third party evaluates the parks
once a year; 优秀 is 20% of the parks, 良好 30%, rewards at most 150 / 100 / 50
万元. Everything else a score needs is parkdesk's default, and the workbook,
the PDF and docs/evaluation.md say so.
"""

from __future__ import annotations

from parkdesk.city.scoring import ScoringScheme
from parkdesk.city.scoring_items import LINEAR, TargetProgress
from parkdesk.city.texts import t
from parkdesk.figures.numbers import number
from parkdesk.reference.labels import Label

L = Label
PLAN_SAYS = L("行动计划方案六(三)规定:聘请第三方机构每年考核评价一次;优秀等级占园区数量的 20%、最高不超过 150 万元奖励,"
              "良好等级占 30%、最高不超过 100 万元,合格等级最高不超过 50 万元。表中奖励为上限,不是应付金额;"
              "录入第三方评价结果的园区,以第三方等次为准,parkdesk 得分仅供参考。",
              "The plan, 六(三), says: a third party evaluates the parks once a year; 优秀 is 20% of the parks, "
              "rewarded at most 1.5M CNY, 良好 30%, at most 1M, 合格 at most 0.5M. The rewards shown are those caps, "
              "not amounts due; where the third party's result is recorded, its grade counts and parkdesk's score "
              "is for reference.")


def assumptions(scheme: ScoringScheme, lang: str = "zh") -> list[str]:
    """parkdesk's own choices in `scheme`, each said to be parkdesk's, not the plan's."""
    linear = any(isinstance(i, TargetProgress) and i.path == LINEAR for i in scheme.items)
    weights = "、".join(f"{i.label.text(lang)} {number(i.points)}" for i in scheme.items) if lang == "zh" else \
        "; ".join(f"{i.label.text(lang)} {number(i.points)}" for i in scheme.items)
    lines = [
        L(f"合格线 {number(scheme.pass_threshold)} 分", f"The pass line of {number(scheme.pass_threshold)} points"),
        L("各评分项及其分值:" + weights, "The items and their points: " + weights),
        L("进度按方案目标计:方案对该园区有数字的用方案数字,否则以 2021 年基数翻一番为目标",
          "Progress is measured against the plan's bar: its own figure for the park, else twice the 2021 baseline"),
        L("按线性路径折算当年目标(2022 年 1/3、2023 年 2/3、2024 年全部)" if linear else "按 2024 年目标计算进度",
          "The year's bar on a linear path (2022: 1/3, 2023: 2/3, 2024: all)" if linear
          else "Progress to the 2024 bar"),
        L(f"总分四舍五入到 {scheme.score_decimals} 位小数", f"Scores rounded half up to {scheme.score_decimals} decimals"),
        L("名额" + t(scheme.quota_rounding, "zh"), "Places: " + t(scheme.quota_rounding, "en").lower()),
        L(t(scheme.ties, "zh"), t(scheme.ties, "en")),
        L("建设要求自评分值:已达到 1、部分达到 0.5、未达到或未自评 0",
          "Self-rating points: met 1, partly 0.5, not met or unrated 0"),
        L("奖励:" + t(scheme.reward_rule, "zh"), "Rewards: " + t(scheme.reward_rule, "en").lower()),
    ]
    return [line.text(lang) for line in lines]
