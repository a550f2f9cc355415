"""The way through a report: park → year → sections, each with its validation state."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from parkdesk.forms.sections import SECTIONS
from parkdesk.ui.report.findings_style import MARK_COLOUR
from parkdesk.validation.finding_index import FindingIndex
from parkdesk.validation.findings import ERROR, WARNING


class ReportNavigator(QTreeWidget):
    section_chosen = Signal(str)
    year_chosen = Signal(int)

    def __init__(self, lang: str, park_name: str, years: list[tuple[int, str]], current_year: int, parent=None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self.lang = lang
        self.setHeaderHidden(True)
        self.setMinimumWidth(260)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the ✘/⚠ counts at the end stay visible
        park = QTreeWidgetItem([park_name])
        self.addTopLevelItem(park)
        self.section_items: dict[str, QTreeWidgetItem] = {}
        for year, status in years:
            year_item = QTreeWidgetItem([f"{year}"])
            year_item.setData(0, Qt.ItemDataRole.UserRole, ("year", year))
            park.addChild(year_item)
            if year != current_year:
                continue
            for section in SECTIONS:
                item = QTreeWidgetItem([f"{section.number}. {section.text(lang)}"])
                item.setData(0, Qt.ItemDataRole.UserRole, ("section", section.key))
                year_item.addChild(item)
                self.section_items[section.key] = item
            year_item.setExpanded(True)
        park.setExpanded(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def _clicked(self, item, _column=0) -> None:
        kind, value = item.data(0, Qt.ItemDataRole.UserRole) or (None, None)
        if kind == "section":
            self.section_chosen.emit(value)
        elif kind == "year":
            self.year_chosen.emit(value)

    def select_section(self, key: str) -> None:
        item = self.section_items.get(key)
        if item is not None:
            self.setCurrentItem(item)

    def show_findings(self, findings: FindingIndex, justified) -> None:
        for section in SECTIONS:
            item = self.section_items[section.key]
            found = [f for f in findings.in_section(section.key) if not (f.severity == WARNING and justified(f))]
            errors = sum(f.severity == ERROR for f in found)
            warnings = sum(f.severity == WARNING for f in found)
            base = f"{section.number}. {section.text(self.lang)}"
            if errors:
                item.setText(0, f"{base}  ✘{errors}")
                item.setForeground(0, QBrush(MARK_COLOUR[ERROR]))
            elif warnings:
                item.setText(0, f"{base}  ⚠{warnings}")
                item.setForeground(0, QBrush(MARK_COLOUR[WARNING]))
            else:
                item.setText(0, f"{base}  ✔")
                item.setForeground(0, QBrush())
