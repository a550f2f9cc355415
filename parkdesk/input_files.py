"""Files given to parkdesk to read: a regular file, or a clear refusal at once.

A FIFO, a device or a socket given as a workspace, package, workbook,
certificate or passphrase file would make `open()` wait forever (a FIFO
with no writer) or read without end (/dev/zero). Each reader checks the path
with `check_regular_file` before it opens it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from parkdesk.errors import ParkdeskError


def check_regular_file(path: Path | str) -> None:
    """Raise ParkdeskError("file.not_regular") for an existing path that is not a regular file or a folder.

    A missing path or a folder is left to the caller, which names them in its own words."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise ParkdeskError("file.not_regular", path=Path(path))


def files_in(paths, suffixes: tuple[str, ...]) -> list[Path]:
    """Files as given; folders searched (recursively) for files ending in one of `suffixes`, in name order."""
    result: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            result += sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(suffixes))
        else:
            result.append(path)
    return result
