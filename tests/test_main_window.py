"""The first window, driven as a user would, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from parkdesk.settings import load_settings
from parkdesk.ui.jobs import SynchronousRunner
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.build_translations import build as build_translations
from parkdesk.ui.park_list_model import COL_CATEGORY, COL_DISTRICT, COL_DOMAIN, COL_NAME, COL_REPORTS


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture
def zh_window(qtbot, demo_path):
    create_application("zh")
    window, controller = build_window(demo_path, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    yield window
    controller.close()


def cell(window, row, column):
    proxy = window.park_list.proxy
    return proxy.data(proxy.index(row, column))


def test_lists_the_twelve_parks_in_chinese(zh_window, demo_path):
    window = zh_window
    assert window.pages.currentWidget() is window.park_list
    assert window.park_list.proxy.rowCount() == 12
    assert cell(window, 0, COL_NAME) == "齐鲁软件园"
    assert cell(window, 0, COL_CATEGORY) == "争创一流类"
    assert cell(window, 0, COL_DOMAIN) == "数字贸易"
    assert cell(window, 0, COL_DISTRICT) == "高新区"
    assert "2022 已通过" in cell(window, 0, COL_REPORTS) and "2024 草稿" in cell(window, 0, COL_REPORTS)
    header = window.park_list.proxy.headerData(COL_CATEGORY, Qt.Orientation.Horizontal)
    assert header == "类别"
    assert "演示工作区" in window.windowTitle()
    assert "12 个园区" in window.counts_label.text()
    assert load_settings().last_workspace == str(demo_path)


def test_filter_and_sort_like_a_user(zh_window, qtbot):
    window = zh_window
    qtbot.keyClicks(window.park_list.filter_edit, "sd")  # QTest types Latin keys only
    assert {cell(window, r, 0) for r in range(window.park_list.proxy.rowCount())} == {
        "SDSZDS", "SDZYYDX", "SDWLST", "SDYYFW"}
    window.park_list.filter_edit.clear()
    window.park_list.filter_edit.insert("初创新建")  # what an input method commits
    assert window.park_list.proxy.rowCount() == 4
    names = {cell(window, r, COL_NAME) for r in range(4)}
    assert "山东语言服务出口基地" in names and "齐鲁软件园" not in names
    window.park_list.filter_edit.clear()
    window.park_list.table.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    first = cell(window, 0, COL_NAME)
    window.park_list.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert cell(window, 0, COL_NAME) != first


def test_details_show_the_selected_parks_plan_targets(zh_window):
    window = zh_window
    window.park_list.table.selectRow(0)
    text = window.park_list.details.toPlainText()
    assert "齐鲁软件园" in text and "产业规模达到5000亿元" in text and "国际水准" in text


def test_english_ui(qtbot, demo_path):
    create_application("en")
    window, controller = build_window(demo_path, "en", SynchronousRunner("en"))
    qtbot.addWidget(window)
    try:
        assert cell(window, 0, COL_CATEGORY) == "Striving for first-class"
        assert window.park_list.proxy.headerData(COL_CATEGORY, Qt.Orientation.Horizontal) == "Category"
    finally:
        controller.close()


def test_without_a_workspace_the_welcome_page_shows(qtbot):
    create_application("zh")
    window, controller = build_window(None, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.open_button.text() == "打开工作区…"
    controller.close()


def test_a_bad_file_gets_a_clear_message_and_no_crash(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    create_application("zh")
    window, controller = build_window(bad, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    assert shown and "不是 parkdesk 工作区" in shown[0][1] and str(bad) in shown[0][1]
    assert window.pages.currentWidget() is window.welcome
    assert bad.read_text() == "not a database"
    controller.close()


def test_screenshot_of_the_window(zh_window, tmp_path):
    zh_window.show()
    path = tmp_path / "main.png"
    assert zh_window.grab().save(str(path))
    assert path.stat().st_size > 10_000
