"""Backups: taken on open (at most daily, the last N kept), listed, verified, restored; full disks and
read-only media get clear messages; a damaged workspace names its newest good backup."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import fill

from parkdesk.cli.main import main as cli
from parkdesk.db.backup_restore import restore_backup
from parkdesk.db.backups import (
    BackupPolicy, backup_on_open, list_backups, make_backup, newest_good_backup, verify_backup,
)
from parkdesk.db.sqlite_files import storage_error
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import WorkspaceError

DAY = datetime(2026, 3, 2, 9, 30)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def park_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [r[0] for r in connection.execute("SELECT name FROM parks ORDER BY id")]


def rename_park(path: Path, name: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE parks SET name = ? WHERE code = 'QLRJY'", (name,))


def damage(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(os.urandom(4096 * 20))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".part", "-journal", ".restoring")))


# --- taking backups --------------------------------------------------------------------------

def test_opening_backs_up_once_a_day_into_backups_beside(demo_path):
    with open_workspace(demo_path) as workspace:
        first = workspace.auto_backup
        assert workspace.backup_problem is None
    assert first is not None and first.parent == demo_path.parent / "backups"
    assert first.name.startswith("demo.") and first.name.endswith(".auto.sqlite")
    with open_workspace(demo_path) as workspace:
        assert workspace.auto_backup is None  # one today already
    assert [b.path for b in list_backups(demo_path)] == [first]
    verify_backup(first)
    assert park_names(first) == park_names(demo_path)


def test_backups_follow_the_interval_and_only_the_newest_are_kept(demo_path):
    policy = BackupPolicy(keep=3, min_interval=timedelta(hours=20))
    taken = [backup_on_open(demo_path, policy, now=DAY + timedelta(days=n)) for n in range(5)]
    assert all(taken)
    assert backup_on_open(demo_path, policy, now=DAY + timedelta(days=4, hours=19)) is None
    assert backup_on_open(demo_path, policy, now=DAY - timedelta(days=30)) is not None  # clock set back: not stuck
    kept = [b.path for b in list_backups(demo_path)]
    assert kept == [taken[4], taken[3], taken[2]]  # the one dated a month ago was oldest, so it went at once
    assert not taken[0].exists() and not taken[1].exists()
    assert backup_on_open(demo_path, BackupPolicy(keep=0), now=DAY + timedelta(days=9)) is None


def test_manual_and_upgrade_backups_are_listed_but_never_pruned(demo_path):
    manual = make_backup(demo_path, now=DAY)
    upgrade = demo_path.with_name("demo.backup-20260101-101010-rev0003.sqlite")
    shutil.copy2(manual, upgrade)
    for n in range(3):
        backup_on_open(demo_path, BackupPolicy(keep=1), now=DAY + timedelta(days=n + 1))
    kinds = [b.kind for b in list_backups(demo_path)]
    assert kinds == ["auto", "manual", "upgrade"]
    other = demo_path.with_name("demo2.sqlite")  # a workspace of a similar name has its own backups
    shutil.copy2(demo_path, other)
    assert list_backups(other) == []


def test_backup_holds_committed_edits_still_in_the_wal_and_is_one_file(demo_path, tmp_path):
    with open_workspace(demo_path, backups=None) as workspace:
        with workspace.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE parks SET name = '只在预写日志里' WHERE code = 'QLRJY'")
        assert Path(f"{demo_path}-wal").stat().st_size > 0
        copy = make_backup(demo_path, tmp_path / "copy.sqlite")
    assert "只在预写日志里" in park_names(copy)
    assert not Path(f"{copy}-wal").exists()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_backup_refuses_an_existing_out_file_and_a_damaged_workspace(demo_path, tmp_path):
    out = tmp_path / "taken.sqlite"
    out.write_text("keep me")
    with pytest.raises(WorkspaceError) as info:
        make_backup(demo_path, out)
    assert info.value.message_key == "ws.exists" and out.read_text() == "keep me"
    damage(demo_path)
    with pytest.raises(WorkspaceError) as info:
        make_backup(demo_path, tmp_path / "bad.sqlite")
    assert info.value.message_key == "ws.corrupt"
    assert not (tmp_path / "bad.sqlite").exists() and leftovers(tmp_path) == []


def test_backups_go_to_the_data_folder_when_the_folder_beside_is_unusable(demo_path, isolated_settings):
    (demo_path.parent / "backups").write_text("a file where the folder would be")
    backup = backup_on_open(demo_path, now=DAY)
    assert backup is not None and backup.is_relative_to(isolated_settings / "data" / "backups")
    assert [b.path for b in list_backups(demo_path)] == [backup]


# --- verifying and offering ------------------------------------------------------------------

def test_verify_backup_refuses_what_cannot_be_restored(demo_path, tmp_path):
    good = make_backup(demo_path, tmp_path / "good.sqlite")
    verify_backup(good)
    cases = {}
    for name in ("damaged", "orphans", "newer", "other"):
        cases[name] = tmp_path / f"{name}.sqlite"
        shutil.copy2(good, cases[name])
    damage(cases["damaged"])
    with sqlite3.connect(cases["orphans"]) as connection:  # foreign keys are off in a plain connection
        connection.execute("UPDATE enterprises SET report_id = 99999 WHERE id = 1")
    with sqlite3.connect(cases["newer"]) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    with sqlite3.connect(cases["other"]) as connection:
        connection.execute("DROP TABLE workspace_info")
    expected = {"damaged": "backup.damaged", "orphans": "backup.damaged", "newer": "ws.newer",
                "other": "ws.not_parkdesk"}
    for name, key in expected.items():
        with pytest.raises(WorkspaceError) as info:
            verify_backup(cases[name])
        assert info.value.message_key == key, name
    assert "foreign_key_check" in str(pytest.raises(WorkspaceError, verify_backup, cases["orphans"]).value)


def test_damaged_workspace_names_its_newest_good_backup(demo_path):
    older = backup_on_open(demo_path, now=DAY)
    newer = backup_on_open(demo_path, now=DAY + timedelta(days=1))
    damage(newer)  # the newest backup is bad too: the one before it is offered
    damage(demo_path)
    before = sha256(demo_path)
    assert newest_good_backup(demo_path) == older
    with pytest.raises(WorkspaceError) as info:
        open_workspace(demo_path)
    error = info.value
    assert error.message_key == "backup.workspace_damaged" and error.params["backup"] == older
    for lang in ("zh", "en"):
        text = error.message(lang)
        assert str(older) in text and str(demo_path) in text and "2026-03-02 09:30" in text
    assert "损坏" in error.message("zh") and "damaged" in error.message("en")
    assert sha256(demo_path) == before


@pytest.mark.parametrize("ruin", ["truncate", "zero"])
def test_truncated_or_wiped_workspace_is_offered_a_backup_too(demo_path, ruin):
    backup = backup_on_open(demo_path, now=DAY)
    with open(demo_path, "r+b") as handle:
        handle.truncate(demo_path.stat().st_size // 3 if ruin == "truncate" else 0)
    with pytest.raises(WorkspaceError) as info:
        open_workspace(demo_path)
    assert info.value.message_key == "backup.workspace_damaged" and info.value.params["backup"] == backup


def test_without_a_good_backup_the_plain_refusal_stays(demo_path):
    damage(backup_on_open(demo_path, now=DAY))
    damage(demo_path)
    assert newest_good_backup(demo_path) is None
    with pytest.raises(WorkspaceError) as info:
        open_workspace(demo_path)
    assert info.value.message_key == "ws.corrupt"


# --- restoring -------------------------------------------------------------------------------

def test_restore_to_a_new_path_and_refuse_to_overwrite_without_force(demo_path, tmp_path):
    backup = make_backup(demo_path, now=DAY)
    target = tmp_path / "restored.sqlite"
    outcome = restore_backup(backup, target)
    assert outcome.previous is None and park_names(target) == park_names(demo_path)
    before = sha256(demo_path)
    with pytest.raises(WorkspaceError) as info:
        restore_backup(backup, demo_path)
    assert info.value.message_key == "backup.target_exists" and sha256(demo_path) == before
    with pytest.raises(WorkspaceError) as info:
        restore_backup(backup, backup, force=True)
    assert info.value.message_key == "backup.same_file"


def test_forced_restore_saves_the_live_workspace_first_and_drops_its_wal(demo_path):
    backup = make_backup(demo_path, now=DAY)
    # the live workspace moves on, and the last change is still in its -wal when the program dies
    script = ("import sqlite3, os, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=WAL');"
              "c.execute(\"UPDATE parks SET name = '后来的修改' WHERE code = 'QLRJY'\"); c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", script, str(demo_path)], check=True)
    assert Path(f"{demo_path}-wal").stat().st_size > 0
    outcome = restore_backup(backup, demo_path, force=True, now=DAY + timedelta(hours=1))
    assert outcome.previous is not None and outcome.previous.name.endswith(".before-restore.sqlite")
    assert "后来的修改" in park_names(outcome.previous)  # the replaced state is kept, WAL included
    assert not Path(f"{demo_path}-wal").exists()
    with open_workspace(demo_path) as workspace, workspace.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert "后来的修改" not in park_names(demo_path) and park_names(demo_path) == park_names(backup)


def test_restoring_over_a_damaged_workspace_keeps_its_bytes(demo_path):
    backup = make_backup(demo_path, now=DAY)
    damage(demo_path)
    damaged = sha256(demo_path)
    outcome = restore_backup(backup, demo_path, force=True, now=DAY + timedelta(hours=1))
    assert sha256(outcome.previous) == damaged
    open_workspace(demo_path, backups=None).close()
    assert newest_good_backup(demo_path) == backup  # the damaged copy is listed but never offered


def test_a_bad_backup_is_not_restored(demo_path, tmp_path):
    backup = make_backup(demo_path, now=DAY)
    damage(backup)
    with pytest.raises(WorkspaceError) as info:
        restore_backup(backup, tmp_path / "new.sqlite")
    assert info.value.message_key == "backup.damaged" and not (tmp_path / "new.sqlite").exists()


# --- full disks and read-only media ----------------------------------------------------------

@pytest.mark.parametrize("error, key", [
    (OSError(errno.ENOSPC, "No space left on device"), "backup.disk_full"),
    (OSError(errno.EROFS, "Read-only file system"), "backup.read_only"),
    (OSError(errno.EACCES, "Permission denied"), "backup.read_only"),
    (OSError(errno.EIO, "Input/output error"), "backup.failed"),
])
def test_storage_errors_are_said_plainly(error, key, tmp_path):
    problem = storage_error(error, tmp_path / "x.sqlite")
    assert problem.message_key == key
    assert all(str(tmp_path / "x.sqlite") in problem.message(lang) for lang in ("zh", "en"))


def test_sqlite_full_error_is_a_full_disk(tmp_path):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13
    assert storage_error(error, tmp_path).message_key == "backup.disk_full"


def test_backup_to_a_full_disk_says_so_and_leaves_nothing(demo_path, small_disk):
    with pytest.raises(WorkspaceError) as info:
        make_backup(demo_path, small_disk / "copy.sqlite")  # the demo (~1.8 MB) does not fit in 1 MB
    assert info.value.message_key == "backup.disk_full"
    assert "磁盘空间不足" in info.value.message("zh") and "disk is full" in info.value.message("en")
    assert sorted(p.name for p in small_disk.iterdir()) == []


def test_opening_on_a_full_disk_still_opens_and_reports_the_failed_backup(workspace_path, small_disk):
    path = small_disk / "w.sqlite"
    shutil.copy2(workspace_path, path)
    open_workspace(path, backups=None).close()  # WAL and shared memory files exist now
    fill(small_disk, leave=64 * 1024)
    with open_workspace(path) as workspace:
        assert workspace.auto_backup is None
        assert workspace.backup_problem.message_key == "backup.disk_full"
    assert list_backups(path) == [] and leftovers(small_disk) == []


def test_read_only_media(demo_path, workspace_path, small_disk, tmp_path):
    path = small_disk / "w.sqlite"
    shutil.copy2(workspace_path, path)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(WorkspaceError) as info:
        open_workspace(path)
    assert info.value.message_key == "ws.read_only"
    copy = make_backup(path, tmp_path / "from-stick.sqlite")  # reading from the stick still works
    verify_backup(copy)
    for action in (lambda: make_backup(demo_path, small_disk / "b.sqlite"),
                   lambda: restore_backup(copy, small_disk / "restored.sqlite")):
        with pytest.raises(WorkspaceError) as info:
            action()
        assert info.value.message_key == "backup.read_only"
        assert "只读" in info.value.message("zh") and "read-only" in info.value.message("en")


# --- command line ----------------------------------------------------------------------------

def test_cli_backup_list_and_restore(demo_path, tmp_path, capsys):
    assert cli(["backup", str(demo_path), "--lang", "en"]) == 0
    written = capsys.readouterr().out
    assert "Backup written" in written and ".manual.sqlite" in written
    out = tmp_path / "mine.sqlite"
    assert cli(["backup", str(demo_path), "--out", str(out)]) == 0 and out.exists()
    assert cli(["backup", str(demo_path), "--out", str(out)]) == 2
    capsys.readouterr()
    assert cli(["backup", "--list", str(demo_path), "--lang", "en"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0] == "Taken\tKind\tSize\tFile" and len(listing) == 2 and "\tmanual\t" in listing[1]
    assert cli(["backup", "--list", str(demo_path), "--format", "json"]) == 0
    assert '"kind": "manual"' in capsys.readouterr().out
    rename_park(demo_path, "改坏的名字")
    assert cli(["restore", str(out), "--to", str(demo_path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli(["restore", str(out), "--to", str(demo_path), "--force", "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "restored" in said and "before-restore" in said
    assert "改坏的名字" not in park_names(demo_path)


def test_cli_backup_of_a_damaged_workspace_fails_with_exit_2(demo_path, capsys):
    damage(demo_path)
    assert cli(["backup", str(demo_path), "--lang", "en"]) == 2
    assert "damaged" in capsys.readouterr().err
    assert list_backups(demo_path) == []
