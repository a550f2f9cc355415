"""产业发展路径图 on screen: the three stage bands, a dated axis, and every milestone numbered and named.

Drawn as legibly as the PDF: year ticks, labels that never overlap (they
step down a row instead), the milestone's number as in the table below, its
status colour, and a milestone due outside 2022–2024 placed at the edge,
ringed in red and said in words under the axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from parkdesk.editing.records import rows_of
from parkdesk.forms.field_values import display_value
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.stages import STAGES

STATUS_COLOURS = {"planned": "#90a4ae", "in_progress": "#1565c0", "done": "#2e7d32", "delayed": "#c62828"}
OUT_OF_RANGE = "#c62828"
MARGIN = 14
BAND_TOP, BAND_HEIGHT = 8, 56
AXIS_Y = BAND_TOP + BAND_HEIGHT + 22
ROW = 18
LABEL_WIDTH = 170
RADIUS = 8
OVERFLOW = 24  # room at each end of the axis for the milestones due outside the plan's years


@dataclass(frozen=True)
class PlacedMilestone:
    number: int
    x: float
    level: int
    label: str
    status: str | None
    out_of_range: bool
    tip: str


class PathTimeline(QWidget):
    """Three stage bands, 2022 → 2024, each with its theme, and the milestones placed by due date."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.stages: list[dict] = []
        self.milestones: list[dict] = []
        self.placed: list[PlacedMilestone] = []
        self.setMinimumHeight(180)
        self.setMouseTracking(True)
        controller.data_changed.connect(lambda tables: self.reload() if tables & {"milestones", "path_stages"}
                                        else None)
        self.reload()

    def reload(self) -> None:
        with self.controller.workspace.session() as session:
            self.stages = rows_of(session, "path_stage", self.controller.report_id)
            self.milestones = rows_of(session, "milestone", self.controller.report_id)
        self.update()

    # --- placing ---------------------------------------------------------------------------------

    def _span(self) -> tuple[int, int]:
        first = date(STAGES[0].year, 1, 1).toordinal()
        return first, date(STAGES[-1].year + 1, 1, 1).toordinal() - first

    def place(self, width: float) -> list[PlacedMilestone]:
        """Each dated milestone's x on the axis and the label row that keeps its label clear of the others."""
        lang = self.controller.lang
        first, span = self._span()
        metrics = QFontMetrics(self.font())
        record = RECORD_BY_KEY["milestone"]
        rows_end: list[float] = []  # per label row, where its last label ends
        placed = []
        for number, row in enumerate(self.milestones, start=1):
            due = row.get("due_date")
            if not isinstance(due, date):
                continue
            share = (due.toordinal() - first) / span
            out_of_range = not 0 <= share <= 1
            x = (MARGIN + OVERFLOW / 3 if share < 0 else MARGIN + width - OVERFLOW / 3 if share > 1
                 else MARGIN + OVERFLOW + (width - 2 * OVERFLOW) * share)
            status = row.get("status")
            label = f"{number} {row.get('title') or ''}".strip()
            if out_of_range:
                label += " ⚠"
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH)
            left = min(x - 4, MARGIN + width - metrics.horizontalAdvance(label))
            level = next((i for i, end in enumerate(rows_end) if end < left), len(rows_end))
            if level == len(rows_end):
                rows_end.append(0)
            rows_end[level] = left + metrics.horizontalAdvance(label) + 10
            tip = " · ".join(part for part in (
                row.get("title") or "", display_value(record.field("due_date"), due, lang),
                display_value(record.field("status"), status, lang) if status else "") if part)
            placed.append(PlacedMilestone(number, x, level, label, status, out_of_range, tip))
        return placed

    def out_of_range_note(self) -> str:
        late = [p for p in self.placed if p.out_of_range]
        if not late:
            return ""
        return self.tr("Due outside %1–%2 (placed at the edge): %3").replace("%1", str(STAGES[0].year)).replace(
            "%2", str(STAGES[-1].year)).replace("%3", "、".join(str(p.number) for p in late))

    # --- drawing ---------------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        width = self.width() - 2 * MARGIN
        self.placed = self.place(width)
        levels = max((p.level for p in self.placed), default=-1) + 1
        needed = AXIS_Y + 28 + levels * ROW + (ROW if self.out_of_range_note() else 0) + 26
        if self.minimumHeight() != max(180, needed):
            self.setMinimumHeight(max(180, needed))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_stages(painter, width)
        self._draw_axis(painter, width)
        label_top = AXIS_Y + 30
        for milestone in self.placed:
            self._draw_milestone(painter, milestone, label_top, width)
        bottom = label_top + levels * ROW + 4
        note = self.out_of_range_note()
        if note:
            painter.setPen(QColor(OUT_OF_RANGE))
            painter.drawText(QPointF(MARGIN, bottom + 12), note)
            bottom += ROW
        self._draw_legend(painter, bottom + 8)
        painter.end()

    def _draw_stages(self, painter: QPainter, width: float) -> None:
        themes = {row["stage_year"]: row.get("theme") for row in self.stages}
        band = width / len(STAGES)
        title_font = QFont(self.font())
        title_font.setBold(True)
        for number, stage in enumerate(STAGES):
            rect = QRectF(MARGIN + number * band, BAND_TOP, band - 6, BAND_HEIGHT)
            current = stage.year == self.controller.year
            painter.setPen(QPen(QColor("#1565c0" if current else "#90a4ae"), 2 if current else 1))
            painter.setBrush(QColor("#e3f2fd" if current else "#f5f5f5"))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setFont(title_font)
            painter.setPen(QColor("#263238"))
            painter.drawText(rect.adjusted(8, 4, -8, -28), Qt.AlignmentFlag.AlignLeft,
                             f"{stage.year} {stage.label.text(self.controller.lang)}")
            painter.setFont(self.font())
            painter.drawText(rect.adjusted(8, 26, -8, -4), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                             themes.get(stage.year) or "")

    def _draw_axis(self, painter: QPainter, width: float) -> None:
        first, span = self._span()
        painter.setPen(QPen(QColor("#607d8b"), 2))
        painter.drawLine(QPointF(MARGIN + OVERFLOW, AXIS_Y), QPointF(MARGIN + width - OVERFLOW, AXIS_Y))
        painter.setPen(QPen(QColor(OUT_OF_RANGE), 1.5, Qt.PenStyle.DotLine))  # before and after the plan's years
        painter.drawLine(QPointF(MARGIN, AXIS_Y), QPointF(MARGIN + OVERFLOW, AXIS_Y))
        painter.drawLine(QPointF(MARGIN + width - OVERFLOW, AXIS_Y), QPointF(MARGIN + width, AXIS_Y))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        for year in range(STAGES[0].year, STAGES[-1].year + 2):
            for month in (1, 7):
                if year > STAGES[-1].year and month > 1:
                    continue
                x = MARGIN + OVERFLOW + (width - 2 * OVERFLOW) * (date(year, month, 1).toordinal() - first) / span
                major = month == 1
                painter.setPen(QPen(QColor("#607d8b"), 1.5 if major else 1))
                painter.drawLine(QPointF(x, AXIS_Y - (6 if major else 3)), QPointF(x, AXIS_Y + (6 if major else 3)))
                if major:
                    words = f"{year}-01"
                    advance = painter.fontMetrics().horizontalAdvance(words)
                    painter.setPen(QColor("#455a64"))
                    painter.drawText(QPointF(min(max(x - advance / 2, 0), self.width() - advance), AXIS_Y - 9),
                                     words)
        painter.setFont(self.font())

    def _draw_milestone(self, painter: QPainter, milestone: PlacedMilestone, label_top: float, width: float) -> None:
        colour = QColor(STATUS_COLOURS.get(milestone.status, "#90a4ae"))
        label_y = label_top + milestone.level * ROW
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.drawLine(QPointF(milestone.x, AXIS_Y + RADIUS), QPointF(milestone.x, label_y - 11))
        painter.setPen(QPen(QColor(OUT_OF_RANGE), 3) if milestone.out_of_range else Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(milestone.x, AXIS_Y), RADIUS, RADIUS)
        painter.setPen(QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 2))
        small.setBold(True)
        painter.setFont(small)
        painter.drawText(QRectF(milestone.x - RADIUS, AXIS_Y - RADIUS, 2 * RADIUS, 2 * RADIUS),
                         Qt.AlignmentFlag.AlignCenter, str(milestone.number))
        painter.setFont(self.font())
        advance = painter.fontMetrics().horizontalAdvance(milestone.label)
        left = min(milestone.x - 4, MARGIN + width - advance)
        painter.setPen(QColor(OUT_OF_RANGE) if milestone.out_of_range else QColor("#263238"))
        painter.drawText(QPointF(left, label_y), milestone.label)

    def _draw_legend(self, painter: QPainter, y: float) -> None:
        x = MARGIN
        record = RECORD_BY_KEY["milestone"]
        for key, colour in STATUS_COLOURS.items():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(x, y - 9, 10, 10))
            painter.setPen(QColor("#455a64"))
            words = display_value(record.field("status"), key, self.controller.lang)
            painter.drawText(QPointF(x + 14, y), words)
            x += 28 + painter.fontMetrics().horizontalAdvance(words)

    # --- tooltips --------------------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.position() if hasattr(event, "position") else QPointF(event.pos())
            near = next((p for p in self.placed if abs(p.x - position.x()) <= RADIUS + 2
                         and abs(AXIS_Y - position.y()) <= RADIUS + 2), None)
            if near is not None:
                QToolTip.showText(event.globalPos(), f"{near.number}. {near.tip}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
