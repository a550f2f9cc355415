"""The district officer's window and the operator's receipt import, driven through real files.

operator package → reviewer inbox (drop/import) → review view with a comment on an enterprise's field →
state returned → signed receipt → operator imports it → the comment is listed and opens its row;
a tampered package shows in the inbox as rejected with its reason.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.ui.jobs import SynchronousRunner
from parkdesk.ui.app import build_window, create_application
from tests.review_kit import PARK, PASSPHRASE, YEAR, make_world, send, set_status


def window_on(qtbot, path):
    create_application("zh")
    window, controller = build_window(path, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.show()
    return window, controller


def test_inbox_review_comment_receipt_and_operator_import(qtbot, demo_path, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")  # the demo's 2023 report was accepted long ago
    package, _built = send(world, "QLRJY-2023.parkpkg")
    tampered = tmp_path / "tampered.parkpkg"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))

    # --- the district officer ---
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert window.pages.currentWidget() is inbox
        job = inbox.import_paths([package, tampered])
        assert job.done and job.error is None, job.error
        assert inbox.table.rowCount() == 2
        from parkdesk.ui.review.inbox_view import COLUMNS

        verdicts = {inbox.table.item(r, COLUMNS["file"]).text(): inbox.table.item(r, COLUMNS["verification"]).text()
                    for r in range(2)}
        assert verdicts["QLRJY-2023.parkpkg"].startswith("✔")
        assert verdicts["tampered.parkpkg"].startswith("✘") and len(verdicts["tampered.parkpkg"]) > 3
        tampered_row = next(r for r in range(2) if inbox.table.item(r, COLUMNS["file"]).text() == "tampered.parkpkg")
        assert "重新发送" in inbox.table.item(tampered_row, COLUMNS["verification"]).toolTip()  # why, in words
        good_row = next(r for r in range(2) if inbox.table.item(r, COLUMNS["file"]).text() == "QLRJY-2023.parkpkg")
        assert inbox.open_row(good_row)
        view = controller.reports.view
        assert view is not None and not view.controller.editable  # read-only: the operator's pages, not copies
        panel = view.review_panel

        view.show_section("enterprises")
        page = view.pages["enterprises"].widget
        page.view.setCurrentIndex(page.model.index(2, page.model.column_of("employees")))
        commented_name = page.model.stored(2)["name"]
        assert panel.comment("从业人员数与社保缴纳人数不符,请核实")
        assert panel.comments.count() == 1
        assert panel.set_state("returned", note="请修改后重报")
        assert panel.receipt_button.isEnabled()
        receipt = tmp_path / "QLRJY-2023.parkreview"
        assert panel.receipt(receipt, PASSPHRASE) is not None and receipt.exists()
        assert warnings == []
    finally:
        controller.reports.close()
        controller.close()

    # --- the park operator ---
    window, controller = window_on(qtbot, world.operator)
    try:
        assert controller.review.import_receipt(receipt), warnings
        with open_workspace(world.operator) as ws, ws.session() as session:
            report = session.scalars(select(Report).join(Park).where(Park.code == PARK, Report.year == YEAR)).one()
            assert report.status == "returned"  # editable again
            park_id = report.park_id
        view = controller.reports.open(park_id, YEAR)
        assert view.controller.editable
        comments = view.comment_list
        assert comments.count() == 1 and "社保" in comments.item(0).text()
        comments.itemClicked.emit(comments.item(0))
        page = view.pages["enterprises"].widget
        assert view.current_section == "enterprises"
        current = page.view.currentIndex()
        assert page.model.stored(current.row())["name"] == commented_name
        assert page.model.fields[current.column()].key == "employees"
    finally:
        controller.reports.close()
        controller.close()


def test_a_comment_on_a_form_field_of_a_read_only_report_attaches_to_that_field(qtbot, demo_path, tmp_path):
    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        assert inbox.open_row(0)
        view = controller.reports.view
        panel = view.review_panel
        item = view.navigator.section_items["basic"]
        qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.navigator.visualItemRect(item).center())
        form = view.pages["basic"].form
        editor = form.editors["contact_name"]
        assert not editor.isEnabled()  # read-only for the district
        qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
        assert not panel.comment_button.isEnabled()  # nothing to say yet
        panel.comment_edit.setText("联系人电话无法接通")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)  # Enter submits
        assert panel.comments.count() == 1
        location = panel.comments.item(0).data(Qt.ItemDataRole.UserRole)
        assert getattr(location, "field", None) == "contact_name", location
        assert "联系人" in window.statusBar().currentMessage()  # where it landed, in words
        from parkdesk.review.comments import comments_for_report

        with controller.workspace.session() as session:
            authors = {c.author for c in comments_for_report(session, view.controller.report_id)}
        assert authors == {"高新区商务局"}  # the district's identity (QLRJY is in 高新区), not the OS login
    finally:
        controller.reports.close()
        controller.close()


def test_a_refused_file_shows_as_refused_and_opens_its_reasons_in_words(qtbot, demo_path, tmp_path):
    from PySide6.QtWidgets import QMessageBox as Box

    from tests.gui_walk import DialogScript

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    tampered = tmp_path / "tampered.parkpkg"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([tampered]).error is None
        from parkdesk.ui.review.inbox_view import COLUMNS

        assert inbox.table.item(0, COLUMNS["state"]).text() == "已拒收"
        assert inbox.overview.item(0, 1).text() == "只有被拒收的文件"  # QLRJY × 2023 in the district overview
        shown = []

        def read(box):
            shown.append(box.text())
            box.button(Box.StandardButton.Close).click()

        rect = inbox.table.visualItemRect(inbox.table.item(0, 0))
        with DialogScript(qtbot, [read]) as script:
            qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
            qtbot.mouseDClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert script.done and not script.errors, script.errors
        assert "tampered.parkpkg" in shown[0] and "重新发送" in shown[0]
        assert "CRC" not in shown[0] and "Bad" not in shown[0]
    finally:
        controller.reports.close()
        controller.close()


def test_approving_over_open_comments_asks_first_and_the_decision_carries_a_note(qtbot, demo_path, tmp_path):
    from PySide6.QtWidgets import QMessageBox as Box

    from tests.gui_walk import DialogScript

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        assert inbox.open_row(0)
        panel = controller.reports.view.review_panel
        panel.comment_edit.setText("请补充佐证材料")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
        panel.state_combo.setCurrentIndex(panel.state_combo.findData("approved"))

        def no(box):
            assert "1" in box.text()
            box.button(Box.StandardButton.No).click()

        with DialogScript(qtbot, [no]) as script:
            qtbot.mouseClick(panel.state_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert "已通过" not in panel.state_label.text()

        def yes(box):
            box.button(Box.StandardButton.Yes).click()

        def note(dialog):
            dialog.setTextValue("意见已电话确认")
            dialog.accept()

        with DialogScript(qtbot, [yes, note]) as script:
            qtbot.mouseClick(panel.state_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert "已通过" in panel.state_label.text()
        assert any("意见已电话确认" in panel.history.item(i).text() for i in range(panel.history.count()))
        assert "已通过" in window.statusBar().currentMessage()
    finally:
        controller.reports.close()
        controller.close()


def test_a_comment_on_an_indicator_names_the_indicator(qtbot, demo_path, tmp_path):
    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        assert inbox.open_row(0)
        view = controller.reports.view
        view.show_section("indicators")
        table = view.pages["indicators"].widget.tables()[0]
        model = table.model
        row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "园区企业数量(家)")
        rect = table.view.visualRect(model.index(row, model.column_of("actual")))
        qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        panel = view.review_panel
        panel.comment_edit.setText("与统计局数据不一致")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
        shown = panel.comments.item(0).text()
        assert "园区企业数量(家)" in shown and "#" not in shown.split("\n")[0], shown
    finally:
        controller.reports.close()
        controller.close()


def test_the_roll_up_is_previewed_exported_and_signed_from_the_window(qtbot, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from parkdesk.demo.review_demo import build_reviewer_demo
    from tests.gui_walk import DialogScript

    reviewer = tmp_path / "district.sqlite"
    build_reviewer_demo(reviewer, enterprises=3)
    window, controller = window_on(qtbot, reviewer)
    try:
        inbox = controller.review.inbox
        tab_bar = inbox.tabs.tabBar()
        qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
        panel = inbox.rollup
        assert inbox.tabs.currentWidget() is panel
        panel.year.setCurrentIndex(panel.year.findData(2023))
        rows = panel.table.rowCount()
        assert rows >= 2 and panel.table.item(rows - 1, 0).text() == "合计"
        assert all(panel.table.item(r, 2).text() == "已通过" for r in range(rows - 1))  # approved only

        def save_as(name):
            def step(dialog):
                assert isinstance(dialog, QFileDialog)
                dialog.findChild(QLineEdit, "fileNameEdit").setText(str(tmp_path / name))
                dialog.accept()
            return step

        with DialogScript(qtbot, [save_as("rollup-2023.xlsx")]) as script:
            qtbot.mouseClick(panel.workbook_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert (tmp_path / "rollup-2023.xlsx").stat().st_size > 2_000
        assert "rollup-2023.xlsx" in window.statusBar().currentMessage()

        def passphrase(dialog):
            for edit in dialog.findChildren(QLineEdit):
                edit.setText("parkdesk-demo")
            dialog.accept()

        # the district's year-end section: progress in words, one planned new park
        section = panel.year_end
        qtbot.mouseClick(section.progress.viewport(), Qt.MouseButton.LeftButton)
        section.progress.setPlainText("全年新增服务贸易企业 12 家,园区建设按计划推进。")
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
        assert section.planned.rowCount() == 1
        section.planned.item(0, 0).setText("历下区数字贸易服务园")
        section.planned.cellWidget(0, 1).setCurrentIndex(section.planned.cellWidget(0, 1).findData("digital_trade"))
        section.planned.cellWidget(0, 3).setValue(2025)
        with DialogScript(qtbot, [passphrase, save_as("rollup-2023.parkrollup")]) as script:
            qtbot.mouseClick(panel.build_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert (tmp_path / "rollup-2023.parkrollup").stat().st_size > 2_000
        assert "rollup-2023.parkrollup" in window.statusBar().currentMessage()
    finally:
        controller.reports.close()
        controller.close()
    from parkdesk.app import identities, review, rollups, workspaces
    from parkdesk.db.workspace import open_workspace

    with open_workspace(reviewer) as workspace:
        identities.export_certificate(workspace, review.district_signing_identity(workspace), tmp_path / "d.pem")
    city = tmp_path / "city.sqlite"  # the city takes it in, trusting the district's certificate
    workspaces.create_city(city)
    with open_workspace(city) as workspace:
        identities.trust(workspace, tmp_path / "d.pem")
        imported = rollups.import_rollups(workspace, [tmp_path / "rollup-2023.parkrollup"])
    assert [item.outcome for item in imported] != ["rejected"], imported[0].reason_key
    assert imported[0].district_code and imported[0].year == 2023
    from parkdesk.app import city as city_desk

    with open_workspace(city) as workspace:
        sections = city_desk.dashboard(workspace, 2023).district_reports
    assert len(sections) == 1 and "新增服务贸易企业 12 家" in sections[0].report.progress
    planned = sections[0].report.planned_parks
    assert [(p.name, p.domain, p.expected_year) for p in planned] == [("历下区数字贸易服务园", "digital_trade", 2025)]


def test_the_overview_lists_a_certified_park_that_sent_nothing(qtbot, demo_path, tmp_path):
    """The district issued GJWHCK's certificate and has heard nothing from it: 未收到 in every year, in the
    window and from `parkdesk review overview`."""
    import json
    import subprocess
    import sys

    from parkdesk.app import identities
    from parkdesk.review.setup import district_identity

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    request = tmp_path / "GJWHCK.csr"
    with open_workspace(world.operator) as workspace:
        identities.create_operator_identity(workspace, "GJWHCK-op", "GJWHCK", b"operator-passphrase")
        identities.request_certificate(workspace, "GJWHCK-op", b"operator-passphrase", request)
    with open_workspace(world.reviewer) as workspace:
        with workspace.session() as session:
            name = district_identity(session).name
        identities.issue_operator_certificate(workspace, name, PASSPHRASE, request, tmp_path / "GJWHCK.pem")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        rows = {inbox.overview.verticalHeaderItem(r).text(): r for r in range(inbox.overview.rowCount())}
        silent = next(r for name, r in rows.items() if "文化出口" in name)  # 国家文化出口基地 (GJWHCK)
        assert [inbox.overview.item(silent, c).text() for c in range(3)] == ["未收到"] * 3
        heard = next(r for name, r in rows.items() if "齐鲁软件园" in name)
        assert inbox.overview.item(heard, 1).text() == "已接收" and inbox.overview.item(heard, 0).text() == "未收到"
    finally:
        controller.close()
    run = subprocess.run([sys.executable, "-m", "parkdesk", "review", "overview", str(world.reviewer)],
                         capture_output=True, text=True, check=True)
    assert "(GJWHCK)\t未收到\t未收到\t未收到" in run.stdout
    run = subprocess.run([sys.executable, "-m", "parkdesk", "review", "overview", str(world.reviewer), "--format",
                          "json"], capture_output=True, text=True, check=True)
    lines = {line["park"]: line for line in json.loads(run.stdout)}
    assert lines["QLRJY"]["years"]["2023"]["state"] == "received"
    assert lines["GJWHCK"]["years"]["2024"]["state"] == "not_received"


def test_the_review_panel_stays_when_the_officer_switches_year(qtbot, demo_path, tmp_path):
    """The district reads 2023, then 2022 in the navigator: each year comes with its own review panel, and the
    operator's own actions (edit, finalize, package) are not on the district's toolbar."""
    world = make_world(tmp_path / "world", demo_path)
    packages = []
    for year in (2022, 2023):
        set_status(world.operator, PARK, year, "finalized")
        packages.append(send(world, f"QLRJY-{year}.parkpkg", year=year)[0])
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths(packages).error is None
        row = next(r for r in range(inbox.table.rowCount()) if inbox.entry_at(r).year == 2023)
        assert inbox.open_row(row)
        view = controller.reports.view
        first_entry = view.review_panel.entry_id
        assert not view.package_action.isVisible() and not view.finalize_action.isVisible()
        assert not view.undo_action.isVisible() and view.validate_action.isVisible()
        assert view.back_action.text() == "◀ 收件箱"
        park = view.navigator.topLevelItem(0)
        year_item = next(park.child(i) for i in range(park.childCount()) if park.child(i).text(0) == "2022")
        qtbot.mouseClick(view.navigator.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.navigator.visualItemRect(year_item).center())
        view = controller.reports.view
        assert view.controller.year == 2022
        assert view.review_panel is not None and view.review_panel.entry_id != first_entry
        assert view.lower.tabText(view.lower.indexOf(view.review_panel)) == "审核"
        qtbot.mouseClick(view.toolbar.widgetForAction(view.back_action), Qt.MouseButton.LeftButton)
        assert window.pages.currentWidget() is controller.review.inbox
    finally:
        controller.reports.close()
        controller.close()


def test_comments_are_marked_reworded_and_taken_back_until_a_receipt_carries_them(qtbot, demo_path, tmp_path):
    import subprocess
    import sys

    from PySide6.QtWidgets import QLineEdit

    from tests.gui_walk import DialogScript

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        assert inbox.open_row(0)
        view = controller.reports.view
        panel = view.review_panel
        view.show_section("enterprises")
        page = view.pages["enterprises"].widget
        cell = page.model.index(1, page.model.column_of("employees"))
        page.view.setCurrentIndex(cell)
        panel.comment_edit.setText("人数与社保不符")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
        # the commented cell is marked, and says what was said
        assert page.model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
        assert "人数与社保不符" in page.model.data(cell, Qt.ItemDataRole.ToolTipRole)
        other = page.model.index(3, page.model.column_of("employees"))
        assert "人数与社保不符" not in (page.model.data(other, Qt.ItemDataRole.ToolTipRole) or "")
        # the history names the place, in words
        history = [panel.history.item(i).text() for i in range(panel.history.count())]
        assert any("提出意见" in line and "从业人员" in line and "/" not in line.split("提出意见")[1]
                   for line in history), history
        # reword, by the button
        assert not panel.edit_button.isEnabled()
        rect = panel.comments.visualItemRect(panel.comments.item(0))
        qtbot.mouseClick(panel.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert panel.edit_button.isEnabled() and panel.delete_button.isEnabled()

        def reword(dialog):
            dialog.findChild(QLineEdit).setText("从业人员数与社保缴纳人数不符")
            dialog.accept()

        with DialogScript(qtbot, [reword]) as script:
            qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert "从业人员数与社保缴纳人数不符" in panel.comments.item(0).text()
        assert "从业人员数与社保缴纳人数不符" in page.model.data(cell, Qt.ItemDataRole.ToolTipRole)
        # a second comment, taken back
        page.view.setCurrentIndex(other)
        panel.comment_edit.setText("多余的意见")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
        assert panel.comments.count() == 2
        rect = panel.comments.visualItemRect(panel.comments.item(1))
        qtbot.mouseClick(panel.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

        def yes(box):
            box.button(QMessageBox.StandardButton.Yes).click()

        with DialogScript(qtbot, [yes]) as script:
            qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert panel.comments.count() == 1
        assert page.model.data(other, Qt.ItemDataRole.BackgroundRole) is None  # its mark gone with it
        # once a receipt carries it, the comment is fixed
        assert panel.set_state("returned", note="请修改")
        assert panel.receipt(tmp_path / "r.parkreview", PASSPHRASE) is not None
        rect = panel.comments.visualItemRect(panel.comments.item(0))
        qtbot.mouseClick(panel.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert not panel.edit_button.isEnabled() and "已随回执发出" in panel.comments.item(0).text()
        comment_id = panel.comments.selected_comment().id
    finally:
        controller.reports.close()
        controller.close()
    run = subprocess.run([sys.executable, "-m", "parkdesk", "review", "comment-edit", str(world.reviewer),
                          str(comment_id), "--text", "改"], capture_output=True, text=True)
    assert run.returncode != 0 and "已随回执发出" in run.stderr and "Traceback" not in run.stderr


def test_after_an_approval_receipt_a_change_of_state_needs_a_reason(qtbot, demo_path, tmp_path):
    import subprocess
    import sys

    from tests.gui_walk import DialogScript

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        assert inbox.open_row(0)
        panel = controller.reports.view.review_panel
        assert panel.set_state("approved")
        assert panel.receipt(tmp_path / "ok.parkreview", PASSPHRASE) is not None
        panel.state_combo.setCurrentIndex(panel.state_combo.findData("has_problems"))
        told = []

        def empty(dialog):
            told.append(dialog.labelText())
            dialog.setTextValue("")
            dialog.accept()

        def read(box):
            told.append(box.text())
            box.accept()

        with DialogScript(qtbot, [empty, read]) as script:
            qtbot.mouseClick(panel.state_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert "必填" in told[0] and "理由" in told[1] and "已通过" in panel.state_label.text()

        def reason(dialog):
            dialog.setTextValue("发现数据错误,需重新核对")
            dialog.accept()

        with DialogScript(qtbot, [reason]) as script:
            qtbot.mouseClick(panel.state_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert "有问题" in panel.state_label.text()
        entry = panel.entry_id
    finally:
        controller.reports.close()
        controller.close()
    decide = [sys.executable, "-m", "parkdesk", "review", "decide", str(world.reviewer), str(entry), "--state",
              "returned"]
    run = subprocess.run(decide, capture_output=True, text=True)  # the park still holds the approval receipt
    assert run.returncode != 0 and "须说明理由" in run.stderr and "Traceback" not in run.stderr
    assert subprocess.run(decide + ["--note", "退回重报"], capture_output=True, text=True).returncode == 0


def test_a_resubmission_shows_what_changed_and_the_replaced_package_opens_read_only(qtbot, demo_path, tmp_path):
    from parkdesk.db.models import Enterprise
    from parkdesk.ui.review.kept_package_window import KeptPackageWindow
    from parkdesk.ui.review.inbox_view import COLUMNS

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    first, _built = send(world, "QLRJY-2023.parkpkg")
    with open_workspace(world.operator) as ws, ws.session() as session, session.begin():
        report = session.scalars(select(Report).join(Park).where(Park.code == PARK, Report.year == YEAR)).one()
        enterprise = session.scalars(select(Enterprise).where(Enterprise.report_id == report.id)
                                     .order_by(Enterprise.id)).first()
        changed_name, enterprise.employees = enterprise.name, (enterprise.employees or 0) + 11
    second, _built = send(world, "QLRJY-2023-again.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([first]).error is None
        assert inbox.open_row(0)
        panel = controller.reports.view.review_panel
        controller.reports.view.show_section("positioning")
        panel.comment_edit.setText("定位请具体化")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
        assert panel.set_state("returned", note="请修改")
        controller.review.inbox_action.trigger()
        inbox = controller.review.inbox
        assert inbox.import_paths([second]).error is None
        current = next(r for r in range(inbox.table.rowCount()) if inbox.entry_at(r).current)
        assert inbox.open_row(current)
        view = controller.reports.view
        changes = view.resubmission_panel
        assert changes is not None and "QLRJY-2023.parkpkg" in view.lower.tabText(view.lower.indexOf(changes))
        rows = [[changes.table.item(r, c).text() for c in range(5)] for r in range(changes.table.rowCount())]
        assert any(row[0] == "修改" and changed_name in row[1] and row[2] == "从业人员" for row in rows), rows
        assert changes.previous_comments.count() == 1 and "定位请具体化" in changes.previous_comments.item(0).text()
        target = next(r for r, row in enumerate(rows) if changed_name in row[1])
        qtbot.mouseClick(changes.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=changes.table.visualItemRect(changes.table.item(target, 1)).center())
        page = view.pages["enterprises"].widget
        assert view.current_section == "enterprises"
        assert page.model.stored(page.view.currentIndex().row())["name"] == changed_name
        # the replaced package, read-only, from the changes tab and from the inbox
        qtbot.mouseClick(changes.open_previous, Qt.MouseButton.LeftButton)
        kept = [w for w in window.findChildren(KeptPackageWindow) if w.isVisible()]
        assert len(kept) == 1 and not kept[0].view.controller.editable
        assert "QLRJY-2023.parkpkg" in kept[0].windowTitle()
        assert not kept[0].view.package_action.isVisible()
        folder = kept[0].folder
        kept[0].close()
        qtbot.waitUntil(lambda: not folder.exists(), timeout=5000)  # its readable copy removed with it
        controller.review.inbox_action.trigger()
        inbox = controller.review.inbox
        old = next(r for r in range(inbox.table.rowCount())
                   if inbox.table.item(r, COLUMNS["file"]).text() == "QLRJY-2023.parkpkg")
        rect = inbox.table.visualItemRect(inbox.table.item(old, 0))
        qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does
        qtbot.mouseDClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert inbox.kept_window is not None and inbox.kept_window.isVisible()
        inbox.kept_window.close()
    finally:
        controller.reports.close()
        controller.close()


def test_the_district_sees_the_year_over_year_comparison_beside_the_report(qtbot, demo_path, tmp_path):
    from parkdesk.app import reports

    world = make_world(tmp_path / "world", demo_path)
    packages = []
    for year in (2022, 2023):
        set_status(world.operator, PARK, year, "finalized")
        packages.append(send(world, f"QLRJY-{year}.parkpkg", year=year)[0])
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths(packages).error is None
        assert inbox.open_row(next(r for r in range(inbox.table.rowCount()) if inbox.entry_at(r).year == 2022))
        assert controller.reports.view.review_panel.set_state("approved")
        controller.review.inbox_action.trigger()
        inbox = controller.review.inbox
        assert inbox.open_row(next(r for r in range(inbox.table.rowCount()) if inbox.entry_at(r).year == 2023))
        view = controller.reports.view
        panel = view.year_over_year_panel
        assert panel is not None
        index = view.lower.indexOf(panel)
        assert view.lower.tabText(index) == "与 2022 年度对比"
        bar = view.lower.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert view.lower.currentWidget() is panel and panel.isVisible()
        comparison = reports.year_over_year(controller.workspace, view.controller.report_id)
        table = panel.tables["indicators"]
        assert table.rowCount() == len(comparison.indicators) > 0
        first = comparison.indicators[0]
        assert table.item(0, 0).text() == first.name.text("zh") and table.horizontalHeaderItem(2).text() == "2022 年实际"
        enterprises = panel.tables["enterprises"]
        diff = comparison.enterprises
        assert enterprises.rowCount() == len(diff.added) + len(diff.removed) + len(diff.changed)
    finally:
        controller.reports.close()
        controller.close()


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_the_review_sheet_is_written_from_the_panel_and_the_command_line(qtbot, demo_path, tmp_path):
    import subprocess
    import sys

    import openpyxl
    from PySide6.QtWidgets import QLineEdit

    from tests.gui_walk import DialogScript

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    window, controller = window_on(qtbot, world.reviewer)
    try:
        inbox = controller.review.inbox
        assert inbox.import_paths([package]).error is None
        assert inbox.open_row(0)
        view = controller.reports.view
        panel = view.review_panel
        view.show_section("enterprises")
        page = view.pages["enterprises"].widget
        page.view.setCurrentIndex(page.model.index(0, page.model.column_of("employees")))
        named = page.model.stored(0)["name"]
        panel.comment_edit.setText("人数请核实")
        qtbot.keyClick(panel.comment_edit, Qt.Key.Key_Return)
        assert panel.set_state("returned", note="请修改后重报")
        workbook = tmp_path / "sheet.xlsx"

        def type_name(dialog):
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(workbook))
            dialog.accept()

        with DialogScript(qtbot, [type_name]) as script:
            qtbot.mouseClick(panel.sheet_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert str(workbook) in window.statusBar().currentMessage()
        entry = panel.entry_id
    finally:
        controller.reports.close()
        controller.close()
    book = openpyxl.load_workbook(workbook, read_only=True)
    assert book.sheetnames == ["概要", "审核意见", "校验结果与说明", "审核历史"]
    comments = [[c.value for c in row] for row in book["审核意见"].iter_rows()]
    assert comments[0][:3] == ["位置", "意见", "提出人"] and comments[1][1] == "人数请核实" and named in comments[1][0]
    summary = {row[0].value: row[1].value for row in book["概要"].iter_rows(min_row=3) if row[0].value}
    assert summary["审核结论"] == "已退回(请修改后重报)"
    pdf = tmp_path / "sheet.pdf"
    run = subprocess.run([sys.executable, "-m", "parkdesk", "review", "sheet", str(world.reviewer), str(entry),
                          "--out", str(pdf)], capture_output=True, text=True, check=True)
    assert str(pdf) in run.stdout
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "审核单" in words and "人数请核实" in words and "已退回(请修改后重报)" in words


def test_the_task_table_is_exported_from_the_roll_up_tab(qtbot, tmp_path):
    import openpyxl
    from PySide6.QtWidgets import QLineEdit

    from parkdesk.demo.review_demo import build_reviewer_demo
    from tests.gui_walk import DialogScript

    reviewer = tmp_path / "district.sqlite"
    build_reviewer_demo(reviewer, enterprises=3)
    window, controller = window_on(qtbot, reviewer)
    out = tmp_path / "tasks-2023.xlsx"
    try:
        inbox = controller.review.inbox
        bar = inbox.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        panel = inbox.rollup
        panel.year.setCurrentIndex(panel.year.findData(2023))

        def type_name(dialog):
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(out))
            dialog.accept()

        with DialogScript(qtbot, [type_name]) as script:
            qtbot.mouseClick(panel.task_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        assert str(out) in window.statusBar().currentMessage()
    finally:
        controller.close()
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    assert sheet.max_row > 3
