"""The evaluation as a PDF (parkdesk/pdf blocks): grades and places, the ranking, points by item, and
optionally the year's 1234 goals dashboard after it."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, Paragraph

from parkdesk.city.assumptions import PLAN_SAYS, assumptions
from parkdesk.city.dashboard import GoalsDashboard
from parkdesk.city.dashboard_pdf import WIDTH, dashboard_story
from parkdesk.city.evaluation import Evaluation
from parkdesk.city.labels import category_text, grade_text, park_heading
from parkdesk.db.models import EvaluationRecord
from parkdesk.figures.numbers import number, shown
from parkdesk.pdf.blocks import Heading, ScoreBar, data_table, esc, fmt_number
from parkdesk.pdf.cover import cover
from parkdesk.pdf.document import DocumentSpec, write_pdf
from parkdesk.pdf.fonts import find_pdf_font
from parkdesk.pdf.metadata import PdfMetadata
from parkdesk.pdf.styles import Styles, make_styles
from parkdesk.texts import text


def write_evaluation_pdf(evaluation: Evaluation, path: Path | str, *, lang: str = "zh",
                         record: EvaluationRecord | None = None, dashboard: GoalsDashboard | None = None) -> Path:
    """Write the evaluation (and the dashboard, when given) to `path` (temp file, then rename)."""
    path = Path(path)
    font = find_pdf_font()
    styles = make_styles(font.name, lang)
    title = text("city.evaluation_title", lang, year=evaluation.year)
    story = cover(text("pdf.plan", lang), title, evaluation.scheme.name, _facts(evaluation, record, lang), styles,
                  WIDTH, lang, show_fingerprint=False)
    story += _grades(evaluation, styles, lang) + _plan_and_defaults(evaluation, styles, lang)
    story += _ranking(evaluation, styles, lang) + _items(evaluation, styles, lang)
    if dashboard is not None:
        story += [PageBreak(), *dashboard_story(dashboard, styles, lang)]
    metadata = PdfMetadata(title=title, author="parkdesk", subject=text("pdf.plan", lang),
                           keywords=(str(evaluation.year), evaluation.fingerprint, "parkdesk"), lang=lang)
    write_pdf(path, DocumentSpec(story, metadata, header_left=title, header_right=text("pdf.plan", lang)), font.name)
    return path


def _facts(evaluation: Evaluation, record: EvaluationRecord | None, lang: str) -> list[tuple[str, str]]:
    scheme = evaluation.scheme
    facts = [(text("city.year", lang), str(evaluation.year)), (text("city.scheme", lang), scheme.name),
             (text("city.fingerprint", lang), evaluation.fingerprint)]
    if record is not None:
        facts += [
            (text("city.evaluation_id", lang), str(record.id)),
            (text("city.result_sha256", lang), record.result_sha256),
        ]
    facts += [
        (text("city.parks_evaluated", lang), str(len(evaluation.parks))),
        (text("city.full_mark", lang), fmt_number(number(scheme.base_points))),
        (text("city.bonus_max", lang), fmt_number(number(scheme.bonus_points))),
        (text("city.pass_threshold", lang), fmt_number(number(scheme.pass_threshold))),
        (text("city.quota_rounding", lang), text("city." + scheme.quota_rounding, lang)),
        (text("city.ties", lang), text("city." + scheme.ties, lang)),
        (text("city.reward_rule", lang), text("city." + scheme.reward_rule, lang)),
        (text("city.reward_total", lang), fmt_number(number(evaluation.reward_total))),
    ]
    return facts


def _grades(evaluation: Evaluation, styles: Styles, lang: str) -> list[Flowable]:
    counts = evaluation.grade_counts
    rows = [
        [
            grade_text(rule.key, lang),
            f"{fmt_number(number(rule.share * 100))}%" if rule.share is not None else text("city.rest", lang),
            evaluation.quotas.get(rule.key, "—"),
            counts[rule.key],
            fmt_number(number(rule.reward_cap)),
        ]
        for rule in evaluation.scheme.grades
    ]
    rows.append([grade_text("fail", lang), text("city.below_threshold", lang), "—", counts["fail"], "0"])
    header = [text(k, lang) for k in ("city.grade", "city.share", "city.quota", "city.count", "city.reward_cap")]
    return [
        Heading(text("city.grades_heading", lang), styles.h1),
        data_table(header, rows, styles, [WIDTH * w for w in (0.16, 0.36, 0.14, 0.14, 0.2)], right_columns=(2, 3, 4)),
    ]


def _plan_and_defaults(evaluation: Evaluation, styles: Styles, lang: str) -> list[Flowable]:
    lines = assumptions(evaluation.scheme, lang)
    return [
        Heading(text("city.plan_heading", lang), styles.h2),
        Paragraph(esc(PLAN_SAYS.text(lang)), styles.body),
        Paragraph(esc(text("city.defaults", lang)), styles.body),
        *(Paragraph(esc(f"{n}. {line}"), styles.note) for n, line in enumerate(lines, start=1)),
    ]


def _ranking(evaluation: Evaluation, styles: Styles, lang: str) -> list[Flowable]:
    scheme = evaluation.scheme
    scale = float(scheme.base_points + scheme.bonus_points)
    marks = (float(scheme.pass_threshold), float(scheme.base_points))
    bar = 110
    rows = [
        [
            r.rank,
            r.park.name,
            category_text(r.park.category, lang),
            fmt_number(number(r.score.score)),
            ScoreBar(float(r.score.score), scale, marks=marks, width=bar - 10),
            _grade(r, lang),
            fmt_number(number(r.reward)),
        ]
        for r in evaluation.parks
    ]
    header = [text("city.rank", lang), park_heading(None, lang), park_heading("category", lang),
              text("city.score", lang)] + [
        "",
        text("city.grade", lang),
        text("city.reward", lang),
    ]
    fixed = [30, 0, 70, 45, bar, 45, 55]
    fixed[1] = WIDTH - sum(fixed)
    return [
        Heading(text("city.ranking_heading", lang), styles.h1),
        Paragraph(esc(text("city.rounding_note", lang, decimals=evaluation.scheme.score_decimals)), styles.note),
        Paragraph(esc(text("city.score_bar_note", lang, scale=fmt_number(scale), passing=fmt_number(marks[0]),
                           full=fmt_number(marks[1]))), styles.note),
        *(
            [Paragraph(esc(text("city.third_party_note", lang)), styles.note)]
            if any(r.third_party for r in evaluation.parks)
            else []
        ),
        data_table(header, rows, styles, fixed, right_columns=(0, 3, 6)),
    ]


def _grade(result, lang: str) -> str:
    """The grade that counts; a third party's is marked, with parkdesk's own beside it for reference."""
    if result.third_party is None:
        return grade_text(result.grade, lang)
    return f"{grade_text(result.grade, lang)}*({grade_text(result.own_grade, lang)})"


def _items(evaluation: Evaluation, styles: Styles, lang: str) -> list[Flowable]:
    items = evaluation.scheme.items
    legend = ";".join(
        f"{n}. {item.label.text(lang)}({fmt_number(number(item.points))})" for n, item in enumerate(items, start=1)
    )
    rows = [
        [r.park.name, *(fmt_number(shown(i.points)) for i in r.score.items), fmt_number(number(r.score.score))]
        for r in evaluation.parks
    ]
    column = 42
    name_width = WIDTH - column * (len(items) + 1)
    return [
        Heading(text("city.items_heading", lang), styles.h1),
        Paragraph(esc(text("city.items_legend", lang, items=legend)), styles.note),
        data_table(
            [park_heading(None, lang), *(str(n) for n in range(1, len(items) + 1)), text("city.score", lang)],
            rows,
            styles,
            [name_width] + [column] * (len(items) + 1),
            right_columns=tuple(range(1, len(items) + 2)),
        ),
    ]
