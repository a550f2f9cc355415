"""Unexpected errors: the details go to a log file, the user gets one clear line."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from parkdesk.settings import data_dir


def write_crash_log(error: BaseException) -> Path:
    folder = data_dir() / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "parkdesk-errors.log"
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
        return log
    except OSError:
        return Path("-")
