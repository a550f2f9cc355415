"""The enterprise list: summarised (role, status, chain link, distinction) and in full as a landscape appendix.

Lists run to 100,000 rows, so rows are read as plain tuples in one pass and
laid out as headerless chunk tables of plain strings; the landscape page
template draws the column header on every appendix page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from parkdesk.db.queries import enterprise_rows_of
from parkdesk.forms.field_values import display_value, prose_separator
from parkdesk.forms.model import CHOICE, DATE, DECIMAL, INTEGER, MULTI_CHOICE, REFERENCE, USCC, Field
from parkdesk.forms.sections import CHAIN, ENTERPRISES
from parkdesk.texts import text
from parkdesk.pdf.blocks import (
    Heading, column_cell_styles, data_table, esc, fmt_number, plain_table_chunks, wrap_lines,
)
from parkdesk.pdf.styles import HEADER_FILL, LANDSCAPE, MARGIN, RULE, STRIPE_FILL, Styles
from parkdesk.validation.report_data import ReportData

RECORD = ENTERPRISES.records[0]
# appendix columns after the row number, with their share of the width; contacts are left out (personal data)
APPENDIX_COLUMNS = (
    ("name", 0.215), ("uscc", 0.122), ("role", 0.068), ("chain_link_id", 0.1), ("status", 0.058),
    ("established", 0.068), ("employees", 0.07), ("revenue_wan_yuan", 0.075), ("service_exports_wan_usd", 0.075),
    ("distinctions", 0.111),
)
NUMBER_SHARE = 0.038
NUMERIC = tuple(key for key, _ in APPENDIX_COLUMNS if RECORD.field(key).type in (INTEGER, DECIMAL))  # right-aligned
PADDING = 2.5


@dataclass(frozen=True)
class EnterpriseCounts:
    total: int
    by_role_status: dict[tuple[str, str], int]
    by_link: dict[int | None, tuple[int, float]]  # link id → (enterprises, revenue)


def count_enterprises(session: Session, report_id: int) -> EnterpriseCounts:
    scope = enterprise_rows_of(session, report_id)
    params = {"report_id": report_id}
    by_role_status = {(role, status): count for role, status, count in session.execute(
        sql(f"SELECT role, status, count(*) FROM enterprises WHERE {scope} GROUP BY role, status"), params)}
    by_link = {link: (count, revenue or 0.0) for link, count, revenue in session.execute(
        sql(f"SELECT chain_link_id, count(*), sum(revenue_wan_yuan) FROM enterprises WHERE {scope} "
             f"GROUP BY chain_link_id"), params)}
    return EnterpriseCounts(sum(by_role_status.values()), by_role_status, by_link)


def enterprise_summary(data: ReportData, counts: EnterpriseCounts, styles: Styles, width: float,
                       lang: str) -> list[Flowable]:
    roles, statuses = RECORD.field("role").choices, RECORD.field("status").choices
    role_total = {r: sum(c for (role, _), c in counts.by_role_status.items() if role == r) for r, _ in roles}
    status_total = {s: sum(c for (_, status), c in counts.by_role_status.items() if status == s) for s, _ in statuses}
    story: list[Flowable] = [
        Heading(ENTERPRISES.text(lang), styles.h1),
        Paragraph(esc(text("pdf.enterprise_total", lang, total=counts.total, key=role_total.get("key", 0),
                        supporting=role_total.get("supporting", 0), settled=status_total.get("settled", 0),
                        planned=status_total.get("planned", 0))), styles.body),
        Heading(text("pdf.by_role_status", lang), styles.h2, level=1),
    ]
    header = [RECORD.field("role").text(lang), *(label.text(lang) for _, label in statuses), text("pdf.total", lang)]
    rows = [[label.text(lang), *(counts.by_role_status.get((role, s), 0) for s, _ in statuses), role_total[role]]
            for role, label in roles]
    rows.append([text("pdf.total", lang), *(status_total[s] for s, _ in statuses), counts.total])
    story.append(data_table(header, rows, styles, [width * 0.4, width * 0.2, width * 0.2, width * 0.2],
                            right_columns=(1, 2, 3)))

    story.append(Heading(text("pdf.by_chain_link", lang), styles.h2, level=1))
    segments = {s.id: s for s in data.segments}
    segment_record = CHAIN.records[0]
    position = segment_record.field("position")
    rows = []
    for link in data.links:
        segment = segments[link.segment_id]
        count, revenue = counts.by_link.get(link.id, (0, 0.0))
        rows.append([display_value(position, segment.position, lang), segment.name, link.name, count,
                     fmt_number(revenue, 1)])
    known = {link.id for link in data.links}
    orphans = [(c, r) for link_id, (c, r) in counts.by_link.items() if link_id not in known]
    if orphans:
        rows.append(
            ["", "", text("pdf.no_link", lang), sum(c for c, _ in orphans), fmt_number(sum(r for _, r in orphans), 1)]
        )
    header = [
        position.text(lang),
        segment_record.label.text(lang),
        RECORD.field("chain_link_id").text(lang),
        text("pdf.count", lang),
        RECORD.field("revenue_wan_yuan").header(lang),
    ]
    story.append(
        data_table(
            header,
            rows,
            styles,
            [width * 0.12, width * 0.25, width * 0.31, width * 0.12, width * 0.2],
            right_columns=(3, 4),
        )
    )

    story.append(Heading(text("pdf.by_distinction", lang), styles.h2, level=1))
    rows = [[label.text(lang), data.distinction_counts.get(key, 0)]
            for key, label in RECORD.field("distinctions").choices]
    story.append(
        data_table(
            [RECORD.field("distinctions").text(lang), text("pdf.count", lang)],
            rows,
            styles,
            [width * 0.6, width * 0.4],
            right_columns=(1,),
        )
    )
    return story


# --- the appendix ----------------------------------------------------------------------------------------------------


def appendix_widths() -> list[float]:
    width = LANDSCAPE[0] - 2 * MARGIN
    shares = [NUMBER_SHARE, *(share for _, share in APPENDIX_COLUMNS)]
    scale = width / sum(shares)
    return [share * scale for share in shares]


def appendix_header(styles: Styles, lang: str) -> Table:
    """The column header the landscape page template draws above the rows on every appendix page."""
    cells = [Paragraph(esc(text("pdf.number", lang)), styles.small_header_cell)]
    cells += [Paragraph(esc(RECORD.field(key).header(lang)), styles.small_header_cell) for key, _ in APPENDIX_COLUMNS]
    table = Table([cells], colWidths=appendix_widths())
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.font),
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ]
        )
    )
    return table


APPENDIX_GRID = TableStyle(
    [("GRID", (0, 0), (-1, -1), 0.3, RULE), ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, STRIPE_FILL])]
)


def appendix_cell_styles(styles: Styles):
    keys = [key for key, _ in APPENDIX_COLUMNS]
    right = [0, *(1 + keys.index(key) for key in NUMERIC)]
    return column_cell_styles(
        styles.font, styles.table_font_size, styles.table_leading, PADDING, 1.5, 2, right, 1 + len(keys)
    )


def appendix_rows(session: Session, data: ReportData, styles: Styles, lang: str) -> Iterator[list[str]]:
    """The appendix rows as plain strings, wrapped to their column widths."""
    widths = [w - 2 * PADDING for w in appendix_widths()[1:]]
    links = {link.id: link.name for link in data.links}
    keys = [key for key, _ in APPENDIX_COLUMNS]
    cells = [_cell_text(RECORD.field(key), width, links, styles, lang) for key, width in zip(keys, widths)]
    scope = enterprise_rows_of(session, data.report.id)
    rows = session.execute(sql(f"SELECT {', '.join(keys)} FROM enterprises WHERE {scope} ORDER BY id"),
                           {"report_id": data.report.id})
    for number, row in enumerate(rows, start=1):
        yield [str(number), *(cell(value) for cell, value in zip(cells, row))]


def _cell_text(field: Field, width: float, links: dict[int, str], styles: Styles,
               lang: str) -> Callable[[object], str]:
    """A column's stored value → its cell text, as the form displays it (parkdesk.forms.field_values);
    words wrapped to the column; the few labels of a choice or reference column made once each."""
    if field.type in (INTEGER, DECIMAL):
        return lambda stored: display_value(field, stored, lang) or "—"
    if field.type in (USCC, DATE):
        return lambda stored: display_value(field, stored, lang)
    if field.type == MULTI_CHOICE:  # joined as the page's language writes a list
        shown = lambda stored: display_value(field, stored, lang, separator=prose_separator(lang))  # noqa: E731
    elif field.type == REFERENCE:  # a link outside the report's chain: none
        shown = lambda stored: display_value(field, stored, lang, links) if stored in links else ""  # noqa: E731
    else:
        shown = lambda stored: display_value(field, stored, lang)  # noqa: E731

    def wrapped(stored) -> str:
        return wrap_lines(shown(stored), styles.font, styles.table_font_size, width)

    if field.type not in (CHOICE, MULTI_CHOICE, REFERENCE):
        return wrapped
    cache: dict[object, str] = {}

    def cached(stored) -> str:
        value = cache.get(stored)
        if value is None:
            value = cache[stored] = wrapped(stored)
        return value

    return cached


def appendix_tables(
    session: Session,
    data: ReportData,
    styles: Styles,
    lang: str,
    after_chunk: Callable[[int], Flowable | None] | None = None,
) -> list[Flowable]:
    return plain_table_chunks(
        appendix_rows(session, data, styles, lang),
        appendix_widths(),
        appendix_cell_styles(styles),
        APPENDIX_GRID,
        after_chunk=after_chunk,
    )
