"""Export the report as PDF or workbook, or print it through the system's PDF viewer — as jobs, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from parkdesk.app import exports
from parkdesk.atomic_files import private_folder
from parkdesk.ui.file_dialogs import save_file
from parkdesk.ui.i18n import TranslationContext
from parkdesk.ui.jobs import Job
from parkdesk.ui.system_viewer import open_in_system_viewer

# the folders of PDFs handed to the system viewer: kept while parkdesk runs (the viewer reads them), removed when it
# ends, or by the next start's sweep when it is killed
_PRINTED = []


class ExportActions(TranslationContext):
    """The translation context of this module's texts."""


def pdf_job(parent, controller, path: Path, appendix: bool = True) -> Job:
    """The PDF written off the GUI thread; when some names hold characters no font can draw, a warning names them."""
    from parkdesk.pdf.undrawable import undrawable_lines

    workspace, report_id, lang = controller.workspace, controller.report_id, controller.lang
    job = controller.runner.job(parent, ExportActions.tr("Writing the PDF…"), lambda progress: exports.report_pdf(
        workspace, report_id, path, lang=lang, appendix=appendix, progress=progress), writes=False)
    job.finished.connect(lambda written: written.undrawable and QMessageBox.warning(
        parent, ExportActions.tr("Export PDF"), "\n".join(undrawable_lines(written.undrawable, lang))))
    return job


def export_pdf(parent, controller, path: Path | None = None) -> Job | None:
    if path is None:
        default = f"{controller.park_code}-{controller.year}.pdf"
        chosen = save_file(parent, ExportActions.tr("Export PDF"), default, "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
    job = pdf_job(parent, controller, path)
    job.finished.connect(lambda written: parent.message.emit(ExportActions.tr("PDF written: %1")
                                                             .replace("%1", str(written.path))))
    job.failed.connect(lambda text: QMessageBox.warning(parent, ExportActions.tr("Export PDF"), text))
    job.cancelled.connect(parent.message)
    return job.start()


def print_report(parent, controller) -> Job:
    """Render to a temporary PDF and hand it to the system viewer, whose Print dialog prints it."""
    folder = private_folder("parkdesk-print-")
    _PRINTED.append(folder)
    path = folder.__enter__() / f"{controller.park_code}-{controller.year}.pdf"
    job = pdf_job(parent, controller, path, appendix=False)
    job.finished.connect(lambda written: open_in_system_viewer(
        parent, written.path, parent.message.emit, controller.lang,
        ExportActions.tr("Print it from there (Ctrl+P).")))
    job.failed.connect(lambda text: QMessageBox.warning(parent, ExportActions.tr("Print"), text))
    job.cancelled.connect(parent.message)
    return job.start()


def export_workbook(parent, controller, path: Path | None = None) -> Job | None:
    """The whole report as a workbook (one sheet per section), off the GUI thread."""
    if path is None:
        default = f"{controller.park_code}-{controller.year}.xlsx"
        chosen = save_file(parent, ExportActions.tr("Export workbook"), default, "Excel (*.xlsx)")
        if not chosen:
            return None
        path = Path(chosen)
    workspace, report_id, lang = controller.workspace, controller.report_id, controller.lang
    job = controller.runner.job(parent, ExportActions.tr("Writing the workbook…"), lambda _progress: (
        exports.report_workbook(workspace, report_id, path, lang=lang)), writes=False)
    job.finished.connect(lambda written: parent.message.emit(ExportActions.tr("Workbook written: %1")
                                                             .replace("%1", str(written))))
    job.failed.connect(lambda text: QMessageBox.warning(parent, ExportActions.tr("Export workbook"), text))
    return job.start()
