"""Opening, creating and upgrading workspace files, refusing anything unsafe.

A workspace is one SQLite file. One parkdesk process at a time has it open:
opening and creating take the workspace's lock first (parkdesk.db.workspace_lock)
and closing gives it back, so a second process refuses with a message naming
the window or command that holds it. Opening one never overwrites it by accident:
the file is checked (exists, writable, SQLite, intact, ours, not newer than
this program, not locked) before any engine touches it. An older schema is
upgraded on a copy, after a timestamped backup beside the file; only a
successful upgrade replaces the original. Once open, the workspace is backed
up (at most daily, see parkdesk.db.backups); a damaged one is refused with
a message that names its newest good backup.
"""

from __future__ import annotations

import getpass
import os
import uuid
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from parkdesk import __version__
from parkdesk.db.audit import install_audit
from parkdesk.db.backups import DEFAULT_POLICY, BackupPolicy, backup_on_open, damaged_with_backup
from parkdesk.atomic_files import sync_folder, tracked_temporary
from parkdesk.db import workspace_lock
from parkdesk.db.engine import WRITE, make_engine
from parkdesk.db.migrate import head_revision, known_revisions, migrate_to_head
from parkdesk.db.models import WorkspaceInfo
from parkdesk.db.seed import seed_reference_data
from parkdesk.db.sqlite_files import (
    SQLITE_FULL, SQLITE_IOERR, check_is_sqlite, connect_file, consistent_copy, is_disk_full, remove_with_sidecars, sqlite_code,
)
from parkdesk.errors import WorkspaceError

ROLE_OPERATOR = "operator"  # a park operator: fills in and sends its reports
ROLE_REVIEWER = "reviewer"  # a district office: receives, reviews and rolls up its parks' packages
ROLE_CITY = "city"  # the city bureau: imports the districts' roll-ups, dashboard and evaluation
ROLES = (ROLE_OPERATOR, ROLE_REVIEWER, ROLE_CITY)


