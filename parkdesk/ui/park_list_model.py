"""The workspace's parks as a table: code, name, category, domain, district, level, reports."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from parkdesk.db.queries import ParkOverview
from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.reference.domains import DOMAIN_BY_KEY

# the report years come right after the name: the first thing a reviewer looks for
COL_CODE, COL_NAME, COL_REPORTS, COL_CATEGORY, COL_DOMAIN, COL_DISTRICT, COL_LEVEL, COL_ENTERPRISES = range(8)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PARK_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ParkListModel(QAbstractTableModel):
    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self._lang = lang
        self._parks: list[ParkOverview] = []

    def set_parks(self, parks: list[ParkOverview]) -> None:
        self.beginResetModel()
        self._parks = list(parks)
        self.endResetModel()

    def park_at(self, row: int) -> ParkOverview:
        return self._parks[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._parks)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Code"), self.tr("Park"), self.tr("Annual reports"), self.tr("Category"), self.tr("Domain"),
            self.tr("District"), self.tr("Level"), self.tr("Enterprises listed"),
        )[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        park = self._parks[index.row()]
        column = index.column()
        if role == PARK_ID_ROLE:
            return park.id
        if role == SORT_ROLE:
            if column == COL_ENTERPRISES:
                return park.enterprises_latest
            if column == COL_CATEGORY:
                return -CATEGORY_BY_KEY[park.category].rank
            return self._display(park, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(park, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ENTERPRISES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return park.operator_org if column == COL_NAME else self._display(park, column)
        return None

    def _display(self, park: ParkOverview, column: int) -> str:
        lang = self._lang
        if column == COL_CODE:
            return park.code
        if column == COL_NAME:
            return park.name
        if column == COL_CATEGORY:
            return CATEGORY_BY_KEY[park.category].text(lang)
        if column == COL_DOMAIN:
            return DOMAIN_BY_KEY[park.domain].text(lang)
        if column == COL_DISTRICT:
            return park.division_name or "—"
        if column == COL_LEVEL:
            return display_value(RECORD_BY_KEY["park"].field("level"), park.level, lang) or "—"
        if column == COL_ENTERPRISES:
            return f"{park.enterprises_latest:,}"
        return "  ".join(f"{year} {label_of(REPORT_STATUSES, status, lang)}" for year, status in park.reports)
