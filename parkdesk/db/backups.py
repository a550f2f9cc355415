"""Backups of a workspace: taken with SQLite's online backup API, listed, checked (restoring: backup_restore).

Where: a `backups/` folder beside the workspace, so the backups travel with it
(a USB stick carries its own). When that folder cannot be written (no
permission, a file named `backups` in the way), they go to the user's data
folder instead: `<data dir>/backups/<stem>-<hash of the workspace's path>/`.
Listing looks in both. A workspace on read-only media is refused by
`open_workspace` anyway, so that fallback is for odd folders, not for CDs.

Names: `<stem>.<YYYYMMDD-HHMMSS>[-n].<kind><suffix>`, kind `auto` (on open,
at most once per `BackupPolicy.min_interval`), `manual` (`parkdesk backup`)
or `before-restore` (the file a restore replaced). The copies that a schema
upgrade leaves beside the workspace (`<stem>.backup-<time>-rev<rev><suffix>`)
are listed too, as kind `upgrade`. Only automatic backups are pruned.

Every backup is one self-contained file (rollback-journal mode, no -wal
beside it), written under a temporary name and renamed into place, so a full
disk or a crash never leaves a half backup that looks whole.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from parkdesk.db import workspace_lock
from parkdesk.db.migrate import known_revisions
from parkdesk.db.sqlite_files import (
    check_is_sqlite, check_problem, connect_file, consistent_copy, remove_with_sidecars, storage_error, table_names,
)
from parkdesk.errors import WorkspaceError
from parkdesk.places import data_dir

BACKUP_FOLDER = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
# refusals of open_workspace after which a good backup of the same file is worth offering
DAMAGE_KEYS = frozenset({"ws.corrupt", "ws.not_sqlite", "ws.not_parkdesk"})


@dataclass(frozen=True)
class BackupPolicy:
    """How a workspace is backed up when it is opened."""

    keep: int = 7  # automatic backups kept (older ones are deleted); 0 turns them off
    min_interval: timedelta = timedelta(days=1)  # no new automatic backup sooner than this


DEFAULT_POLICY = BackupPolicy()


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    kind: str  # auto | manual | before-restore | upgrade


# --- taking backups ------------------------------------------------------------------------

def backup_on_open(workspace: Path, policy: BackupPolicy = DEFAULT_POLICY, *,
                   now: datetime | None = None) -> Path | None:
    """The automatic backup: taken unless a recent one exists; the oldest beyond `policy.keep` go.

    Returns the new backup, or None when none was due. Raises WorkspaceError
    (`backup.disk_full`, `backup.read_only`, ...) when it cannot be written.
    """
    if policy.keep < 1:
        return None
    now = now or datetime.now()
    latest = next((b for b in list_backups(workspace) if b.kind == "auto"), None)
    if latest is not None and timedelta(0) <= now - latest.taken < policy.min_interval:
        return None
    target = write_backup(Path(workspace), None, "auto", now)
    prune_backups(workspace, policy.keep)
    return target


def make_backup(workspace: Path, out: Path | None = None, *, now: datetime | None = None) -> Path:
    """Back `workspace` up to `out` (which must not exist) or into its backup folder; return the copy.

    The copy is checked (ours, `PRAGMA quick_check`): a damaged workspace gives
    `ws.corrupt` and no backup, so a bad copy never passes for a good one.
    """
    workspace = Path(workspace)
    check_is_sqlite(workspace)
    if out is not None and Path(out).exists():
        raise WorkspaceError("ws.exists", path=out)
    with workspace_lock.holding_to_read(workspace):  # a workspace a window holds is backed up by that window
        target = write_backup(workspace, out, "manual", now or datetime.now())
    try:
        _check_copy(workspace, target)
    except WorkspaceError:
        remove_with_sidecars(target)
        raise
    return target


def prune_backups(workspace: Path, keep: int) -> list[Path]:
    """Delete the automatic backups beyond the newest `keep`; return what was deleted."""
    removed = []
    for backup in [b for b in list_backups(workspace) if b.kind == "auto"][keep:]:
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError:  # read-only or gone: keeping one too many is harmless
            pass
    return removed


def write_backup(workspace: Path, out: Path | None, kind: str, now: datetime) -> Path:
    """Copy `workspace` to `out` or to a fresh name in its backup folder; failures in the user's words."""
    target = Path(out) if out is not None else None
    try:
        target = target or free_backup_name(backup_folder(workspace), workspace, kind, now)
        consistent_copy(workspace, target)
    except (OSError, sqlite3.Error) as error:
        raise storage_error(error, target or workspace.parent / BACKUP_FOLDER, workspace) from None
    return target