@dataclass
class Workspace:
    path: Path
    engine: Engine
    actor: str
    backup_path: Path | None = None  # set when opening upgraded an older schema
    auto_backup: Path | None = None  # the backup taken on this open, if one was due
    backup_problem: WorkspaceError | None = None  # why the backup on open failed (full disk...)
    lock: workspace_lock.WorkspaceLock | None = None  # this process's hold on the file (released by close)
    _sessions: sessionmaker = field(init=False, repr=False)
    _write_sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.engine.execution_options(**{WRITE: True}),
                                            expire_on_commit=False)
        install_audit(self._sessions, self.actor)
        install_audit(self._write_sessions, self.actor)

    def session(self) -> Session:
        """A session for reading, or for writes whose checks need no lock (its transaction begins deferred)."""
        return self._sessions()

    def write_session(self) -> Session:
        """A session whose transactions begin with the write lock held (BEGIN IMMEDIATE)."""
        return self._write_sessions()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: the lock is taken before anything is read; committed if the block succeeds."""
        with self._write_sessions() as session, session.begin():
            yield session

    @property
    def name(self) -> str:
        return self.info().get("name") or self.path.stem

    def info(self) -> dict[str, str]:
        with self.session() as session:
            return {row.key: row.value for row in session.scalars(select(WorkspaceInfo))}

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some service accounts)
        return "unknown"


def create_workspace(path: Path | str, *, role: str = ROLE_OPERATOR, name: str | None = None,
                     actor: str | None = None, overwrite: bool = False, lock: bool = True) -> Workspace:
    """Create a new workspace at `path`; an existing file is replaced only with `overwrite`.

    `lock=False` is for a file built under a temporary name whose caller holds the lock of the final
    name (`workspace_lock.holding`)."""
    path = Path(path)
    if path.is_dir():
        raise WorkspaceError("ws.is_directory", path=path)
    if path.exists() and not overwrite:
        raise WorkspaceError("ws.exists", path=path)
    if not os.access(path.parent if path.parent.exists() else Path.cwd(), os.W_OK):
        raise WorkspaceError("ws.read_only", path=path)
    held = workspace_lock.acquire(path) if lock else None
    try:
        return _create_locked(path, role, name, actor, overwrite, held)
    except BaseException:
        if held is not None:
            held.release()
        raise


def _create_locked(path: Path, role: str, name: str | None, actor: str | None, overwrite: bool,
                   lock: workspace_lock.WorkspaceLock | None) -> Workspace:
    if path.exists() and not overwrite:  # again, now that nobody else can be creating it
        raise WorkspaceError("ws.exists", path=path)
    temp = path.with_name(path.name + ".creating")
    remove_with_sidecars(temp)
    with tracked_temporary(temp):  # a kill here leaves it to the next start's sweep
        engine = make_engine(temp)
        try:
            migrate_to_head(engine)
            with Session(engine) as session, session.begin():
                session.add_all([
                    WorkspaceInfo(key="role", value=role),
                    WorkspaceInfo(key="name", value=name or path.stem),
                    WorkspaceInfo(key="created_by", value=f"parkdesk {__version__}"),
                    WorkspaceInfo(key="created_at", value=datetime.now().isoformat(timespec="seconds")),
                ])
                seed_reference_data(session)
            _checkpoint(engine)
        except BaseException:
            engine.dispose()
            remove_with_sidecars(temp)
            raise
        engine.dispose()
        if overwrite:  # a stale WAL of the old file must not be replayed into the new one
            remove_with_sidecars(path)
        os.replace(temp, path)
    return _open_checked(path, actor or default_actor(), None, lock)


@contextmanager
def new_workspace_file(path: Path | str, *, overwrite: bool = False) -> Iterator[Path]:
    """A temporary name beside `path` to build a whole workspace under; moved to `path` only when the block
    succeeds. Nobody may use `path` meanwhile (its lock is held); an existing file is replaced only with
    `overwrite`. A process killed while building leaves the temporary file to the next start's sweep
    (parkdesk.atomic_files), never an empty workspace at `path`."""
    path = Path(path)
    with workspace_lock.holding(path):
        if path.exists() and not overwrite:
            raise WorkspaceError("ws.exists", path=path)
        temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.building")
        with tracked_temporary(temp):
            try:
                yield temp
                if overwrite:  # a stale WAL of the old file must not be replayed into the new one
                    remove_with_sidecars(path)
                os.replace(temp, path)
                sync_folder(path.parent)
            finally:
                remove_with_sidecars(temp)


def open_workspace(path: Path | str, *, actor: str | None = None,
                   backups: BackupPolicy | None = DEFAULT_POLICY) -> Workspace:
    """Open an existing workspace, upgrading an older schema safely, then back it up if due.

    `backups=None` takes no automatic backup. A backup that cannot be written
    does not stop the opening: `Workspace.backup_problem` says why.
    """
    path = Path(path)
    _offering_backup(check_is_sqlite, path)  # no lock file beside something that is not a workspace
    lock = workspace_lock.acquire(path)
    try:
        workspace = _open_locked(path, actor, lock)
    except BaseException:
        lock.release()
        raise
    if backups is not None:
        try:
            workspace.auto_backup = backup_on_open(path, backups)
        except WorkspaceError as problem:  # a full disk must not keep the user from their work
            workspace.backup_problem = problem
    return workspace


def _open_locked(path: Path, actor: str | None, lock: workspace_lock.WorkspaceLock) -> Workspace:
    revision = _offering_backup(inspect_file, path)
    backup = None
    if revision != head_revision():
        if revision not in known_revisions():
            raise WorkspaceError("ws.newer", path=path, revision=revision)
        backup = _upgrade_safely(path, revision)
    return _open_checked(path, actor or default_actor(), backup, lock)


def _offering_backup(check, path: Path):
    """Run `check(path)`; a refusal that means "damaged" names the newest good backup, if there is one."""
    try:
        return check(path)
    except WorkspaceError as error:
        offer = damaged_with_backup(error, path)
        if offer is None:
            raise
        raise offer from error


def inspect_file(path: Path) -> str | None:
    """Check `path` is a usable parkdesk workspace; return its schema revision."""
    check_is_sqlite(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise WorkspaceError("ws.read_only", path=path)
    try:
        connection = connect_file(path, "rw", timeout=1)
    except sqlite3.Error as exc:
        raise _refusal(exc, path) from exc
    try:
        tables = _table_names(connection, path)
        if "workspace_info" not in tables or "alembic_version" not in tables:
            raise WorkspaceError("ws.not_parkdesk", path=path)
        _quick_check(connection, path)
        _check_not_locked(connection, path)
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def _refusal(exc: sqlite3.DatabaseError, path: Path) -> WorkspaceError:
    """Tell a file another program holds, or a full disk, apart from a damaged file."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return WorkspaceError("ws.locked", path=path)
    if sqlite_code(exc) in (SQLITE_FULL, SQLITE_IOERR) or "disk is full" in text or "disk I/O" in text:
        return storage_refusal(exc, path)
    return WorkspaceError("ws.corrupt", path=path, reason=text)


