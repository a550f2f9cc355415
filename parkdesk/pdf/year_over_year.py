"""The park summary's year-over-year section: this report beside the park's previous accepted year.

Drawn from parkdesk.history.year_over_year.compare_years; nothing is drawn
when the park has no earlier accepted report.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.orm import Session

from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.history.year_over_year import Comparison, compare_years
from parkdesk.pdf.blocks import Heading, data_table, esc, fmt_number
from parkdesk.pdf.styles import Styles
from parkdesk.texts import text

LISTED = 20  # enterprises named per list; the rest are counted
# the columns that show a form's field are headed with the field's label
INDICATOR, ENTERPRISE, MILESTONE = RECORD_BY_KEY["indicator_value"], RECORD_BY_KEY["enterprise"], \
    RECORD_BY_KEY["milestone"]


def year_over_year_section(session: Session, report_id: int, styles: Styles, width: float, lang: str = "zh", *,
                           list_enterprises: bool = True) -> list[Flowable]:
    """The section's flowables; `list_enterprises=False` gives the counts only (a summary without the list)."""
    comparison = compare_years(session, report_id)
    if not comparison.has_previous:
        return []
    return ([Heading(text("yoy.title", lang, previous=comparison.previous_year, year=comparison.year), styles.h1)]
            + _indicators(comparison, styles, width, lang)
            + _enterprises(comparison, styles, width, lang, list_enterprises)
            + _milestones(comparison, styles, width, lang))


def _indicators(comparison: Comparison, styles: Styles, width: float, lang: str) -> list[Flowable]:
    rows = []
    for item in comparison.indicators:
        change = "—" if item.change is None else (("+" if item.change > 0 else "") + fmt_number(item.change))
        if item.change_share is not None:
            change += f"({item.change_share:+.1%})"
        progress = " → ".join("—" if p is None else f"{p:.0%}" for p in (item.progress_previous,
                                                                           item.progress_current))
        rows.append([item.name.text(lang), item.unit, fmt_number(item.previous), fmt_number(item.current), change,
                     fmt_number(item.target), progress])
    header = [
        INDICATOR.field("indicator_id").text(lang),
        text("yoy.unit", lang),
        text("yoy.previous", lang, year=comparison.previous_year),
        text("yoy.current", lang, year=comparison.year),
        text("yoy.change", lang),
        INDICATOR.field("target_2024").text(lang),
        text("yoy.progress", lang),
    ]
    widths = [width * share for share in (0.24, 0.08, 0.12, 0.12, 0.16, 0.12, 0.16)]
    return [
        Heading(text("yoy.indicators", lang), styles.h2),
        data_table(header, rows, styles, widths, right_columns=(2, 3, 4, 5, 6)),
    ]


def _enterprises(comparison: Comparison, styles: Styles, width: float, lang: str, listing: bool) -> list[Flowable]:
    diff = comparison.enterprises
    story: list[Flowable] = [
        Heading(text("yoy.enterprises", lang), styles.h2),
        Paragraph(
            esc(
                text(
                    "yoy.enterprise_counts",
                    lang,
                    added=len(diff.added),
                    removed=len(diff.removed),
                    changed=len(diff.changed),
                    unchanged=diff.unchanged,
                )
            ),
            styles.body,
        ),
    ]
    if not listing:
        return story
    listed = [(text("yoy.added", lang), e) for e in diff.added[:LISTED]] + [
        (text("yoy.removed", lang), e) for e in diff.removed[:LISTED]
    ]
    if listed:
        story.append(
            data_table(
                [text("yoy.kind", lang), ENTERPRISE.field("name").text(lang), ENTERPRISE.field("uscc").text(lang)],
                [[kind, e.name, e.uscc or "—"] for kind, e in listed],
                styles,
                [width * 0.12, width * 0.58, width * 0.30],
            )
        )
    hidden = max(0, len(diff.added) - LISTED) + max(0, len(diff.removed) - LISTED)
    if hidden:
        story.append(Paragraph(esc(text("yoy.more", lang, count=hidden)), styles.note))
    return story


def _milestones(comparison: Comparison, styles: Styles, width: float, lang: str) -> list[Flowable]:
    story: list[Flowable] = [Heading(text("yoy.milestones", lang), styles.h2)]
    if not comparison.milestones_moved:
        return story + [Paragraph(esc(text("yoy.none_moved", lang)), styles.note)]
    due, status = MILESTONE.field("due_date"), MILESTONE.field("status")
    rows = [
        [
            m.title,
            f"{display_value(due, m.previous_due, lang) or '—'} → "
            f"{display_value(due, m.current_due, lang) or '—'}",
            f"{display_value(status, m.previous_status, lang)} → {display_value(status, m.current_status, lang)}",
        ]
        for m in comparison.milestones_moved
    ]
    return story + [
        data_table(
            [MILESTONE.field("title").text(lang), due.text(lang), status.text(lang)],
            rows,
            styles,
            [width * 0.46, width * 0.30, width * 0.24],
        )
    ]
