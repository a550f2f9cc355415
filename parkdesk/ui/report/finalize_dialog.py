"""Finalizing asks for a written justification of every warning that still lacks one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget,
)


class JustificationDialog(QDialog):
    def __init__(self, warnings, lang: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Justify the warnings"))
        self.warnings = list(warnings)
        self.edits: list[QPlainTextEdit] = []
        intro = QLabel(self.tr("These warnings need a written justification before the report can be finalized. "
                               "It travels with the report to the district office."))
        intro.setWordWrap(True)
        body = QWidget()
        rows = QVBoxLayout(body)
        for finding in self.warnings:
            label = QLabel(f"<b>{finding.location_text(lang)}</b><br>{finding.message(lang)}")
            label.setWordWrap(True)
            edit = QPlainTextEdit()
            edit.setFixedHeight(64)
            edit.setPlaceholderText(self.tr("Why is this right?"))
            edit.textChanged.connect(self._update_ok)
            rows.addWidget(label)
            rows.addWidget(edit)
            self.edits.append(edit)
        rows.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(area, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self._update_ok()
        if self.edits:
            self.edits[0].setFocus()  # the first reason is typed at once

    def _update_ok(self) -> None:
        ok = all(edit.toPlainText().strip() for edit in self.edits)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def justifications(self):
        return [(finding, edit.toPlainText().strip()) for finding, edit in zip(self.warnings, self.edits)]
