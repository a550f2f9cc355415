"""What the plan says about the evaluation, and what parkdesk assumes where it is silent: told in every output.

The plan (六(三) 强化考核激励) sets only this: a third party evaluates the parks
once a year; 优秀 is 20% of the parks, 良好 30%, rewards at most 150 / 100 / 50
万元. Everything else a score needs is parkdesk's default, and the workbook,
the PDF and docs/evaluation.md say so.
"""

from __future__ import annotations

from parkdesk.city.scoring import ScoringScheme
from parkdesk.city.scoring_items import LINEAR, TargetProgress
from parkdesk.figures.numbers import number
from parkdesk.texts import Text, text

PLAN_SAYS = Text("city.plan_says")


def assumptions(scheme: ScoringScheme, lang: str = "zh") -> list[str]:
    """parkdesk's own choices in `scheme`, each said to be parkdesk's, not the plan's."""
    linear = any(isinstance(i, TargetProgress) and i.path == LINEAR for i in scheme.items)
    weights = ("、" if lang == "zh" else "; ").join(f"{i.label.text(lang)} {number(i.points)}" for i in scheme.items)
    lines = [
        text("city.assume.pass_line", lang, points=number(scheme.pass_threshold)),
        text("city.assume.items", lang, items=weights),
        text("city.assume.progress_bar", lang),
        text("city.assume.linear_path" if linear else "city.assume.final_bar", lang),
        text("city.assume.rounding", lang, decimals=scheme.score_decimals),
        text("city.assume.places", lang, rule=text("city." + scheme.quota_rounding, lang).lower()),
        text("city." + scheme.ties, lang),
        text("city.assume.self_rating", lang),
        text("city.assume.rewards", lang, rule=text("city." + scheme.reward_rule, lang).lower()),
    ]
    return lines
