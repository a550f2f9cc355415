"""产业发展路径图: the three stages as a timeline with the category's themes, and the milestones."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from parkdesk.editing.records import rows_of
from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.stages import STAGES
from parkdesk.ui.report.record_table_page import RecordTable

STATUS_COLOURS = {"planned": "#90a4ae", "in_progress": "#1565c0", "done": "#2e7d32", "delayed": "#c62828"}


class PathTimeline(QWidget):
    """Three stage bands, 2022 → 2024, each with its theme and the milestones placed by due date."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.stages: list[dict] = []
        self.milestones: list[dict] = []
        self.setMinimumHeight(150)
        controller.data_changed.connect(lambda tables: self.reload() if tables & {"milestones", "path_stages"}
                                        else None)
        self.reload()

    def reload(self) -> None:
        with self.controller.workspace.session() as session:
            self.stages = rows_of(session, "path_stage", self.controller.report_id)
            self.milestones = rows_of(session, "milestone", self.controller.report_id)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 20
        band = width / len(STAGES)
        themes = {row["stage_year"]: row.get("theme") for row in self.stages}
        lang = self.controller.lang
        title_font = QFont(self.font())
        title_font.setBold(True)
        for number, stage in enumerate(STAGES):
            rect = QRectF(10 + number * band, 10, band - 6, 56)
            current = stage.year == self.controller.year
            painter.setPen(QPen(QColor("#1565c0" if current else "#90a4ae"), 2 if current else 1))
            painter.setBrush(QColor("#e3f2fd" if current else "#f5f5f5"))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setFont(title_font)
            painter.setPen(QColor("#263238"))
            painter.drawText(rect.adjusted(8, 4, -8, -28), Qt.AlignmentFlag.AlignLeft,
                             f"{stage.year} {stage.label.text(lang)}")
            painter.setFont(self.font())
            painter.drawText(rect.adjusted(8, 28, -8, -4), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             themes.get(stage.year) or "")
        axis_y = 96
        painter.setPen(QPen(QColor("#607d8b"), 2))
        painter.drawLine(10, axis_y, 10 + width, axis_y)
        first = date(STAGES[0].year, 1, 1).toordinal()
        span = date(STAGES[-1].year, 12, 31).toordinal() - first
        for row in self.milestones:
            due = row.get("due_date")
            if not isinstance(due, date):
                continue
            x = 10 + width * min(max((due.toordinal() - first) / span, 0), 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STATUS_COLOURS.get(row.get("status"), "#90a4ae")))
            painter.drawEllipse(QRectF(x - 6, axis_y - 6, 12, 12))
        painter.setPen(QColor("#455a64"))
        legend_x = 10
        for key, colour in STATUS_COLOURS.items():
            painter.setBrush(QColor(colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRectF(legend_x, axis_y + 22, 10, 10))
            painter.setPen(QColor("#455a64"))
            text = display_value(RECORD_BY_KEY["milestone"].field("status"), key, lang)
            painter.drawText(int(legend_x + 14), int(axis_y + 32), text)
            legend_x += 24 + painter.fontMetrics().horizontalAdvance(text)
        painter.end()


class PathPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.timeline = PathTimeline(controller)
        self.stages = RecordTable(controller, "path_stage", title=self.tr("Stages: goals and measures"))
        self.milestones = RecordTable(controller, "milestone", title=self.tr("Milestones"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stages)
        splitter.addWidget(self.milestones)
        layout = QVBoxLayout(self)
        layout.addWidget(self.timeline)
        layout.addWidget(splitter, 1)
        self.problem = self.stages.problem
        self.milestones.problem.connect(self.stages.problem)

    def tables(self) -> list:
        """The record tables on this page, the one a comment most likely means first."""
        return [self.milestones, self.stages]

    def set_findings(self, findings) -> None:
        self.stages.model.set_findings(findings)
        self.milestones.model.set_findings(findings)

    def focus(self, record: str | None, record_id, field_key) -> bool:
        table = self.milestones if record == "milestone" else self.stages
        return table.focus(record_id, field_key)
