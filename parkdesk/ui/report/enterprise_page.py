"""重点企业、配套企业名录: filter bar, the big table, paste from and copy to spreadsheets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from parkdesk.db.enterprise_table import NO_LINK, EnterpriseFilter
from parkdesk.editing.changes import DeleteRows, InsertRows, SetValues
from parkdesk.editing.paste import parse_tsv, plan_paste, to_tsv
from parkdesk.editing.records import new_row
from parkdesk.reference.choices import ENTERPRISE_ROLES, ENTERPRISE_STATUSES
from parkdesk.reference.distinctions import DISTINCTIONS
from parkdesk.ui.report.enterprise_model import EnterpriseTableModel
from parkdesk.ui.report.excel_import_dialog import import_excel
from parkdesk.ui.report.field_editors import FieldDelegate
from parkdesk.ui.selection_buttons import enable_with_selection

SEARCH_DELAY_MS = 250


class EnterprisePage(QWidget):
    problem = Signal(str)
    message = Signal(str)

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        lang = controller.lang
        self.model = EnterpriseTableModel(controller, self)

        self.role_filter = self._combo(self.tr("All roles"), [(k, l.text(lang)) for k, l in ENTERPRISE_ROLES])
        self.status_filter = self._combo(self.tr("All statuses"), [(k, l.text(lang)) for k, l in ENTERPRISE_STATUSES])
        self.link_filter = self._combo(self.tr("All chain links"), [])
        self.distinction_filter = self._combo(self.tr("Any distinction"),
                                              [(d.key, d.label.text(lang)) for d in DISTINCTIONS])
        self.search = QLineEdit()
        self.search.setObjectName("enterprise_search")
        self.search.setPlaceholderText(self.tr("Search name, credit code or contact…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.count_label = QLabel()

        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.view.setObjectName("enterprise_table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                  & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.delegate = FieldDelegate(lambda column: self.model.fields[column], lang,
                                      lambda field: self.model.links if field.key == "chain_link_id" else None, self)
        self.delegate.problem.connect(self.problem)
        self.view.setItemDelegate(self.delegate)
        self._set_column_widths()

        self.add_button = QPushButton(self.tr("Add enterprise"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.paste_button = QPushButton(self.tr("Paste rows from Excel/WPS"))
        self.copy_button = QPushButton(self.tr("Copy selected rows"))
        self.excel_button = QPushButton(self.tr("Import from Excel…"))
        self.excel_button.clicked.connect(lambda: import_excel(self, self.controller))
        self.add_button.clicked.connect(self.add_enterprise)
        self.remove_button.clicked.connect(self.remove_selected)
        self.paste_button.clicked.connect(self.paste_rows)
        self.copy_button.clicked.connect(self.copy_selection)
        QShortcut(QKeySequence.StandardKey.Paste, self.view, self.paste)
        QShortcut(QKeySequence.StandardKey.Copy, self.view, self.copy_selection)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Insert), self.view, self.add_enterprise)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete), self.view, self.remove_selected)

        filters = QHBoxLayout()
        for widget in (self.search, self.role_filter, self.status_filter, self.link_filter, self.distinction_filter):
            filters.addWidget(widget)
        for combo in (self.role_filter, self.status_filter, self.link_filter, self.distinction_filter):
            # as wide as a few characters, not as the longest chain link's name: the page fits 1024×768 in English
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        filters.setStretch(0, 2)
        filters.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.paste_button, self.copy_button, self.excel_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

        self.model.modelReset.connect(self._after_reset)
        self._after_reset()
        enable_with_selection(self.view, [self.remove_button], lambda: controller.editable)
        enable_with_selection(self.view, [self.copy_button])

    def _combo(self, everything: str, items) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for key, text in items:
            combo.addItem(text, key)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        return combo

    def _set_column_widths(self) -> None:
        metrics = self.view.fontMetrics()
        for column, field in enumerate(self.model.fields):
            wide = {"name": 18, "uscc": 13, "chain_link_id": 10, "distinctions": 10}.get(field.key, 0)
            header = metrics.horizontalAdvance(field.header(self.controller.lang) + " *") + 24
            choices = max((metrics.horizontalAdvance(label.text(self.controller.lang)) + 16
                           for _key, label in field.choices or ()), default=0) if field.type == "choice" else 0
            self.view.setColumnWidth(column, max(header, choices, metrics.horizontalAdvance("中") * wide))

    def _after_reset(self) -> None:
        current = self.link_filter.currentData()
        self.link_filter.blockSignals(True)
        self.link_filter.clear()
        self.link_filter.addItem(self.tr("All chain links"), None)
        self.link_filter.addItem(self.tr("Not on a chain link"), NO_LINK)
        for link_id, name in self.model.links.items():
            self.link_filter.addItem(name, link_id)
        self.link_filter.setCurrentIndex(max(0, self.link_filter.findData(current)))
        self.link_filter.blockSignals(False)
        self.count_label.setText(self.tr("Showing %1 of %2 enterprises")
                                 .replace("%1", f"{len(self.model.ids):,}").replace("%2", f"{self.model.total:,}"))
        editable = self.controller.editable
        for button in (self.add_button, self.paste_button, self.excel_button):
            button.setEnabled(editable)

    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(role=self.role_filter.currentData(), status=self.status_filter.currentData(),
                                chain_link_id=self.link_filter.currentData(),
                                distinction=self.distinction_filter.currentData(), search=self.search.text())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    # --- row operations --------------------------------------------------------------------------

    def add_enterprise(self) -> None:
        if not self.controller.editable:
            return
        with self.controller.workspace.session() as session:
            row = new_row(session, "enterprise", self.controller.report_id)
        self.controller.push(InsertRows("enterprises", (row,)), self.tr("Add enterprise"))
        applied = self.controller.undo_stack.command(self.controller.undo_stack.index() - 1).applied
        if applied is not None:
            self.focus(applied.rows[0]["id"], "name", edit=True)

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.controller.editable:
            return
        ids = tuple(self.model.ids[row] for row in rows)
        self.controller.push(DeleteRows("enterprises", ids),
                             self.tr("Remove %1 enterprises").replace("%1", str(len(ids))))

    def copy_selection(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        columns = sorted({index.column() for index in self.view.selectionModel().selectedIndexes()})
        fields = [self.model.fields[c] for c in columns]
        text = to_tsv(fields, [self.model.stored(row) for row in rows], self.controller.lang, self.model.links)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(self.tr("Copied %1 rows").replace("%1", str(len(rows))))

    def paste(self) -> None:
        """Ctrl+V: over a selection of cells the block replaces cells from its top-left corner (announced, one
        step of undo); with whole rows or nothing selected it is added as new rows."""
        if self._cells_selected():
            top_left = min(self.view.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
            self.paste_text(QGuiApplication.clipboard().text(), top_left.row(), top_left.column())
        else:
            self.paste_rows()

    def paste_rows(self) -> None:
        """粘贴行: the block copied from Excel/WPS becomes new enterprises at the end of the list."""
        self.paste_text(QGuiApplication.clipboard().text(), None, 0)

    def _cells_selected(self) -> bool:
        selection = self.view.selectionModel()
        indexes = selection.selectedIndexes()
        return bool(indexes) and not any(selection.isRowSelected(i.row(), i.parent()) for i in indexes)

    def paste_text(self, text: str, start_row: int | None, start_column: int) -> None:
        """Paste `text` (tab-separated) over the rows from `start_row`, or as new rows when it is None."""
        if not self.controller.editable:
            self.problem.emit(self.tr("The report is read-only: nothing was pasted."))
            return
        block = parse_tsv(text)
        if not block:
            self.problem.emit(self.tr("The clipboard holds no cells to paste."))
            return
        fields = self.model.fields[start_column:]
        targets = [] if start_row is None else [
            self.model.stored(row) for row in range(start_row, min(start_row + len(block), len(self.model.ids)))]
        with self.controller.workspace.session() as session:
            fresh = new_row(session, "enterprise", self.controller.report_id)
        change, problems = plan_paste("enterprises", fields, block, targets, lambda: dict(fresh), self.model.links)
        replaced = sum(len(c.new) for c in change.changes if isinstance(c, SetValues))
        added = sum(len(c.rows) for c in change.changes if isinstance(c, InsertRows))
        if change.changes and self.controller.push(change, self.tr("Paste %1 rows").replace("%1", str(len(block)))):
            if targets:
                self.message.emit(self.tr("Pasted: %1 cells replaced, %2 rows added. Undo with Ctrl+Z.")
                                  .replace("%1", str(replaced)).replace("%2", str(added)))
            else:
                self.message.emit(self.tr("Pasted %1 new enterprises at the end of the list. Undo with Ctrl+Z.")
                                  .replace("%1", str(added)))
                self.view.scrollToBottom()
        elif not problems:
            self.message.emit(self.tr("The pasted cells hold the values already there: nothing changed."))
        if problems:
            lang = self.controller.lang
            first_row = 0 if start_row is None else start_row
            listed = "; ".join(f"{p.row + first_row + 1}/{p.field.text(lang)}: {p.message(lang)}"
                               for p in problems[:5])
            self.problem.emit(self.tr("%1 cells could not be read and were left as they were: %2")
                              .replace("%1", str(len(problems))).replace("%2", listed))

    def focus(self, record_id: int | None, field_key: str | None, edit: bool = False) -> bool:
        row = self.model.row_of(record_id) if record_id is not None else 0
        if row is None:  # filtered out: clear the filters and look again
            self.search.clear()
            for combo in (self.role_filter, self.status_filter, self.link_filter, self.distinction_filter):
                combo.setCurrentIndex(0)
            self.apply_filter()
            row = self.model.row_of(record_id)
            if row is None:
                return False
        index = self.model.index(row, self.model.column_of(field_key))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setFocus()
        if edit:
            self.view.edit(index)
        return True

    def set_findings(self, findings) -> None:
        self.model.set_findings(findings)
