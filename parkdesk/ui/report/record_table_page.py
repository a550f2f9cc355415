"""A page (or part of one) that edits the rows of one record kind in a table, with add and remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from parkdesk.editing.changes import DeleteRows, InsertRows
from parkdesk.editing.records import ADDABLE, new_row
from parkdesk.ui.report.field_editors import FieldDelegate
from parkdesk.ui.report.record_table_model import RecordTableModel
from parkdesk.ui.selection_buttons import enable_with_selection


class RecordTable(QWidget):
    problem = Signal(str)

    def __init__(self, controller, record_key: str, title: str | None = None, field_keys=None,
                 references=None, new_values=None, model=None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.model = model or RecordTableModel(controller, record_key, field_keys, references, self)
        self.new_values = new_values or (lambda: {})
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                  & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.delegate = FieldDelegate(lambda column: self.model.fields[column], controller.lang,
                                      lambda field: (references or (lambda f: None))(field), self)
        self.delegate.problem.connect(self.problem)
        self.view.setItemDelegate(self.delegate)
        self.model.modelReset.connect(self._fit_columns)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if title:
            heading = QLabel(title)
            heading.setObjectName("subheading")
            layout.addWidget(heading)
        layout.addWidget(self.view)
        if record_key in ADDABLE:
            self.add_button = QPushButton(self.tr("Add row"))
            self.remove_button = QPushButton(self.tr("Remove selected rows"))
            self.add_button.clicked.connect(self.add_row)
            self.remove_button.clicked.connect(self.remove_selected)
            buttons = QHBoxLayout()
            buttons.addWidget(self.add_button)
            buttons.addWidget(self.remove_button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
            self.add_button.setEnabled(controller.editable)
            enable_with_selection(self.view, [self.remove_button], lambda: controller.editable)
            QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Insert), self.view, self.add_row)
            QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete), self.view, self.remove_selected)
        self._fit_columns()

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = self.view.columnWidth(column)
            self.view.setColumnWidth(column, min(max(width, 90), 320))

    def add_row(self) -> None:
        with self.controller.workspace.session() as session:
            row = new_row(session, self.model.record.key, self.controller.report_id, **self.new_values())
        self.controller.push(InsertRows(self.model.record.table, (row,)),
                             self.tr("Add %1").replace("%1", self.model.record.label.text(self.controller.lang)))
        last = self.model.rowCount() - 1
        if last >= 0:
            self.view.setCurrentIndex(self.model.index(last, 0))
            self.view.edit(self.model.index(last, 0))

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        if not rows:
            return
        ids = tuple(self.model.row_id(row) for row in rows)
        self.controller.push(DeleteRows(self.model.record.table, ids),
                             self.tr("Remove %1 rows").replace("%1", str(len(ids))))

    def focus(self, record_id: int | None, field_key: str | None) -> bool:
        row = self.model.row_of(record_id) if record_id is not None else None
        if record_id is not None and row is None:
            return False
        index = self.model.index(row or 0, self.model.column_of(field_key))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        return True
