"""The 1234 goals of a year at a glance: each goal with a bar toward its target (its unit; "no data" where there
is nothing to measure yet), the domain × category coverage (key and characteristic domains), every district and
zone with its parks, the parks counted (each opens read-only), the districts' year-end reports; exported as the
dashboard PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QTabWidget, QVBoxLayout, QWidget,
)

from parkdesk.app import rollups
from parkdesk.city.dashboard import goals_dashboard, goal_unit
from parkdesk.city.dashboard_pdf import write_dashboard_pdf
from parkdesk.city.labels import category_text, domain_text, park_heading, status_text
from parkdesk.errors import ParkdeskError
from parkdesk.figures.formulas import formula
from parkdesk.forms.field_values import grouped
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.domains import DOMAIN_BY_KEY
from parkdesk.reference.goals import GOAL_BY_KEY
from parkdesk.review.rollup_import import rollup_result_text
from parkdesk.texts import text
from parkdesk.ui.city.years import plan_year_combo
from parkdesk.ui.file_dialogs import open_files, save_file
from parkdesk.ui.file_drops import FileDropTarget
from parkdesk.ui.report.indicators_page import ProgressBarDelegate
from parkdesk.ui.selection_buttons import enable_with_selection

MET, SHORT = QColor("#c8e6c9"), QColor("#ffcdd2")


class DashboardView(FileDropTarget, QWidget):
    imported = Signal()  # roll-ups came in: the other tabs read afresh
    open_requested = Signal(int)  # a counted park's report, opened read-only

    def __init__(self, workspace, lang: str, year: int, parent=None):
        super().__init__(parent)
        self.workspace, self.lang = workspace, lang
        self.dashboard = None
        heading = QLabel(self.tr("The plan's 1234 goals"))
        heading.setObjectName("heading")
        self.year = plan_year_combo(year)
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
        self.parks = QTableWidget(0, 4)
        self.parks.setObjectName("dashboard_parks")
        self.parks.setHorizontalHeaderLabels([park_heading(None, lang), text("city.division", lang),
                                              park_heading("category", lang), text("city.status", lang)])
        self.parks.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.parks.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.parks.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.open_button = QPushButton(self.tr("Open the report"))
        self.open_button.setObjectName("button_open_dashboard_report")
        self.open_button.setToolTip(self.tr("The park's counted report of the year, read-only"))
        self.open_button.clicked.connect(lambda: self.open_selected())
        enable_with_selection(self.parks, [self.open_button])
        self.year_end = QTableWidget(0, 3)
        self.year_end.setHorizontalHeaderLabels([self.tr("District (year-end report)"), self.tr("Progress"),
                                                 self.tr("Planned new parks")])
        for table in (self.goals, self.coverage, self.districts, self.parks, self.year_end):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setWordWrap(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for table in (self.goals, self.coverage, self.districts, self.year_end):
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for table, column in ((self.goals, 0), (self.districts, 0), (self.parks, 3)):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.pdf_button)
        top.addWidget(self.import_button)
        parks_page = QWidget()
        parks_layout = QVBoxLayout(parks_page)
        parks_layout.setContentsMargins(0, 0, 0, 0)
        parks_layout.addWidget(self.parks, 1)
        parks_row = QHBoxLayout()
        parks_row.addStretch(1)
        parks_row.addWidget(self.open_button)
        parks_layout.addLayout(parks_row)
        self.lower = QTabWidget()
        self.lower.addTab(self.coverage, self.tr("Domains × categories"))
        self.lower.addTab(self.districts, self.tr("Districts and zones"))
        self.lower.addTab(parks_page, self.tr("Parks counted"))
        self.lower.addTab(self.year_end, self.tr("Districts' year-end reports"))
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.goals)
        body.addWidget(self.lower)
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
        self.imported.emit()
        lines = [rollup_result_text(result, self.lang) for result in results]
        if not lines:
            lines = [self.tr("No roll-up (.parkrollup) among the files chosen.")]
        QMessageBox.information(self, self.tr("Import roll-ups"), "\n".join(lines))
        return results

    def reload(self) -> None:
        with self.workspace.session() as session:
            self.dashboard = goals_dashboard(session, self.year.currentData())
        self._show_goals()
        self._show_coverage()
        self._show_districts()
        self._show_parks()
        self._show_year_end()
        self.counted.setText(self.tr("%1 parks counted; %2 reports not yet locked are left out")
                             .replace("%1", str(len(self.dashboard.parks)))
                             .replace("%2", str(len(self.dashboard.uncounted))))

    def park_names(self, codes) -> str:
        names = {park.code: park.name for park in self.dashboard.parks}
        return "、".join(names.get(code, code) for code in codes) or "—"

    def _show_goals(self) -> None:
        goals = self.dashboard.goals
        self.goals.setRowCount(len(goals))
        for row, goal in enumerate(goals):
            definition = GOAL_BY_KEY[goal.key]
            name = f"{definition.group.text(self.lang)} · {definition.label.text(self.lang)}"
            unit = goal_unit(goal.key).text(self.lang)
            no_data = goal.state == "no_data"
            share = None if goal.progress is None or no_data else float(goal.progress)
            cells = [name, "—" if no_data else f"{grouped(goal.value, 1)} {unit}",
                     "—" if goal.target is None or no_data else f"{grouped(goal.target, 1)} {unit}",
                     text(f"city.state.{goal.state}", self.lang) if share is None else f"{share:.0%}"]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(formula(goal.figure, self.lang) if column == 3 and goal.figure else value)
                if goal.state in ("met", "not_met"):
                    item.setBackground(MET if goal.met else SHORT)
                self.goals.setItem(row, column, item)
            self.goals.item(row, 3).setData(Qt.ItemDataRole.UserRole, share)

    def _show_coverage(self) -> None:
        """The key domains need each category (a cell each); a characteristic domain needs one park (a row)."""
        coverage = self.dashboard.domains
        domains = list(dict.fromkeys(cell.domain for cell in coverage.cells))
        self.coverage.clearSpans()
        self.coverage.setRowCount(len(domains))
        self.coverage.setVerticalHeaderLabels([DOMAIN_BY_KEY[d].label.text(self.lang) if d in DOMAIN_BY_KEY else d
                                               for d in domains])
        categories = [c.key for c in CATEGORIES]
        for cell in coverage.cells:
            row = domains.index(cell.domain)
            column = 0 if cell.category is None else categories.index(cell.category)
            if cell.category is None:
                self.coverage.setSpan(row, 0, 1, len(categories))
            item = QTableWidgetItem(self.park_names(cell.parks))
            item.setToolTip(item.text())
            item.setBackground(MET if cell.filled else SHORT)
            self.coverage.setItem(row, column, item)

    def _show_districts(self) -> None:
        """Every district and county (each needs a park), then the functional zones with parks."""
        coverage = self.dashboard.districts
        cells = [*coverage.districts, *coverage.zones]
        self.districts.setRowCount(len(cells))
        for row, district in enumerate(cells):
            zone = district in coverage.zones
            name = district.name + (self.tr(" (functional zone)") if zone else "")
            for column, value in enumerate((name, self.park_names(district.parks))):
                item = QTableWidgetItem(value)
                if not zone:
                    item.setBackground(MET if district.parks else SHORT)
                self.districts.setItem(row, column, item)

    def _show_parks(self) -> None:
        parks = self.dashboard.parks
        self.parks.setRowCount(len(parks))
        for row, park in enumerate(parks):
            cells = (park.name, park.division_name or "—", category_text(park.category, self.lang),
                     status_text(park.status, self.lang))
            for column, value in enumerate(cells):
                self.parks.setItem(row, column, QTableWidgetItem(value))

    def open_selected(self) -> None:
        rows = self.parks.selectionModel().selectedRows()
        if rows:
            self.open_requested.emit(self.dashboard.parks[rows[0].row()].report_id)

    def _show_year_end(self) -> None:
        """The districts' year-end reports (plan 六(一)) their roll-ups carried."""
        sections = self.dashboard.district_reports
        self.year_end.setRowCount(len(sections))
        for row, section in enumerate(sections):
            planned = "\n".join(
                f"{p.name}({domain_text(p.domain, self.lang)},{category_text(p.category, self.lang)},"
                f"{p.expected_year})" for p in section.report.planned_parks)
            texts = (f"{section.district_name}({section.district_code})", section.report.progress, planned)
            for column, value in enumerate(texts):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.year_end.setItem(row, column, item)


    def export_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen = save_file(self, self.tr("Export PDF"), f"1234-{self.year.currentData()}.pdf", "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = write_dashboard_pdf(self.dashboard, path, lang=self.lang)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Export PDF"), error.message(self.lang))
            return None
        QMessageBox.information(self, self.tr("Export PDF"), self.tr("PDF written: %1").replace("%1", str(written)))
        return written