def storage_refusal(exc: BaseException, path: Path) -> WorkspaceError:
    """A full disk or a failing device while opening: said as such, never as damage (no restore offered)."""
    if is_disk_full(exc, path):
        return WorkspaceError("ws.disk_full", path=path)
    return WorkspaceError("ws.io_error", path=path, reason=exc)


def _table_names(connection: sqlite3.Connection, path: Path) -> set[str]:
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise _refusal(exc, path) from exc


def _quick_check(connection: sqlite3.Connection, path: Path) -> None:
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _refusal(exc, path) from exc
    if rows != [("ok",)]:
        reason = "; ".join(str(r[0]) for r in rows[:3])
        raise WorkspaceError("ws.corrupt", path=path, reason=reason)


def _check_not_locked(connection: sqlite3.Connection, path: Path) -> None:
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        raise _refusal(exc, path) from exc


def _open_checked(path: Path, actor: str, backup: Path | None,
                  lock: workspace_lock.WorkspaceLock | None) -> Workspace:
    workspace = Workspace(path=path, engine=make_engine(path), actor=actor, backup_path=backup, lock=None)
    try:
        with workspace.writing() as session:
            seed_reference_data(session)
    except sqlite3.Error as exc:
        workspace.close()
        raise _refusal(exc, path) from exc
    except Exception as exc:
        workspace.close()
        original = getattr(exc, "orig", None)
        if isinstance(original, sqlite3.Error):
            raise _refusal(original, path) from exc
        raise
    workspace.lock = lock
    return workspace


def _upgrade_safely(path: Path, revision: str | None) -> Path:
    """Back the file up, upgrade a copy, and only then replace the original."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{stamp}-rev{revision}{path.suffix}")
    consistent_copy(path, backup)
    _truncate_wal(path)  # the upgraded copy replaces the file: no frames of the old one may stay beside it
    temp = path.with_name(path.name + ".upgrading")
    remove_with_sidecars(temp)
    with tracked_temporary(temp):  # a kill here leaves it to the next start's sweep
        shutil.copy2(backup, temp)
        engine = make_engine(temp)
        try:
            migrate_to_head(engine)
            _checkpoint(engine)
        except Exception as exc:
            engine.dispose()
            remove_with_sidecars(temp)
            raise WorkspaceError("ws.migration_failed", path=path, backup=backup, reason=exc) from exc
        engine.dispose()
        os.replace(temp, path)
    return backup


def _truncate_wal(path: Path) -> None:
    connection = connect_file(path, "rw", timeout=1)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _checkpoint(engine: Engine) -> None:
    raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run inside one
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
