"""The rendered documents a package carries: the workbook (data/report.xlsx) and the summary (data/summary.pdf).

Both come from their own modules (parkdesk.excel, parkdesk.pdf), imported
only when a package is built. While a parkdesk lacks one of those modules the
package goes without that document, and report.json's package.documents
says which it carries; no placeholder is ever written.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from parkdesk.packages.layout import SUMMARY, WORKBOOK

WORKBOOK_WRITER = ("parkdesk.excel.report_workbook", "write_report_workbook")
SUMMARY_WRITER = ("parkdesk.pdf.report_pdf", "write_report_pdf")


def writer(module_name: str, function: str) -> Callable | None:
    """The writing function, or None when its module is not part of this parkdesk."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):  # the module itself is absent, not one it imports
            return None
        raise
    return getattr(module, function)


def write_documents(session: Session, report_id: int, folder: Path, *, lang: str,
                    fingerprint: str | None) -> dict[str, Path]:
    """Bag path → the file written in `folder`, for each document this parkdesk can render."""
    written: dict[str, Path] = {}
    write_workbook = writer(*WORKBOOK_WRITER)
    if write_workbook is not None:
        written[WORKBOOK] = folder / "report.xlsx"
        write_workbook(session, report_id, written[WORKBOOK], lang)
    write_summary = writer(*SUMMARY_WRITER)
    if write_summary is not None:
        written[SUMMARY] = folder / "summary.pdf"
        write_summary(session, report_id, written[SUMMARY], lang=lang, fingerprint=fingerprint)
    return written
