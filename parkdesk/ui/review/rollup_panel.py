"""汇总: the district's roll-up of a year — previewed with each park's review state, exported as a workbook or
PDF, and built as the signed .parkrollup the city imports (approved packages only, as the built file is)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from parkdesk.app import review, rollups
from parkdesk.errors import ParkdeskError
from parkdesk.figures.numbers import number
from parkdesk.forms.field_values import grouped
from parkdesk.forms.indicators import INDICATOR_BY_KEY
from parkdesk.review.states import REVIEW_STATES
from parkdesk.ui.file_dialogs import save_file
from parkdesk.ui.identity_dialog import PassphraseDialog
from parkdesk.ui.jobs import JobRunner

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
        self.build_button = QPushButton(self.tr("Signed roll-up for the city…"))
        self.build_button.setObjectName("button_rollup_build")
        self.workbook_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.build_button.clicked.connect(lambda: self.build())
        self.year.currentIndexChanged.connect(lambda _index: self.reload())
        self.approved_only.toggled.connect(lambda _checked: self.reload())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.approved_only)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.workbook_button, self.pdf_button, self.build_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
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

    def build(self):
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
        workspace, passphrase = self.workspace, dialog.passphrase()
        job = self.runner.job(self, self.tr("Building the signed roll-up…"), lambda _progress: rollups.build_rollup(
            workspace, year, path, identity, passphrase))
        job.finished.connect(lambda built: self.message.emit(
            self.tr("Signed roll-up written: %1 (%2 parks)").replace("%1", str(built.path))
            .replace("%2", str(len(built.parks)))))
        job.failed.connect(lambda text: QMessageBox.warning(self, self.tr("Signed roll-up"), text))
        return job.start()


def _cell(value) -> str:
    return grouped(None if value is None else number(value))
