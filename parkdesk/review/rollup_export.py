"""The district roll-up as files for people: a workbook (parks × indicators, coverage, doubling) and a PDF.

The workbook is written with xlsxwriter to a temporary file and renamed into
place; the PDF is the district summary of parkdesk.pdf.district_pdf, made from
the same reports.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from sqlalchemy.orm import Session

from parkdesk.atomic_files import writing_atomically
from parkdesk.errors import ParkdeskError
from parkdesk.figures.formulas import formula
from parkdesk.figures.numbers import number
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.forms.sections import RECORD_BY_KEY

from parkdesk.pdf.district_pdf import write_district_pdf
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reference.domains import DOMAINS
from parkdesk.review.rollup_table import DistrictRollup, district_rollup
from parkdesk.review.setup import workspace_district
from parkdesk.review.states import REVIEW_STATES
from parkdesk.texts import text

PARK = RECORD_BY_KEY["park"]


def write_rollup_workbook(rollup: DistrictRollup, path: Path, lang: str = "zh") -> Path:
    path = Path(path)
    with writing_atomically(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary))
        bold = book.add_format({"bold": True, "bg_color": "#E3F2FD", "border": 1, "text_wrap": True})
        sheet = book.add_worksheet(text("rollup_book.parks", lang))
        labels = [INDICATOR_BY_KEY[key].label.text(lang) + f"({INDICATOR_BY_KEY[key].unit.text(lang)})"
                  for key in rollup.indicators]
        sheet.write_row(
            0,
            0,
            [text("rollup_book.code", lang), text("rollup_book.name", lang), text("rollup_book.status", lang), *labels],
            bold,
        )
        for number_, row in enumerate(rollup.rows, start=1):
            sheet.write_row(number_, 0, [row.park.code, row.park.name, _state_text(row, lang)])
            for column, key in enumerate(rollup.indicators, start=3):
                value = number(row.actual(key))
                if value is not None:
                    sheet.write_number(number_, column, float(value))
        totals = len(rollup.rows) + 1
        sheet.write(totals, 1, text("rollup_book.total", lang), bold)
        for column, key in enumerate(rollup.indicators, start=3):
            value = number(rollup.total(key))
            if value is not None:
                sheet.write_number(totals, column, float(value), bold)
        sheet.write(totals + 2, 1, formula("total", lang))
        sheet.freeze_panes(1, 2)
        sheet.set_column(0, 0, 10)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, len(labels) + 2, 14)

        coverage = book.add_worksheet(text("rollup_book.coverage", lang))
        coverage.write_row(
            0,
            0,
            [PARK.field("domain").text(lang), PARK.field("category").text(lang), text("rollup_book.filled", lang)],
            bold,
        )
        domain_names = {d.key: d.label.text(lang) for d in DOMAINS}
        for number_, cell in enumerate(rollup.coverage.cells, start=1):
            coverage.write_row(
                number_,
                0,
                [
                    domain_names.get(cell.domain, cell.domain),
                    CATEGORY_BY_KEY[cell.category].text(lang) if cell.category else "",
                    text("rollup_book.yes", lang) if cell.filled else text("rollup_book.no", lang),
                ],
            )
        coverage.set_column(0, 1, 24)

        doubling = book.add_worksheet(text("rollup_book.doubling", lang))
        percent = book.add_format({"num_format": "0.0%"})
        doubling.write_row(
            0,
            0,
            [
                RECORD_BY_KEY["indicator_value"].field("indicator_id").text(lang),
                text("rollup_book.baseline", lang),
                text("rollup_book.actual", lang),
                text("rollup_book.target", lang),
                text("rollup_book.progress", lang),
            ],
            bold,
        )
        for number_, status in enumerate(rollup.doubling, start=1):
            doubling.write(number_, 0, INDICATOR_BY_KEY[status.indicator].label.text(lang))
            for column, value in enumerate((status.baseline_total, status.actual_total, status.target_total), 1):
                doubling.write_number(number_, column, float(number(value)))
            if status.progress is not None:
                doubling.write_number(number_, 4, float(status.progress), percent)
        doubling.write(len(rollup.doubling) + 2, 0, formula("doubling_progress", lang))
        doubling.set_column(0, 4, 22)
        book.close()
    return path


def export_rollup(session: Session, year: int, path: Path, *, lang: str = "zh", approved_only: bool = False) -> Path:
    """`path` ending in .pdf: the district summary PDF; otherwise the roll-up workbook."""
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        district = workspace_district(session)
        if district is None:
            raise ParkdeskError("rollup.not_reviewer")
        return write_district_pdf(session, district.code, year, path, lang=lang)
    return write_rollup_workbook(district_rollup(session, year, approved_only=approved_only), path, lang)


def _state_text(row, lang: str) -> str:
    """The review state the district gave the park's package, else its report's status, in words."""
    if row.state:
        return label_of(REVIEW_STATES, row.state, lang)
    return label_of(REPORT_STATUSES, row.park.status, lang) if row.park.status else ""
