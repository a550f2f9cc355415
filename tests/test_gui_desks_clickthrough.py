"""The district's and the city's windows clicked through as their officers would, in Chinese and in English
(the walker of tests/gui_walk.py): no exception, no press without a visible effect, no English in the zh UI."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QApplication

from parkdesk.app import workspaces
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.build_translations import build as build_translations
from parkdesk.ui.jobs import SynchronousRunner
from tests.gui_walk import Walker, enabled_buttons

NOT_PRESSED = {"action_quit", "action_language_zh", "action_language_en", "action_demo", "action_new_workspace",
               "action_open_workspace"}  # the operator's walk covers the File menu


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture(scope="session")
def desk_masters(tmp_path_factory):
    folder = tmp_path_factory.mktemp("desks")
    paths = {}
    for role in ("reviewer", "city"):
        paths[role] = folder / f"demo-{role}.sqlite"
        workspaces.create_demo(paths[role], role=role, district="370102", overwrite=True)
    return paths


def _walk(qtbot, path, tmp_path, lang):
    create_application(lang)
    walker = Walker(qtbot, tmp_path / "chosen", lang)
    (tmp_path / "chosen").mkdir()
    walker.watched = [path, path.with_name(path.name + "-wal")]
    window, controller = build_window(path, lang, SynchronousRunner(lang))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return walker, window, controller


def _press_everything(walker, window):
    page = window.pages.currentWidget()
    walker.look(window, "desk")
    for button in enabled_buttons(page):
        walker.press(window, button, "desk")
    menus = [m.menu() for m in window.menuBar().actions() if m.menu() and m.isVisible()]
    for menu in menus:
        for action in [a for a in menu.actions() if not a.isSeparator() and a.isEnabled()
                       and a.objectName() not in NOT_PRESSED]:
            walker.press(window, action, "menu " + menu.title())


def _verdict(walker, lang):
    assert not walker.exceptions, "\n".join(walker.exceptions)
    assert not walker.without_effect({"'中文'": "", "'English'": ""}), walker.without_effect({})
    if lang == "zh":
        assert not walker.english(), "\n".join(walker.english())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_district_desk_clicked_through(qtbot, desk_masters, tmp_path, lang):
    path = tmp_path / "reviewer.sqlite"
    shutil.copy2(desk_masters["reviewer"], path)
    walker, window, controller = _walk(qtbot, path, tmp_path, lang)
    try:
        _press_everything(walker, window)
        inbox = controller.review.inbox
        _click_tab(qtbot, inbox.tabs, 1)  # the roll-up for the city
        walker.look(window, "roll-up")
        for button in enabled_buttons(inbox.tabs.widget(1)):
            walker.press(window, button, "roll-up")
        _click_tab(qtbot, inbox.tabs, 0)
        rows = [inbox.entry_at(r) for r in range(inbox.table.rowCount())]
        resubmitted = next(r for r, entry in enumerate(rows) if entry.current and entry.supersedes_package_id)
        assert inbox.open_row(resubmitted)
        view = controller.reports.view
        assert view.resubmission_panel is not None and view.year_over_year_panel is not None
        for index in range(view.lower.count()):  # review, changes since the replaced package, year over year
            _click_tab(qtbot, view.lower, index)
            tab = view.lower.tabText(index)
            walker.look(window, f"review tab {tab}")
            for button in enabled_buttons(view.lower.widget(index)):
                if controller.reports.view is not view:
                    break
                walker.press(window, button, f"review tab {tab}")
    finally:
        walker.close()
        controller.reports.close()
        controller.close()
        QApplication.processEvents()
    _verdict(walker, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_city_desk_clicked_through(qtbot, desk_masters, tmp_path, lang):
    path = tmp_path / "city.sqlite"
    shutil.copy2(desk_masters["city"], path)
    walker, window, controller = _walk(qtbot, path, tmp_path, lang)
    try:
        _press_everything(walker, window)
        desk = controller.review.city_desk
        tabs = [(desk, index) for index in range(desk.count())]
        tabs += [(desk.dashboard.lower, index) for index in range(desk.dashboard.lower.count())]
        for tab_widget, index in tabs:
            if window.pages.currentWidget() is not desk:
                controller.review.inbox_action.trigger()  # back from a report opened read-only
            if tab_widget is not desk:
                _click_tab(qtbot, desk, 0)
            _click_tab(qtbot, tab_widget, index)
            assert tab_widget.currentIndex() == index
            page = tab_widget.widget(index)
            walker.look(window, f"tab {tab_widget.tabText(index)}")
            for button in enabled_buttons(page):
                if window.pages.currentWidget() is not desk:
                    break
                walker.press(window, button, f"tab {tab_widget.tabText(index)}")
    finally:
        walker.close()
        controller.reports.close()
        controller.close()
        QApplication.processEvents()
    _verdict(walker, lang)


def _click_tab(qtbot, tab_widget, index) -> None:
    from PySide6.QtCore import Qt

    bar = tab_widget.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
