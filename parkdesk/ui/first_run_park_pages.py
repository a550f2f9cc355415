"""The park pages of the first-run wizard: one of the plan's 12 parks, or the details of a new one.

A new park's details are checked by the core (parkdesk.reports.park_setup.check_new_park) as the user
types, so the page accepts exactly what creating the park will accept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from parkdesk.errors import ParkdeskError
from parkdesk.reference.categories import CATEGORIES, CATEGORY_BY_KEY
from parkdesk.reference.choices import RECOGNITION_LEVELS
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES
from parkdesk.reference.domains import DOMAIN_BY_KEY, DOMAINS
from parkdesk.reference.parks import PLAN_PARKS
from parkdesk.reports.park_setup import check_new_park
from parkdesk.ui.first_run_pages import PAGE_NEW_PARK, PAGE_YEAR, WizardPage, fill_combo, hint_label

PARK_COLUMNS = 4  # code, name, category, domain


class ParkPage(WizardPage):
    """One of the plan's 12 parks, or a new park (next page)."""

    def __init__(self, lang: str):
        super().__init__(lang)
        self.plan_radio = QRadioButton()
        self.new_radio = QRadioButton()
        self.plan_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.plan_radio)
        group.addButton(self.new_radio)
        self.table = QTableWidget(len(PLAN_PARKS), PARK_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PARK_COLUMNS - 1, QHeaderView.ResizeMode.Stretch)  # long English domains elide
        self.division_label = QLabel()
        self.division_combo = QComboBox()
        self.division_label.setBuddy(self.division_combo)
        division_row = QHBoxLayout()
        division_row.addWidget(self.division_label)
        division_row.addWidget(self.division_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_radio)
        layout.addWidget(self.table, 1)
        layout.addLayout(division_row)
        layout.addWidget(self.new_radio)
        self.plan_radio.toggled.connect(self._changed)
        self.table.itemSelectionChanged.connect(self._changed)
        self.set_lang(lang)
        self.retranslate()

    def is_new_park(self) -> bool:
        return self.new_radio.isChecked()

    def park_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return PLAN_PARKS[rows[0].row()].code if rows else None

    def division_code(self) -> str | None:
        return self.division_combo.currentData()

    def select_park(self, code: str) -> None:
        self.table.selectRow(next(i for i, p in enumerate(PLAN_PARKS) if p.code == code))

    def isComplete(self) -> bool:
        return self.is_new_park() or self.park_code() is not None

    def nextId(self) -> int:
        return PAGE_NEW_PARK if self.is_new_park() else PAGE_YEAR

    def _changed(self) -> None:
        plan = not self.is_new_park()
        for widget in (self.table, self.division_label, self.division_combo):
            widget.setEnabled(plan)
        self.completeChanged.emit()

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        selected = self.park_code()
        for row, park in enumerate(PLAN_PARKS):
            texts = (park.code, park.name, CATEGORY_BY_KEY[park.category].text(lang),
                     DOMAIN_BY_KEY[park.domain].text(lang))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if selected:
            self.select_park(selected)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your park"))
        self.setSubTitle(self.tr("Choose your park among the plan's 12 existing parks, or register a new park."))
        self.plan_radio.setText(self.tr("One of the &plan's 12 parks:"))
        self.new_radio.setText(self.tr("A ne&w park (its details on the next page)"))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Category"), self.tr("Domain")])
        self.division_label.setText(self.tr("&District or functional zone:"))
        fill_combo(self.division_combo, division_items(self.tr("functional zone")), self.tr("Set it later"))


def division_items(zone: str) -> list[tuple[str, str]]:
    """Jinan's 12 districts and counties, then the 4 functional zones, marked with the word `zone`."""
    return [(d.name, d.code) for d in DIVISIONS] + [(f"{d.name} ({zone})", d.code) for d in FUNCTIONAL_ZONES]


class NewParkPage(WizardPage):
    """Name, short code, district, domain, category and level of a park the plan does not list."""

    def __init__(self, lang: str):
        super().__init__(lang)
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(32)
        self.division_combo = QComboBox()
        self.domain_combo = QComboBox()
        self.category_combo = QComboBox()
        self.level_combo = QComboBox()
        self.problem = hint_label()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(6)]
        fields = (self.name_edit, self.code_edit, self.division_combo, self.domain_combo, self.category_combo,
                  self.level_combo)
        for label, field in zip(self.labels, fields):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.touched = False
        self.name_edit.textEdited.connect(self._touch)
        self.code_edit.textEdited.connect(self._code_edited)
        for combo in fields[2:]:
            combo.activated.connect(self._touch)
            combo.currentIndexChanged.connect(self._changed)
        self.name_edit.textChanged.connect(self._changed)
        self.code_edit.textChanged.connect(self._changed)
        self.set_lang(lang)
        self.retranslate()

    def details(self) -> dict:
        return {"name": self.name_edit.text(), "code": self.code_edit.text(),
                "division_code": self.division_combo.currentData(), "domain": self.domain_combo.currentData(),
                "category": self.category_combo.currentData(), "level": self.level_combo.currentData()}

    def checked_details(self) -> dict:
        """The details as the core cleans them (trimmed, code in capitals); raises ParkProblem."""
        return check_new_park(self.details())

    def problem_text(self) -> str:
        try:
            self.checked_details()
        except ParkdeskError as problem:
            return problem.message(self.lang)
        return ""

    def isComplete(self) -> bool:
        return self.problem_text() == ""

    def _code_edited(self, text: str) -> None:
        if text != text.upper():
            position = self.code_edit.cursorPosition()
            self.code_edit.setText(text.upper())
            self.code_edit.setCursorPosition(position)
        self._touch()

    def _touch(self, *_args) -> None:
        self.touched = True
        self._changed()

    def _changed(self, *_args) -> None:
        self.problem.setText(self.problem_text() if self.touched else "")
        self.completeChanged.emit()

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        choose = self.tr("Choose…")
        fill_combo(self.domain_combo, [(d.text(lang), d.key) for d in DOMAINS], choose)
        fill_combo(self.category_combo, [(c.text(lang), c.key) for c in CATEGORIES], choose)
        for index, category in enumerate(CATEGORIES, start=1):
            self.category_combo.setItemData(index, category.meaning.text(lang), Qt.ItemDataRole.ToolTipRole)
        level = self.level_combo.currentData() or "none"
        fill_combo(self.level_combo, [(label.text(lang), key) for key, label in RECOGNITION_LEVELS])
        self.level_combo.setCurrentIndex(self.level_combo.findData(level))
        self._changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("New park"))
        self.setSubTitle(self.tr("The park's name, a short code for file names and the command line, "
                                 "and where it stands in the plan."))
        texts = (self.tr("Park na&me:"), self.tr("Short &code:"), self.tr("&District or functional zone:"),
                 self.tr("D&omain:"), self.tr("C&ategory:"), self.tr("Recognition &level:"))
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.code_edit.setPlaceholderText(self.tr("e.g. JNXYQ — capital letters and digits"))
        fill_combo(self.division_combo, division_items(self.tr("functional zone")), self.tr("Choose…"))
        self.set_lang(self.lang)
