"""Beside a report a district or the city reads: this year against the park's previous accepted year —
indicators against targets, the enterprise list's changes, milestones moved (as `review show` and the PDF)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget

from parkdesk.history.yoy_rows import enterprise_rows, indicator_rows, milestone_rows
from parkdesk.texts import text


class YearOverYearPanel(QWidget):
    def __init__(self, comparison, lang: str, parent=None):
        super().__init__(parent)
        diff = comparison.enterprises
        summary = QLabel(text("yoy.title", lang, previous=comparison.previous_year, year=comparison.year) + " · "
                         + text("yoy.enterprise_counts", lang, added=len(diff.added), removed=len(diff.removed),
                                changed=len(diff.changed), unchanged=diff.unchanged))
        summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for key, title, (header, rows) in (
                ("indicators", text("yoy.indicators", lang), indicator_rows(comparison, lang)),
                ("enterprises", text("yoy.enterprises", lang), enterprise_rows(comparison, lang, with_changes=True)),
                ("milestones", text("yoy.milestones", lang), milestone_rows(comparison, lang))):
            table = QTableWidget(len(rows), len(header))
            table.setObjectName(f"yoy_{key}")
            table.setHorizontalHeaderLabels(header)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setWordWrap(True)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            for row, values in enumerate(rows):
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)
                    table.setItem(row, column, item)
            self.tables[key] = table
            self.tabs.addTab(table, f"{title}({len(rows)})")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(summary)
        layout.addWidget(self.tabs, 1)