def free_backup_name(folder: Path, workspace: Path, kind: str, now: datetime) -> Path:
    """`<stem>.<time>[-n].<kind><suffix>` in `folder`, not taken yet."""
    stamp = now.strftime(STAMP_FORMAT)
    for number in range(1, 1000):
        extra = "" if number == 1 else f"-{number}"
        candidate = folder / f"{workspace.stem}.{stamp}{extra}.{kind}{workspace.suffix}"
        if not candidate.exists():
            return candidate
    raise FileExistsError(folder)


# --- finding backups -----------------------------------------------------------------------

def backup_folder(workspace: Path) -> Path:
    """Where new backups of `workspace` go: `backups/` beside it if writable, else the data folder."""
    beside = Path(workspace).parent / BACKUP_FOLDER
    try:
        beside.mkdir(exist_ok=True)
        if os.access(beside, os.W_OK):
            return beside
    except OSError:
        pass
    fallback = _fallback_folder(Path(workspace))
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def _fallback_folder(workspace: Path) -> Path:
    digest = hashlib.sha256(str(workspace.resolve()).encode("utf-8")).hexdigest()[:8]
    return data_dir() / BACKUP_FOLDER / f"{workspace.stem}-{digest}"


def list_backups(workspace: Path) -> list[Backup]:
    """Every backup of `workspace` found, newest first (they are not checked: see `verify_backup`)."""
    workspace = Path(workspace)
    stem, suffix = re.escape(workspace.stem), re.escape(workspace.suffix)
    ours = re.compile(rf"{stem}\.(\d{{8}}-\d{{6}})(?:-\d+)?\.(auto|manual|before-restore){suffix}")
    upgrade = re.compile(rf"{stem}\.backup-(\d{{8}}-\d{{6}})-rev[^.]*{suffix}")
    found = []
    for folder in (workspace.parent / BACKUP_FOLDER, _fallback_folder(workspace), workspace.parent):
        if not folder.is_dir():
            continue
        for candidate in folder.iterdir():
            match = ours.fullmatch(candidate.name) or upgrade.fullmatch(candidate.name)
            if match is None or not candidate.is_file():
                continue
            kind = match.group(2) if match.re is ours else "upgrade"
            found.append(Backup(candidate, datetime.strptime(match.group(1), STAMP_FORMAT), kind))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def verify_backup(path: Path) -> None:
    """Raise WorkspaceError unless `path` is a parkdesk workspace this program can open that passes
    `PRAGMA integrity_check` and `PRAGMA foreign_key_check`."""
    path = Path(path)
    check_is_sqlite(path)
    try:
        connection = connect_file(path, "ro", timeout=1)
    except sqlite3.Error as error:
        raise WorkspaceError("backup.damaged", path=path, reason=error) from None
    try:
        if not {"workspace_info", "alembic_version"} <= table_names(connection):
            raise WorkspaceError("ws.not_parkdesk", path=path)
        problem = check_problem(connection, "PRAGMA integrity_check")
        violations = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problem or violations:
            raise WorkspaceError("backup.damaged", path=path,
                                 reason=problem or f"foreign_key_check: {len(violations)} rows")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] not in known_revisions():
            raise WorkspaceError("ws.newer", path=path, revision=revision[0] if revision else "?")
    except sqlite3.Error as error:
        raise WorkspaceError("backup.damaged", path=path, reason=error) from None
    finally:
        connection.close()


def newest_good_backup(workspace: Path) -> Path | None:
    """The newest backup of `workspace` that passes `verify_backup`, or None."""
    for backup in list_backups(workspace):
        try:
            verify_backup(backup.path)
        except WorkspaceError:
            continue
        return backup.path
    return None


def damaged_with_backup(error: WorkspaceError, workspace: Path) -> WorkspaceError | None:
    """For a refusal that means "damaged", the same refusal naming the newest good backup (if any)."""
    if error.message_key not in DAMAGE_KEYS:
        return None
    backup = newest_good_backup(workspace)
    if backup is None:
        return None
    taken = next(b.taken for b in list_backups(workspace) if b.path == backup)
    reason = error.params.get("reason") or error.message_key
    return WorkspaceError("backup.workspace_damaged", path=workspace, reason=reason, backup=backup,
                          taken=taken.strftime("%Y-%m-%d %H:%M"))


# --- small checks --------------------------------------------------------------------------

def _check_copy(workspace: Path, copy: Path) -> None:
    """A fresh copy of `workspace` must be a parkdesk workspace that passes `PRAGMA quick_check`."""
    connection = connect_file(copy, "ro")
    try:
        if not {"workspace_info", "alembic_version"} <= table_names(connection):
            raise WorkspaceError("ws.not_parkdesk", path=workspace)
        problem = check_problem(connection, "PRAGMA quick_check")
    except sqlite3.DatabaseError as error:
        problem = str(error)
    finally:
        connection.close()
    if problem:
        raise WorkspaceError("ws.corrupt", path=workspace, reason=problem)
