"""汇总: the district's roll-up of a year — previewed with each park's review state, exported as a workbook or
PDF, and built as the signed .parkrollup the city imports (approved packages only, as the built file is)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from parkdesk.app import review, rollups
from parkdesk.errors import ParkdeskError
from parkdesk.figures.numbers import number
from parkdesk.forms.field_values import grouped
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.domains import DOMAINS
from parkdesk.review.district_report import DistrictReport, planned_park
from parkdesk.review.states import REVIEW_STATES
from parkdesk.ui.file_dialogs import save_file
from parkdesk.ui.identity_dialog import PassphraseDialog
from parkdesk.ui.jobs import JobRunner
from parkdesk.ui.selection_buttons import enable_with_selection

SHOWN = ("enterprise_count", "industry_scale", "service_exports", "core_enterprise_count", "employees")
YEARS = (2024, 2023, 2022)


class RollupPanel(QWidget):
    message = Signal(str)

    def __init__(self, workspace, lang: str, runner: JobRunner, parent=None):
        super().__init__(parent)
        self.workspace, self.lang, self.runner = workspace, lang, runner
        self.year = QComboBox()
        for year in YEARS:
            self.year.addItem(str(year), year)
        self.approved_only = QCheckBox(self.tr("Approved packages only (as the signed roll-up carries them)"))
        self.approved_only.setChecked(True)
        self.table = QTableWidget(0, 3 + len(SHOWN))
        self.table.setObjectName("rollup_preview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Park"), self.tr("Review state")]
                                             + [f"{INDICATOR_BY_KEY[key].label.text(lang)}"
                                                f"({INDICATOR_BY_KEY[key].unit.text(lang)})" for key in SHOWN])
        self.workbook_button = QPushButton(self.tr("Export workbook…"))
        self.workbook_button.setObjectName("button_rollup_export")
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("button_rollup_pdf")
        self.task_button = QPushButton(self.tr("Task table…"))
        self.task_button.setObjectName("button_task_table")
        self.task_button.setToolTip(self.tr("Each park's stages, core tasks and milestones with their status, as a "
                                            "workbook to filter and sort"))
        self.task_button.clicked.connect(lambda: self.export_task_table())
        self.build_button = QPushButton(self.tr("Signed roll-up for the city…"))
        self.build_button.setObjectName("button_rollup_build")
        self.workbook_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.build_button.clicked.connect(lambda: self.build())
        self.year.currentIndexChanged.connect(lambda _index: self.reload())
        self.approved_only.toggled.connect(lambda _checked: self.reload())
        self.year_end = YearEndSection(lang)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.approved_only)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.workbook_button, self.pdf_button, self.task_button, self.build_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.year_end)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        year = self.year.currentData()
        rollup = rollups.rollup_table(self.workspace, year, approved_only=self.approved_only.isChecked())
        states = dict(REVIEW_STATES)
        rows = [[row.park.code, row.park.name, states[row.state].text(self.lang) if row.state in states else "—"]
                + [_cell(row.actual(key)) for key in SHOWN] for row in rollup.rows]
        rows.append([self.tr("Total"), "", ""] + [_cell(rollup.total(key)) for key in SHOWN])
        self.table.setRowCount(len(rows))
        for number_, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(number_, column, QTableWidgetItem(value))
        self.build_button.setEnabled(bool(rollup.rows))

    def export(self, kind: str):
        year = self.year.currentData()
        path = save_file(self, self.tr("Export the roll-up"), f"rollup-{year}.{kind}",
                         "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)")
        if path is None:
            return None
        try:
            written = rollups.export_rollup(self.workspace, year, path, lang=self.lang,
                                            approved_only=self.approved_only.isChecked())
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Export the roll-up"), error.message(self.lang))
            return None
        self.message.emit(self.tr("Roll-up written: %1").replace("%1", str(written)))
        return written

    def export_task_table(self):
        """任务表: park × stage × core task or milestone × status, of the year's reports."""
        from parkdesk.app import exports

        year = self.year.currentData()
        path = save_file(self, self.tr("Task table"), f"tasks-{year}.xlsx", "Excel (*.xlsx)")
        if path is None:
            return None
        try:
            exports.task_table(self.workspace, year, path, lang=self.lang)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Task table"), error.message(self.lang))
            return None
        self.message.emit(self.tr("Task table written: %1").replace("%1", str(path)))
        return path

    def build(self):
        """The signed roll-up of the year's approved packages, with the district's year-end section when one is
        written (its progress and next year's planned new parks)."""
        year = self.year.currentData()
        try:
            identity = review.district_signing_identity(self.workspace)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Signed roll-up"), error.message(self.lang))
            return None
        dialog = PassphraseDialog(self, self.tr("Passphrase of %1").replace("%1", identity), confirm=False)
        if not dialog.exec():
            return None
        path = save_file(self, self.tr("Signed roll-up"), f"rollup-{year}.parkrollup", "parkdesk (*.parkrollup)")
        if path is None:
            return None
        try:
            section = self.year_end.section()
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Signed roll-up"), error.message(self.lang))
            return None
        workspace, passphrase = self.workspace, dialog.passphrase()
        job = self.runner.job(self, self.tr("Building the signed roll-up…"), lambda _progress: rollups.build_rollup(
            workspace, year, path, identity, passphrase, district_report=section))
        job.finished.connect(lambda built: self.message.emit(
            self.tr("Signed roll-up written: %1 (%2 parks)").replace("%1", str(built.path))
            .replace("%2", str(len(built.parks)))))
        job.failed.connect(lambda text: QMessageBox.warning(self, self.tr("Signed roll-up"), text))
        return job.start()


