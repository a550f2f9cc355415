"""One job runner per window: every database write, one at a time, on one writer thread; long reads beside it.

A use case of parkdesk.app runs as a Job: `runner.job(parent, title, work)`
makes it (connect `finished`, `failed`, `cancelled`), `job.start()` runs
`work(progress)` — on the writer thread for anything that writes, on a
thread pool for reads (validation, previews) — with a progress dialog that
appears only after 600 ms and a Cancel button. GUI edits are writes too:
`runner.write_now(fn)` runs one on the writer thread and waits for it (an
edit takes milliseconds); while a writing job runs the runner is `busy` and
the window disables what would conflict (editing, other writes).

`SynchronousRunner` runs everything at once on the calling thread: tests
construct windows with it, so a job is done when `start()` returns and no
production class needs a hook to wait on.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from parkdesk.crashlog import one_line, write_crash_log
from parkdesk.errors import ParkdeskError
from parkdesk.texts import text

SHOW_PROGRESS_AFTER_MS = 600
Work = Callable[[Callable[[int, int], bool]], Any]


class Job(QObject):
    """One run of a use case; the outcome arrives on the GUI thread as exactly one of the three signals."""

    finished = Signal(object)
    failed = Signal(str)  # the user's sentence (a ParkdeskError's message, or an internal error with its log)
    cancelled = Signal(str)
    _progressed = Signal(int, int)
    _ended = Signal(str, object)  # kind, payload: crosses from the worker thread to the GUI thread

    def __init__(self, runner: "JobRunner", parent, title: str, work: Work, writes: bool):
        super().__init__(parent)
        self.runner, self.parent_widget, self.title, self.work, self.writes = runner, parent, title, work, writes
        self.result = None
        self.error: str | None = None
        self.exception: ParkdeskError | None = None  # what failed, for a caller that tells refusals apart
        self.done = False
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._end, Qt.ConnectionType.QueuedConnection)

    def start(self) -> "Job":
        self.runner._begin(self)
        return self

    def run(self) -> "Job":
        """Start and return once done; the window keeps painting (and its progress dialog shows) meanwhile."""
        if not self.done:
            loop = QEventLoop()
            for signal in (self.finished, self.failed, self.cancelled):
                signal.connect(loop.quit)
            self.start()
            while not self.done:  # an application quitting meanwhile ends the loop early: the job still ends first
                loop.exec()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    # --- on the worker ---------------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> bool:
        self._progressed.emit(done, total)
        return not self._cancel.is_set()

    def _run(self) -> tuple[str, object]:
        try:
            return "finished", self.work(self._progress)
        except ParkdeskError as error:
            self.exception = error
            return ("cancelled" if self._cancel.is_set() else "failed"), error.message(self.runner.lang)
        except Exception as error:  # a bug: the user gets one sentence, the log the traceback
            log = write_crash_log(error, f"job: {self.title}")
            return "failed", text("cli.internal_error", self.runner.lang, error=one_line(error), log=log)

    # --- on the GUI thread -----------------------------------------------------------------------

    def _show_dialog(self) -> None:
        if self.parent_widget is None:
            return
        cancel_text = self.tr("Cancel")
        self._dialog = QProgressDialog(self.title, cancel_text, 0, 0, self.parent_widget)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self._dialog.canceled.connect(self._cancel.set)

    def _show_progress(self, done: int, total: int) -> None:
        if self._dialog is not None and not self.done:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, total))

    def _end(self, kind: str, payload) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        self.runner._finish(self)
        if kind == "finished":
            self.result = payload
            self.finished.emit(payload)
        else:
            self.error = payload
            (self.failed if kind == "failed" else self.cancelled).emit(payload)


class JobRunner(QObject):
    """The window's jobs: writes serial on one thread, reads on a pool."""

    busy_changed = Signal(bool)  # a writing job started (True) or ended (False)

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parkdesk-writer")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="parkdesk-reader")
        self._running: set[Job] = set()
        self._writing = 0

    @property
    def busy(self) -> bool:
        """A writing job is running: editing and other writes wait."""
        return self._writing > 0

    @property
    def idle(self) -> bool:
        """No job of this runner is running or waiting."""
        return not self._running

    def job(self, parent, title: str, work: Work, *, writes: bool = True) -> Job:
        return Job(self, parent, title, work, writes)

    def write_now(self, fn: Callable[[], Any]) -> Any:
        """Run a short write (an edit) on the writer thread and wait for it; raises what `fn` raises."""
        return self._writer.submit(fn).result()

    def _begin(self, job: Job) -> None:
        self._running.add(job)  # kept alive while it runs, even when the caller drops it
        if job.writes:
            self._writing += 1
            if self._writing == 1:
                self.busy_changed.emit(True)
        job._show_dialog()
        executor = self._writer if job.writes else self._readers
        future: Future = executor.submit(job._run)
        future.add_done_callback(lambda done: job._ended.emit(*done.result()))

    def _finish(self, job: Job) -> None:
        self._running.discard(job)
        if job.writes:
            self._writing -= 1
            if self._writing == 0:
                self.busy_changed.emit(False)

    def shutdown(self) -> None:
        for job in list(self._running):
            job.cancel()
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)


class SynchronousRunner(JobRunner):
    """For tests: every job runs to its end inside `start()`, on the calling thread, and emits its outcome there."""

    def write_now(self, fn: Callable[[], Any]) -> Any:
        return fn()

    def _begin(self, job: Job) -> None:
        self._running.add(job)
        if job.writes:
            self._writing += 1
            if self._writing == 1:
                self.busy_changed.emit(True)
        kind, payload = job._run()
        job._end(kind, payload)
