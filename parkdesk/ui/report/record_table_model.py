"""A table of the few rows of one record kind (milestones, platforms, chain links …) of a report."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from parkdesk.editing.records import rows_of
from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.ui.report.findings_style import CELL_BACKGROUND, tooltip, worst_mark
from parkdesk.validation.finding_index import FindingIndex


class RecordTableModel(QAbstractTableModel):
    def __init__(self, controller, record_key: str, field_keys: tuple[str, ...] | None = None,
                 references=None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.record = RECORD_BY_KEY[record_key]
        self.fields = [self.record.field(key) for key in field_keys] if field_keys else list(self.record.fields)
        self.references = references or (lambda field: {})  # field → {id: name}
        self.rows: list[dict] = []
        self.findings = FindingIndex()
        controller.data_changed.connect(self._on_data_changed)
        self.reload()

    # --- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        with self.controller.workspace.session() as session:
            self.rows = rows_of(session, self.record.key, self.controller.report_id)
        self.endResetModel()

    def _on_data_changed(self, tables: set) -> None:
        if self.record.table in tables or any(f.references for f in self.fields):
            self.reload()

    def set_findings(self, findings: FindingIndex) -> None:
        self.findings = findings
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.fields) - 1))

    # --- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            field = self.fields[section]
            return field.header(self.controller.lang) + (" *" if field.required else "")
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            help_text = self.fields[section].help
            return help_text.text(self.controller.lang) if help_text else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, field = self.rows[index.row()], self.fields[index.column()]
        stored = row.get(field.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(field, stored, self.controller.lang, self.references(field))
        if role == Qt.ItemDataRole.EditRole:
            return stored
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            found = self.findings.at(self.record.key, row["id"], field.key)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(found, self.controller.lang) if found else None
            worst = worst_mark(found)
            return CELL_BACKGROUND.get(worst) if worst else None
        return None

    def flags(self, index):
        base = super().flags(index)
        field = self.fields[index.column()]
        if self.controller.editable and not field.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, field = self.rows[index.row()], self.fields[index.column()]
        text = self.controller.tr_edit(field)
        self.controller.set_values(self.record.table, row["id"], {field.key: value}, {field.key: row.get(field.key)},
                                   text)
        return True

    # --- helpers for pages -----------------------------------------------------------------------

    def row_id(self, row: int) -> int:
        return self.rows[row]["id"]

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row["id"] == record_id:
                return number
        return None

    def column_of(self, field_key: str | None) -> int:
        for number, field in enumerate(self.fields):
            if field.key == field_key:
                return number
        return 0