def _cell(value) -> str:
    return grouped(None if value is None else number(value))


class YearEndSection(QGroupBox):
    """The district's year-end section (plan 六(一)): its progress in words and the new parks it plans, carried
    by the signed roll-up to the city's dashboard."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("Year-end report to the city (optional): progress and planned new parks"))
        self.progress = QPlainTextEdit()
        self.progress.setObjectName("rollup_progress")
        self.progress.setPlaceholderText(self.tr("The district's progress this year, in a few sentences…"))
        self.planned = QTableWidget(0, 4)
        self.planned.setObjectName("rollup_planned_parks")
        self.planned.setHorizontalHeaderLabels([self.tr("Planned park"), self.tr("Domain"), self.tr("Category"),
                                                self.tr("Expected year")])
        self.planned.verticalHeader().setVisible(False)
        header = self.planned.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add a planned park"))
        self.add_button.setObjectName("button_add_planned_park")
        self.add_button.clicked.connect(lambda: self.add_park())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("button_remove_planned_park")
        self.remove_button.clicked.connect(lambda: self.remove_park())
        enable_with_selection(self.planned, [self.remove_button])
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.progress, 2)
        layout.addWidget(self.planned, 3)
        layout.addLayout(side)
        self.setMaximumHeight(170)

    def add_park(self, name: str = "", domain: str | None = None, category: str | None = None,
                 year: int | None = None) -> int:
        row = self.planned.rowCount()
        self.planned.insertRow(row)
        self.planned.setItem(row, 0, QTableWidgetItem(name))
        for column, choices, chosen in ((1, DOMAINS, domain), (2, CATEGORIES, category)):
            combo = QComboBox()
            for choice in choices:
                combo.addItem(choice.label.text(self.lang), choice.key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.planned.setCellWidget(row, column, combo)
        spin = QSpinBox()
        spin.setRange(2022, 2030)
        spin.setValue(year or QDate.currentDate().year() + 1)
        self.planned.setCellWidget(row, 3, spin)
        self.planned.setCurrentCell(row, 0)
        self.planned.editItem(self.planned.item(row, 0))
        return row

    def remove_park(self) -> None:
        rows = sorted({index.row() for index in self.planned.selectedIndexes()}, reverse=True)
        for row in rows:
            self.planned.removeRow(row)

    def section(self) -> DistrictReport | None:
        """What was written, checked (a planned park needs a name); None when nothing was."""
        parks = []
        for row in range(self.planned.rowCount()):
            name = (self.planned.item(row, 0).text() if self.planned.item(row, 0) else "").strip()
            parks.append(planned_park(name, self.planned.cellWidget(row, 1).currentData(),
                                      self.planned.cellWidget(row, 2).currentData(),
                                      self.planned.cellWidget(row, 3).value()))
        progress = self.progress.toPlainText().strip()
        if not progress and not parks:
            return None
        return DistrictReport(progress, tuple(parks))
