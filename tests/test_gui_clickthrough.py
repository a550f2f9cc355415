"""The operator's GUI, clicked through as a user would, in Chinese and in English.

Opens the demo, opens a report from the park list with Enter, visits every
page, presses every enabled button and triggers every enabled action through
the real widgets (see tests/gui_walk.py). Fails on any exception, on a press
with no visible effect (unless allowed below, with the reason), and — in the
Chinese UI — on any English word a user would see.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from parkdesk.forms.sections import SECTIONS
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.build_translations import build as build_translations
from parkdesk.ui.jobs import SynchronousRunner
from tests.gui_walk import Walker, enabled_buttons

# presses that may leave no trace on screen, each with the reason
NO_EFFECT_ALLOWED = {
    "'中文'": "choosing the language already shown changes nothing",
    "'English'": "choosing the language already shown changes nothing",
}
# actions the walk does not trigger
NOT_PRESSED = {
    "action_quit": "closes the window; covered by test_shell",
    "action_language_zh": "rebuilds the window in the other language; covered by test_shell",
    "action_language_en": "rebuilds the window in the other language; covered by test_shell",
}


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def _open_with_enter(qtbot, window, code: str) -> None:
    table = window.park_list.table
    model = table.model()
    for row in range(model.rowCount()):
        if code in str(model.index(row, 0).data()):
            table.setCurrentIndex(model.index(row, 0))
            break
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)


def _press_menus(walker, window, skip_file_menu: bool) -> None:
    """Every enabled menu entry, looked up afresh before each press (a press may rebuild the menus)."""
    def entries():
        menus = [m.menu() for m in window.menuBar().actions() if m.menu() and m.isVisible()]
        file_menu = menus[0]
        return [(menu.title(), a.text(), a) for menu in menus if not (skip_file_menu and menu is file_menu)
                for a in menu.actions() if not a.isSeparator() and a.objectName() not in NOT_PRESSED]

    for title, text, _action in entries():
        action = next((a for t, x, a in entries() if (t, x) == (title, text)), None)
        if action is not None and action.isEnabled():
            walker.press(window, action, "menu " + title)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_button_and_action_of_the_operator_window_works(qtbot, demo_path, tmp_path, lang):
    create_application(lang)
    walker = Walker(qtbot, tmp_path / "chosen", lang)
    (tmp_path / "chosen").mkdir()
    walker.watched = [demo_path, demo_path.with_name(demo_path.name + "-wal")]
    window, controller = build_window(demo_path, lang, SynchronousRunner(lang))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    try:
        walker.look(window, "park list")
        _open_with_enter(qtbot, window, "QLRJY")
        view = controller.reports.view
        assert view is not None, "Enter on the park list opens the park's latest report"
        for section in SECTIONS:
            item = view.navigator.section_items[section.key]
            view.navigator.scrollToItem(item)
            rect = view.navigator.visualItemRect(item)
            qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert view.stack.currentWidget() is view.pages[section.key].widget, section.key
            page = view.pages[section.key].widget
            walker.look(window, section.key)
            for button in enabled_buttons(page):
                if controller.reports.view is not view:
                    break
                walker.press(window, button, section.key)
        count = len(controller.reports.view.toolbar.actions())
        for index in range(count):
            if controller.reports.view is None:  # ◀ went back to the list: open the report again
                _open_with_enter(qtbot, window, "QLRJY")
            action = controller.reports.view.toolbar.actions()[index]
            if action.isEnabled() and action.text():
                walker.press(window, action, "toolbar")
        _press_menus(walker, window, skip_file_menu=True)
        _press_menus(walker, window, skip_file_menu=False)  # last: 文件 may open another workspace
    finally:
        walker.close()
        controller.reports.close()
        controller.close()
        QApplication.processEvents()
    assert not walker.exceptions, "\n".join(walker.exceptions)
    assert not walker.without_effect(NO_EFFECT_ALLOWED), walker.without_effect(NO_EFFECT_ALLOWED)
    if lang == "zh":
        english = walker.english()
        assert not english, "\n".join(english)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_button_of_the_welcome_screen_works(qtbot, tmp_path, lang):
    """No workspace yet: 新建 opens the wizard (cancelled), 打开 a file dialog (an empty file is refused in
    words), 演示 builds the demo and shows its parks."""
    create_application(lang)
    walker = Walker(qtbot, tmp_path / "chosen", lang)
    (tmp_path / "chosen").mkdir()
    window, controller = build_window(None, lang, SynchronousRunner(lang))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    try:
        assert window.pages.currentWidget() is window.welcome
        walker.look(window, "welcome")
        for button in (window.welcome.new_button, window.welcome.open_button, window.welcome.demo_button):
            walker.press(window, button, "welcome")
        assert window.pages.currentWidget() is window.park_list  # the demo is open
    finally:
        walker.close()
        controller.reports.close()
        controller.close()
    assert not walker.exceptions, "\n".join(walker.exceptions)
    assert not walker.without_effect({}), walker.without_effect({})
    refused = [d for p in walker.presses for d in p.dialogs if d.startswith("QMessageBox")]
    assert refused, "opening an empty file says why it cannot"
    if lang == "zh":
        assert not walker.english(), "\n".join(walker.english())


def test_a_locked_report_offers_only_what_it_allows(qtbot, demo_path, tmp_path):
    """An accepted report: editing buttons are disabled; what stays enabled works and says so in Chinese."""
    create_application("zh")
    walker = Walker(qtbot, tmp_path / "chosen", "zh")
    (tmp_path / "chosen").mkdir()
    walker.watched = [demo_path, demo_path.with_name(demo_path.name + "-wal")]
    window, controller = build_window(demo_path, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    try:
        from sqlalchemy import select

        from parkdesk.db.models import Park

        with controller.workspace.session() as session:
            park_id = session.scalar(select(Park.id).where(Park.code == "QLRJY"))
        view = controller.reports.open(park_id, 2023)  # accepted in the demo
        assert not view.finalize_action.isEnabled() and not view.import_excel_action.isEnabled()
        for key in ("chain", "path", "enterprises", "requirements", "platforms", "attachments"):
            view.show_section(key)
            page = view.pages[key].widget
            for button in enabled_buttons(page):
                assert button.text() in ("导出 PNG…", "导出 SVG…", "复制所选行"), (key, button.text())
                walker.press(window, button, key)
        for action in [a for a in view.toolbar.actions() if a.isEnabled() and a.text()
                       and a.objectName() != "action_back"]:
            walker.press(window, action, "toolbar")
    finally:
        walker.close()
        controller.reports.close()
        controller.close()
    assert not walker.exceptions, "\n".join(walker.exceptions)
    assert not walker.without_effect({}), walker.without_effect({})
    assert not walker.english(), "\n".join(walker.english())
