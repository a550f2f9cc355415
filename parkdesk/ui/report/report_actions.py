"""Finalize and reopen a report from the GUI, through the same lifecycle functions as the CLI."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from parkdesk.db.models import Report
from parkdesk.errors import ParkdeskError
from parkdesk.reports.lifecycle import finalize, justify, reopen
from parkdesk.ui.report.finalize_dialog import JustificationDialog


def finalize_report(parent, controller, ask=JustificationDialog) -> bool:
    """Validate; ask for justifications of open warnings; lock the report. True when it was finalized."""
    controller.wait_for_validation()
    result = controller.result
    if result is None:
        return False
    if result.errors:
        QMessageBox.warning(parent, parent.tr("Cannot finalize"),
                            parent.tr("The report has %1 errors. Correct them first; the validation panel lists "
                                      "each one.").replace("%1", str(len(result.errors))))
        return False
    pending = result.unjustified_warnings
    answers = []
    if pending:
        dialog = ask(pending, controller.lang, parent)
        if not dialog.exec():
            return False
        answers = dialog.justifications()
    try:
        with controller.workspace.write_session() as session:  # the write lock first, then the checks
            report = session.get(Report, controller.report_id)
            for finding, text in answers:
                rule = finding.params.get("rule") if finding.rule_id == "LIST-TRUNCATED" else finding.rule_id
                justify(session, report, rule, finding.location.key(), text, controller.workspace.actor)
            session.flush()
            finalize(session, report, controller.workspace.actor)
            session.commit()
    except ParkdeskError as error:
        QMessageBox.warning(parent, parent.tr("Cannot finalize"), error.message(controller.lang))
        return False
    controller.undo_stack.clear()
    controller.reload_status()
    return True


def reopen_report(parent, controller, reason: str | None = None) -> bool:
    if reason is None:
        reason, ok = QInputDialog.getText(parent, parent.tr("Reopen the report"),
                                          parent.tr("Why is the finalized report reopened? (recorded)"))
        if not ok:
            return False
    try:
        with controller.workspace.write_session() as session:
            reopen(session, session.get(Report, controller.report_id), controller.workspace.actor, reason)
            session.commit()
    except ParkdeskError as error:
        QMessageBox.warning(parent, parent.tr("Cannot reopen"), error.message(controller.lang))
        return False
    controller.reload_status()
    return True
