"""The park pages of the first-run wizard: one of the plan's 12 parks, or the details of a new one.

A new park's details are checked by the core (parkdesk.reports.park_setup.check_new_park) as the user
types, so the page accepts exactly what creating the park will accept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from parkdesk.errors import ParkdeskError
from parkdesk.forms.model import CHOICE, REFERENCE, Field
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES
from parkdesk.reference.domains import DOMAIN_BY_KEY
from parkdesk.reference.parks import PLAN_PARKS
from parkdesk.reports.park_setup import check_new_park
from parkdesk.ui.first_run_pages import PAGE_NEW_PARK, PAGE_YEAR, WizardPage, fill_combo, hint_label

PLAN_PARK_FIELDS = ("code", "name", "category", "domain")  # the plan's parks' table: the park form's fields
PARK_COLUMNS = len(PLAN_PARK_FIELDS)
PARK_RECORD = RECORD_BY_KEY["park"]


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
        self.table.setHorizontalHeaderLabels([PARK_RECORD.field(key).text(lang) for key in PLAN_PARK_FIELDS])
        self.division_label.setText(mnemonic_label(PARK_RECORD.field("division_code").text(lang), "d", lang))
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
        fill_combo(self.division_combo, division_items(self.tr("functional zone")), self.tr("Set it later"))


def division_items(zone: str) -> list[tuple[str, str]]:
    """Jinan's 12 districts and counties, then the 4 functional zones, marked with the word `zone`."""
    return [(d.name, d.code) for d in DIVISIONS] + [(f"{d.name} ({zone})", d.code) for d in FUNCTIONAL_ZONES]


# the park form's fields a new park starts with (the rest are filled in on the basic-information page), each
# with its keyboard mnemonic; an optional choice starts at its default
NEW_PARK_FIELDS = (("name", "m"), ("code", "c"), ("division_code", "d"), ("domain", "o"), ("category", "a"),
                   ("level", "l"))
DEFAULTS = {"level": "none"}  # a park the plan does not list is not yet recognised


def mnemonic_label(label: str, letter: str, lang: str) -> str:
    """A form label with its mnemonic: "Park &name:" in English (at the letter's first place), "名称(&M):" in
    Chinese or where the label has no such letter."""
    at = label.lower().find(letter)
    if lang == "zh" or at < 0:
        return f"{label}(&{letter.upper()}):"
    return f"{label[:at]}&{label[at:]}:"


def field_editor(field: Field) -> QWidget:
    """A line for text, a drop-down for a choice or a reference."""
    if field.type in (CHOICE, REFERENCE):
        return QComboBox()
    editor = QLineEdit()
    if field.max_length:
        editor.setMaxLength(field.max_length)
    return editor


class NewParkPage(WizardPage):
    """The BASIC form's park fields a park the plan does not list starts with: name, short code, district,
    domain, category and level; labels, editors and choices from the form (parkdesk.forms.sections)."""

    def __init__(self, lang: str):
        super().__init__(lang)
        self.fields = [PARK_RECORD.field(key) for key, _ in NEW_PARK_FIELDS]
        self.editors = {field.key: field_editor(field) for field in self.fields}
        self.name_edit, self.code_edit = self.editors["name"], self.editors["code"]
        self.division_combo, self.domain_combo = self.editors["division_code"], self.editors["domain"]
        self.category_combo, self.level_combo = self.editors["category"], self.editors["level"]
        self.problem = hint_label()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = {field.key: QLabel() for field in self.fields}
        for field in self.fields:
            editor = self.editors[field.key]
            editor.setObjectName(f"field_{field.key}")
            self.labels[field.key].setBuddy(editor)
            self.form.addRow(self.labels[field.key], editor)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.touched = False
        for editor in self.editors.values():
            if isinstance(editor, QComboBox):
                editor.activated.connect(self._touch)
                editor.currentIndexChanged.connect(self._changed)
            else:
                editor.textChanged.connect(self._changed)
        self.name_edit.textEdited.connect(self._touch)
        self.code_edit.textEdited.connect(self._code_edited)
        self.set_lang(lang)
        self.retranslate()

    def details(self) -> dict:
        return {key: editor.currentData() if isinstance(editor, QComboBox) else editor.text()
                for key, editor in self.editors.items()}

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
        for (key, letter), field in zip(NEW_PARK_FIELDS, self.fields):
            self.labels[key].setText(mnemonic_label(field.text(lang), letter, lang))
            editor = self.editors[key]
            editor.setToolTip(field.help.text(lang) if field.help else "")
            if field.type == CHOICE:
                current = editor.currentData() or DEFAULTS.get(key)
                fill_combo(editor, [(label.text(lang), choice) for choice, label in field.choices],
                           choose if field.required else None)
                editor.setCurrentIndex(max(0, editor.findData(current)))
        for index in range(self.category_combo.count()):  # what each category means, as a tip
            category = CATEGORY_BY_KEY.get(self.category_combo.itemData(index))
            if category is not None:
                self.category_combo.setItemData(index, category.meaning.text(lang), Qt.ItemDataRole.ToolTipRole)
        self._changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("New park"))
        self.setSubTitle(self.tr("The park's name, a short code for file names and the command line, "
                                 "and where it stands in the plan."))
        self.code_edit.setPlaceholderText(self.tr("e.g. JNXYQ — capital letters and digits"))
        fill_combo(self.division_combo, division_items(self.tr("functional zone")), self.tr("Choose…"))
        self.set_lang(self.lang)
