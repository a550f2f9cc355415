"""产业发展路径图: the timeline of the stages and milestones (path_timeline), and their tables."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from parkdesk.ui.report.path_timeline import PathTimeline
from parkdesk.ui.report.record_table_page import RecordTable

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
