"""The whole annual report as one workbook: a sheet per section, typed cells, headers from the form definitions.

It goes into signed submission packages as data/report.xlsx (an unchanged
report always gives the same bytes), and imports back: the enterprise list, indicators, milestones and platforms read in
again unchanged. Written with xlsxwriter in constant-memory mode, so a
100,000-row enterprise list streams to disk.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.gc_pause import gc_paused
from parkdesk.excel.report_tables import DATE_KIND, NUMBER, Table, report_tables
from parkdesk.excel.writing import Formats, column_width, new_workbook
from parkdesk.forms.sections import SECTIONS
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reference.labels import Label

FORM_HEADERS = (Label("项目", "Item"), Label("内容", "Value"))
YEAR_LABEL = Label("年度", "Year")
STATUS_LABEL = Label("年报状态", "Report status")
SAMPLE_ROWS = 200  # rows that set a column's width
MAX_SHEET_NAME = 31


def write_report_workbook(session: Session, report_id: int, path: Path, lang: str = "zh") -> Path:
    """Write report `report_id` to `path` (.xlsx), replacing it only once complete; returns `path`."""
    path = Path(path)
    report = session.get(Report, report_id)
    if report is None:
        raise LookupError(f"no report {report_id}")
    tables = report_tables(session, report_id, lang)
    with gc_paused(), new_workbook(path, constant_memory=True) as book:
        # the report's own time, not the clock's: an unchanged report exports to the same bytes
        book.set_properties({"title": f"{report.park.name} {report.year}", "author": "parkdesk",
                             "created": report.updated_at or report.created_at})
        formats = Formats(book)
        for section in SECTIONS:
            sheet = book.add_worksheet(_sheet_name(section.number, section.text(lang)))
            content = tables[section.key]
            if content and isinstance(content[0], list):
                rows = content[0]
                if section.key == "basic":
                    rows = [(YEAR_LABEL.text(lang), report.year),
                            (STATUS_LABEL.text(lang), label_of(REPORT_STATUSES, report.status, lang)), *rows]
                _write_form(sheet, formats, rows, lang)
            else:
                _write_tables(sheet, formats, content)
    return path


def _sheet_name(number: int, title: str) -> str:
    name = f"{number} {title}"
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name[:MAX_SHEET_NAME]


def _write_form(sheet, formats: Formats, rows: list[tuple[str, object]], lang: str) -> None:
    sheet.write_row(0, 0, [h.text(lang) for h in FORM_HEADERS], formats.header)
    sheet.freeze_panes(1, 0)
    for number, (label, value) in enumerate(rows, start=1):
        sheet.write_string(number, 0, label, formats.label)
        _write_value(sheet, number, 1, value, formats, wrap=True)
    sheet.set_column(0, 0, column_width([label for label, _ in rows]))
    sheet.set_column(1, 1, 80, formats.wrap)


def _write_tables(sheet, formats: Formats, tables: list[Table]) -> None:
    """One table with its header in row 1; several stacked, each under its own title."""
    row = 0
    widths: dict[int, list] = {}
    stacked = len(tables) > 1
    for table in tables:
        if stacked:
            sheet.write_string(row, 0, table.title, formats.subtitle)
            row += 1
        for column, spec in enumerate(table.columns):
            sheet.write_string(row, column, spec.header, formats.required_header if spec.required else formats.header)
            widths.setdefault(column, []).append(spec.header)
        if not stacked:
            sheet.freeze_panes(1, 0)
        row = _write_rows(sheet, formats, table, row + 1, widths)
        row += 1  # a blank line between stacked tables
    long = {column for table in tables for column, spec in enumerate(table.columns) if spec.long}
    as_text = set.intersection(*({c for c, spec in enumerate(t.columns) if spec.as_text} for t in tables))
    for column, texts in widths.items():
        sheet.set_column(column, column, 50 if column in long else column_width(texts),
                         formats.text if column in as_text else None)


_NUMBERS = frozenset({int, float})
_DATES = frozenset({date, datetime})


def _write_rows(sheet, formats: Formats, table: Table, row: int, widths: dict[int, list]) -> int:
    kinds = [spec.kind for spec in table.columns]
    text_formats = [formats.text if spec.as_text else None for spec in table.columns]
    write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
    date_format = formats.date
    for values in table.rows:
        for column, value in enumerate(values):
            if value is None:
                continue
            kind = kinds[column]
            if kind == NUMBER and type(value) in _NUMBERS:
                write_number(row, column, value)
            elif kind == DATE_KIND and type(value) in _DATES:
                write_datetime(row, column, value, date_format)
            else:
                write_string(row, column, value if type(value) is str else str(value), text_formats[column])
        if len(widths.get(0, ())) < SAMPLE_ROWS:
            for column, value in enumerate(values):
                widths.setdefault(column, []).append("" if value is None else value)
        row += 1
    return row


def _write_value(sheet, row: int, column: int, value, formats: Formats, wrap: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, column, value)
    elif isinstance(value, (date, datetime)):
        sheet.write_datetime(row, column, value, formats.date)
    else:
        sheet.write_string(row, column, str(value), formats.wrap if wrap else None)
