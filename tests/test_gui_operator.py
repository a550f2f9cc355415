"""The operator's window as a new operator meets it: the first-run wizard ends on the new draft, the path map is
legible, the window fits a 1024×768 screen — each by the widgets a user clicks."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from parkdesk.db.models import Milestone
from parkdesk.reference.parks import PLAN_PARKS
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.jobs import SynchronousRunner
from tests.gui_walk import DialogScript
from tests.test_first_run_wizard import FINISH, NEXT, click_park_row, press, type_path
from tests.test_report_view import db, open_report, rid


def test_the_new_workspace_wizard_ends_on_the_new_draft_report(qtbot, tmp_path):
    create_application("zh")
    window, controller = build_window(None, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "hjt.sqlite"

    def fill_in(wizard):
        press(qtbot, wizard, NEXT)
        type_path(qtbot, wizard, target)
        press(qtbot, wizard, NEXT)
        click_park_row(qtbot, wizard.park_page.table, next(i for i, p in enumerate(PLAN_PARKS) if p.code == "HJT"))
        press(qtbot, wizard, NEXT)
        press(qtbot, wizard, FINISH)

    try:
        with DialogScript(qtbot, [fill_in]) as script:
            window.new_action.trigger()
        assert script.done and not script.errors, script.errors
        view = controller.reports.view
        assert view is not None and window.pages.currentWidget() is view
        assert (view.controller.park_code, view.controller.year) == ("HJT", 2024)
        assert view.controller.editable
    finally:
        controller.reports.close()
        controller.close()


def test_the_path_map_names_its_milestones_and_flags_one_due_outside_the_plan(qtbot, demo_path):
    with db(demo_path) as ws, ws.session() as session:
        milestone = session.scalars(select(Milestone).where(Milestone.report_id == rid(session))
                                    .order_by(Milestone.sort_order, Milestone.id)).first()
        milestone.due_date = date(2025, 3, 31)
        session.commit()
    window, controller, view = open_report(qtbot, demo_path)
    try:
        window.resize(1024, 768)
        item = view.navigator.section_items["path"]
        from PySide6.QtCore import Qt

        qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.navigator.visualItemRect(item).center())
        timeline = view.pages["path"].widget.timeline
        QApplication.processEvents()
        timeline.repaint()
        placed = {p.number: p for p in timeline.placed}
        assert placed[1].out_of_range and placed[1].label.startswith("1 ") and "⚠" in placed[1].label
        assert all(not p.out_of_range for n, p in placed.items() if n != 1)
        assert "1" in timeline.out_of_range_note() and "2022–2024" in timeline.out_of_range_note()
        markers = sorted(p.x for p in placed.values())
        assert all(b - a >= 2 for a, b in zip(markers, markers[1:]))  # no marker hides another
        image = timeline.grab().toImage()  # the ring of the out-of-range marker is drawn red
        ring = [image.pixelColor(int(placed[1].x) + dx, 86 + dy) for dx in range(-10, 11) for dy in range(-10, 11)]
        assert any(c.red() > 180 and c.green() < 80 and c.blue() < 80 for c in ring)
    finally:
        controller.reports.close()
        controller.close()


def test_the_operator_window_fits_a_1024_by_768_screen(qtbot, demo_path):
    window, controller, view = open_report(qtbot, demo_path)
    try:
        window.resize(1024, 768)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 768
        assert window.width() <= 1024 and window.height() <= 768
        assert view.panel.height() >= 110  # five findings or more are visible
        dialog = view.show_identities()
        QApplication.processEvents()
        assert dialog.width() <= 1000 and dialog.height() <= 740, (dialog.width(), dialog.height())
        dialog.close()
    finally:
        controller.reports.close()
        controller.close()


def test_switching_language_keeps_the_open_report_and_its_section(qtbot, demo_path):
    from sqlalchemy import select as _select

    from parkdesk.db.models import Park
    from parkdesk.ui.app import Shell

    app = create_application("zh")
    shell = Shell(app, demo_path, "zh")  # the shell deletes each window it replaces
    try:
        with shell.controller.workspace.session() as session:
            park_id = session.scalar(_select(Park.id).where(Park.code == "QLRJY"))
        shell.controller.reports.open(park_id, 2024).show_section("enterprises")
        shell.window.english_action.trigger()
        view = shell.controller.reports.view
        assert view is not None and shell.window.pages.currentWidget() is view
        assert (view.controller.park_code, view.controller.year, view.current_section) == ("QLRJY", 2024,
                                                                                            "enterprises")
        assert shell.window.report_menu.title() == "&Report"
        shell.window.chinese_action.trigger()
        assert shell.controller.reports.view.current_section == "enterprises"
        qtbot.addWidget(shell.window)
    finally:
        shell.controller.reports.close()
        shell.controller.close()


def test_viewing_another_year_and_coming_back_keeps_the_undo_history(qtbot, demo_path):
    from PySide6.QtCore import Qt

    window, controller, view = open_report(qtbot, demo_path)
    try:
        view.show_section("platforms")
        table = view.pages["platforms"].widget
        qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
        assert view.undo_action.isEnabled()
        year_items = {view.navigator.topLevelItem(0).child(i).text(0): view.navigator.topLevelItem(0).child(i)
                      for i in range(view.navigator.topLevelItem(0).childCount())}
        rect = view.navigator.visualItemRect(year_items["2023"])
        qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert controller.reports.view.controller.year == 2023
        assert not controller.reports.view.undo_action.isEnabled()  # 2023 has its own (empty) history
        view = controller.reports.view
        rect = view.navigator.visualItemRect(year_items_of(view)["2024"])
        qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        view = controller.reports.view
        assert view.controller.year == 2024 and view.current_section == "platforms"
        assert view.undo_action.isEnabled()
        rows = view.pages["platforms"].widget.model.rowCount()
        view.undo_action.trigger()
        assert view.pages["platforms"].widget.model.rowCount() == rows - 1
    finally:
        controller.reports.close()
        controller.close()


def year_items_of(view):
    park = view.navigator.topLevelItem(0)
    return {park.child(i).text(0): park.child(i) for i in range(park.childCount())}


def test_file_dialogs_start_in_the_workspace_folder_then_in_the_last_one_chosen(qtbot, demo_path, tmp_path,
                                                                                  monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    starts = []
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def save(_parent, _title, start, _filter):
        starts.append(start)
        return str(elsewhere / "QLRJY-2024.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window, controller, view = open_report(qtbot, demo_path)
    try:
        view.pdf_action.trigger()
        view.workbook_action.trigger()
        assert starts[0].startswith(str(demo_path.parent)) and starts[0].endswith("QLRJY-2024.pdf")
        assert starts[1] == str(elsewhere / "QLRJY-2024.xlsx")
    finally:
        controller.reports.close()
        controller.close()


def test_the_welcome_text_has_room_for_its_lines(qtbot):
    create_application("zh")
    window, controller = build_window(None, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    QApplication.processEvents()
    from PySide6.QtWidgets import QLabel

    labels = [label for label in window.welcome.findChildren(QLabel) if label.wordWrap()]
    assert labels
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width())
    title = window.welcome.findChild(QLabel, "heading")
    assert not title.geometry().intersects(labels[0].geometry())
    controller.close()
