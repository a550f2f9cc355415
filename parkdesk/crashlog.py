"""Unexpected errors: the details go to a log file, the user gets one clear line.

One log, `<data dir>/logs/parkdesk.log`: readable by its owner only (0600),
rotated at 1 MB with three older files kept, so it never fills a disk. It
holds tracebacks and what parkdesk was doing, never SQL parameters or the
contents of a report: the engines hide bound parameters
(parkdesk.db.engine), and what is logged is the error's type and
traceback, which name files and lines, not data.

Native crashes (a segfault inside Qt or SQLite) are written by
`faulthandler` to `<data dir>/logs/native-crash.log`.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from parkdesk.places import data_dir

LOG_NAME = "parkdesk.log"
NATIVE_LOG_NAME = "native-crash.log"
MAX_BYTES = 1 << 20
BACKUPS = 3

log = logging.getLogger("parkdesk")
_native = None  # the open file faulthandler writes to (it must stay open)


def log_folder() -> Path:
    return data_dir() / "logs"


def _private_file(path: Path) -> None:
    """Create `path` readable and writable by its owner only (an existing file is narrowed to that)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    os.chmod(path, 0o600)


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    def _open(self):
        _private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging() -> Path | None:
    """The log file's handler (once per process) and faulthandler; None when the folder cannot be written."""
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        if not any(isinstance(h, _PrivateRotatingHandler) and h.baseFilename == str(path) for h in log.handlers):
            for handler in [h for h in log.handlers if isinstance(h, _PrivateRotatingHandler)]:
                log.removeHandler(handler)
                handler.close()
            handler = _PrivateRotatingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
            handler.setFormatter(logging.Formatter("--- %(asctime)s %(levelname)s %(threadName)s\n%(message)s"))
            log.addHandler(handler)
            log.setLevel(logging.INFO)
            log.propagate = False
        _enable_faulthandler(folder)
        return path
    except OSError:
        return None


def _enable_faulthandler(folder: Path) -> None:
    global _native
    if _native is not None and not _native.closed and Path(_native.name).parent == folder:
        return
    native = folder / NATIVE_LOG_NAME
    _private_file(native)
    _native = open(native, "a", encoding="utf-8")  # noqa: SIM115 - faulthandler needs it open for good
    faulthandler.enable(file=_native, all_threads=True)


def one_line(error: BaseException) -> str:
    """What the user is told about an unexpected error: its kind and first line, never a traceback."""
    first = next((line for line in str(error).splitlines() if line.strip()), "")
    return f"{type(error).__name__}: {first}"[:240]


def write_crash_log(error: BaseException, context: str = "") -> Path:
    """Log `error` with its traceback; returns the log file (Path('-') when none could be written)."""
    path = setup_logging()
    if path is None:
        return Path("-")
    text = "".join(traceback.format_exception(error))
    log.error("%s%s", f"{context}\n" if context else "", text)
    for handler in log.handlers:
        handler.flush()
    return path
