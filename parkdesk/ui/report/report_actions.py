"""Finalize and reopen a report from the GUI, through the same use cases as the command line."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from parkdesk.app import reports
from parkdesk.errors import ParkdeskError
from parkdesk.ui.i18n import TranslationContext
from parkdesk.ui.report.finalize_dialog import JustificationDialog


class ReportActions(TranslationContext):
    """The translation context of this module's texts."""


def finalize_report(parent, controller, ask=JustificationDialog) -> bool:
    """Validate; ask for justifications of open warnings; lock the report. True when it was finalized."""
    result = controller.validate_and_wait()
    if result is None:
        return False
    if result.errors:
        QMessageBox.warning(parent, ReportActions.tr("Cannot finalize"),
                            ReportActions.tr("The report has %1 errors. Correct them first; the validation panel "
                                             "lists each one.").replace("%1", str(len(result.errors))))
        return False
    pending = result.unjustified_warnings
    answers = []
    if pending:
        dialog = ask(pending, controller.lang, parent)
        if not dialog.exec():
            return False
        answers = dialog.justifications()
    question = ReportActions.tr("Finalize the report of %1 %2? It is then locked: nothing in it can change "
                                "unless it is reopened, with a reason that is recorded.")
    answer = QMessageBox.question(parent, ReportActions.tr("Finalize"),
                                  question.replace("%1", controller.park_name).replace("%2", str(controller.year)))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        controller.runner.write_now(lambda: reports.finalize(controller.workspace, controller.report_id, answers))
    except ParkdeskError as error:
        QMessageBox.warning(parent, ReportActions.tr("Cannot finalize"), error.message(controller.lang))
        return False
    controller.undo_stack.clear()
    controller.reload_status()
    parent.message.emit(ReportActions.tr("Finalized: the report is locked. Next: Signed package… (Ctrl+Shift+S)."))
    return True


def reopen_report(parent, controller, reason: str | None = None) -> bool:
    if reason is None:
        reason, ok = QInputDialog.getText(parent, ReportActions.tr("Reopen the report"),
                                          ReportActions.tr("Why is the finalized report reopened? (recorded)"))
        if not ok:
            return False
    try:
        controller.runner.write_now(lambda: reports.reopen(controller.workspace, controller.report_id, reason))
    except ParkdeskError as error:
        QMessageBox.warning(parent, ReportActions.tr("Cannot reopen"), error.message(controller.lang))
        return False
    controller.reload_status()
    parent.message.emit(ReportActions.tr("Reopened: the report can be edited again."))
    return True
