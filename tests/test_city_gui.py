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


def _city_window(qtbot, tmp_path):
    path = tmp_path / "city.sqlite"
    build_city_demo(path, enterprises=3)
    create_application("zh")
    window, controller = build_window(path, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return path, window, controller


def _click_tab(qtbot, tab_widget, index):
    from PySide6.QtCore import Qt

    bar = tab_widget.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tab_widget.currentIndex() == index


def test_the_city_evaluates_by_clicking_and_exports_where_it_says(qtbot, tmp_path):
    import json

    import openpyxl
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit
    from sqlalchemy import func, select

    from parkdesk.app import city
    from parkdesk.db.models import EvaluationRecord
    from tests.gui_walk import DialogScript

    path, window, controller = _city_window(qtbot, tmp_path)
    told = []

    def type_name(target):
        def step(dialog):
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(target))
            dialog.accept()
        return step

    def read(box):
        told.append(box.text())
        box.accept()

    try:
        desk = controller.review.city_desk
        _click_tab(qtbot, desk, 1)
        view = desk.evaluation
        year = view.year.currentData()
        with open_workspace(path) as workspace:
            expected = city.ranking(workspace, year, city.scheme())
        assert view.ranking.rowCount() == len(expected.parks) > 0
        first = expected.parks[0]
        assert view.ranking.item(0, 1).text() == first.park.name and view.ranking.item(0, 4).text() in ("优秀", "良好",
                                                                                                         "合格", "不合格")
        # the basis of every item of the selected park
        qtbot.mouseClick(view.ranking.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.ranking.visualItemRect(view.ranking.item(1, 1)).center())
        assert view.basis.rowCount() == len(expected.parks[1].score.items)
        assert view.basis.item(0, 3).text()  # the figures it used, in words
        assert not view.default_scheme_button.isEnabled()  # the built-in scheme is in use
        # a chosen scheme: a higher pass line fails more parks
        scheme = json.loads(city.write_default_scheme(None))
        scheme["pass_threshold"] = 95
        chosen = tmp_path / "strict.json"
        chosen.write_text(json.dumps(scheme, ensure_ascii=False), encoding="utf-8")
        with DialogScript(qtbot, [type_name(chosen)]) as script:
            qtbot.mouseClick(view.choose_scheme_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        grades = [view.ranking.item(r, 4).text() for r in range(view.ranking.rowCount())]
        assert "不合格" in grades and view.default_scheme_button.isEnabled()
        qtbot.mouseClick(view.default_scheme_button, Qt.MouseButton.LeftButton)
        assert "不合格" not in [view.ranking.item(r, 4).text() for r in range(view.ranking.rowCount())]
        # export: the workbook and the PDF, each stored, each said where
        workbook, pdf = tmp_path / "out" / "evaluation.xlsx", tmp_path / "out" / "evaluation.pdf"
        workbook.parent.mkdir()
        for button, target in ((view.workbook_button, workbook), (view.pdf_button, pdf)):
            with DialogScript(qtbot, [type_name(target), read]) as script:
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            assert script.done and not script.errors, script.errors
            assert target.exists() and str(target) in told[-1]
        sheet = openpyxl.load_workbook(workbook, read_only=True).worksheets[0]
        assert [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))][2] == first.park.name
        assert pdf.read_bytes().startswith(b"%PDF")
        with open_workspace(path) as workspace, workspace.session() as session:
            assert session.scalar(select(func.count()).select_from(EvaluationRecord)) == 2
    finally:
        controller.close()


@pytest.mark.parametrize("where", ["ranking", "dashboard"])
def test_the_city_opens_a_received_report_read_only(qtbot, tmp_path, where):
    from PySide6.QtCore import Qt

    path, window, controller = _city_window(qtbot, tmp_path)
    try:
        desk = controller.review.city_desk
        if where == "ranking":
            _click_tab(qtbot, desk, 1)
            table, button = desk.evaluation.ranking, desk.evaluation.open_button
            name = desk.evaluation.evaluation.parks[2].park.name
        else:
            _click_tab(qtbot, desk.dashboard.lower, 2)
            table, button = desk.dashboard.parks, desk.dashboard.open_button
            name = desk.dashboard.dashboard.parks[2].name
        # the button follows the selection: the ranking opens on its first park, the parks list on none
        assert button.isEnabled() == (where == "ranking") == table.selectionModel().hasSelection()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualItemRect(table.item(2, 0)).center())
        assert button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        view = controller.reports.view
        assert window.pages.currentWidget() is view and not view.controller.editable
        assert view.controller.park_name == name
        tab = desk.currentIndex()
        controller.review.inbox_action.trigger()  # back to the desk, on the tab it was left on
        assert window.pages.currentWidget() is desk and desk.currentIndex() == tab
    finally:
        controller.reports.close()
        controller.close()


def test_the_city_records_a_recognition_and_a_third_party_result_in_its_window(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

    from parkdesk.app import city
    from tests.gui_walk import DialogScript

    path, window, controller = _city_window(qtbot, tmp_path)
    try:
        desk = controller.review.city_desk
        _click_tab(qtbot, desk, 3)
        records = desk.records
        assert records.table.rowCount() == 0

        def recognition(dialog):
            combos = dialog.findChildren(QComboBox)
            park = combos[0]
            park.setCurrentIndex(park.findData("SDWLST"))
            combos[1].setCurrentIndex(combos[1].findData("comprehensive"))  # category
            dialog.findChild(QLineEdit, "recognition_document").setText("济商务字〔2023〕12号")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

        with DialogScript(qtbot, [recognition]) as script:
            qtbot.mouseClick(records.recognize_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert records.table.rowCount() == 1 and "SDWLST" in records.table.item(0, 0).text()
        with open_workspace(path) as workspace:
            assert [r.document_number for r in city.recognitions(workspace)] == ["济商务字〔2023〕12号"]

        told = []

        def missing_evaluator(dialog):
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
            from PySide6.QtWidgets import QLabel

            told.append([label.text() for label in dialog.findChildren(QLabel) if label.text()])
            park = dialog.findChildren(QComboBox)[0]
            park.setCurrentIndex(park.findData("QLRJY"))
            year = dialog.findChildren(QComboBox)[1]
            year.setCurrentIndex(year.findData(2023))
            grade = dialog.findChildren(QComboBox)[2]
            grade.setCurrentIndex(grade.findData("excellent"))
            dialog.findChild(QLineEdit, "third_party_evaluator").setText("山东省评估中心")
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

        def read(box):
            told.append(box.text())
            box.accept()

        with DialogScript(qtbot, [missing_evaluator, read]) as script:
            qtbot.mouseClick(records.third_party_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert any("评价机构" in text for text in told[0])  # said in the dialog, which stayed open to correct
        evaluation = desk.evaluation
        evaluation.year.setCurrentIndex(evaluation.year.findData(2023))
        row = next(r for r in range(evaluation.ranking.rowCount())
                   if evaluation.ranking.item(r, 1).text() == "齐鲁软件园")
        assert "山东省评估中心" in evaluation.ranking.item(row, 6).text()
        assert evaluation.ranking.item(row, 4).text() == "优秀"
    finally:
        controller.close()
