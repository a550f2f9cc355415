"""A GUI edit whose write fails (the workspace locked past the busy timeout, a full disk) is shown as not saved,
keeps what the user typed, makes no undo step, and is saved when the user tries again."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

import parkdesk.db.engine
from parkdesk.db.models import Park, ParkDetails, Report
from parkdesk.db.workspace import open_workspace
from tests.conftest import fill
from tests.test_report_view import compiled_translations, open_report  # noqa: F401  (fixture)


def contact_name(path) -> str:
    with open_workspace(path, backups=None) as ws, ws.session() as session:
        return session.scalar(select(ParkDetails.contact_name).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))


def type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_an_edit_made_while_the_workspace_is_locked_is_shown_unsaved_and_saved_on_retry(qtbot, demo_path,
                                                                                         monkeypatch):
    monkeypatch.setattr(parkdesk.db.engine, "BUSY_TIMEOUT_SECONDS", 0.3)
    window, controller, view = open_report(qtbot, demo_path)
    try:
        view.show_section("basic")
        form = view.pages["basic"].form
        editor = form.editors["contact_name"]
        before = contact_name(demo_path)
        steps = view.controller.undo_stack.count()
        blocker = sqlite3.connect(demo_path, timeout=0, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the workspace
        try:
            type_into(qtbot, editor, "Wang Xiaoming")
            assert editor.text() == "Wang Xiaoming"  # what the user typed stays
            assert view.saved_label.text() == "最后一项修改未保存"
            assert "工作区正忙" in view.saved_label.toolTip()
            assert form.notes["contact_name"].isVisible() or not window.isVisible()
            assert "未保存" in form.notes["contact_name"].text()
            assert view.controller.undo_stack.count() == steps  # no undo step for what was not saved
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert contact_name(demo_path) == before
        type_into(qtbot, editor, "Wang Xiaoming")  # the retry: Enter again
        assert contact_name(demo_path) == "Wang Xiaoming"
        assert view.saved_label.text().startswith("所有修改已保存")
        assert view.controller.undo_stack.count() == steps + 1
        assert "未保存" not in form.notes["contact_name"].text()
    finally:
        controller.reports.close()
        controller.close()


def test_an_edit_on_a_full_disk_is_shown_unsaved(qtbot, demo_path, mount_tmpfs):
    disk = mount_tmpfs("8m")
    path = disk / "demo.sqlite"
    shutil.copy2(demo_path, path)
    window, controller, view = open_report(qtbot, path)
    try:
        view.show_section("basic")
        editor = view.pages["basic"].form.editors["address"]
        steps = view.controller.undo_stack.count()
        raw = view.controller.workspace.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the next write must grow the WAL
        finally:
            raw.close()
        fill(disk)
        type_into(qtbot, editor, "Jinan Hi-tech Zone 1")
        assert view.saved_label.text() == "最后一项修改未保存"
        assert "磁盘空间不足" in view.saved_label.toolTip()
        assert view.controller.undo_stack.count() == steps
    finally:
        controller.reports.close()
        controller.close()
    with open_workspace(path, backups=None) as ws, ws.session() as session:
        assert session.scalar(select(ParkDetails.address).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024)) != "Jinan Hi-tech Zone 1"
