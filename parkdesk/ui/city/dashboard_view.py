"""The 1234 goals of a year at a glance: each goal with a bar toward its target, the domain × category
coverage matrix, and the districts with and without a park; exported as the dashboard PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from parkdesk.app import rollups
from parkdesk.city.dashboard import goals_dashboard
from parkdesk.city.dashboard_pdf import write_dashboard_pdf
from parkdesk.city.labels import category_text, domain_text
from parkdesk.errors import ParkdeskError
from parkdesk.figures.formulas import formula
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.domains import DOMAIN_BY_KEY
from parkdesk.reference.goals import GOAL_BY_KEY
from parkdesk.reference.stages import STAGES
from parkdesk.review.rollup_import import rollup_result_text
from parkdesk.ui.file_dialogs import open_files, save_file
from parkdesk.ui.file_drops import FileDropTarget
from parkdesk.ui.report.indicators_page import ProgressBarDelegate

MET, SHORT = QColor("#c8e6c9"), QColor("#ffcdd2")


class DashboardView(FileDropTarget, QWidget):
    def __init__(self, workspace, lang: str, parent=None):
        super().__init__(parent)
        self.workspace, self.lang = workspace, lang
        self.dashboard = None
        heading = QLabel(self.tr("The plan's 1234 goals"))
        heading.setObjectName("heading")
        self.year = QComboBox()
        for stage in STAGES:
            self.year.addItem(str(stage.year), stage.year)
        self.year.setCurrentIndex(self._latest_counted_year_index())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("button_dashboard_pdf")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.import_button = QPushButton(self.tr("Import roll-ups…"))
        self.import_button.setObjectName("button_import_rollups")
        self.import_button.setToolTip(self.tr("Districts' signed roll-ups (.parkrollup): files, or drop files or "
                                              "folders on this window"))
        self.import_button.clicked.connect(lambda: self.choose_rollups())
        self.setAcceptDrops(True)
        self.counted = QLabel()
        self.goals = QTableWidget(0, 4)
        self.goals.setHorizontalHeaderLabels([self.tr("Goal"), self.tr("Now"), self.tr("Target"), self.tr("Progress")])
        self.goals.setItemDelegateForColumn(3, ProgressBarDelegate(self.goals))
        self.coverage = QTableWidget(0, len(CATEGORIES))
        self.coverage.setHorizontalHeaderLabels([c.text(lang) for c in CATEGORIES])
        self.districts = QTableWidget(0, 2)
        self.districts.setHorizontalHeaderLabels([self.tr("District or county"), self.tr("Parks")])
        self.year_end = QTableWidget(0, 3)
        self.year_end.setHorizontalHeaderLabels([self.tr("District (year-end report)"), self.tr("Progress"),
                                                 self.tr("Planned new parks")])
        for table in (self.goals, self.coverage, self.districts, self.year_end):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.goals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.pdf_button)
        top.addWidget(self.import_button)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.coverage)
        lower.addWidget(self.districts)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.goals)
        body.addWidget(lower)
        body.addWidget(self.year_end)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counted)
        layout.addWidget(body, 1)
        self.reload()

    # --- roll-ups from the districts --------------------------------------------------------------

    def choose_rollups(self) -> list | None:
        paths = open_files(self, self.tr("Import roll-ups"), "parkdesk (*.parkrollup);;* (*)")
        return self.import_rollups(paths) if paths else None

    def files_dropped(self, paths: list[Path]) -> None:
        self.import_rollups(paths)

    def import_rollups(self, paths: list[Path]) -> list:
        """Take in the roll-ups (each verified against the district certificates the city trusts) and say, in
        words, what came of each; the dashboard then counts what was accepted."""
        try:
            results = rollups.import_rollups(self.workspace, paths)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Import roll-ups"), error.message(self.lang))
            return []
        self.reload()
        lines = [rollup_result_text(result, self.lang) for result in results]
        if not lines:
            lines = [self.tr("No roll-up (.parkrollup) among the files chosen.")]
        QMessageBox.information(self, self.tr("Import roll-ups"), "\n".join(lines))
        return results

    def _latest_counted_year_index(self) -> int:
        """The latest plan year with locked reports to count (a new year's drafts count for nothing yet)."""
        with self.workspace.session() as session:
            for index in range(self.year.count() - 1, -1, -1):
                if goals_dashboard(session, self.year.itemData(index)).parks:
                    return index
        return self.year.count() - 1

    def reload(self) -> None:
        with self.workspace.session() as session:
            self.dashboard = goals_dashboard(session, self.year.currentData())
        self._show_goals()
        self._show_coverage()
        self._show_districts()
        self._show_year_end()
        self.counted.setText(self.tr("%1 parks counted; %2 reports not yet locked are left out")
                             .replace("%1", str(len(self.dashboard.parks)))
                             .replace("%2", str(len(self.dashboard.uncounted))))

    def _show_goals(self) -> None:
        goals = self.dashboard.goals
        self.goals.setRowCount(len(goals))
        for row, goal in enumerate(goals):
            definition = GOAL_BY_KEY[goal.key]
            name = f"{definition.group.text(self.lang)} · {definition.label.text(self.lang)}"
            share = None if goal.progress is None else float(goal.progress)
            cells = [name, _shown(goal.value), _shown(goal.target) if goal.target is not None else "—",
                     "" if share is None else f"{share:.0%}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(formula(goal.figure, self.lang) if column == 3 and goal.figure else text)
                if goal.met is not None:
                    item.setBackground(MET if goal.met else SHORT)
                self.goals.setItem(row, column, item)
            self.goals.item(row, 3).setData(Qt.ItemDataRole.UserRole, share)

    def _show_coverage(self) -> None:
        cells = self.dashboard.domains.key_cells
        domains = list(dict.fromkeys(cell.domain for cell in cells))
        self.coverage.setRowCount(len(domains))
        self.coverage.setVerticalHeaderLabels([DOMAIN_BY_KEY[d].label.text(self.lang) if d in DOMAIN_BY_KEY else d
                                               for d in domains])
        for cell in cells:
            row = domains.index(cell.domain)
            column = [c.key for c in CATEGORIES].index(cell.category)
            item = QTableWidgetItem("、".join(cell.parks) or "—")
            item.setBackground(MET if cell.filled else SHORT)
            self.coverage.setItem(row, column, item)

    def _show_districts(self) -> None:
        districts = self.dashboard.districts.districts
        self.districts.setRowCount(len(districts))
        for row, district in enumerate(districts):
            for column, text in enumerate((district.name, "、".join(district.parks) or "—")):
                item = QTableWidgetItem(text)
                item.setBackground(MET if district.parks else SHORT)
                self.districts.setItem(row, column, item)

    def _show_year_end(self) -> None:
        """The districts' year-end reports (plan 六(一)) their roll-ups carried."""
        sections = self.dashboard.district_reports
        self.year_end.setRowCount(len(sections))
        for row, section in enumerate(sections):
            planned = "\n".join(
                f"{p.name}({domain_text(p.domain, self.lang)},{category_text(p.category, self.lang)},"
                f"{p.expected_year})" for p in section.report.planned_parks)
            texts = (f"{section.district_name}({section.district_code})", section.report.progress, planned)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.year_end.setItem(row, column, item)
        self.year_end.resizeRowsToContents()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen = save_file(self, self.tr("Export PDF"), f"1234-{self.year.currentData()}.pdf", "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            return write_dashboard_pdf(self.dashboard, path, lang=self.lang)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Export PDF"), error.message(self.lang))
            return None


def _shown(value) -> str:
    number = float(value)
    return f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
