"""The city bureau's own records: a park recognised in a new category or level (动态认定, from a date, by a
document), and the third-party evaluator's grade of a park's year, which the evaluation then takes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)
from sqlalchemy import select

from parkdesk.app import city
from parkdesk.city.labels import category_text, level_text, park_heading
from parkdesk.db.models import Park
from parkdesk.errors import ParkdeskError
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.choices import RECOGNITION_LEVELS
from parkdesk.reference.grading import GRADE_BY_KEY
from parkdesk.reference.stages import STAGES


class RecordsView(QWidget):
    recorded = Signal()  # a record changed what the dashboard and the evaluation count

    def __init__(self, workspace, lang: str, parent=None):
        super().__init__(parent)
        self.workspace, self.lang = workspace, lang
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("recognitions")
        self.table.setHorizontalHeaderLabels([park_heading(None, lang), self.tr("From"), self.tr("Document"),
                                              park_heading("category", lang), park_heading("level", lang),
                                              self.tr("Note")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.recognize_button = QPushButton(self.tr("Record a recognition…"))
        self.recognize_button.setObjectName("button_recognize")
        self.recognize_button.setToolTip(self.tr("A park recognised in a new category or level, from a date, by a "
                                                 "document"))
        self.recognize_button.clicked.connect(lambda: self.record_recognition())
        self.third_party_button = QPushButton(self.tr("Record a third-party result…"))
        self.third_party_button.setObjectName("button_third_party")
        self.third_party_button.setToolTip(self.tr("The grade the third-party evaluator gave a park for a year; the "
                                                   "evaluation takes it, parkdesk's score is then for reference"))
        self.third_party_button.clicked.connect(lambda: self.record_third_party())
        buttons = QHBoxLayout()
        buttons.addWidget(self.recognize_button)
        buttons.addWidget(self.third_party_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Recognition changes</b> — the dashboard and the evaluation count a park "
                                        "in the category and level it held at the year's end")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def _parks(self) -> list[tuple[str, str]]:
        with self.workspace.session() as session:
            return [(code, name) for code, name in session.execute(select(Park.code, Park.name).order_by(Park.code))]

    def reload(self) -> None:
        names = dict(self._parks())
        rows = city.recognitions(self.workspace)
        self.table.setRowCount(len(rows))
        for row, change in enumerate(rows):
            cells = (f"{names.get(change.park_code, change.park_code)}({change.park_code})",
                     change.effective_date.isoformat(), change.document_number,
                     category_text(change.category, self.lang) if change.category else "—",
                     level_text(change.level, self.lang) if change.level else "—", change.note or "")
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _form(self, title: str) -> tuple[QDialog, QFormLayout, QComboBox]:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        park = QComboBox()
        for code, name in self._parks():
            park.addItem(f"{name}({code})", code)
        form.addRow(park_heading(None, self.lang), park)
        return dialog, form, park

    def _run(self, dialog: QDialog, form: QFormLayout, record) -> bool:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(dialog.reject)
        note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: #c62828")
        form.addRow(note)
        form.addRow(buttons)

        def accept() -> None:
            try:
                record()
            except ParkdeskError as error:
                note.setText(error.message(self.lang))  # said in the dialog: the entries stay to be corrected
                return
            dialog.accept()

        buttons.accepted.connect(accept)
        if not dialog.exec():
            return False
        self.reload()
        self.recorded.emit()
        return True

    def record_recognition(self) -> bool:
        dialog, form, park = self._form(self.tr("Record a recognition"))
        effective = QDateEdit(QDate.currentDate())
        effective.setCalendarPopup(True)
        document = QLineEdit()
        document.setObjectName("recognition_document")
        category, level = QComboBox(), QComboBox()
        for combo, choices in ((category, [(c.key, c.label) for c in CATEGORIES]), (level, RECOGNITION_LEVELS)):
            combo.addItem(self.tr("(unchanged)"), None)
            for key, label in choices:
                combo.addItem(label.text(self.lang), key)
        note = QLineEdit()
        form.addRow(self.tr("From:"), effective)
        form.addRow(self.tr("Document number:"), document)
        form.addRow(park_heading("category", self.lang), category)
        form.addRow(park_heading("level", self.lang), level)
        form.addRow(self.tr("Note:"), note)
        return self._run(dialog, form, lambda: city.recognize(
            self.workspace, park.currentData(), date.fromisoformat(effective.date().toString("yyyy-MM-dd")),
            document.text(), category=category.currentData(), level=level.currentData(), note=note.text()))

    def record_third_party(self) -> bool:
        dialog, form, park = self._form(self.tr("Record a third-party result"))
        year = QComboBox()
        for stage in STAGES:
            year.addItem(str(stage.year), stage.year)
        last_year = min(QDate.currentDate().year() - 1, STAGES[-1].year)  # the latest year a grade can be for
        year.setCurrentIndex(max(0, year.findData(last_year)))
        grade = QComboBox()
        for key, tier in GRADE_BY_KEY.items():
            grade.addItem(tier.label.text(self.lang), key)
        evaluator, score, document = QLineEdit(), QLineEdit(), QLineEdit()
        evaluator.setObjectName("third_party_evaluator")
        form.addRow(self.tr("Year:"), year)
        form.addRow(self.tr("Grade:"), grade)
        form.addRow(self.tr("Evaluator:"), evaluator)
        form.addRow(self.tr("Score (optional):"), score)
        form.addRow(self.tr("Document number (optional):"), document)
        done = self._run(dialog, form, lambda: city.record_third_party(
            self.workspace, year.currentData(), park.currentData(), grade.currentData(), evaluator.text(),
            score=score.text().strip() or None, document_number=document.text().strip() or None))
        if done:
            QMessageBox.information(self, self.tr("Record a third-party result"),
                                    self.tr("Recorded. The evaluation of that year now takes this grade."))
        return done
