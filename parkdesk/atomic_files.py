"""Files that appear whole or not at all, and temporary files that never outlive a crash.

`writing_atomically(target)` gives a temporary path beside `target`; when the
block succeeds the file is flushed to disk and renamed over `target`, when it
fails the temporary file is removed. `private_folder()` is a temporary folder
only its owner can enter, removed afterwards (a package's report.xlsx and
summary.pdf are written there before they are signed).

Both register what they create in `<data dir>/temporary/` for as long as they
hold it. A process killed meanwhile (power cut, SIGKILL) cannot clean up, so
every parkdesk start calls `sweep_leftovers()`, which removes what processes
that no longer run left registered: report data never lingers in a temporary
file on a USB stick or in /tmp.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from parkdesk.errors import ParkdeskError
from parkdesk.places import data_dir

PUBLIC_MODE = 0o644
PRIVATE_MODE = 0o600


def _registry() -> Path:
    return data_dir() / "temporary"


@contextmanager
def tracked_temporary(path: Path) -> Iterator[None]:
    """Record `path` as this process's temporary file or folder while the block runs (see sweep_leftovers)."""
    entry = None
    try:
        folder = _registry()
        folder.mkdir(parents=True, exist_ok=True)
        entry = folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}.json"
        entry.write_text(json.dumps({"pid": os.getpid(), "path": str(path)}), encoding="utf-8")
    except OSError:  # no data folder (read-only home): the file is still removed on any failure we see
        entry = None
    try:
        yield
    finally:
        if entry is not None:
            entry.unlink(missing_ok=True)


@contextmanager
def writing_atomically(target: Path | str, *, private: bool = False, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside `target` to write to; renamed over `target` only if the block succeeds.

    `suffix` ends the temporary name, for writers that pick the format by it (Qt's image writer).

    OSError (a full disk, a read-only place) becomes ParkdeskError("cli.write_failed") naming `target`.
    """
    target = Path(target)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part{suffix}")
    with tracked_temporary(temp):
        try:
            try:
                descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
                os.close(descriptor)
                yield temp
                _flush(temp)
                os.chmod(temp, PRIVATE_MODE if private else PUBLIC_MODE)
                os.replace(temp, target)
                sync_folder(target.parent)
            except OSError as error:
                raise ParkdeskError("cli.write_failed", path=target, reason=error.strerror or error) from None
        finally:
            temp.unlink(missing_ok=True)


def write_atomically(target: Path | str, data: bytes, *, private: bool = False) -> Path:
    """Write `data` to `target` whole or not at all; a private file is readable by its owner only."""
    with writing_atomically(target, private=private) as temp:
        temp.write_bytes(data)
    return Path(target)


@contextmanager
def private_folder(prefix: str = "parkdesk-") -> Iterator[Path]:
    """A fresh temporary folder only its owner can enter; removed with everything in it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))  # mode 0700
    with tracked_temporary(folder):
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def sweep_leftovers() -> list[Path]:
    """Remove the temporary files and folders of parkdesk processes that no longer run; return what went."""
    removed = []
    try:
        entries = list(_registry().glob("*.json"))
    except OSError:
        return removed
    for entry in entries:
        try:
            record = json.loads(entry.read_text(encoding="utf-8"))
            pid, path = int(record["pid"]), Path(record["path"])
        except (OSError, ValueError, KeyError, TypeError):
            entry.unlink(missing_ok=True)
            continue
        if _running(pid):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        elif path.exists():
            path.unlink(missing_ok=True)
            removed.append(path)
        for sidecar in ("-wal", "-shm", "-journal"):  # a workspace being built had these beside it
            Path(f"{path}{sidecar}").unlink(missing_ok=True)
        entry.unlink(missing_ok=True)
    return removed


def _flush(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows cannot open a folder to flush it)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
