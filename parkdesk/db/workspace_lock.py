"""One parkdesk process owns a workspace at a time: an advisory lock on a side file.

SQLite's own locks cannot be relied on for this. On POSIX they are fcntl
record locks, which belong to the process and the file: one `close()` of any
descriptor of the workspace file in that process (Qt's file dialog guessing a
file's type, a hash, `open(path).read()`) silently drops every lock its
connections hold. A second process then believes it is the last user and
deletes the `-wal` the first still writes into (SQLite: "How To Corrupt An
SQLite Database File", 2.2).

So every parkdesk process that opens a workspace first takes an exclusive
`flock` (Windows: `msvcrt.locking`) on `<workspace>.lock`, a file nothing
else opens, and keeps it while the workspace is open. Such a lock belongs to
the open file description, so no other `close()` can drop it, and the
operating system releases it when the process ends, however it ends. The lock
file holds, as JSON, who holds the lock (process, user, host, since when,
whether it is a window, and the name of the window's hand-over channel), so a
refusal can name the holder. The holder deletes the file when it lets go; a
process that locked a file just deleted that way sees that the name no longer
leads to what it locked, and tries again.

Within one process the lock is shared: opening the same workspace twice (a
background job beside the window) counts references instead of locking again.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from parkdesk.errors import WorkspaceError

WINDOW, COMMAND = "window", "command"
LOCK_SUFFIX = ".lock"
POLL_SECONDS = 0.1
_WINDOWS_LOCK_OFFSET = 1 << 30  # Windows locks a byte far past the JSON, so others can still read it


@dataclass(frozen=True)
class Holder:
    """Who holds a workspace: what a refusal tells the user."""

    pid: int
    user: str
    host: str
    kind: str  # WINDOW | COMMAND
    what: str  # the command line, for a command
    since: str  # ISO time, local
    channel: str = ""  # a window's hand-over channel (parkdesk.ui.handover), "" for none

    def since_text(self) -> str:
        try:
            return datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.since


@dataclass
class _Process:
    """What this process is, as written into the lock files it holds."""

    kind: str = COMMAND
    what: str = ""
    channel_for: object = None  # callable(workspace path) -> channel name, set by a window


_process = _Process(what=" ".join(["parkdesk", *sys.argv[1:3]]))
_held: dict[str, "_Entry"] = {}
_held_guard = threading.Lock()


def declare_window(channel_for=None) -> None:
    """This process shows a window: the locks it takes say so (and how to hand it files)."""
    _process.kind = WINDOW
    _process.what = "parkdesk"
    _process.channel_for = channel_for


def lock_file_of(workspace: Path) -> Path:
    workspace = Path(workspace)
    return workspace.with_name(workspace.name + LOCK_SUFFIX)


class _Entry:
    def __init__(self, handle, lock_file: Path, holder: Holder):
        self.handle = handle
        self.lock_file = lock_file
        self.holder = holder
        self.count = 1


class WorkspaceLock:
    """A held lock on one workspace; `release()` (or closing the Workspace) gives it up."""

    def __init__(self, key: str, holder: Holder):
        self._key = key
        self.holder = holder
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _held_guard:
            entry = _held.get(self._key)
            if entry is None:
                return
            entry.count -= 1
            if entry.count > 0:
                return
            del _held[self._key]
        _unlock(entry.handle, entry.lock_file)


def acquire(workspace: Path, *, wait_seconds: float | None = None) -> WorkspaceLock:
    """Take the lock of `workspace` or raise WorkspaceError naming who holds it.

    A command waits up to `wait_seconds` (default: a few seconds for a command,
    at once for a window) for another command to finish; a workspace held by a
    window is refused at once.
    """
    lock_file = lock_file_of(workspace)
    key = _key(lock_file)
    with _held_guard:
        entry = _held.get(key)
        if entry is not None:
            entry.count += 1
            return WorkspaceLock(key, entry.holder)
    if wait_seconds is None:
        wait_seconds = 10.0 if _process.kind == COMMAND else 3.0
    deadline = time.monotonic() + wait_seconds
    while True:
        handle = _open_lock_file(lock_file, workspace)
        try:
            locked = _try_lock_or_refuse(handle, workspace, lock_file)
            if locked and _still_named(handle, lock_file):
                break
            if not locked:
                holder = read_holder(lock_file)
                if (holder is not None and holder.kind == WINDOW) or time.monotonic() >= deadline:
                    raise held_error(workspace, holder)
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)  # held by another, or a file its holder deleted meanwhile: try again
        time.sleep(POLL_SECONDS if not locked else 0)
    holder = _me(workspace)
    _write_holder(handle, holder)
    with _held_guard:
        _held[key] = _Entry(handle, lock_file, holder)
    return WorkspaceLock(key, holder)


@contextmanager
def holding(workspace: Path) -> Iterator[WorkspaceLock]:
    """The lock of `workspace` for the length of a block (e.g. while a new file is built to replace it)."""
    lock = acquire(workspace)
    try:
        yield lock
    finally:
        lock.release()


@contextmanager
def holding_to_read(workspace: Path) -> Iterator[WorkspaceLock | None]:
    """Like `holding`, for reading only: on read-only media, where no lock file can be made and nobody can
    be writing, the block runs without a lock."""
    try:
        lock = acquire(workspace)
    except WorkspaceError as error:
        if error.message_key != "ws.read_only":
            raise
        lock = None
    try:
        yield lock
    finally:
        if lock is not None:
            lock.release()


def holder_of(workspace: Path) -> Holder | None:
    """Who holds `workspace` right now (None: nobody, or this process)."""
    lock_file = lock_file_of(workspace)
    with _held_guard:
        if _key(lock_file) in _held:
            return None
    if not lock_file.exists():
        return None
    try:
        handle = os.open(lock_file, os.O_RDWR)
    except OSError:
        return read_holder(lock_file)
    try:
        if _try_lock(handle):
            _unlock_only(handle)
            return None
        return read_holder(lock_file) or Holder(0, "", "", COMMAND, "", "")
    except OSError:
        return None
    finally:
        os.close(handle)


def read_holder(lock_file: Path) -> Holder | None:
    try:
        raw = json.loads(Path(lock_file).read_bytes().split(b"\0", 1)[0] or b"null")
        return Holder(**raw) if isinstance(raw, dict) else None
    except (OSError, ValueError, TypeError):
        return None


def held_error(workspace: Path, holder: Holder | None) -> WorkspaceError:
    if holder is None:
        return WorkspaceError("ws.held", path=workspace)
    key = "ws.held_by_window" if holder.kind == WINDOW else "ws.held_by_command"
    return WorkspaceError(key, path=workspace, pid=holder.pid, user=holder.user, host=holder.host,
                          since=holder.since_text(), what=holder.what)


def _me(workspace: Path) -> Holder:
    channel = _process.channel_for(workspace) if _process.channel_for else ""
    return Holder(pid=os.getpid(), user=_user(), host=socket.gethostname(), kind=_process.kind,
                  what=_process.what, since=datetime.now().isoformat(timespec="seconds"), channel=channel or "")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some service accounts)
        return "?"


def _key(lock_file: Path) -> str:
    return os.path.normcase(os.path.realpath(lock_file))


def _open_lock_file(lock_file: Path, workspace: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
    try:
        return os.open(lock_file, flags, 0o644)
    except IsADirectoryError:
        raise WorkspaceError("ws.lock_unusable", path=workspace, lock=lock_file, reason="is a directory") from None
    except OSError as error:
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise WorkspaceError("ws.read_only", path=workspace) from None
        raise WorkspaceError("ws.lock_unusable", path=workspace, lock=lock_file,
                             reason=error.strerror or error) from None


def _still_named(handle: int, lock_file: Path) -> bool:
    """Whether `lock_file` still names the file we locked (its last holder may have deleted it)."""
    try:
        return os.path.samestat(os.fstat(handle), os.stat(lock_file))
    except OSError:
        return False


def _try_lock_or_refuse(handle: int, workspace: Path, lock_file: Path) -> bool:
    try:
        return _try_lock(handle)
    except OSError as error:  # a file system without locks (some network shares)
        raise WorkspaceError("ws.lock_unusable", path=workspace, lock=lock_file,
                             reason=error.strerror or error) from None


def _write_holder(handle: int, holder: Holder) -> None:
    data = json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8") + b"\0"
    try:
        os.ftruncate(handle, 0)
        os.pwrite(handle, data, 0) if hasattr(os, "pwrite") else _seek_write(handle, data)
    except OSError:  # a full disk: the lock still holds, only the holder's name is missing
        pass


def _seek_write(handle: int, data: bytes) -> None:
    os.lseek(handle, 0, os.SEEK_SET)
    os.write(handle, data)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: int) -> bool:
        os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock_only(handle: int) -> None:
        os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock_only(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)


def _unlock(handle: int, lock_file: Path) -> None:
    try:
        if os.name == "nt":  # an open file cannot be deleted there: only its holder's name goes
            os.ftruncate(handle, 0)
        elif _still_named(handle, lock_file):  # deleted while still locked: whoever opened it meanwhile
            os.unlink(lock_file)                 # notices and tries again
    except OSError:
        pass
    try:
        _unlock_only(handle)
    finally:
        os.close(handle)
