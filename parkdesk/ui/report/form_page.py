"""A section of single values (基本信息, 发展定位): a form with one editor per field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy import select

from parkdesk.editing.changes import table_of
from parkdesk.forms.model import Record
from parkdesk.ui.report.field_editors import FieldInputError, make_form_editor
from parkdesk.ui.report.findings_style import MARK_COLOUR, worst_mark
from parkdesk.validation.finding_index import FindingIndex


class RecordForm(QWidget):
    """The fields of one row (the park, or the report itself)."""

    problem = Signal(str)

    def __init__(self, controller, record: Record, row_id: int, options_for=None, parent=None):
        super().__init__(parent)
        self.controller, self.record, self.row_id = controller, record, row_id
        self.editors, self.notes, self.labels = {}, {}, {}
        self.values: dict = {}
        self.current_field: str | None = None  # the field last clicked or focused: a comment is about it
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        lang = controller.lang
        for field in record.fields:
            editor = make_form_editor(field, lang, (options_for or (lambda f: None))(field))
            editor.setObjectName(f"field_{field.key}")
            if field.help:
                editor.setToolTip(field.help.text(lang))
            editor.committed.connect(lambda f=field: self._commit(f))
            note = QLabel()
            note.setWordWrap(True)
            note.hide()
            label = QLabel(field.header(lang) + (" *" if field.is_required(controller.category) else ""))
            label.setBuddy(editor)
            form.addRow(label, editor)
            form.addRow("", note)
            self.editors[field.key], self.notes[field.key], self.labels[field.key] = editor, note, label
        controller.data_changed.connect(self._on_data_changed)
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self.reload()

    def choose_field(self, key: str) -> None:
        """Mark `key` as the field the user means (its label highlighted), also where editors are read-only."""
        if self.current_field in self.labels:
            self.labels[self.current_field].setStyleSheet("")
        self.current_field = key
        self.labels[key].setStyleSheet("background: #fff3c4;")

    def _focus_moved(self, _old, new) -> None:
        for key, editor in self.editors.items():
            if new is not None and (new is editor or editor.isAncestorOf(new)):
                self.choose_field(key)
                return

    def mousePressEvent(self, event) -> None:
        """A click on a field's label or (read-only, disabled) editor chooses that field."""
        point = event.position().toPoint()
        for key, editor in self.editors.items():
            if editor.geometry().contains(point) or self.labels[key].geometry().contains(point):
                self.choose_field(key)
                break
        super().mousePressEvent(event)

    def reload(self) -> None:
        table = table_of(self.record.table)
        with self.controller.workspace.session() as session:
            row = session.execute(select(table).where(table.c.id == self.row_id)).mappings().one()
        self.values = dict(row)
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            editor.set_value(self.values.get(key))
            editor.blockSignals(False)
            editor.setEnabled(self.controller.editable and not self.record.field(key).read_only)

    def _on_data_changed(self, tables: set) -> None:
        if self.record.table in tables:
            self.reload()

    def _commit(self, field) -> None:
        editor = self.editors[field.key]
        try:
            value = editor.value()
        except FieldInputError as error:
            self._show_note(field.key, str(error), "error")
            self.problem.emit(str(error))
            return
        saved = self.controller.set_values(self.record.table, self.row_id, {field.key: value},
                                           {field.key: self.values.get(field.key)}, self.controller.tr_edit(field))
        if not saved:  # the typed text stays; Enter or leaving the field again retries
            self._show_note(field.key, self.tr("Not saved: press Enter to try again."), "error")
            editor.setProperty("unsaved", True)
            editor.setStyleSheet(f"border: 2px solid {MARK_COLOUR['error'].name()};")
        elif editor.property("unsaved"):
            editor.setProperty("unsaved", False)
            editor.setStyleSheet("")
            self.notes[field.key].clear()
            self.notes[field.key].hide()

    def set_findings(self, findings: FindingIndex) -> None:
        for key in self.editors:
            found = findings.at(self.record.key, self.row_id, key) or findings.at(self.record.key, None, key)
            if found:
                self._show_note(key, "\n".join(f.message(self.controller.lang) for f in found),
                                worst_mark(found) or "info")
            else:
                self.notes[key].hide()

    def _show_note(self, key: str, text: str, severity: str) -> None:
        note = self.notes[key]
        colour = MARK_COLOUR.get(severity)
        note.setStyleSheet(f"color: {colour.name()};" if colour else "")
        note.setText(text)
        note.show()

    def focus(self, field_key: str | None) -> bool:
        editor = self.editors.get(field_key) if field_key else next(iter(self.editors.values()))
        if editor is None:
            return False
        editor.setFocus()  # a disabled (read-only) editor takes no focus: its label is marked instead
        self.choose_field(next(key for key, e in self.editors.items() if e is editor))
        return True


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def page_with(*widgets) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget)
    return page
