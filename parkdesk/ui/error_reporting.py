"""No error is swallowed in the window: every exception is logged with its traceback and told in one line.

`sys.excepthook` catches what escapes a slot or an event handler (PySide
reports those through it), `threading.excepthook` what escapes a worker
thread, and a Qt message handler puts Qt's own warnings into the same log.
The one line appears in a message box on the GUI thread, whichever thread
failed; the details are in the log (parkdesk.crashlog).
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from parkdesk.crashlog import log, one_line, setup_logging, write_crash_log
from parkdesk.texts import text

_QT_LEVELS = {QtMsgType.QtWarningMsg: 30, QtMsgType.QtCriticalMsg: 40, QtMsgType.QtFatalMsg: 50}


class _Reporter(QObject):
    """Shows the one line on the GUI thread (signals cross threads queued)."""

    report = Signal(str)

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang
        self.report.connect(self._show)

    def _show(self, words: str) -> None:
        QMessageBox.critical(QApplication.activeWindow(), "parkdesk", words)


_reporter: _Reporter | None = None


def install_error_reporting(app: QApplication, lang: str) -> None:
    """Log every unexpected exception and Qt warning; tell the user each exception in one line."""
    global _reporter
    setup_logging()
    if _reporter is None:
        _reporter = _Reporter(lang)
        _reporter.moveToThread(app.thread())
    _reporter.lang = lang
    sys.excepthook = _on_exception
    threading.excepthook = lambda args: _on_exception(args.exc_type, args.exc_value, args.exc_traceback)
    qInstallMessageHandler(_on_qt_message)


def _on_exception(kind, value, traceback) -> None:
    if value is None:
        value = kind()
    if value.__traceback__ is None:
        value = value.with_traceback(traceback)
    if isinstance(value, KeyboardInterrupt):
        return
    path = write_crash_log(value, "unhandled in the window")
    if _reporter is not None:
        _reporter.report.emit(text("cli.internal_error", _reporter.lang, error=one_line(value), log=path))


def _on_qt_message(kind, context, words: str) -> None:
    level = _QT_LEVELS.get(kind)
    if level is not None:
        where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
        log.log(level, "Qt: %s%s", words, where)
