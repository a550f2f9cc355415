"""Export the report as PDF, or print it through the system's PDF viewer — off the GUI thread."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from parkdesk.ui.background import BackgroundJob


def pdf_job(parent, controller, path: Path, appendix: bool = True) -> BackgroundJob:
    """The PDF written off the GUI thread; when some names hold characters no font can draw, a warning names them."""
    from parkdesk.pdf.messages import undrawable_lines
    from parkdesk.pdf.report_pdf import write_report_pdf

    workspace, report_id, lang = controller.workspace, controller.report_id, controller.lang
    undrawable: dict[str, str] = {}

    def work(progress):
        with workspace.session() as session:
            return write_report_pdf(session, report_id, path, lang=lang, appendix=appendix, progress=progress,
                                    undrawable=undrawable)

    job = BackgroundJob(parent, parent.tr("Writing the PDF…"), work, lang)
    job.finished.connect(lambda _written: undrawable and QMessageBox.warning(
        parent, parent.tr("Export PDF"), "\n".join(undrawable_lines(undrawable, lang))))
    return job


def export_pdf(parent, controller, path: Path | None = None) -> BackgroundJob | None:
    if path is None:
        default = f"{controller.park_code}-{controller.year}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export PDF"), default, "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
    job = pdf_job(parent, controller, path)
    job.finished.connect(lambda written: parent.message.emit(parent.tr("PDF written: %1").replace("%1", str(written))))
    job.failed.connect(lambda text: QMessageBox.warning(parent, parent.tr("Export PDF"), text))
    job.cancelled.connect(parent.message)
    return job.start()


def print_report(parent, controller) -> BackgroundJob:
    """Render to a temporary PDF and hand it to the system viewer, whose Print dialog prints it."""
    folder = Path(tempfile.mkdtemp(prefix="parkdesk-print-"))
    job = pdf_job(parent, controller, folder / f"{controller.park_code}-{controller.year}.pdf", appendix=False)
    job.finished.connect(lambda written: QDesktopServices.openUrl(QUrl.fromLocalFile(str(written))))
    job.failed.connect(lambda text: QMessageBox.warning(parent, parent.tr("Print"), text))
    job.cancelled.connect(parent.message)
    return job.start()


def export_workbook(parent, controller, path: Path | None = None) -> BackgroundJob | None:
    """The whole report as a workbook (one sheet per section), off the GUI thread."""
    from parkdesk.excel.report_workbook import write_report_workbook

    if path is None:
        default = f"{controller.park_code}-{controller.year}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export workbook"), default, "Excel (*.xlsx)")
        if not chosen:
            return None
        path = Path(chosen)
    workspace, report_id, lang = controller.workspace, controller.report_id, controller.lang

    def work(_progress):
        with workspace.session() as session:
            return write_report_workbook(session, report_id, path, lang)

    job = BackgroundJob(parent, parent.tr("Writing the workbook…"), work, lang)
    job.finished.connect(lambda written: parent.message.emit(parent.tr("Workbook written: %1")
                                                             .replace("%1", str(written))))
    job.failed.connect(lambda text: QMessageBox.warning(parent, parent.tr("Export workbook"), text))
    return job.start()
