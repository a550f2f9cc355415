"""Excel in the operator's window: read off the GUI thread, change the mapping, preview, error workbook, import."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from parkdesk.db.models import Enterprise
from parkdesk.db.workspace import open_workspace
from parkdesk.uscc import make_uscc
from parkdesk.ui.report.excel_import_dialog import import_excel
from parkdesk.ui.report.export_actions import export_workbook
from tests.test_report_view import open_report


def messy_workbook(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "2024年度企业名录"  # a title above the header
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["单位名称", "信用代码", "企业类型", "入驻状态", "备注"])
    sheet.append(["导入一号有限公司", make_uscc("91", "370102", "MA3C0001"), "配套企业", "已入驻", "x"])
    sheet.append(["导入二号有限公司", make_uscc("91", "370102", "MA3C0002"), "重点企业", "已入驻", "y"])
    sheet.append(["导入三号有限公司", "123", "boss", "已入驻", "z"])  # bad code, bad role
    book.save(path)


def test_import_with_mapping_preview_error_workbook_and_valid_rows_only(qtbot, demo_path, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    source = tmp_path / "名录.xlsx"
    messy_workbook(source)
    window, controller, view = open_report(qtbot, demo_path)
    try:
        page = view.pages["enterprises"].widget
        before = page.model.rowCount()
        job = import_excel(page, view.controller, source)
        assert job.done and job.error is None, job.error
        dialog = job.dialog_for_preview
        panel = dialog.panels[0]
        mapped = {c.header: c.field for c in panel.mapping.columns}
        assert mapped["单位名称"] == "name" and mapped["信用代码"] == "uscc" and mapped["备注"] is None
        counts = panel.plan.counts()
        assert counts["new"] >= 1 and counts["rejected"] >= 1
        assert not dialog.import_button.isEnabled() and dialog.valid_button.isEnabled()

        # the user maps the remarks column to the contact: the rows are checked again with it
        remarks = next(r for r, c in enumerate(panel.mapping.columns) if c.header == "备注")
        panel.combos[remarks].setCurrentIndex(panel.combos[remarks].findData("contact_name"))
        qtbot.waitUntil(lambda: "contact_name" in panel.plan.fields, timeout=20_000)
        # dropping a required column is refused in words, and the last good preview stays
        status_row = next(r for r, c in enumerate(panel.mapping.columns) if c.header == "入驻状态")
        panel.combos[status_row].setCurrentIndex(0)
        qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
        assert "入驻状态" in warnings[0] and "status" in panel.plan.fields
        warnings.clear()
        panel.combos[status_row].setCurrentIndex(panel.combos[status_row].findData("status"))
        qtbot.waitUntil(lambda: dict(panel.plan.mapping.field_columns()).get("status") is not None, timeout=20_000)

        assert "#清空" in dialog.rules.text() and "--mirror" in dialog.rules.text()  # the merge rules, stated
        errors = tmp_path / "errors.xlsx"  # the user presses 保存错误标注工作簿… and picks a file
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(errors), "Excel (*.xlsx)"))
        qtbot.mouseClick(dialog.errors_button, Qt.MouseButton.LeftButton)
        book = openpyxl.load_workbook(errors)
        assert any(cell.comment for sheet in book.worksheets for row in sheet.iter_rows() for cell in row)

        qtbot.mouseClick(dialog.valid_button, Qt.MouseButton.LeftButton)  # 只导入无误的行
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert warnings == []
        with open_workspace(demo_path) as ws, ws.session() as session:
            names = set(session.scalars(select(Enterprise.name).where(Enterprise.report_id == view.controller.report_id)))
        assert {"导入一号有限公司", "导入二号有限公司"} <= names and "导入三号有限公司" not in names
        assert page.model.rowCount() == before + 2  # the table re-read the list

        out = tmp_path / "report.xlsx"
        job = export_workbook(view, view.controller, out)
        assert job.done and job.error is None
        assert len(openpyxl.load_workbook(out, read_only=True).sheetnames) >= 5
    finally:
        controller.reports.close()
        controller.close()


def test_a_whole_workbook_imported_in_the_window_refreshes_every_page(qtbot, demo_path, tmp_path):
    """The report's own workbook with the basic information and a milestone changed: the form page and the
    milestone table show the new values once the import is applied."""
    from parkdesk.excel.report_workbook import write_report_workbook

    window, controller, view = open_report(qtbot, demo_path)
    try:
        path = tmp_path / "年报.xlsx"
        with open_workspace(demo_path) as ws, ws.session() as session:
            write_report_workbook(session, view.controller.report_id, path)
        book = openpyxl.load_workbook(path)
        basic = {row[0].value: row[1] for row in book["1 基本信息"].iter_rows(min_row=2)}
        basic["联系人"].value = "窗口导入"
        book["4 阶段里程碑"]["C2"].value = "在窗口中改名的里程碑"
        book.save(path)
        job = import_excel(view, view.controller, path)
        assert job.done and job.error is None, job.error
        dialog = job.dialog_for_preview
        assert len(dialog.panels) == 11 and dialog.import_button.isEnabled()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # 导入
        qtbot.waitUntil(lambda: not dialog.isVisible())
        form = view.pages["basic"].form
        assert form.values["contact_name"] == "窗口导入"  # the page read the imported value again
        assert form.editors["contact_name"].text() == "窗口导入"
        with open_workspace(demo_path) as ws, ws.session() as session:
            from parkdesk.db.models import Milestone

            titles = set(session.scalars(select(Milestone.title).where(
                Milestone.report_id == view.controller.report_id)))
        assert "在窗口中改名的里程碑" in titles
    finally:
        controller.reports.close()
        controller.close()
