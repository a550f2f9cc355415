"""The city bureau's workspace opens on the 1234 goals dashboard, built from imported district roll-ups."""

from __future__ import annotations

import subprocess

import pytest

from parkdesk.db.workspace import open_workspace
from parkdesk.city.dashboard import goals_dashboard
from parkdesk.demo.review_demo import build_city_demo
from parkdesk.ui.jobs import SynchronousRunner
from parkdesk.ui.app import build_window, create_application


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_city_dashboard_shows_the_goals_and_coverage(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from tests.gui_walk import DialogScript

    path = tmp_path / "city.sqlite"
    build_city_demo(path)
    create_application("zh")
    window, controller = build_window(path, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    try:
        view = controller.review.city_desk.dashboard
        assert view is not None and window.pages.currentWidget() is controller.review.city_desk
        assert controller.review.city_desk.currentWidget() is view
        with open_workspace(path) as ws, ws.session() as session:
            expected = goals_dashboard(session, view.year.currentData())
        assert view.goals.rowCount() == len(expected.goals) and len(expected.parks) == 12
        park_count = next(g for g in expected.goals if g.key == "park_count_doubling")
        row = [g.key for g in expected.goals].index("park_count_doubling")
        assert view.goals.item(row, 1).text() == f"{float(park_count.value):,.0f} 个园区"  # with its unit
        filled = sum(1 for r in range(view.coverage.rowCount()) for c in range(view.coverage.columnCount())
                     if view.coverage.item(r, c) and view.coverage.item(r, c).text() != "—")
        assert filled == expected.domains.filled  # key domains' cells and the characteristic domains' rows
        assert view.coverage.rowCount() == 8  # 4 key + 4 characteristic domains
        names = {park.name for park in expected.parks}
        shown = [view.coverage.item(r, c).text() for r in range(view.coverage.rowCount())
                 for c in range(view.coverage.columnCount()) if view.coverage.item(r, c)]
        assert all(part in names for cell in shown if cell != "—" for part in cell.split("、"))  # names, not codes
        districts = [view.districts.item(r, 0).text() for r in range(view.districts.rowCount())]
        assert len(districts) == len(expected.districts.districts) + len(expected.districts.zones)
        assert any("功能区" in name for name in districts)
        # the districts' year-end reports their roll-ups carried (历城区 in the demo)
        assert view.year_end.rowCount() == len(expected.district_reports) == 1
        assert "历城区" in view.year_end.item(0, 0).text() and "知识产权服务园" in view.year_end.item(0, 2).text()
        progress_column = 3
        assert view.goals.item(row, progress_column).toolTip().startswith("园区数量倍增进度")
        told = []

        def type_name(dialog):
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path / "1234.pdf"))
            dialog.accept()

        def read(box):
            told.append(box.text())
            box.accept()

        window.show()
        with DialogScript(qtbot, [type_name, read]) as script:
            qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        pdf = tmp_path / "1234.pdf"
        assert str(pdf) in told[0]  # says where it wrote
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "两个覆盖" in text or "覆盖" in text
        assert "历城区知识产权服务园" in text
        window.grab().save(str(tmp_path / "city.png"))
    finally:
        controller.close()


def test_the_city_imports_a_roll_up_by_clicking_and_is_told_what_came_of_it(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    from parkdesk.app import identities, review, rollups, workspaces
    from parkdesk.db.workspace import open_workspace
    from parkdesk.demo.review_demo import build_reviewer_demo
    from parkdesk.ui.app import build_window, create_application
    from parkdesk.ui.jobs import SynchronousRunner
    from tests.gui_walk import DialogScript

    reviewer = tmp_path / "district.sqlite"
    build_reviewer_demo(reviewer, enterprises=3)
    with open_workspace(reviewer) as workspace:
        name = review.district_signing_identity(workspace)
        identities.export_certificate(workspace, name, tmp_path / "district.pem")
        rollups.build_rollup(workspace, 2023, tmp_path / "r.parkrollup", name, b"parkdesk-demo")
    city = tmp_path / "city.sqlite"
    workspaces.create_city(city)
    with open_workspace(city) as workspace:
        identities.trust(workspace, tmp_path / "district.pem")
    create_application("zh")
    window, controller = build_window(city, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.show()
    told = []
    try:
        dashboard = controller.review.city_desk.dashboard

        def choose(dialog):
            assert isinstance(dialog, QFileDialog)
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path / "r.parkrollup"))
            dialog.accept()

        def read(box):
            told.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()

        with DialogScript(qtbot, [choose, read]) as script:
            qtbot.mouseClick(dashboard.import_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert told and "r.parkrollup" in told[0]
        folder = tmp_path / "from-the-districts"  # a folder dropped on the window: its roll-ups are taken in
        folder.mkdir()
        (folder / "r.parkrollup").write_bytes((tmp_path / "r.parkrollup").read_bytes())
        from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
        from PySide6.QtGui import QDragEnterEvent, QDropEvent
        from PySide6.QtWidgets import QApplication

        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(folder))])
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
        assert QApplication.sendEvent(dashboard, enter) and enter.isAccepted()
        drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        with DialogScript(qtbot, [read]) as script:
            QApplication.sendEvent(dashboard, drop)
        assert script.done and not script.errors, script.errors
        assert "r.parkrollup" in told[1] and told[1] != told[0]  # received before: said so
        with controller.workspace.session() as session:
            from sqlalchemy import func, select

            from parkdesk.db.models import ReceivedRollup

            assert session.scalar(select(func.count()).select_from(ReceivedRollup)) == 1
    finally:
        controller.close()
