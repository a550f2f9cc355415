"""The blank workbook: the layout of a whole annual report with nothing filled in (see workbook_writer).

What the template says a column takes is what the import reads; a filled
template imported into a report completes it.
"""

from __future__ import annotations

from pathlib import Path

from parkdesk.excel.report_tables import template_content
from parkdesk.excel.workbook_writer import write_workbook


def write_template(path: Path | str, lang: str = "zh") -> Path:
    """Write the blank workbook to `path`, replacing it only once complete."""
    return write_workbook(path, template_content(lang), lang, properties={"title": "parkdesk", "author": "parkdesk"})
