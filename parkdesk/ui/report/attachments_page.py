"""附件: add files (stored in the workspace with their hash), open them, describe them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from parkdesk.editing.attachments import attach_file, extract_attachment
from parkdesk.editing.changes import DeleteRows
from parkdesk.errors import ParkdeskError
from parkdesk.ui.file_dialogs import open_files
from parkdesk.ui.report.record_table_page import RecordTable
from parkdesk.ui.selection_buttons import enable_with_selection
from parkdesk.ui.system_viewer import open_in_system_viewer


class AttachmentsPage(QWidget):
    message = Signal(str)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.table = RecordTable(controller, "attachment")
        self.problem = self.table.problem
        self.add_button = QPushButton(self.tr("Add files…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.setEnabled(controller.editable)
        enable_with_selection(self.table.view, [self.open_button])
        enable_with_selection(self.table.view, [self.remove_button], lambda: controller.editable)
        self.table.view.doubleClicked.connect(lambda index: self.open_selected() if index.column() == 0 else None)

    def choose_files(self) -> None:
        self.add_files(open_files(self, self.tr("Attach files")))

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                change = attach_file(self.controller.report_id, path)
            except ParkdeskError as error:
                self.problem.emit(error.message(self.controller.lang))
                continue
            self.controller.push(change, self.tr("Attach %1").replace("%1", path.name))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.view.selectionModel().selectedIndexes()})
        return [self.table.model.row_id(row) for row in rows]

    def open_selected(self) -> list[Path]:
        opened = []
        for attachment_id in self.selected_ids():
            with self.controller.workspace.session() as session:
                path = extract_attachment(session, attachment_id)
            if open_in_system_viewer(self, path, self.message.emit, self.controller.lang):
                opened.append(path)
        return opened

    def remove_selected(self) -> None:
        ids = tuple(self.selected_ids())
        if ids:
            self.controller.push(DeleteRows("attachments", ids),
                                 self.tr("Remove %1 attachments").replace("%1", str(len(ids))))

    def tables(self) -> list:
        """The record tables on this page, the one a comment most likely means first."""
        return [self.table]

    def set_findings(self, findings) -> None:
        self.table.model.set_findings(findings)

    def focus(self, record, record_id, field_key) -> bool:
        return self.table.focus(record_id, field_key)
