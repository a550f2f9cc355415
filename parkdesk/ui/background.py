"""Long work off the GUI thread, with a progress dialog and a Cancel button.

The work is a core function taking `progress(done, total) -> bool` (False
asks it to stop); it runs on a worker thread with its own database session,
so the window stays responsive. The caller gets `finished(result)` or
`failed(message)` back on the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog

from parkdesk.crashlog import one_line, write_crash_log
from parkdesk.errors import ParkdeskError
from parkdesk.messages import message


_RUNNING: set = set()


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled_by_user = Signal(str)

    def __init__(self, work, lang: str):
        super().__init__()
        self.work = work
        self.lang = lang
        self.cancelled = threading.Event()

    def run(self) -> None:
        def progress(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self.cancelled.is_set()

        try:
            result = self.work(progress)
        except ParkdeskError as error:
            (self.cancelled_by_user if self.cancelled.is_set() else self.failed).emit(error.message(self.lang))
            return
        except Exception as error:  # a bug: the user gets a plain sentence, the log the details
            log = write_crash_log(error, "background job")
            self.failed.emit(message("cli.internal_error", self.lang, error=one_line(error), log=log))
            return
        self.finished.emit(result)


class BackgroundJob(QObject):
    """Run `work(progress)` on a thread; show `title` with a progress bar and Cancel over `parent`."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)  # the user pressed Cancel; the work stopped and left nothing behind

    def __init__(self, parent, title: str, work, lang: str):
        super().__init__(parent)
        self.thread = QThread()
        self.worker = _Worker(work, lang)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(title, parent.tr("Cancel") if hasattr(parent, "tr") else "Cancel", 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.worker.cancelled.set)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled_by_user.connect(self._cancelled)
        self.result = None
        self.error: str | None = None

    def start(self) -> "BackgroundJob":
        _RUNNING.add(self)  # kept alive while it runs, even when the caller drops it
        self.thread.start()
        return self

    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Block until done (tests and the self-test); events are processed so the signals arrive."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self.thread.isRunning() and not deadline.hasExpired():
            QCoreApplication.processEvents()
            self.thread.wait(20)
        QCoreApplication.processEvents()
        return not self.thread.isRunning()

    def cancel(self) -> None:
        self.worker.cancelled.set()

    def _progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    def _done(self, result) -> None:
        self.result = result
        self._stop()
        self.finished.emit(result)

    def _failed(self, text: str) -> None:
        self.error = text
        self._stop()
        self.failed.emit(text)

    def _cancelled(self, text: str) -> None:
        self.error = text
        self._stop()
        self.cancelled.emit(text)

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()
        _RUNNING.discard(self)
