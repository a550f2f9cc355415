"""What a report (or a year's reports) is written out as for people: the PDF summary, the workbook, the template,
the task table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from parkdesk.db.workspace import Workspace


@dataclass(frozen=True)
class WrittenPdf:
    path: Path
    undrawable: dict[str, str] = field(default_factory=dict)  # text → the characters no font could draw


def report_pdf(workspace: Workspace, report_id: int, out: Path, *, lang: str = "zh", appendix: bool = True,
               progress: Callable[[int, int], bool] | None = None) -> WrittenPdf:
    from parkdesk.pdf.report_pdf import write_report_pdf

    undrawable: dict[str, str] = {}
    with workspace.session() as session:
        path = write_report_pdf(session, report_id, out, lang=lang, appendix=appendix, progress=progress,
                                undrawable=undrawable)
    return WrittenPdf(Path(path), undrawable)


def report_workbook(workspace: Workspace, report_id: int, out: Path, *, lang: str = "zh") -> Path:
    from parkdesk.excel.report_workbook import write_report_workbook

    with workspace.session() as session:
        return write_report_workbook(session, report_id, out, lang)


def template(out: Path, *, lang: str = "zh", workspace: Workspace | None = None, report_id: int | None = None) -> Path:
    """The import template; with a report, its chain links fill the chain-link drop-down."""
    from parkdesk.excel.template import write_template

    if workspace is None:
        return write_template(out, lang)
    with workspace.session() as session:
        return write_template(out, lang, session=session, report_id=report_id)


def task_table(workspace: Workspace, year: int, out: Path, *, lang: str = "zh"):
    from parkdesk.excel.task_table import write_task_table

    with workspace.session() as session:
        return write_task_table(session, year, out, lang)
