"""The whole annual report as one workbook, in the layout the template has (see workbook_writer).

It goes into signed submission packages as data/report.xlsx (an unchanged
report always gives the same bytes), and imports back whole: into the same
report it changes nothing, into an empty draft it gives the same report.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.excel.report_tables import report_content
from parkdesk.excel.workbook_writer import write_workbook


def write_report_workbook(session: Session, report_id: int, path: Path, lang: str = "zh") -> Path:
    """Write report `report_id` to `path` (.xlsx), replacing it only once complete; returns `path`."""
    report = session.get(Report, report_id)
    if report is None:
        raise LookupError(f"no report {report_id}")
    # the report's own time, not the clock's: an unchanged report exports to the same bytes
    properties = {"title": f"{report.park.name} {report.year}", "author": "parkdesk",
                  "created": report.updated_at or report.created_at}
    return write_workbook(path, report_content(session, report_id, lang), lang, properties=properties)
