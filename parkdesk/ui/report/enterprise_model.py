"""The enterprise list as a Qt table over the workspace: ids in order from SQLite, rows fetched per screen.

Sorting and filtering are SQL (see parkdesk.db.enterprise_table); the model
keeps the ordered ids and a bounded cache of rows, so 100,000 enterprises cost
about a megabyte and open in well under a tenth of a second.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from parkdesk.db.enterprise_table import (
    ENTERPRISE, EnterpriseFilter, chain_link_names, enterprise_ids, enterprise_rows, has_sort_index,
)
from parkdesk.editing.changes import SetValues, tables_touched
from parkdesk.forms.field_values import display_value
from parkdesk.ui.report.findings_style import CELL_BACKGROUND, tooltip, worst_mark
from parkdesk.validation.finding_index import FindingIndex

FETCH_BLOCK = 200
CACHE_ROWS = 5_000


class EnterpriseTableModel(QAbstractTableModel):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.fields = list(ENTERPRISE.fields)
        self.filter = EnterpriseFilter()
        self.sort_key: str | None = None
        self.descending = False
        self.ids = []
        self.total = 0
        self.cache: OrderedDict[int, dict] = OrderedDict()
        self.links: dict[int, str] = {}
        self.findings = FindingIndex()
        controller.change_applied.connect(self._on_change)
        controller.tables_reloaded.connect(lambda tables: self.reload() if "enterprises" in tables else None)
        self.reload()

    # --- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        with self.controller.workspace.session() as session:
            self.ids = enterprise_ids(session, self.controller.report_id, self.filter, self.sort_key, self.descending)
            self.total = len(self.ids) if self.filter.is_empty() else self._count_all(session)
            self.links = chain_link_names(session, self.controller.report_id)
        self.cache.clear()
        self.endResetModel()

    def _count_all(self, session) -> int:
        from sqlalchemy import func, select

        from parkdesk.db.models import Enterprise

        return session.scalar(select(func.count()).where(Enterprise.report_id == self.controller.report_id))

    def set_filter(self, where: EnterpriseFilter) -> None:
        if where != self.filter:
            self.filter = where
            self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = self.fields[column].key if 0 <= column < len(self.fields) else None
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        with self.controller.workspace.session() as session:
            # the first sort by a column builds its index (up to half a second for 100,000 rows)
            busy = self.sort_key is not None and not has_sort_index(session, self.sort_key)
            if busy:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.ids = enterprise_ids(session, self.controller.report_id, self.filter, self.sort_key,
                                          self.descending)
            finally:
                if busy:
                    QGuiApplication.restoreOverrideCursor()
        self.layoutChanged.emit()

    def _row(self, row: int) -> dict:
        enterprise_id = self.ids[row]
        cached = self.cache.get(enterprise_id)
        if cached is not None:
            return cached
        start = max(0, row - FETCH_BLOCK // 4)
        block = self.ids[start:start + FETCH_BLOCK]
        with self.controller.workspace.session() as session:
            fetched = enterprise_rows(session, block)
        self.cache.update(fetched)
        while len(self.cache) > CACHE_ROWS:
            self.cache.popitem(last=False)
        return fetched.get(enterprise_id, {"id": enterprise_id})

    def _on_change(self, change) -> None:
        if isinstance(change, SetValues) and change.table == "enterprises":
            self.cache.pop(change.row_id, None)  # re-read in place; a re-sort waits for the user
            row = self.row_of(change.row_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))
        elif tables_touched(change) & {"enterprises", "chain_links", "chain_segments"}:
            self.reload()

    def set_findings(self, findings: FindingIndex) -> None:
        self.findings = findings
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.fields) - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])

    # --- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            field = self.fields[section]
            return field.header(self.controller.lang) + (" *" if field.required else "")
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        field = self.fields[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            stored = self._row(index.row()).get(field.key)
            if role == Qt.ItemDataRole.EditRole:
                return stored
            return display_value(field, stored, self.controller.lang, self.links)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole) and self.findings.findings:
            found = self.findings.at("enterprise", self.ids[index.row()], field.key)
            if not found:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(found, self.controller.lang)
            return CELL_BACKGROUND.get(worst_mark(found))
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self.controller.editable else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field, row = self.fields[index.column()], self._row(index.row())
        self.controller.set_values("enterprises", row["id"], {field.key: value}, {field.key: row.get(field.key)},
                                   self.controller.tr_edit(field))
        return True

    # --- helpers ---------------------------------------------------------------------------------

    def stored(self, row: int) -> dict:
        return self._row(row)

    def row_of(self, enterprise_id: int) -> int | None:
        try:
            return self.ids.index(enterprise_id)
        except ValueError:
            return None

    def column_of(self, field_key: str | None) -> int:
        for number, field in enumerate(self.fields):
            if field.key == field_key:
                return number
        return 0
