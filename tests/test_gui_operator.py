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
