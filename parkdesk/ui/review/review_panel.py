"""Beside a report under review: its state and history, the comments, and the signed decision receipt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from parkdesk.app import review
from parkdesk.errors import ParkdeskError
from parkdesk.review.comments import comments_for_report, entry_comments
from parkdesk.review.decisions import reason_needed, review_history
from parkdesk.review.history_words import event_line
from parkdesk.review.inbox_rows import inbox_row
from parkdesk.review.states import DECISIONS, REVIEW_STATES, STATE_KEYS
from parkdesk.ui.file_dialogs import existing_folder, save_file
from parkdesk.ui.identity_dialog import PassphraseDialog
from parkdesk.validation.location_text import describe


class CommentList(QListWidget):
    """Comments on a report; activating one opens its place."""

    comment_activated = Signal(object)  # Location

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setWordWrap(True)
        self.itemActivated.connect(lambda item: self.comment_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.itemClicked.connect(lambda item: self.comment_activated.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_comments(self, comments) -> None:
        self.shown = list(comments)
        self.clear()
        for comment in comments:
            stale = "" if comment.current else self.tr(" (on an earlier package)")
            sent = self.tr(" (sent with a receipt)") if comment.sent else ""
            item = QListWidgetItem(f"{describe(comment.location, self.lang)}{stale}{sent}\n"
                                   f"{comment.text} — {comment.author}")
            item.setData(Qt.ItemDataRole.UserRole, comment.location)
            self.addItem(item)

    def selected_comment(self):
        """The comment selected, if any."""
        row = self.currentRow()
        return self.shown[row] if 0 <= row < len(getattr(self, "shown", ())) and self.currentItem() \
            and self.currentItem().isSelected() else None


class ReviewPanel(QWidget):
    """The reviewer's panel: comment at the current place, set the state, make the receipt."""

    message = Signal(str)

    def __init__(self, view, entry_id: int, parent=None):
        super().__init__(parent)
        self.view, self.entry_id = view, entry_id
        self.controller = view.controller
        lang = self.controller.lang
        self.state_label = QLabel()
        self.comments = CommentList(lang)
        self.comments.comment_activated.connect(view.go_to_location)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("A comment on the field or row selected above…"))
        self.comment_button = QPushButton(self.tr("Comment here"))
        self.comment_button.setObjectName("button_comment")
        self.comment_button.clicked.connect(lambda: self.comment())
        self.comment_edit.returnPressed.connect(lambda: self.comment())  # Enter submits
        self.comment_edit.textChanged.connect(lambda text: self.comment_button.setEnabled(bool(text.strip())))
        self.comment_button.setEnabled(False)  # until there is something to say
        self.state_combo = QComboBox()
        for key, label in ((k, v) for k, v in REVIEW_STATES if k in STATE_KEYS):
            self.state_combo.addItem(label.text(lang), key)
        self.state_button = QPushButton(self.tr("Set state"))
        self.state_button.setObjectName("button_set_state")
        self.state_button.clicked.connect(lambda: self.decide_interactively(self.state_combo.currentData()))
        self.receipt_button = QPushButton(self.tr("Signed receipt…"))
        self.receipt_button.setObjectName("button_receipt")
        self.receipt_button.clicked.connect(lambda: self.receipt())
        self.export_button = QPushButton(self.tr("Export its documents…"))
        self.export_button.setObjectName("button_review_export")
        self.export_button.setToolTip(self.tr("The package's summary PDF, report workbook and attachments under "
                                              "their original names, into a folder"))
        self.export_button.clicked.connect(lambda: self.export_documents())
        self.sheet_button = QPushButton(self.tr("Review sheet…"))
        self.sheet_button.setObjectName("button_review_sheet")
        self.sheet_button.setToolTip(self.tr("Findings and justifications, comments, history and the decision, as a "
                                             "PDF to print and file or a workbook (its comments sheet is the "
                                             "comments' export)"))
        self.sheet_button.clicked.connect(lambda: self.write_sheet())
        self.edit_button = QPushButton(self.tr("Reword…"))
        self.edit_button.setObjectName("button_edit_comment")
        self.edit_button.setToolTip(self.tr("Reword the comment selected (until a receipt carries it)"))
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button = QPushButton(self.tr("Take back"))
        self.delete_button.setObjectName("button_delete_comment")
        self.delete_button.setToolTip(self.tr("Take back the comment selected (until a receipt carries it)"))
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.comments.itemSelectionChanged.connect(self._comment_buttons)
        self.history = QListWidget()
        self.history.setObjectName("review_history")
        self.history.setWordWrap(True)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_edit, 1)
        comment_row.addWidget(self.comment_button)
        state_row = QHBoxLayout()
        for widget in (self.state_label, self.state_combo, self.state_button, self.receipt_button, self.sheet_button,
                       self.export_button):
            state_row.addWidget(widget)
        state_row.addStretch(1)
        comment_buttons = QVBoxLayout()
        comment_buttons.addWidget(self.edit_button)
        comment_buttons.addWidget(self.delete_button)
        comment_buttons.addStretch(1)
        comments_box = QHBoxLayout()
        comments_box.addWidget(self.comments, 3)
        comments_box.addLayout(comment_buttons)
        comments_box.addWidget(self.history, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(state_row)
        layout.addLayout(comments_box, 1)
        layout.addLayout(comment_row)
        self.reload()

    def reload(self) -> None:
        """State, comments (and their marks on the report) and the whole history, read afresh."""
        lang = self.controller.lang
        with self.controller.workspace.session() as session:
            row = inbox_row(session, self.entry_id)
            comments = comments_for_report(session, self.controller.report_id)
            rows = {c.key: c.location.row_label for c in entry_comments(session, self.entry_id)
                    if c.location.row_label}
            lines = [event_line(event, lang, rows) for event in review_history(session, self.entry_id)]
        self.state_label.setText(self.tr("State: %1").replace("%1", row.state_text(lang)))
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(row.state)))
        self.history.clear()
        self.history.addItems(lines)
        self.history.scrollToBottom()
        self.comments.show_comments(comments)
        self.view.show_comment_marks(comments)
        self.receipt_button.setEnabled(row.state in DECISIONS)
        self._comment_buttons()

    def _comment_buttons(self) -> None:
        chosen = self.comments.selected_comment()
        open_ = chosen is not None and chosen.entry_id == self.entry_id and chosen.current and not chosen.sent
        self.edit_button.setEnabled(open_)
        self.delete_button.setEnabled(open_)

    def edit_selected(self, text: str | None = None) -> bool:
        chosen = self.comments.selected_comment()
        if chosen is None:
            return False
        if text is None:
            text, ok = QInputDialog.getText(self, self.tr("Reword the comment"), describe(chosen.location,
                                            self.controller.lang), text=chosen.text)
            if not ok:
                return False
        if not self._do(lambda: review.edit_comment(self.controller.workspace, chosen.id, text)):
            return False
        self.message.emit(self.tr("Comment reworded"))
        return True

    def delete_selected(self, confirmed: bool | None = None) -> bool:
        chosen = self.comments.selected_comment()
        if chosen is None:
            return False
        if confirmed is None:
            confirmed = QMessageBox.question(self, self.tr("Take back the comment"), self.tr(
                "Take back this comment? The history keeps that it was made.") + "\n\n" + chosen.text) \
                == QMessageBox.StandardButton.Yes
        if not confirmed:
            return False
        if not self._do(lambda: review.remove_comment(self.controller.workspace, chosen.id)):
            return False
        self.message.emit(self.tr("Comment taken back"))
        return True

    def _do(self, action) -> bool:
        try:
            self.controller.runner.write_now(action)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Review"), error.message(self.controller.lang))
            return False
        self.reload()
        return True

    def comment(self, text: str | None = None, location=None) -> bool:
        text = (self.comment_edit.text() if text is None else text).strip()
        if not text:
            return False
        location = location or self.view.current_location()
        done = self._do(lambda: review.comment(self.controller.workspace, self.entry_id, location, text))
        if done:
            self.comment_edit.clear()
            self.message.emit(self.tr("Comment saved at: %1").replace("%1", describe(location, self.controller.lang)))
        return done

    def decide_interactively(self, state: str) -> bool:
        """设置状态: approving over open comments asks first; every decision may carry a note; then says so."""
        lang = self.controller.lang
        if state == "approved" and self.comments.count():
            answer = QMessageBox.question(self, self.tr("Approve"), self.tr(
                "This report has %1 comments from the district. Approve it all the same?")
                .replace("%1", str(self.comments.count())))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        with self.controller.workspace.session() as session:
            needs_reason = reason_needed(session, self.entry_id, state)
        prompt = self.tr("The park holds a signed approval of this package. Why does its state change? (required)") \
            if needs_reason else self.tr("A note with the decision (optional; it travels with the receipt):")
        note, ok = QInputDialog.getText(self, self.tr("Set state"), prompt)
        if not ok:
            return False
        if needs_reason and not note.strip():
            QMessageBox.warning(self, self.tr("Set state"), self.tr("Not changed: a reason is needed."))
            return False
        if not self.set_state(state, note.strip() or None):
            return False
        self.message.emit(self.tr("Review state set: %1").replace(
            "%1", next((label.text(lang) for key, label in REVIEW_STATES if key == state), state)))
        return True

    def write_sheet(self, out: Path | None = None) -> Path | None:
        """The review sheet, as a PDF or a workbook (by the name's extension)."""
        lang = self.controller.lang
        if out is None:
            suggested = self.tr("%1-%2-review-sheet.pdf").replace("%1", self.controller.park_code) \
                .replace("%2", str(self.controller.year))
            out = save_file(self, self.tr("Review sheet"), suggested, "PDF (*.pdf);;Excel (*.xlsx)")
            if out is None:
                return None
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            out = out.with_name(out.name + ".pdf")
        try:
            written = review.review_sheet(self.controller.workspace, self.entry_id, out, lang)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Review sheet"), error.message(lang))
            return None
        self.message.emit(self.tr("Review sheet written: %1").replace("%1", str(written)))
        return written

    def export_documents(self, folder: Path | None = None):
        """The documents the package carries, written into a folder the officer chooses."""
        folder = folder or existing_folder(self, self.tr("Export the package's documents into"))
        if folder is None:
            return None
        try:
            exported = review.export_entry(self.controller.workspace, self.entry_id, folder)
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Export"), error.message(self.controller.lang))
            return None
        self.message.emit(self.tr("%1 files written into %2").replace("%1", str(len(exported.files)))
                          .replace("%2", str(exported.folder)))
        return exported

    def set_state(self, state: str, note: str | None = None) -> bool:
        return self._do(lambda: review.decide(self.controller.workspace, self.entry_id, state, note))

    def receipt(self, out: Path | None = None, passphrase: bytes | None = None):
        if passphrase is None:
            dialog = PassphraseDialog(self, self.tr("Passphrase of the district key"), confirm=False)
            if not dialog.exec():
                return None
            passphrase = dialog.passphrase()
        if out is None:
            default = f"{self.controller.park_code}-{self.controller.year}.parkreview"
            chosen = save_file(self, self.tr("Save the signed receipt"), default,
                               "parkdesk (*.parkreview)")
            if not chosen:
                return None
            out = Path(chosen)
        workspace = self.controller.workspace
        try:
            identity = review.district_signing_identity(workspace)
            built = self.controller.runner.write_now(
                lambda: review.make_receipt(workspace, self.entry_id, out, identity, passphrase))
        except ParkdeskError as error:
            QMessageBox.warning(self, self.tr("Review"), error.message(self.controller.lang))
            return None
        self.reload()  # the history shows the receipt; the comments it carries are fixed now
        self.message.emit(self.tr("Receipt written: %1").replace("%1", str(out)))
        return built
