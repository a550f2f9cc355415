"""Every main screen fits a 1024×768 screen in both languages: the operator's report on each page, the district's
review with its panels, the city's desk on each tab (a window's minimum size is what the screen must hold)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QApplication

from parkdesk.app import workspaces
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.build_translations import build as build_translations
from parkdesk.ui.i18n import install_translator
from parkdesk.ui.jobs import SynchronousRunner

SCREEN = (1024, 768)


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


@pytest.fixture(scope="module")
def desks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    paths = {role: folder / f"{role}.sqlite" for role in ("reviewer", "city")}
    for role, path in paths.items():
        workspaces.create_demo(path, role=role, district="370102", overwrite=True)
    return paths


def _window(path, lang):
    app = create_application(lang)
    install_translator(app, lang)
    window, controller = build_window(path, lang, SynchronousRunner(lang))
    window.resize(*SCREEN)
    window.show()
    QApplication.processEvents()
    return window, controller


def _fits(window, where: str) -> None:
    QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], (where, hint.width(), hint.height())
    assert window.width() <= SCREEN[0], (where, window.width())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_operators_report_fits_on_every_page(qtbot, demo_path, lang):
    from sqlalchemy import select

    from parkdesk.db.models import Park

    window, controller = _window(demo_path, lang)
    qtbot.addWidget(window)
    try:
        with controller.workspace.session() as session:
            park = session.scalar(select(Park.id).where(Park.code == "QLRJY"))
        view = controller.reports.open(park, 2024)
        for key in view.pages:
            view.show_section(key)
            _fits(window, key)
    finally:
        controller.reports.close()
        controller.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_district_review_fits_with_its_panels(qtbot, desks, tmp_path, lang):
    path = tmp_path / "reviewer.sqlite"
    shutil.copy2(desks["reviewer"], path)
    window, controller = _window(path, lang)
    qtbot.addWidget(window)
    try:
        inbox = controller.review.inbox
        _fits(window, "inbox")
        inbox.tabs.setCurrentIndex(1)
        _fits(window, "roll-up")
        resubmitted = next(r for r in range(inbox.table.rowCount())
                           if inbox.entry_at(r).current and inbox.entry_at(r).supersedes_package_id)
        assert inbox.open_row(resubmitted)
        view = controller.reports.view
        for index in range(view.lower.count()):
            view.lower.setCurrentIndex(index)
            for key in view.pages:
                view.show_section(key)
                _fits(window, f"{view.lower.tabText(index)} / {key}")
    finally:
        controller.reports.close()
        controller.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_city_desk_fits_on_every_tab(qtbot, desks, tmp_path, lang):
    path = tmp_path / "city.sqlite"
    shutil.copy2(desks["city"], path)
    window, controller = _window(path, lang)
    qtbot.addWidget(window)
    try:
        desk = controller.review.city_desk
        for index in range(desk.count()):
            desk.setCurrentIndex(index)
            _fits(window, desk.tabText(index))
    finally:
        controller.close()
