"""The parks page: a filter box over a sortable table of the workspace's parks."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QLineEdit, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from parkdesk.ui.park_details_view import ParkDetailsView

from parkdesk.ui.park_list_model import SORT_ROLE, ParkListModel


MAX_COLUMN_WIDTH = 260


class ParkListView(QWidget):
    report_requested = Signal(int, int)  # park id, year

    def __init__(self, model: ParkListModel, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.heading = QLabel(self.tr("Parks in this workspace"))
        self.heading.setObjectName("heading")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by code, name, category, domain or district…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

        self.details = ParkDetailsView(lang)
        self.details.report_requested.connect(self.report_requested)
        self.table.activated.connect(self._open_latest)  # double-click, and Enter on the selected park
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        model.modelReset.connect(self._after_reset)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter_edit)
        layout.addWidget(splitter)

    def _after_reset(self) -> None:
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):  # long English domain names elide; tooltips hold all
            if self.table.columnWidth(column) > MAX_COLUMN_WIDTH:
                self.table.setColumnWidth(column, MAX_COLUMN_WIDTH)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.details.show_park(None)

    def _show_current(self, current, _previous) -> None:
        if not current.isValid():
            self.details.show_park(None)
            return
        self.details.show_park(self.model.park_at(self.proxy.mapToSource(current).row()))

    def _open_latest(self, index) -> None:
        park = self.model.park_at(self.proxy.mapToSource(index).row())
        if park.reports:
            self.report_requested.emit(park.id, park.reports[-1][0])
