"""Editors for form fields, made from their definitions: one widget kind per field type.

Every editor has `value()` (the stored value, or raises FieldInputError
saying why the text cannot be read), `set_value(stored)` and a `committed`
signal when the user finishes an entry. The form pages and the table
delegate use the same editors.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPlainTextEdit, QStyledItemDelegate, QWidget,
)

from parkdesk.forms.field_values import display_value, multi_keys, parse_field
from parkdesk.forms.model import CHOICE, DATE, LONG_TEXT, MULTI_CHOICE, REFERENCE, Field

EMPTY_DATE = QDate(1900, 1, 1)


class FieldInputError(ValueError):
    """Typed text that does not make a value of the field; the message is in the user's language."""


class _Editor:
    committed = None  # a Signal on the concrete classes
    field: Field

    def value(self):
        raise NotImplementedError

    def set_value(self, stored) -> None:
        raise NotImplementedError


class LineFieldEditor(QLineEdit, _Editor):
    """Text, numbers, credit codes, phones: typed text read by the field's normalizer."""

    committed = Signal()

    def __init__(self, field: Field, lang: str, parent=None):
        super().__init__(parent)
        self.field, self.lang = field, lang
        if field.unit is not None:
            self.setPlaceholderText(field.unit.text(lang))
        if field.max_length:
            self.setMaxLength(max(field.max_length * 2, 32))  # room for spaces the normalizer removes
        self.editingFinished.connect(self._finished)
        self._shown = ""

    def _finished(self) -> None:
        if self.text() != self._shown:
            self.committed.emit()

    def value(self):
        result = parse_field(self.field, self.text())
        if not result.ok:
            raise FieldInputError(result.problem.text(self.lang))
        return result.value

    def set_value(self, stored) -> None:
        text = "" if stored is None else str(stored)
        if isinstance(stored, float) and stored == int(stored):
            text = str(int(stored))
        self._shown = text
        self.setText(text)


class LongTextFieldEditor(QPlainTextEdit, _Editor):
    committed = Signal()

    def __init__(self, field: Field, lang: str, parent=None):
        super().__init__(parent)
        self.field, self.lang = field, lang
        self.setTabChangesFocus(True)
        self.setFixedHeight(90)
        self._shown = ""

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit()

    def value(self):
        result = parse_field(self.field, self.toPlainText())
        if not result.ok:
            raise FieldInputError(result.problem.text(self.lang))
        return result.value

    def set_value(self, stored) -> None:
        self._shown = stored or ""
        self.setPlainText(self._shown)


class ChoiceFieldEditor(QComboBox, _Editor):
    """A choice from reference data, or a reference to another record (`options` id → name)."""

    committed = Signal()

    def __init__(self, field: Field, lang: str, options: dict | None = None, parent=None):
        super().__init__(parent)
        self.field, self.lang = field, lang
        if not field.required:
            self.addItem("", None)
        if field.type == CHOICE:
            for key, label in field.choices or ():
                self.addItem(label.text(lang), key)
        else:
            for key, name in (options or {}).items():
                self.addItem(name, key)
        self.activated.connect(lambda _index: self.committed.emit())

    def value(self):
        return self.currentData()

    def set_value(self, stored) -> None:
        index = self.findData(stored)
        if index < 0 and stored is None:  # a required choice not made yet: show it blank
            self.insertItem(0, "", None)
            index = 0
        elif index < 0:  # a value outside the list (validation flags it): keep it visible
            self.addItem(str(stored), stored)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class MultiChoiceFieldEditor(QComboBox, _Editor):
    """Several choices: a drop-down of check boxes; the box shows the chosen labels."""

    committed = Signal()

    def __init__(self, field: Field, lang: str, parent=None):
        super().__init__(parent)
        self.field, self.lang = field, lang
        self.items = QStandardItemModel(self)
        for key, label in field.choices or ():
            item = QStandardItem(label.text(lang))
            item.setData(key, Qt.ItemDataRole.UserRole)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
            self.items.appendRow(item)
        self.setModel(self.items)
        self.setEditable(True)
        self.lineEdit().setReadOnly(True)
        self.items.itemChanged.connect(self._refresh_text)
        self.view().pressed.connect(self._toggle)
        self._shown = None

    def _toggle(self, index) -> None:
        item = self.items.itemFromIndex(index)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def hidePopup(self) -> None:
        super().hidePopup()
        if self.value() != self._shown:
            self._shown = self.value()
            self.committed.emit()

    def _refresh_text(self) -> None:
        self.lineEdit().setText(display_value(self.field, self.value(), self.lang))

    def value(self):
        keys = [self.items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.items.rowCount())
                if self.items.item(row).checkState() == Qt.CheckState.Checked]
        return parse_field(self.field, ",".join(keys)).value

    def set_value(self, stored) -> None:
        chosen = set(multi_keys(self.field, stored))
        for row in range(self.items.rowCount()):
            item = self.items.item(row)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self._shown = self.value()
        self._refresh_text()


class DateFieldEditor(QDateEdit, _Editor):
    """A date with a calendar; the earliest date stands for "no date" and shows blank."""

    committed = Signal()

    def __init__(self, field: Field, lang: str, parent=None):
        super().__init__(parent)
        self.field, self.lang = field, lang
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(" ")
        self.editingFinished.connect(self.committed.emit)

    def value(self):
        chosen = self.date()
        return None if chosen == EMPTY_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, stored) -> None:
        if isinstance(stored, str):
            try:
                stored = date.fromisoformat(stored)
            except ValueError:
                stored = None
        self.setDate(QDate(stored.year, stored.month, stored.day) if isinstance(stored, date) else EMPTY_DATE)


def make_editor(field: Field, lang: str, options: dict | None = None, parent=None):
    if field.type in (CHOICE, REFERENCE):
        return ChoiceFieldEditor(field, lang, options, parent)
    if field.type == MULTI_CHOICE:
        return MultiChoiceFieldEditor(field, lang, parent)
    if field.type == DATE:
        return DateFieldEditor(field, lang, parent)
    if field.type == LONG_TEXT:
        return LineFieldEditor(field, lang, parent)  # in a table cell a line; forms use LongTextFieldEditor
    return LineFieldEditor(field, lang, parent)


def make_form_editor(field: Field, lang: str, options: dict | None = None, parent=None):
    if field.type == LONG_TEXT:
        return LongTextFieldEditor(field, lang, parent)
    return make_editor(field, lang, options, parent)


class FieldDelegate(QStyledItemDelegate):
    """Table cells edited with the field's own editor; unreadable input is reported, not stored."""

    problem = Signal(str)

    def __init__(self, fields_by_column, lang: str, options_for=None, parent=None):
        super().__init__(parent)
        self.fields_by_column = fields_by_column  # callable column → Field | None
        self.lang = lang
        self.options_for = options_for or (lambda field: None)

    def createEditor(self, parent, option, index):
        field = self.fields_by_column(index.column())
        if field is None or field.read_only:
            return None
        editor = make_editor(field, self.lang, self.options_for(field), parent)
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.set_value(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index) -> None:
        try:
            value = editor.value()
        except FieldInputError as error:
            self.problem.emit(str(error))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


def editor_row(*widgets) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row
