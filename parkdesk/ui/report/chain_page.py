"""产业链全景图: the diagram on top, redrawn live; its segments and links edited side by side below it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from parkdesk.charts.chain_data import load_chain
from parkdesk.charts.chain_layout import layout_chain
from parkdesk.editing.records import rows_of
from parkdesk.ui.chain_diagram import ChainDiagramView
from parkdesk.ui.file_dialogs import save_file
from parkdesk.ui.report.record_table_page import RecordTable

CHAIN_TABLES = {"chain_segments", "chain_links", "enterprises"}


class ChainPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        lang = controller.lang
        self.segments = RecordTable(controller, "chain_segment",
                                    title=self.tr("Segments (upstream, midstream, downstream)"))
        self.links = RecordTable(controller, "chain_link", title=self.tr("Chain links"),
                                 references=self._segment_names, new_values=self._first_segment)
        self.diagram = ChainDiagramView()
        self.diagram.setObjectName("chain_diagram")
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.svg_button = QPushButton(self.tr("Export SVG…"))
        self.png_button.clicked.connect(lambda: self._export("png"))
        self.svg_button.clicked.connect(lambda: self._export("svg"))
        self.diagram.link_activated.connect(lambda link_id: self.links.focus(link_id, "name"))

        editors = QSplitter(Qt.Orientation.Horizontal)  # each table as wide as half the page: headers read whole
        editors.addWidget(self.segments)
        editors.addWidget(self.links)
        editors.setStretchFactor(0, 2)
        editors.setStretchFactor(1, 3)
        drawing = QWidget()
        right = QVBoxLayout(drawing)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.diagram, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.svg_button)
        right.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(drawing)
        splitter.addWidget(editors)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.problem = self.segments.problem
        self.links.problem.connect(self.segments.problem)
        controller.data_changed.connect(self._on_data_changed)
        self.redraw()
        del lang

    def _segment_names(self, field) -> dict:
        if field.key != "segment_id":
            return {}
        with self.controller.workspace.session() as session:
            return {row["id"]: row["name"] or f"#{row['id']}"
                    for row in rows_of(session, "chain_segment", self.controller.report_id)}

    def _first_segment(self) -> dict:
        names = self._segment_names(self.links.model.record.field("segment_id"))
        return {"segment_id": next(iter(names))} if names else {}

    def _on_data_changed(self, tables: set) -> None:
        if tables & CHAIN_TABLES:
            self.redraw()

    def redraw(self) -> None:
        with self.controller.workspace.session() as session:
            data = load_chain(session, self.controller.report_id)
        self.diagram.show_layout(layout_chain(data, self.controller.lang))

    def _export(self, kind: str) -> None:
        default = f"{self.controller.park_code}-{self.controller.year}-chain.{kind}"
        path = save_file(self, self.tr("Export the chain map"), default, f"{kind.upper()} (*.{kind})")
        if path:
            (self.diagram.export_png if kind == "png" else self.diagram.export_svg)(path)

    def tables(self) -> list:
        """The record tables on this page, the one a comment most likely means first."""
        return [self.links, self.segments]

    def set_findings(self, findings) -> None:
        self.segments.model.set_findings(findings)
        self.links.model.set_findings(findings)

    def focus(self, record: str | None, record_id, field_key) -> bool:
        table = self.links if record == "chain_link" else self.segments
        return table.focus(record_id, field_key)
