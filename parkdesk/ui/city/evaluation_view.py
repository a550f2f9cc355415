"""The yearly evaluation (plan 六(三)) in the window: the ranking with score, grade and reward cap under the
default or a chosen scoring scheme, the basis of every item for the park selected, and the export of the
workbook and the PDF (which stores the evaluation in the workspace, as `parkdesk city evaluate` does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from parkdesk.app import city
from parkdesk.city.labels import detail_text, grade_text, item_text, notes_text, park_heading, scheme_name
from parkdesk.errors import ParkdeskError
from parkdesk.figures.numbers import number, shown
from parkdesk.texts import text
from parkdesk.ui.city.years import plan_year_combo
from parkdesk.ui.file_dialogs import open_file, save_file
from parkdesk.ui.selection_buttons import enable_with_selection


class EvaluationView(QWidget):
    open_requested = Signal(int)  # a report id, opened read-only by the window

    def __init__(self, workspace, lang: str, year: int, parent=None):
        super().__init__(parent)
        self.workspace, self.lang = workspace, lang
        self.scheme = city.scheme()
        self.evaluation = None
        self.year = plan_year_combo(year)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.scheme_label = QLabel()
        self.scheme_label.setWordWrap(True)
        self.choose_scheme_button = QPushButton(self.tr("Scoring scheme…"))
        self.choose_scheme_button.setObjectName("button_choose_scheme")
        self.choose_scheme_button.setToolTip(self.tr("Score with a scheme file (JSON) instead of the built-in one"))
        self.choose_scheme_button.clicked.connect(lambda: self.choose_scheme())
        self.default_scheme_button = QPushButton(self.tr("Built-in scheme"))
        self.default_scheme_button.setObjectName("button_default_scheme")
        self.default_scheme_button.setToolTip(self.tr("Back to the built-in scheme"))
        self.default_scheme_button.clicked.connect(lambda: self.use_scheme(city.scheme()))
        self.save_scheme_button = QPushButton(self.tr("Save the built-in scheme…"))
        self.save_scheme_button.setObjectName("button_save_scheme")
        self.save_scheme_button.setToolTip(self.tr("Save the built-in scheme as a JSON file to adjust and choose"))
        self.save_scheme_button.clicked.connect(lambda: self.save_default_scheme())
        self.workbook_button = QPushButton(self.tr("Export workbook…"))
        self.workbook_button.setObjectName("button_evaluation_workbook")
        self.workbook_button.clicked.connect(lambda: self.export(workbook=True))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("button_evaluation_pdf")
        self.pdf_button.clicked.connect(lambda: self.export(workbook=False))
        self.open_button = QPushButton(self.tr("Open the report"))
        self.open_button.setObjectName("button_open_ranked_report")
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.ranking = QTableWidget(0, 7)
        self.ranking.setHorizontalHeaderLabels([
            text("city.rank", lang), park_heading(None, lang), text("city.division", lang), text("city.score", lang),
            text("city.grade", lang), text("city.reward", lang), text("city.third_party", lang)])
        self.ranking.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.ranking.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.ranking.itemSelectionChanged.connect(self._show_basis)
        self.ranking.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.basis = QTableWidget(0, 5)
        self.basis.setHorizontalHeaderLabels([text(k, lang) for k in ("city.item", "city.points", "city.max_points",
                                                                       "city.detail", "city.notes")])
        self.basis.setWordWrap(True)
        self.basis.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for table in (self.ranking, self.basis):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ranking.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.basis.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.basis.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.basis.setColumnWidth(4, 180)
        enable_with_selection(self.ranking, [self.open_button])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.choose_scheme_button)
        top.addWidget(self.default_scheme_button)
        top.addWidget(self.save_scheme_button)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.workbook_button)
        top.addWidget(self.pdf_button)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.ranking)
        body.addWidget(self.basis)
        body.setSizes([320, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scheme_label)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        self.reload()

    # --- the scheme -----------------------------------------------------------------------------

    def choose_scheme(self, path: Path | None = None) -> bool:
        path = path or open_file(self, self.tr("Scoring scheme"), "JSON (*.json)")
        if path is None:
            return False
        try:
            chosen = city.scheme(Path(path))
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Scoring scheme"), error.message(self.lang))
            return False
        self.use_scheme(chosen)
        return True

    def use_scheme(self, scheme) -> None:
        self.scheme = scheme
        self.reload()

    def save_default_scheme(self, path: Path | None = None) -> Path | None:
        path = path or save_file(self, self.tr("Save the built-in scheme"), "scheme.json", "JSON (*.json)")
        if path is None:
            return None
        try:
            city.write_default_scheme(Path(path))
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Save the built-in scheme"), error.message(self.lang))
            return None
        QMessageBox.information(self, self.tr("Save the built-in scheme"),
                                self.tr("Written to %1. Adjust it, then choose it with Scoring scheme….")
                                .replace("%1", str(path)))
        return Path(path)

    # --- the ranking ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.default_scheme_button.setEnabled(self.scheme.fingerprint != city.scheme().fingerprint)
        self.scheme_label.setText(self.tr("Scheme: %1 (fingerprint %2)").replace("%1", scheme_name(self.scheme, self.lang))
                                  .replace("%2", self.scheme.fingerprint[:16]))
        try:
            self.evaluation = city.ranking(self.workspace, self.year.currentData(), self.scheme)
        except ParkdeskError as error:
            self.evaluation = None
            self.summary.setText(error.message(self.lang))
        else:
            counts = self.evaluation.grade_counts
            self.summary.setText(self.tr("%1 parks; %2. Reward caps total %3 (10k CNY). Not yet stored: exporting "
                                         "the workbook or the PDF stores the evaluation.")
                                 .replace("%1", str(len(self.evaluation.parks)))
                                 .replace("%2", ("、" if self.lang == "zh" else ", ").join(
                                     f"{grade_text(g, self.lang)} {n}" for g, n in counts.items()))
                                 .replace("%3", f"{number(self.evaluation.reward_total):,}"))
        for button in (self.workbook_button, self.pdf_button):
            button.setEnabled(self.evaluation is not None)
        self._show_ranking()

    def _show_ranking(self) -> None:
        results = self.evaluation.parks if self.evaluation else ()
        self.ranking.setRowCount(len(results))
        for row, result in enumerate(results):
            party = result.third_party
            cells = (str(result.rank), result.park.name, result.park.division_name or "—",
                     f"{number(result.score.score)}", grade_text(result.grade, self.lang),
                     f"{number(result.reward):,}",
                     "" if party is None else f"{party.evaluator}:{grade_text(party.grade, self.lang)}")
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column in (0, 3, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.ranking.setItem(row, column, item)
        self.basis.setRowCount(0)
        if results:
            self.ranking.selectRow(0)

    def selected_result(self):
        rows = self.ranking.selectionModel().selectedRows() if self.ranking.selectionModel() else []
        if not rows or self.evaluation is None:
            return None
        return self.evaluation.parks[rows[0].row()]

    def _show_basis(self) -> None:
        result = self.selected_result()
        items = result.score.items if result else ()
        self.basis.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = (item_text(self.evaluation.scheme, item.key, self.lang), shown(item.points),
                     f"{number(item.max_points)}", detail_text(item.detail, self.lang),
                     notes_text(item.notes, self.lang))
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(str(value))
                cell.setToolTip(str(value))
                self.basis.setItem(row, column, cell)

    def open_selected(self) -> None:
        result = self.selected_result()
        if result is not None:
            self.open_requested.emit(result.park.report_id)

    # --- export ---------------------------------------------------------------------------------

    def export(self, *, workbook: bool, path: Path | None = None) -> Path | None:
        """Write the workbook or the PDF and store the evaluation; say where it went."""
        year = self.year.currentData()
        title = self.tr("Export workbook") if workbook else self.tr("Export PDF")
        if path is None:
            suffix, kind = ("xlsx", "Excel (*.xlsx)") if workbook else ("pdf", "PDF (*.pdf)")
            path = save_file(self, title, f"evaluation-{year}.{suffix}", kind)
            if path is None:
                return None
        path = Path(path)
        try:
            evaluation, record_id = city.evaluate(self.workspace, year, self.scheme, path if workbook else None,
                                                  pdf=None if workbook else path, lang=self.lang)
        except ParkdeskError as error:
            QMessageBox.warning(self, title, error.message(self.lang))
            return None
        QMessageBox.information(self, title, text("city.evaluated", self.lang, year=year, evaluation_id=record_id,
                                                  parks=len(evaluation.parks),
                                                  fingerprint=evaluation.fingerprint[:16], path=path))
        return path
