"""Restoring a workspace from a backup without losing the file it replaces."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from parkdesk.atomic_files import sync_folder, tracked_temporary
from parkdesk.db import workspace_lock
from parkdesk.db.backups import BACKUP_FOLDER, backup_folder, free_backup_name, verify_backup, write_backup
from parkdesk.db.sqlite_files import (
    SQLITE_BUSY, SQLITE_LOCKED, connect_file, consistent_copy, remove_with_sidecars, sqlite_code, storage_error,
)
from parkdesk.errors import WorkspaceError


@dataclass(frozen=True)
class RestoreOutcome:
    workspace: Path
    previous: Path | None  # where the replaced workspace was saved, if there was one


def restore_backup(backup: Path, target: Path, *, force: bool = False, verify: bool = True,
                   now: datetime | None = None) -> RestoreOutcome:
    """Put a backup at `target`, after `verify_backup` (skip it with `verify=False` only when the
    caller has just verified it, e.g. it came from `newest_good_backup`: it costs seconds on a big one).

    An existing `target` is replaced only with `force`, and only after it was
    saved to its backup folder (kind `before-restore`; a damaged file is
    saved byte for byte). A workspace that a window (or a command) has open is
    refused: the restore takes the workspace's lock first.
    """
    backup, target = Path(backup), Path(target)
    if verify:
        verify_backup(backup)
    try:
        lock = workspace_lock.acquire(target)
    except WorkspaceError as error:
        if error.message_key == "ws.read_only":  # said as for any other file that cannot be written there
            raise WorkspaceError("backup.read_only", path=target) from None
        raise
    try:
        return _restore_locked(backup, target, force, now)
    finally:
        lock.release()


def _restore_locked(backup: Path, target: Path, force: bool, now: datetime | None) -> RestoreOutcome:
    if target.is_dir():
        raise WorkspaceError("ws.is_directory", path=target)
    if target.exists() and target.resolve() == backup.resolve():
        raise WorkspaceError("backup.same_file", path=target)
    if target.exists() and not force:
        raise WorkspaceError("backup.target_exists", path=target)
    temp = target.with_name(target.name + ".restoring")
    with tracked_temporary(temp):  # a kill here leaves it to the next start's sweep
        try:
            consistent_copy(backup, temp)
        except (OSError, sqlite3.Error) as error:
            raise storage_error(error, target, backup) from None
        try:
            previous = _save_replaced(target, now or datetime.now()) if target.exists() else None
            for sidecar in ("-wal", "-shm", "-journal"):  # the old file's WAL must not be replayed into the new one
                Path(f"{target}{sidecar}").unlink(missing_ok=True)
            os.replace(temp, target)
            sync_folder(target.parent)
        except BaseException:
            remove_with_sidecars(temp)
            raise
    return RestoreOutcome(target, previous)


def _save_replaced(target: Path, now: datetime) -> Path:
    """Keep the file a restore is about to replace: a consistent copy, or its raw bytes if damaged."""
    try:
        copy = write_backup(target, None, "before-restore", now)
    except WorkspaceError as error:
        if error.message_key != "ws.corrupt":
            raise
        copy = _raw_copy(target, now)
    _check_not_busy(target)  # after the copy: opening it read-write may change a damaged file
    return copy


def _raw_copy(target: Path, now: datetime) -> Path:
    """The bytes of a damaged workspace (and of its -wal), kept as they are."""
    copy = None
    try:
        copy = free_backup_name(backup_folder(target), target, "before-restore", now)
        for sidecar in ("", "-wal"):
            if Path(f"{target}{sidecar}").exists():
                shutil.copyfile(f"{target}{sidecar}", f"{copy}{sidecar}")
    except OSError as error:
        if copy is not None:
            remove_with_sidecars(copy)
        raise storage_error(error, copy or target.parent / BACKUP_FOLDER) from None
    return copy


def _check_not_busy(path: Path) -> None:
    """Refuse to replace a workspace another program is writing to right now."""
    try:
        connection = connect_file(path, "rw", timeout=1)
    except sqlite3.Error:
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
    except sqlite3.Error as error:
        if sqlite_code(error) in (SQLITE_BUSY, SQLITE_LOCKED):
            raise WorkspaceError("ws.locked", path=path) from None
    finally:
        connection.close()
