"""The park summary's year-over-year section: this report beside the park's previous accepted year.

Drawn from parkdesk.history.year_over_year.compare_years; nothing is drawn
when the park has no earlier accepted report.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy.orm import Session

from parkdesk.history.year_over_year import Comparison, compare_years
from parkdesk.history.yoy_rows import enterprise_rows, indicator_rows, milestone_rows
from parkdesk.pdf.blocks import Heading, data_table, esc
from parkdesk.pdf.styles import Styles
from parkdesk.texts import text

LISTED = 20  # enterprises named per list; the rest are counted


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
    header, rows = indicator_rows(comparison, lang)
    widths = [width * share for share in (0.24, 0.08, 0.12, 0.12, 0.16, 0.12, 0.16)]
    return [
        Heading(text("yoy.indicators", lang), styles.h2),
        data_table(header, rows, styles, widths, right_columns=(2, 3, 4, 5, 6)),
    ]


def _enterprises(comparison: Comparison, styles: Styles, width: float, lang: str, listing: bool) -> list[Flowable]:
    diff = comparison.enterprises
    story: list[Flowable] = [
        Heading(text("yoy.enterprises", lang), styles.h2),
        Paragraph(esc(text("yoy.enterprise_counts", lang, added=len(diff.added), removed=len(diff.removed),
                           changed=len(diff.changed), unchanged=diff.unchanged)), styles.body),
    ]
    if not listing:
        return story
    header, rows = enterprise_rows(comparison, lang, limit=LISTED)
    if rows:
        story.append(data_table(header, rows, styles, [width * 0.12, width * 0.58, width * 0.30]))
    hidden = max(0, len(diff.added) - LISTED) + max(0, len(diff.removed) - LISTED)
    if hidden:
        story.append(Paragraph(esc(text("yoy.more", lang, count=hidden)), styles.note))
    return story


def _milestones(comparison: Comparison, styles: Styles, width: float, lang: str) -> list[Flowable]:
    story: list[Flowable] = [Heading(text("yoy.milestones", lang), styles.h2)]
    if not comparison.milestones_moved:
        return story + [Paragraph(esc(text("yoy.none_moved", lang)), styles.note)]
    header, rows = milestone_rows(comparison, lang)
    return story + [data_table(header, rows, styles, [width * 0.46, width * 0.30, width * 0.24])]
