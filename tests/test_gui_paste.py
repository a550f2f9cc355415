"""Pasting from Excel/WPS into the enterprise list, by the button and by Ctrl+V, as an operator does it.

A block of rows is new enterprises; only a selection of cells is overwritten,
and then the status bar says how many cells changed and one undo restores them.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import func, select

from parkdesk.db.models import Enterprise
from tests.test_report_view import db, open_report, rid

BLOCK = "粘贴一号有限公司\t91370100MA3C00000X\t配套企业\n粘贴二号有限公司\t\t重点企业\n"


def _count_and_first(path):
    with db(path) as ws, ws.session() as session:
        report = rid(session)
        count = session.scalar(select(func.count()).where(Enterprise.report_id == report))
        first = session.execute(select(Enterprise.id, Enterprise.name, Enterprise.uscc, Enterprise.chain_link_id)
                                .where(Enterprise.report_id == report).order_by(Enterprise.id)).first()
    return count, first


def _enterprise_page(qtbot, path):
    window, controller, view = open_report(qtbot, path)
    view.show_section("enterprises")
    page = view.pages["enterprises"].widget
    page.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts (Ctrl+V, Ctrl+Z) reach an active window only
    return window, controller, view, page


def test_the_paste_rows_button_adds_new_rows_even_with_a_row_selected(qtbot, demo_path):
    window, controller, view, page = _enterprise_page(qtbot, demo_path)
    try:
        before, first = _count_and_first(demo_path)
        page.view.selectRow(page.model.row_of(first.id))
        QGuiApplication.clipboard().setText(BLOCK)
        qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
        after, first_after = _count_and_first(demo_path)
        assert after == before + 2
        assert first_after == first  # the selected row is untouched
        assert "2" in window.statusBar().currentMessage()
    finally:
        controller.reports.close()
        controller.close()


def test_ctrl_v_over_a_whole_row_adds_rows_and_over_cells_replaces_them_announced_and_undoable(qtbot, demo_path):
    window, controller, view, page = _enterprise_page(qtbot, demo_path)
    try:
        before, first = _count_and_first(demo_path)
        row = page.model.row_of(first.id)
        header = page.view.verticalHeader()
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=header.viewport().rect().topLeft() + _row_centre(header, row))
        assert page.view.selectionModel().isRowSelected(row)
        QGuiApplication.clipboard().setText(BLOCK)
        page.view.setFocus()
        qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert _count_and_first(demo_path) == (before + 2, first)

        name_column = page.model.column_of("name")
        selection = page.view.selectionModel()
        selection.clearSelection()
        page.view.setCurrentIndex(page.model.index(row, name_column))
        selection.select(page.model.index(row, name_column), QItemSelectionModel.SelectionFlag.Select)
        QGuiApplication.clipboard().setText("改名有限公司\n")
        qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        count, renamed = _count_and_first(demo_path)
        assert count == before + 2 and renamed.name == "改名有限公司"
        assert renamed.uscc == first.uscc and renamed.chain_link_id == first.chain_link_id
        assert "1" in window.statusBar().currentMessage() and "Ctrl+Z" in window.statusBar().currentMessage()
        qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert _count_and_first(demo_path) == (before + 2, first)
    finally:
        controller.reports.close()
        controller.close()


def test_paste_on_a_locked_report_says_why_nothing_happened(qtbot, demo_path):
    window, controller, view = open_report(qtbot, demo_path, "QLRJY", 2023)  # accepted in the demo
    try:
        view.show_section("enterprises")
        page = view.pages["enterprises"].widget
        assert not page.paste_button.isEnabled()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        QGuiApplication.clipboard().setText(BLOCK)
        page.view.setFocus()
        qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert "只读" in window.statusBar().currentMessage()
    finally:
        controller.reports.close()
        controller.close()


def _row_centre(header, row):
    from PySide6.QtCore import QPoint

    return QPoint(header.width() // 2, header.sectionViewportPosition(row) + header.sectionSize(row) // 2)
