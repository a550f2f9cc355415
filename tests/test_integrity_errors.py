"""No error is swallowed, none leaks data (issue 17, A.7 and C.14): the window logs every exception with its
traceback and says it in one line; the log is private, capped and free of a report's values; the command line
says "locked" and "disk full" in words, and a full disk is never called damage."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import text

from parkdesk import crashlog
from parkdesk.db.workspace import open_workspace
from parkdesk.ui.app import create_application
from tests.conftest import fill

PHONE = "13912345678"


def parkdesk(*args, timeout=60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parkdesk.cli.main", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def shown(monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, body: boxes.append(body))
    return boxes


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_with_its_traceback_and_told_in_one_line(qtbot, shown):
    create_application("zh")
    button = QPushButton("boom")
    qtbot.addWidget(button)

    def broken():
        raise RuntimeError("the slot broke")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert len(shown[0].splitlines()) == 1 and "RuntimeError: the slot broke" in shown[0]
    log = crashlog.log_folder() / crashlog.LOG_NAME
    assert str(log) in shown[0]
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "in broken" in logged
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


@pytest.mark.qt_no_exception_capture
def test_an_exception_on_a_worker_thread_is_logged_and_told(qtbot, shown):
    create_application("zh")

    def work():
        raise ValueError("the worker broke")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "ValueError: the worker broke" in shown[0]
    assert "the worker broke" in (crashlog.log_folder() / crashlog.LOG_NAME).read_text(encoding="utf-8")


def test_the_log_keeps_no_sql_parameters_and_stays_small(workspace_path):
    with open_workspace(workspace_path, backups=None) as workspace, workspace.session() as session:
        with pytest.raises(Exception) as failed:
            session.execute(text("INSERT INTO parks (code, name) VALUES (:code, :name)"),
                            {"code": None, "name": PHONE})  # NOT NULL fails, with a phone number bound
    log = crashlog.write_crash_log(failed.value)
    assert PHONE not in log.read_text(encoding="utf-8") and PHONE not in crashlog.one_line(failed.value)
    for _ in range(400):
        crashlog.write_crash_log(RuntimeError("x" * 5000))
    logs = sorted(crashlog.log_folder().glob(crashlog.LOG_NAME + "*"))
    assert len(logs) <= 1 + crashlog.BACKUPS
    assert all(p.stat().st_size <= crashlog.MAX_BYTES + 20_000 for p in logs)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in logs)


def test_a_workspace_another_program_writes_is_said_locked_without_a_traceback(demo_path):
    blocker = sqlite3.connect(demo_path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        done = parkdesk("justify", demo_path, "--park", "SDYYFW", "--year", "2024", "--rule", "PLAN-DOUBLING",
                        "--text", "x")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "正被另一个程序使用" in done.stderr or "工作区正忙" in done.stderr, done.stderr


def test_a_full_disk_is_said_full_and_never_called_damage(demo_path, mount_tmpfs):
    disk = mount_tmpfs("8m")
    path = disk / "demo.sqlite"
    path.write_bytes(demo_path.read_bytes())
    open_workspace(path, backups=None).close()
    fill(disk)
    done = parkdesk("justify", path, "--park", "SDYYFW", "--year", "2024", "--rule", "PLAN-DOUBLING",
                    "--text", "x" * 20000)
    assert done.returncode == 2, done.stdout
    assert "磁盘空间不足" in done.stderr, done.stderr
    assert "损坏" not in done.stderr and "--force" not in done.stderr and "Traceback" not in done.stderr
    os.unlink(disk / "filler")
    with open_workspace(path, backups=None) as workspace, workspace.session() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
