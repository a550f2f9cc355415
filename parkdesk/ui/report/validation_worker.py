"""Validation off the GUI thread: a 100,000-row list takes a few hundred milliseconds."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from parkdesk.crashlog import one_line, write_crash_log
from parkdesk.messages import message
from parkdesk.validation.engine import validate_report


class _Signals(QObject):
    finished = Signal(int, object)  # generation, ValidationResult
    failed = Signal(int, str)


class ValidationJob(QRunnable):
    def __init__(self, workspace, report_id: int, generation: int, lang: str = "zh"):
        super().__init__()
        self.lang = lang
        self.workspace = workspace
        self.report_id = report_id
        self.generation = generation
        self.signals = _Signals()

    def run(self) -> None:
        try:
            with self.workspace.session() as session:
                result = validate_report(session, self.report_id)
        except Exception as error:  # logged, and said in the status bar; the next edit tries again
            log = write_crash_log(error, "validation")
            self.signals.failed.emit(self.generation, message("cli.internal_error", self.lang, error=one_line(error),
                                                              log=log))
            return
        self.signals.finished.emit(self.generation, result)
