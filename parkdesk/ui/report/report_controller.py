"""One open report: applies edits through the undo stack, and re-validates shortly after each."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import Shiboken
from sqlalchemy import select

from parkdesk.app import reports
from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import Workspace
from parkdesk.editing.changes import SetValues, tables_touched
from parkdesk.errors import ParkdeskError
from parkdesk.reports import status
from parkdesk.ui.jobs import JobRunner
from parkdesk.ui.report.undo import ChangeCommand

VALIDATION_DELAY_MS = 400


class ReportController(QObject):
    data_changed = Signal(set)  # names of the tables a change touched
    change_applied = Signal(object)  # the change as applied (pages that can refresh one row use it)
    tables_reloaded = Signal(set)  # a bulk write outside the undo stack touched these tables
    validated = Signal(object)  # ValidationResult
    refused = Signal(str)  # a change could not be applied; the message says why
    unsaved = Signal(str)  # a change was not saved (refused, or the write failed); the message says why
    status_changed = Signal(str)
    busy_changed = Signal(bool)  # a writing job (an import) started or ended: editing waits meanwhile
    saved = Signal()

    def __init__(self, workspace: Workspace, report_id: int, lang: str = "zh", parent=None,
                 runner: JobRunner | None = None, undo_stack: QUndoStack | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.report_id = report_id
        self.lang = lang
        self.runner = runner or JobRunner(lang, self)
        self.runner.busy_changed.connect(self.busy_changed)  # the window's runner: detach() when closed
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        for index in range(self.undo_stack.count()):  # a report opened again: its undo steps act through us now
            self.undo_stack.command(index).controller = self
        self.result = None
        self._generation = 0
        self._timer = QTimer(self, singleShot=True, interval=VALIDATION_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        with workspace.session() as session:
            report = session.get(Report, report_id)
            self.year = report.year
            self.park_id = report.park_id
            self.park_code, self.park_name = session.execute(
                select(Park.code, Park.name).where(Park.id == report.park_id)).one()
            self.category = report.details.category  # as this report states it
            self.status = report.status

    # --- editing ---------------------------------------------------------------------------------

    def push(self, change, text: str) -> bool:
        """Apply a change now and make it one step of undo; False (and no step) when it could not be saved."""
        applied = self.commit(change)
        if applied is None:
            return False
        self.undo_stack.push(ChangeCommand(self, change, text, applied))
        return True

    def set_values(self, table: str, row_id: int, new: dict, old: dict, text: str) -> bool:
        """Save the fields of `new` that differ from `old`; False when they could not be saved."""
        changed = {k: v for k, v in new.items() if old.get(k) != v}
        if not changed:
            return True
        return self.push(SetValues(table, row_id, changed, {k: old.get(k) for k in changed}), text)

    def tr_edit(self, field) -> str:
        """The undo-stack text of an edit of `field`."""
        return self.tr("Edit %1").replace("%1", field.text(self.lang))

    def commit(self, change):
        """Used by the undo commands: apply, tell the pages, schedule validation."""
        try:  # on the window's writer thread: never beside another write
            applied = self.runner.write_now(lambda: reports.apply_change(self.workspace, self.report_id, change))
        except ParkdeskError as error:
            text = error.message(self.lang)
            self.refused.emit(text)
            self.unsaved.emit(text)
            return None
        self.change_applied.emit(applied)
        self.data_changed.emit(tables_touched(applied))
        self.saved.emit()
        self.schedule_validation()
        return applied

    def reload_tables(self, tables: set) -> None:
        """After a bulk write done outside the undo stack (an Excel import): pages re-read; undo starts afresh."""
        self.undo_stack.clear()
        self.tables_reloaded.emit(set(tables))
        self.data_changed.emit(set(tables))
        self.saved.emit()
        self.schedule_validation()

    def detach(self) -> None:
        """The report is closed: the window's runner (it outlives us) no longer reaches this report's view."""
        try:
            self.runner.busy_changed.disconnect(self.busy_changed)
        except (RuntimeError, TypeError):
            pass  # already detached
        self._timer.stop()

    @property
    def editable(self) -> bool:
        """The report may change now: its status allows it and no other write (an import) is running."""
        return status.is_editable(self.status) and not self.runner.busy

    def reload_status(self) -> None:
        with self.workspace.session() as session:
            self.status = session.scalar(select(Report.status).where(Report.id == self.report_id))
        self.status_changed.emit(self.status)

    # --- validation ------------------------------------------------------------------------------

    def schedule_validation(self) -> None:
        self._timer.start()

    def validate_now(self) -> None:
        """Validate off the GUI thread; a run overtaken by a newer one is dropped."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        job = self.runner.job(None, "", lambda _progress: reports.validation_of(self.workspace, self.report_id),
                              writes=False)
        job.finished.connect(lambda result: self._on_validated(generation, result))
        job.failed.connect(self.refused)
        job.start()

    def validate_and_wait(self):
        """Validate now, on this thread (finalizing needs the answer before it asks anything); the result."""
        self._timer.stop()
        self._generation += 1
        self._on_validated(self._generation, reports.validation_of(self.workspace, self.report_id))
        return self.result

    def _on_validated(self, generation: int, result) -> None:
        if not Shiboken.isValid(self):  # the report was closed (back, another year, a language switch) meanwhile
            return
        if generation == self._generation:  # an older run finishing late is dropped
            self.result = result
            self.validated.emit(result)
