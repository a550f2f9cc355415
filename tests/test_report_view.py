"""The operator's report window driven as a user would — type, choose, paste, undo, finalize — offscreen,
against a real workspace file; every check reads what landed in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from parkdesk.db.models import AuditEntry, Enterprise, IndicatorValue, Milestone, Park, ParkDetails, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import FLAWED_DRAFT
from parkdesk.ui.jobs import SynchronousRunner
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.build_translations import build as build_translations
from parkdesk.ui.report.field_editors import LineFieldEditor
from parkdesk.ui.report.finalize_dialog import JustificationDialog
from tests.gui_walk import DialogScript


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    build_translations()


def open_report(qtbot, path, code="QLRJY", year=2024, lang="zh"):
    create_application(lang)
    window, controller = build_window(path, lang, SynchronousRunner(lang))
    qtbot.addWidget(window)
    window.show()
    with controller.workspace.session() as session:
        park_id = session.scalar(select(Park.id).where(Park.code == code))
    view = controller.reports.open(park_id, year)
    view.controller.validate_and_wait()
    return window, controller, view


@pytest.fixture
def report_window(qtbot, demo_path):
    window, controller, view = open_report(qtbot, demo_path)
    yield window, view
    controller.reports.close()
    controller.close()


def db(path):
    return open_workspace(path)


def rid(session, code="QLRJY", year=2024):
    return session.scalar(select(Report.id).join(Park).where(Park.code == code, Report.year == year))


def test_typing_in_the_basic_form_is_saved_at_once_and_undoable(qtbot, report_window, demo_path):
    window, view = report_window
    form = view.pages["basic"].form
    editor = form.editors["contact_name"]
    view.show_section("basic")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Zhang Wei")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(ParkDetails.contact_name).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024)) == "Zhang Wei"
        assert session.scalar(select(AuditEntry.new_value).where(AuditEntry.field == "contact_name")
                              .order_by(AuditEntry.id.desc())) == "Zhang Wei"
    view.undo_action.trigger()
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(ParkDetails.contact_name).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024)) != "Zhang Wei"
    assert editor.text() != "Zhang Wei"  # the form shows the undone value
    view.redo_action.trigger()
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(ParkDetails.contact_name).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024)) == "Zhang Wei"


def test_unreadable_typed_value_is_explained_and_not_stored(qtbot, report_window, demo_path):
    _window, view = report_window
    form = view.pages["basic"].form
    editor = form.editors["contact_email"]
    with db(demo_path) as ws, ws.session() as session:
        before = session.scalar(select(ParkDetails.contact_email).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
    editor.setText("x" * 400)  # longer than the field allows
    editor.editingFinished.emit()
    assert form.notes["contact_email"].isVisibleTo(form) and form.notes["contact_email"].text()
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(ParkDetails.contact_email).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024)) == before


def test_choosing_from_a_list_saves_the_key(qtbot, report_window, demo_path):
    _window, view = report_window
    combo = view.pages["basic"].form.editors["level"]
    combo.setCurrentIndex(combo.findData("provincial"))
    combo.activated.emit(combo.currentIndex())
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(ParkDetails.level).join(Report, Report.id == ParkDetails.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024)) == "provincial"


def test_enterprise_cell_edit_with_the_delegate(qtbot, report_window, demo_path):
    _window, view = report_window
    page = view.pages["enterprises"].widget
    view.show_section("enterprises")
    model = page.model
    column = model.column_of("employees")
    index = model.index(0, column)
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    editor = page.view.findChild(LineFieldEditor)
    assert editor is not None and editor.text() == str(model.stored(0)["employees"])
    editor.setText("1,234")  # QTest types ASCII letters and digits only; a thousands separator is set
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.controller.undo_stack.count() == 1)  # the delegate commits on a queued call
    enterprise_id = model.ids[0]
    with db(demo_path) as ws, ws.session() as session:
        assert session.get(Enterprise, enterprise_id).employees == 1234
    assert model.data(index) == "1,234"


def test_filter_search_and_sort_run_in_sqlite(qtbot, report_window, demo_path, monkeypatch):
    _window, view = report_window
    page = view.pages["enterprises"].widget
    with db(demo_path) as ws, ws.session() as session:
        report = rid(session)
        key_count = session.scalar(select(func.count()).where(Enterprise.report_id == report, Enterprise.role == "key"))
        total = session.scalar(select(func.count()).where(Enterprise.report_id == report))
    page.role_filter.setCurrentIndex(page.role_filter.findData("key"))
    assert page.model.rowCount() == key_count < total
    assert all(page.model.stored(row)["role"] == "key" for row in range(page.model.rowCount()))
    page.role_filter.setCurrentIndex(0)
    page.search.setText("软件")  # QTest cannot type Chinese; the input method would
    qtbot.waitUntil(lambda: page.model.rowCount() < total)
    assert all("软件" in page.model.stored(row)["name"] for row in range(page.model.rowCount()))
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    cursors = []  # the first sort by a column builds its index under a busy cursor; later sorts need none
    monkeypatch.setattr(QGuiApplication, "setOverrideCursor", lambda cursor: cursors.append(cursor))
    monkeypatch.setattr(QGuiApplication, "restoreOverrideCursor", lambda: cursors.append("restored"))
    page.view.sortByColumn(page.model.column_of("revenue_wan_yuan"), Qt.SortOrder.DescendingOrder)
    revenues = [page.model.stored(row)["revenue_wan_yuan"] for row in range(page.model.rowCount())]
    assert revenues == sorted(revenues, reverse=True)
    assert cursors == [Qt.CursorShape.WaitCursor, "restored"]
    page.view.sortByColumn(page.model.column_of("revenue_wan_yuan"), Qt.SortOrder.AscendingOrder)
    assert len(cursors) == 2


def test_paste_rows_then_undo_removes_them(qtbot, report_window, demo_path):
    _window, view = report_window
    page = view.pages["enterprises"].widget
    with db(demo_path) as ws, ws.session() as session:
        report = rid(session)
        before = session.scalar(select(func.count()).where(Enterprise.report_id == report))
    page.view.clearSelection()
    page.view.setCurrentIndex(page.model.index(-1, -1))
    QGuiApplication.clipboard().setText("粘贴一号有限公司\t91370100MA3C00000X\t配套企业\n"
                                        "粘贴二号有限公司\t\t重点企业\n")
    view.show_section("enterprises")
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    with db(demo_path) as ws, ws.session() as session:
        names = set(session.scalars(select(Enterprise.name).where(Enterprise.report_id == report)))
        assert session.scalar(select(func.count()).where(Enterprise.report_id == report)) == before + 2
    assert {"粘贴一号有限公司", "粘贴二号有限公司"} <= names
    assert page.model.rowCount() == before + 2
    view.undo_action.trigger()
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(func.count()).where(Enterprise.report_id == report)) == before


def test_indicator_progress_and_doubling_are_shown(qtbot, report_window, demo_path):
    _window, view = report_window  # 齐鲁软件园: the plan gives it figures of its own, no doubling
    model = view.pages["indicators"].widget.model
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    row = rows["园区企业数量(家)"]
    values = model.rows[row]
    expected = (values["actual"] - values["baseline_2021"]) / (values["target_2024"] - values["baseline_2021"])
    assert model.data(model.index(row, 5)) == f"{expected:.0%}"
    assert model.data(model.index(row, 5), Qt.ItemDataRole.ToolTipRole).startswith("目标进度 = ")
    assert model.data(model.index(row, 6)) == ""  # 三个倍增 are city totals: nothing asked of this park


def test_the_doubling_column_checks_what_the_plan_asks_of_the_park(qtbot, demo_path):
    window, controller, view = open_report(qtbot, demo_path, "SDSZDS")  # 服务企业数量和产业规模实现双倍增
    try:
        model = view.pages["indicators"].widget.model
        rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
        row = rows["园区企业数量(家)"]
        values = model.rows[row]
        assert "✔" in model.data(model.index(row, 6))
        target = model.index(row, model.column_of("target_2024"))
        model.setData(target, values["baseline_2021"] * 1.5)  # short of doubling now
        assert "✘" in model.data(model.index(row, 6))
        with db(demo_path) as ws, ws.session() as session:
            assert session.get(IndicatorValue, values["id"]).target_2024 == values["baseline_2021"] * 1.5
        view.controller.validate_and_wait()
        assert any(f.rule_id == "PLAN-DOUBLING" for f in view.controller.result.findings)
    finally:
        controller.reports.close()
        controller.close()


def test_clicking_a_finding_opens_its_page_and_row(qtbot, demo_path):
    code, year = FLAWED_DRAFT
    window, controller, view = open_report(qtbot, demo_path, code, year)
    try:
        panel = view.panel
        assert panel.tree.topLevelItemCount() == len(view.controller.result.findings) > 0
        for number in range(panel.tree.topLevelItemCount()):
            item = panel.tree.topLevelItem(number)
            finding = item.data(0, Qt.ItemDataRole.UserRole)
            panel.tree.itemClicked.emit(item, 0)
            assert view.current_section == finding.location.section
            if finding.location.record == "enterprise" and finding.location.record_id:
                page = view.pages["enterprises"].widget
                current = page.view.currentIndex()
                assert page.model.ids[current.row()] == finding.location.record_id
                assert page.model.fields[current.column()].key == finding.location.field
    finally:
        controller.reports.close()
        controller.close()


def test_milestone_added_in_the_path_page(qtbot, report_window, demo_path):
    _window, view = report_window
    table = view.pages["path"].widget.milestones
    before = table.model.rowCount()
    table.add_button.click()
    assert table.model.rowCount() == before + 1
    new_id = table.model.row_id(before)
    index = table.model.index(before, table.model.column_of("due_date"))
    table.model.setData(index, date(2024, 9, 30))
    with db(demo_path) as ws, ws.session() as session:
        assert session.get(Milestone, new_id).due_date == date(2024, 9, 30)


def test_finalize_asks_for_justifications_and_confirmation_then_locks_says_so_and_reopen_unlocks(
        qtbot, report_window, demo_path):
    window, view = report_window
    controller = view.controller
    # make a warning: an unusual jump against last year needs a written reason
    view.show_section("indicators")
    indicators = view.pages["indicators"].widget.model
    row = next(r for r in range(indicators.rowCount()) if indicators.data(indicators.index(r, 0)) == "园区企业数量(家)")
    indicators.setData(indicators.index(row, indicators.column_of("actual")), indicators.rows[row]["actual"] * 3)
    controller.validate_and_wait()
    assert controller.result.unjustified_warnings and not controller.result.errors

    def cancel(box):
        assert isinstance(box, QMessageBox) and "锁定" in box.text()
        box.button(QMessageBox.StandardButton.No).click()

    def justify(dialog):
        assert isinstance(dialog, JustificationDialog)
        assert dialog.focusWidget() is dialog.edits[0]  # the first reason is typed at once
        for edit in dialog.edits:
            qtbot.keyClicks(edit, "many new firms moved in")  # QTest types ASCII only
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    def confirm(box):
        assert isinstance(box, QMessageBox) and "锁定" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    with DialogScript(qtbot, [justify, cancel]) as script:
        view.finalize_action.trigger()
    assert script.done and not script.errors, script.errors
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(Report.status).where(Report.id == controller.report_id)) == "draft"

    with DialogScript(qtbot, [justify, confirm]) as script:
        view.finalize_action.trigger()
    assert script.done and not script.errors, script.errors
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(Report.status).where(Report.id == controller.report_id)) == "finalized"
    view = window.pages.currentWidget()
    assert not view.controller.editable and view.current_section == "indicators"  # no jump to section 1
    assert "已定稿" in window.statusBar().currentMessage()

    def reason(dialog):
        dialog.setTextValue("district asked for a correction")
        dialog.accept()

    with DialogScript(qtbot, [reason]) as script:
        view.reopen_action.trigger()
    assert script.done and not script.errors, script.errors
    with db(demo_path) as ws, ws.session() as session:
        assert session.scalar(select(Report.status).where(Report.id == controller.report_id)) == "draft"
    assert "重新打开" in window.statusBar().currentMessage()


def test_finalize_with_errors_is_refused(qtbot, demo_path, monkeypatch):
    code, year = FLAWED_DRAFT
    window, controller, view = open_report(qtbot, demo_path, code, year)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    try:
        assert not view.finalize()
        assert shown and "4" in shown[0]
        with db(demo_path) as ws, ws.session() as session:
            assert session.scalar(select(Report.status).where(Report.id == view.controller.report_id)) == "draft"
    finally:
        controller.reports.close()
        controller.close()


def test_every_page_renders_in_both_languages(qtbot, demo_path, tmp_path):
    for lang in ("zh", "en"):
        window, controller, view = open_report(qtbot, demo_path, lang=lang)
        try:
            window.resize(1400, 860)
            for key in view.pages:
                view.show_section(key)
                QApplication.processEvents()
                image = window.grab().toImage()
                assert image.width() >= 1000
                path = tmp_path / f"{lang}-{key}.png"
                assert image.save(str(path)) and path.stat().st_size > 10_000
        finally:
            controller.reports.close()
            controller.close()


def test_ctrl_number_jumps_to_a_section(qtbot, report_window):
    window, view = report_window
    view.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section == "chain"
    qtbot.keyClick(view, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert view.current_section == "enterprises"


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_export_pdf_runs_off_the_gui_thread_and_can_be_cancelled(qtbot, report_window, tmp_path, monkeypatch):
    import subprocess

    from parkdesk.ui.report.export_actions import export_pdf

    from parkdesk.ui.jobs import JobRunner

    _window, view = report_window
    view.controller.runner = JobRunner("zh")  # the window's real runner: jobs on worker threads
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    target = tmp_path / "report.pdf"
    job = export_pdf(view, view.controller, target)
    assert not job.done  # start() returned at once: the PDF is written on a worker thread
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error is None and job.result.path == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "齐鲁软件园" in text
    cancelled = tmp_path / "cancelled.pdf"
    job = export_pdf(view, view.controller, cancelled)
    job.cancel()
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert not cancelled.exists()
    assert job.error and warnings == []  # a cancel is said in the status bar, not as an error


def test_export_pdf_names_the_names_no_font_can_draw(qtbot, report_window, demo_path, tmp_path, monkeypatch):
    """Triggering Export PDF… on a report with an enterprise name no font can draw warns, naming it."""
    from PySide6.QtWidgets import QFileDialog

    from parkdesk.db.models import Enterprise

    window, view = report_window
    name = "山东明\U000F0041科技有限公司"
    with db(demo_path) as ws, ws.session() as session, session.begin():
        first = session.scalars(select(Enterprise).where(Enterprise.report_id == rid(session))
                                .order_by(Enterprise.id)).first()
        first.name = name
    target = tmp_path / "named.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    view.pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=60_000)
    assert target.is_file() and name in warnings[0] and "U+F0041" in warnings[0]
