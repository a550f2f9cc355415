"""The text (not JSON) output of `parkdesk city dashboard|evaluate|recognitions`."""

from __future__ import annotations

from parkdesk.city.dashboard import GoalsDashboard, goal_unit
from parkdesk.city.evaluation import Evaluation
from parkdesk.city.labels import category_text, domain_text, grade_text, level_text, park_heading, status_text
from parkdesk.figures.numbers import number
from parkdesk.reference.goals import GOAL_BY_KEY
from parkdesk.texts import text


def print_dashboard(dashboard: GoalsDashboard, lang: str) -> None:
    print(text("city.dashboard_title", lang, year=dashboard.year))
    print(text("city.counted", lang, statuses=", ".join(status_text(s, lang) for s in dashboard.counted_statuses),
            parks=len(dashboard.parks)))
    for goal in dashboard.goals:
        reference = GOAL_BY_KEY[goal.key]
        unit = goal_unit(goal.key).text(lang)
        target = "" if goal.target is None else f" / {number(goal.target)}"
        figures = "—" if goal.state == "no_data" else f"{number(goal.value)}{target} {unit}"
        print(f"  {reference.group.text(lang)}\t{reference.label.text(lang)}\t{figures}\t"
              f"{text(f'city.state.{goal.state}', lang)}")
    empty = [f"{domain_text(c.domain, lang)} × {category_text(c.category, lang)}" if c.category
             else domain_text(c.domain, lang) for c in dashboard.domains.empty_cells]
    if empty:
        print("  " + text("city.empty_cells", lang, cells="、".join(empty)))
    if dashboard.districts.missing:
        print("  " + text("city.without_park", lang, names="、".join(d.name for d in dashboard.districts.missing)))
    for section in dashboard.district_reports:
        print(f"  {text('city.district_reports', lang)} · {section.district_name}({section.district_code})")
        if section.report.progress:
            print("    " + section.report.progress.replace("\n", "\n    "))
        for planned in section.report.planned_parks:
            print(f"    {text('city.planned_parks', lang)}: {planned.name}\t{domain_text(planned.domain, lang)}\t"
                  f"{category_text(planned.category, lang)}\t{planned.expected_year}")
    if dashboard.not_filed:
        print("  " + text("city.not_filed", lang, parks="、".join(f"{p.name}({p.code})" for p in dashboard.not_filed)))
    if dashboard.uncounted:
        print("  " + text("city.uncounted", lang, parks="、".join(
            f"{p.name}({status_text(p.status, lang) or '—'})" for p in dashboard.uncounted)))


def print_ranking(evaluation: Evaluation, lang: str) -> None:
    print(
        "\t".join(
            [text("city.rank", lang), text("city.code", lang), park_heading(None, lang),
             *(text(k, lang) for k in ("city.score", "city.grade", "city.reward"))]
        )
    )
    for result in evaluation.parks:
        grade = grade_text(result.grade, lang)
        if result.third_party is not None:
            grade += f"*({grade_text(result.own_grade, lang)})"
        print(
            f"{result.rank}\t{result.park.code}\t{result.park.name}\t{number(result.score.score)}\t"
            f"{grade}\t{number(result.reward)}"
        )
    if any(r.third_party for r in evaluation.parks):
        print(text("city.third_party_note", lang))


def print_recognitions(rows, lang: str) -> None:
    for r in rows:
        print(
            "\t".join(
                [
                    r.park_code,
                    r.effective_date.isoformat(),
                    r.document_number,
                    category_text(r.category, lang) or "—",
                    level_text(r.level, lang) or "—",
                    r.note or "",
                ]
            )
        )
