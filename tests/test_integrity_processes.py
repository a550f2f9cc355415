"""A workspace a window holds is safe from every other process (issue 17, A.1-2).

The window runs in this test process; the other parkdesk processes are real
subprocesses of the `parkdesk` entry point. Before they run, this process
opens and closes the workspace file the way Qt's file dialog does, which on
POSIX drops every SQLite lock the process holds: only parkdesk's own lock on
the side file keeps the second process out.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from parkdesk.db import workspace_lock
from parkdesk.db.models import InboxEntry
from parkdesk.db.workspace import open_workspace
from parkdesk.handover import HandoverListener
from parkdesk.settings import Settings, save_settings
from tests.review_kit import PARK, YEAR, make_world, send, set_status
from tests.test_report_view import compiled_translations, open_report  # noqa: F401  (fixture)


def parkdesk(*args, timeout=60, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "parkdesk.cli.main", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=cwd)


def type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def like_a_file_dialog(path: Path) -> None:
    """What Qt's file dialog does to guess a file's type: open it, read, close (dropping POSIX locks)."""
    with open(path, "rb") as handle:
        handle.read(4096)


def stored_contacts(path: Path) -> str:
    """Read by a fresh process, once the window has let go: what really is in the file."""
    code = """import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute('PRAGMA integrity_check').fetchone()[0])
print(c.execute("SELECT contact_name FROM park_details JOIN reports ON reports.id = park_details.id "
                "WHERE code = 'QLRJY' AND year = 2024").fetchone()[0])
"""
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          check=True).stdout


def test_commands_beside_a_window_are_refused_and_the_window_keeps_saving(qtbot, demo_path, tmp_path):
    backup = tmp_path / "old.sqlite"
    assert parkdesk("backup", demo_path, "--out", backup).returncode == 0
    window, controller, view = open_report(qtbot, demo_path)
    try:
        view.show_section("basic")
        editor = view.pages["basic"].form.editors["contact_name"]
        type_into(qtbot, editor, "First Edit")
        like_a_file_dialog(demo_path)
        for args in (("validate", demo_path), ("parks", demo_path), ("backup", demo_path),
                     ("restore", backup, "--to", demo_path, "--force"),
                     ("demo", "--out", demo_path, "--no-gui", "--force")):
            done = parkdesk(*args)
            assert done.returncode == 2, (args, done.stdout, done.stderr)
            assert "parkdesk 窗口" in done.stderr and f"进程 {os.getpid()}" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
        like_a_file_dialog(demo_path)
        type_into(qtbot, editor, "Second Edit")
        assert Path(f"{demo_path}-wal").exists()  # nobody deleted the WAL the window writes into
        assert view.saved_label.text().startswith("所有修改已保存")
    finally:
        controller.reports.close()
        controller.close()
    assert stored_contacts(demo_path).split() == ["ok", "Second", "Edit"]
    assert not workspace_lock.lock_file_of(demo_path).exists()  # let go with the window
    assert parkdesk("parks", demo_path).returncode == 0  # and free for commands again


def test_the_refusal_names_the_window_in_english_too(qtbot, demo_path):
    window, controller, view = open_report(qtbot, demo_path)
    try:
        done = parkdesk("parks", demo_path, "--lang", "en")
        assert done.returncode == 2 and "open in a parkdesk window" in done.stderr
        assert f"process {os.getpid()}" in done.stderr
    finally:
        controller.reports.close()
        controller.close()


def test_a_window_refuses_a_workspace_a_command_holds(qtbot, demo_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom parkdesk.db.workspace import open_workspace\n"
         "w = open_workspace(sys.argv[1], backups=None)\nprint('held', flush=True)\ntime.sleep(60)", str(demo_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        held = workspace_lock.holder_of(demo_path)
        assert held is not None and held.pid == holder.pid and held.kind == workspace_lock.COMMAND
        with pytest.raises(Exception) as refused:
            open_workspace(demo_path, backups=None)
        assert refused.value.message_key == "ws.held_by_command" and str(holder.pid) in str(refused.value)
    finally:
        holder.kill()
        holder.wait()
    with open_workspace(demo_path, backups=None):  # the lock died with its process
        pass


def test_two_commands_take_turns(demo_path, tmp_path):
    """A command that finds another command at work waits for it instead of failing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom parkdesk.db.workspace import open_workspace\n"
         "w = open_workspace(sys.argv[1], backups=None)\nprint('held', flush=True)\ntime.sleep(2)\nw.close()",
         str(demo_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = parkdesk("parks", demo_path)
        assert done.returncode == 0 and "QLRJY" in done.stdout, done.stderr
    finally:
        holder.wait(timeout=30)


def test_a_double_clicked_package_goes_to_the_window_that_holds_the_inbox(qtbot, demo_path, tmp_path):
    from parkdesk.ui.app import build_window, create_application
    from parkdesk.ui.jobs import SynchronousRunner

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    save_settings(Settings(last_workspace=str(world.reviewer)))
    create_application("zh")
    listener = HandoverListener(lambda paths: controller.incoming.arrived.emit(paths))
    workspace_lock.declare_window(channel_for=lambda _ws: listener.name)
    window, controller = build_window(world.reviewer, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    try:
        like_a_file_dialog(world.reviewer)
        done = parkdesk(package)  # what the file manager runs on a double-click
        assert done.returncode == 0, done.stderr
        assert "已交给正在运行的 parkdesk 窗口" in done.stdout
        with open_workspace(world.reviewer, backups=None) as ws:
            def imported():
                with ws.session() as session:
                    return session.scalar(select(InboxEntry.id)) is not None
            qtbot.waitUntil(imported, timeout=20_000)
        qtbot.waitUntil(lambda: controller.review.inbox.table.rowCount() == 1, timeout=5_000)
    finally:
        controller.close()
        listener.close()
        workspace_lock.declare_window()
    with open_workspace(world.reviewer, backups=None) as ws, ws.session() as session:
        assert session.scalar(select(InboxEntry.id)) is not None


def test_a_workspace_path_with_special_characters_opens_itself_only(tmp_path, demo_path):
    """`?`, `#`, `%41`, spaces, Chinese, a newline and a leading `-` in the name: the very file is used."""
    import shutil

    for name in ("a?b.sqlite", "c#d.sqlite", "x%41y.sqlite", "with space.sqlite", "中文 工作区.sqlite",
                 "new\nline.sqlite", "-leading.sqlite"):
        folder = tmp_path / name.replace("\n", "_").replace("?", "q").replace("#", "h")
        folder.mkdir()
        path = folder / name
        shutil.copy2(demo_path, path)
        # the name as a user types it in that folder; `--` ends the options before a name starting with `-`
        done = parkdesk("justify", "--park", "SDYYFW", "--year", "2024", "--rule", "PLAN-DOUBLING",
                        "--text", "special", "--", name, cwd=folder)
        assert done.returncode == 0, (name, done.stderr)
        assert sorted(p.name for p in folder.iterdir()) == sorted([name, "backups"]), name  # nothing stray beside it
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT text FROM justifications").fetchall() == [("special",)]
