"""SQLite files as files: consistent copies, sidecars, reading from read-only media, failed writes in words."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from parkdesk.atomic_files import sync_folder, tracked_temporary
from parkdesk.errors import WorkspaceError
from parkdesk.input_files import check_regular_file

SQLITE_HEADER = b"SQLite format 3\x00"
# primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
NEARLY_FULL_BYTES = 4 << 20  # an I/O error while less than this is free is a full disk


def sqlite_uri(path: Path | str, mode: str = "rw") -> str:
    """An SQLite URI of `path` with every special character escaped (`?`, `#`, `%`, spaces, newlines...).

    A plain `file:{path}` or `sqlite:///{path}` splits at `?` and `#` and
    percent-decodes the rest: `a?b.sqlite` would open `a`, `x%41.sqlite`
    would open `xA.sqlite`.
    """
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def connect_file(path: Path | str, mode: str = "rw", **options) -> sqlite3.Connection:
    """A DB-API connection to the file at `path` (never another file, whatever its name holds)."""
    return sqlite3.connect(sqlite_uri(path, mode), uri=True, **options)


def sqlite_code(error: BaseException) -> int:
    """The primary SQLite result code of an sqlite3 error (0 for anything else)."""
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def consistent_copy(source: Path, target: Path) -> None:
    """Copy a live SQLite file, WAL contents included, with the online backup API.

    Written under a temporary name and renamed; the copy is left in
    rollback-journal mode, one self-contained file. Raises OSError or
    sqlite3.Error as they come (see `storage_error`).
    """
    source, target = Path(source), Path(target)
    temp = target.with_name(f".{target.name}.part")
    remove_with_sidecars(temp)
    with tracked_temporary(temp):  # a kill here leaves it to the next start's sweep
        src = open_for_reading(source)
        try:
            with open(temp, "xb"):  # a read-only folder says so here, as a plain OSError
                pass
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
            os.replace(temp, target)
            sync_folder(target.parent)
        except BaseException:
            remove_with_sidecars(temp)
            raise
        finally:
            src.close()


def open_for_reading(source: Path) -> sqlite3.Connection:
    """A read-only connection, also to a WAL workspace on read-only media (where no -shm can be made)."""
    connection = connect_file(source, "ro", timeout=5)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        wal = Path(f"{source}-wal")
        if sqlite_code(error) != SQLITE_CANTOPEN or (wal.exists() and wal.stat().st_size):
            raise
    # no WAL to replay: the main file alone is the whole workspace
    return sqlite3.connect(sqlite_uri(source, "ro") + "&immutable=1", uri=True)


def remove_with_sidecars(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        candidate.unlink(missing_ok=True)


def storage_error(error: OSError | sqlite3.Error, path: Path, source: Path | None = None) -> WorkspaceError:
    """The user's words for a failed write to `path` (reading from `source`): full disk, read-only place..."""
    code, number = sqlite_code(error), getattr(error, "errno", None)
    if code == SQLITE_FULL or number in (28, 122):  # ENOSPC, EDQUOT
        return WorkspaceError("backup.disk_full", path=path)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM) or number in (30, 13, 1):  # EROFS, EACCES, EPERM
        return WorkspaceError("backup.read_only", path=path)
    if source is not None and code in (SQLITE_BUSY, SQLITE_LOCKED):
        return WorkspaceError("ws.locked", path=source)
    if source is not None and code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return WorkspaceError("ws.corrupt", path=source, reason=error)
    return WorkspaceError("backup.failed", path=path, reason=getattr(error, "strerror", None) or error)


def failed_write(error: BaseException, path: Path) -> WorkspaceError | None:
    """The user's words for a write to the workspace at `path` that SQLite refused, or None for other errors.

    `error` is an sqlite3 error or an SQLAlchemy error wrapping one. Nothing
    was saved in each case: the transaction was rolled back.
    """
    error = getattr(error, "orig", None) or error
    if not isinstance(error, sqlite3.Error):
        return None
    code, text = sqlite_code(error), str(error)
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text:
        return WorkspaceError("ws.write_busy", path=path)
    if is_disk_full(error, path):
        return WorkspaceError("ws.write_disk_full", path=path)
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) or "readonly" in text:
        return WorkspaceError("ws.write_read_only", path=path)
    if code == SQLITE_IOERR or "disk I/O error" in text:
        return WorkspaceError("ws.io_error", path=path, reason=text)
    return None


def is_disk_full(error: BaseException, path: Path) -> bool:
    """Did this write fail for want of space? SQLite says so (SQLITE_FULL), or reports an I/O error while
    growing its WAL or shared memory on a disk that has next to nothing left."""
    if sqlite_code(error) == SQLITE_FULL or "disk is full" in str(error) or getattr(error, "errno", None) in (28, 122):
        return True
    if sqlite_code(error) != SQLITE_IOERR and "disk I/O error" not in str(error):
        return False
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def check_is_sqlite(path: Path) -> None:
    """Raise WorkspaceError unless `path` is a readable file that starts like an SQLite database."""
    if not path.exists():
        raise WorkspaceError("ws.missing", path=path)
    if path.is_dir():
        raise WorkspaceError("ws.is_directory", path=path)
    check_regular_file(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise WorkspaceError("ws.unreadable", path=path, reason=error.strerror or error) from None
    if header != SQLITE_HEADER:
        raise WorkspaceError("ws.not_sqlite", path=path)


def table_names(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def check_problem(connection: sqlite3.Connection, pragma: str) -> str | None:
    """None when `PRAGMA integrity_check`/`quick_check` says ok, else its first findings."""
    rows = connection.execute(pragma).fetchall()
    return None if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:3])
