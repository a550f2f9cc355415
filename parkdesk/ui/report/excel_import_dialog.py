"""Import from Excel/WPS: confirm or change the column mapping, see the preview, apply — or get the error workbook.

Reading, planning, applying and writing the error workbook run off the GUI
thread (parkdesk.ui.jobs) through the core's parkdesk.excel functions;
this dialog only shows and asks. The preview states how the workbook is merged
into the report (parkdesk.excel.instructions.MERGE_RULES).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from parkdesk.app import workbooks
from parkdesk.excel.error_workbook import write_error_workbook
from parkdesk.excel.importing import replan
from parkdesk.excel.instructions import MERGE_RULES
from parkdesk.excel.plan_model import CHANGED, NEW, REJECTED, UNCHANGED
from parkdesk.excel.targets import TARGETS
from parkdesk.ui.file_dialogs import open_file, save_file
from parkdesk.ui.i18n import TranslationContext
from parkdesk.ui.jobs import Job

PROBLEMS_SHOWN = 500


class ExcelImport(TranslationContext):
    """The translation context of this module's texts."""


class SheetPanel(QWidget):
    """One sheet: its mapping (header → field) and its preview."""

    remap_requested = Signal()

    def __init__(self, plan, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.mapping = plan.mapping
        fields = plan.target.importable_fields()
        self.mapping_table = QTableWidget(len(self.mapping.columns), 2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imported into")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for row, column in enumerate(self.mapping.columns):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(column.header or f"#{column.index + 1}"))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for field in fields:
                combo.addItem(field.header(lang), field.key)
            combo.setCurrentIndex(max(0, combo.findData(column.field)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.mapping_table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.counts = QLabel()
        self.notes = QLabel()  # how the sheet was read: its header, choices and units read forgivingly…
        self.notes.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([self.tr("Cell"), self.tr("Severity"), self.tr("Problem")])
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Columns (change where the guess is wrong)")))
        left.addWidget(self.mapping_table)
        right = QVBoxLayout()
        right.addWidget(self.counts)
        right.addWidget(self.notes)
        right.addWidget(self.problems)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.show_plan(plan)

    def _changed(self, row: int) -> None:
        column = self.mapping.columns[row]
        self.mapping = self.mapping.with_field(column.index, self.combos[row].currentData())
        for other, match in enumerate(self.mapping.columns):  # a field feeds from one column: reflect moves
            combo = self.combos[other]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(match.field)))
            combo.blockSignals(False)
        self.remap_requested.emit()

    def show_plan(self, plan) -> None:
        self.plan = plan
        counts = plan.counts()
        self.counts.setText(self.tr("New %1 · changed %2 · unchanged %3 · rejected %4")
                            .replace("%1", f"{counts[NEW]:,}").replace("%2", f"{counts[CHANGED]:,}")
                            .replace("%3", f"{counts[UNCHANGED]:,}").replace("%4", f"{counts[REJECTED]:,}"))
        if plan.deleted:
            self.counts.setText(self.counts.text() + "\n" + plan.deletion_message(self.lang))
        self.notes.setText("\n".join(notice.message(self.lang) for notice in plan.notices[1:]))
        self.notes.setVisible(len(plan.notices) > 1)
        problems = plan.problems()
        shown = problems[:PROBLEMS_SHOWN]
        self.problems.setRowCount(len(shown))
        severities = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        for row, problem in enumerate(shown):
            severity = severities.get(problem.severity, problem.severity)
            if problem.blocking:  # the row is left out; other problems are what validation will say
                severity += " · " + self.tr("not imported")
            texts = (problem.cell(), severity, problem.message(self.lang))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(row, column, item)


class ExcelImportDialog(QDialog):
    imported = Signal(object)  # ImportOutcome

    def __init__(self, controller, preview, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.preview = preview
        self.setWindowTitle(self.tr("Import from Excel — %1").replace("%1", preview.source.name))
        self.rules = QLabel("\n".join("• " + rule.text(controller.lang) for rule in MERGE_RULES))
        self.rules.setWordWrap(True)
        self.tabs = QTabWidget()
        self.panels: list[SheetPanel] = []
        for plan in preview.plans:
            panel = SheetPanel(plan, controller.lang)
            panel.remap_requested.connect(lambda p=panel: self.replan(p))
            self.tabs.addTab(panel, f"{plan.mapping.sheet} → {plan.target.label.text(controller.lang)}")
            self.panels.append(panel)
        self.import_button = QPushButton(self.tr("Import"))
        self.valid_button = QPushButton(self.tr("Import the valid rows only"))
        self.errors_button = QPushButton(self.tr("Save the error workbook…"))
        cancel = QPushButton(self.tr("Cancel"))
        self.import_button.clicked.connect(lambda: self.apply(valid_only=False))
        self.valid_button.clicked.connect(lambda: self.apply(valid_only=True))
        self.errors_button.clicked.connect(lambda: self.save_error_workbook())
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.errors_button)
        buttons.addStretch(1)
        for button in (self.valid_button, self.import_button, cancel):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self.resize(1100, 600)
        self._update_buttons()

    def plans(self):
        return [panel.plan for panel in self.panels]

    def _update_buttons(self) -> None:
        errors = any(plan.has_errors for plan in self.plans())
        self.import_button.setEnabled(not errors)
        self.valid_button.setEnabled(errors)
        self.errors_button.setEnabled(errors)

    def replan(self, panel: SheetPanel) -> Job:
        """Every sheet again with the panel's mapping: what one sheet says may change what others refer to."""
        workspace, preview, mapping = self.controller.workspace, self.preview, panel.mapping

        def work(progress):
            with workspace.session() as session:
                return replan(session, preview, mapping, progress=progress)

        job = self.controller.runner.job(self, self.tr("Checking the rows…"), work, writes=False)
        job.finished.connect(self._replanned)
        job.failed.connect(lambda text: QMessageBox.warning(self, self.windowTitle(), text))
        return job.start()

    def _replanned(self, plans) -> None:
        by_sheet = {plan.mapping.sheet: plan for plan in plans}
        for panel in self.panels:
            panel.show_plan(by_sheet[panel.mapping.sheet])
        self.preview.plans = plans
        self._update_buttons()

    def apply(self, valid_only: bool) -> Job:
        workspace, plans = self.controller.workspace, self.plans()
        job = self.controller.runner.job(self, self.tr("Importing…"), lambda progress: workbooks.apply(
            workspace, plans, valid_only=valid_only, progress=progress))
        job.finished.connect(self._applied)
        job.failed.connect(lambda text: QMessageBox.warning(self, self.windowTitle(), text))
        return job.start()

    def _applied(self, outcome) -> None:
        self.controller.reload_tables({target.table.name for target in TARGETS.values()})
        self.imported.emit(outcome)
        self.accept()

    def save_error_workbook(self, path: Path | None = None) -> Job | None:
        """Write the error workbook off the GUI thread, with progress (10,000 marked rows take seconds)."""
        if path is None:
            default = str(self.preview.source.with_name(self.preview.source.stem + "-errors.xlsx"))
            path = save_file(self, self.tr("Save the error workbook"), default, "Excel (*.xlsx)")
            if path is None:
                return None
        source, plans, lang, grids = self.preview.source, self.plans(), self.controller.lang, self.preview.grids
        job = self.controller.runner.job(self, self.tr("Writing the error workbook…"),
                                         lambda progress: write_error_workbook(source, plans, path, lang=lang,
                                                                               grids=grids, progress=progress),
                                         writes=False)
        job.failed.connect(lambda text: QMessageBox.warning(self, self.windowTitle(), text))
        return job.start()


def import_excel(parent, controller, path: Path | None = None) -> Job | None:
    """Read and plan `path` off the GUI thread, then open the dialog on the preview."""
    if path is None:
        path = open_file(parent, ExcelImport.tr("Import from Excel"), "Excel / WPS / LibreOffice (*.xlsx *.xls *.ods)")
        if path is None:
            return None
    workspace, report_id = controller.workspace, controller.report_id

    def work(progress):
        return workbooks.preview(workspace, report_id, path, progress=progress)

    job = controller.runner.job(parent, ExcelImport.tr("Reading %1…").replace("%1", path.name), work, writes=False)
    job.dialog_for_preview = None

    def show(preview) -> None:
        dialog = ExcelImportDialog(controller, preview, parent)
        job.dialog_for_preview = dialog
        dialog.imported.connect(lambda outcome: parent.message.emit(
            ExcelImport.tr("Imported: %1 new, %2 changed").replace("%1", str(outcome.inserted))
            .replace("%2", str(outcome.updated))))
        dialog.open()

    job.finished.connect(show)
    job.failed.connect(lambda text: QMessageBox.warning(parent, ExcelImport.tr("Import from Excel"), text))
    return job.start()
