"""指标: baseline, 2024 target and this year's actual, with progress and the doubling check drawn."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QStyledItemDelegate, QVBoxLayout, QWidget
from sqlalchemy import select

from parkdesk.db.models import IndicatorDefinition
from parkdesk.figures.formulas import formula
from parkdesk.figures.plan_doubling import plan_doubling_keys, target_doubles
from parkdesk.figures.progress import progress_toward
from parkdesk.ui.report.record_table_model import RecordTableModel
from parkdesk.ui.report.record_table_page import RecordTable

FIELDS = ("indicator_id", "baseline_2021", "target_2024", "actual", "note")
PROGRESS_COLUMN = len(FIELDS)
DOUBLING_COLUMN = len(FIELDS) + 1


class IndicatorTableModel(RecordTableModel):
    """The indicator rows plus two computed columns: progress toward the target, and 倍增."""

    def __init__(self, controller, parent=None):
        with controller.workspace.session() as session:
            self.definitions = {row.id: row for row in session.scalars(select(IndicatorDefinition))}
        self.doubling_keys = plan_doubling_keys(controller.park_code)
        super().__init__(controller, "indicator_value", FIELDS, self._names, parent)

    def _names(self, field):
        if field.key != "indicator_id":
            return {}
        lang = self.controller.lang
        return {i: (d.name_en if lang == "en" and d.name_en else d.name_zh) + f"({d.unit})"
                for i, d in self.definitions.items()}

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields) + 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == PROGRESS_COLUMN:
                return self.tr("Progress to target")
            if section == DOUBLING_COLUMN:
                return self.tr("Plan's doubling")
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == PROGRESS_COLUMN:
            return formula("progress", self.controller.lang)
        return super().headerData(section, orientation, role)

    def progress(self, row: int) -> float | None:
        values = self.rows[row]
        return progress_toward(values.get("baseline_2021"), values.get("target_2024"), values.get("actual"))

    def doubling(self, row: int) -> bool | None:
        values = self.rows[row]
        definition = self.definitions.get(values["indicator_id"])
        if definition is None or definition.key not in self.doubling_keys:
            return None
        return target_doubles(values.get("baseline_2021"), values.get("target_2024"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.column() == PROGRESS_COLUMN:
            share = self.progress(index.row())
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if share is None else f"{share:.0%}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return formula("progress", self.controller.lang)
            return share if role == Qt.ItemDataRole.UserRole else None
        if index.column() == DOUBLING_COLUMN:
            doubles = self.doubling(index.row())
            if role == Qt.ItemDataRole.DisplayRole:
                return {None: "", True: self.tr("✔ doubles"), False: self.tr("✘ short of double")}[doubles]
            if role == Qt.ItemDataRole.ForegroundRole and doubles is not None:
                return QColor("#2e7d32") if doubles else QColor("#c62828")
            return None
        return super().data(index, role)

    def flags(self, index):
        if index.column() in (0, PROGRESS_COLUMN, DOUBLING_COLUMN):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return super().flags(index)


class ProgressBarDelegate(QStyledItemDelegate):
    """A bar filled to the share of the way to the target; green once reached."""

    def paint(self, painter: QPainter, option, index) -> None:
        share = index.data(Qt.ItemDataRole.UserRole)
        super().paint(painter, option, index)
        if share is None:
            return
        bar = option.rect.adjusted(4, option.rect.height() - 8, -4, -3)
        painter.save()
        painter.fillRect(bar, QColor("#e0e0e0"))
        filled = QRect(bar.left(), bar.top(), int(bar.width() * max(0.0, min(share, 1.0))), bar.height())
        painter.fillRect(filled, QColor("#2e7d32") if share >= 1 else QColor("#1565c0"))
        painter.restore()


class IndicatorsPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.table = RecordTable(controller, "indicator_value", model=IndicatorTableModel(controller, self))
        self.table.view.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressBarDelegate(self.table.view))
        self.problem = self.table.problem
        hint = QLabel(self.tr("Enter the 2021 baseline, the 2024 target and this year's actual. 三个倍增 are the "
                              "city's totals; the doubling column checks only what the plan asks of this park "
                              "by name."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)

    @property
    def model(self):
        return self.table.model

    def tables(self) -> list:
        """The record tables on this page, the one a comment most likely means first."""
        return [self.table]

    def set_findings(self, findings) -> None:
        self.table.model.set_findings(findings)

    def focus(self, _record, record_id, field_key) -> bool:
        return self.table.focus(record_id, field_key)
