"""The roll-ups the city received, by district and year: which one is in force, which a newer one replaced."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from parkdesk.app import rollups
from parkdesk.review.times import shown_time


class ReceivedRollupsView(QWidget):
    def __init__(self, workspace, lang: str, parent=None):
        super().__init__(parent)
        self.workspace, self.lang = workspace, lang
        self.summary = QLabel()
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("received_rollups")
        self.table.setHorizontalHeaderLabels([
            self.tr("District or zone"), self.tr("Year"), self.tr("No."), self.tr("Packages"), self.tr("Signed by"),
            self.tr("Received"), self.tr("State"), self.tr("File")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        rows = rollups.received_rollups(self.workspace)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            state = self.tr("Replaced by a newer roll-up") if row.replaced else self.tr("In force")
            cells = (f"{row.district_name}({row.district_code})", str(row.year), str(row.sequence or "—"),
                     str(row.package_count), row.signer.split(",")[0], shown_time(row.received_at),
                     state, row.file_name)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(row.signer_fingerprint if column == 4 else value)
                self.table.setItem(index, column, item)
        districts = {row.district_code for row in rows if not row.replaced}
        self.summary.setText(self.tr("%1 roll-ups received from %2 districts and zones.")
                             .replace("%1", str(len(rows))).replace("%2", str(len(districts))) if rows
                             else self.tr("No roll-up received yet. Import them on the dashboard."))
