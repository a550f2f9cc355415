"""A user's walk through the GUI: press every enabled button, trigger every enabled action, answer the dialogs.

Used by the click-through suites. The walker works through the real widgets
(`qtbot.mouseClick`, `QAction.trigger`), answers every dialog a press opens
(file dialogs get a file under the test's folder; questions are answered "no" or
"cancel"), records every exception that escapes a slot, every visible text (for
the translation check) and which presses had no visible effect at all.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QFileDialog, QGroupBox, QLabel,
    QLineEdit, QMainWindow, QMenu, QMessageBox, QProgressDialog, QTabWidget, QTextBrowser, QWidget,
    QWizard,
)

# English words a Chinese screen may show: names of formats, products and standards, units, our own name
ALLOWED_WORDS = {
    "pdf", "excel", "wps", "json", "bagit", "parkdesk", "xlsx", "xlsm", "ods", "csv", "sqlite", "parkpkg",
    "parkrcpt", "parkrollup", "pem", "uscc", "openssl", "linux", "windows", "macos", "unicode", "utf", "ctrl",
    "shift", "enter", "home", "qt", "pyside", "http", "https", "www", "libreoffice", "parkreview",
    "english", "language",  # the language menu names English in English, and 语言 / Language is for both
}
WORD = re.compile(r"[A-Za-z]{4,}")
PATH_LIKE = re.compile(r"\S*[/\\]\S*|\S+\.[A-Za-z0-9]{2,12}\b")
TAG = re.compile(r"<[^>]+>")
HEX_DIGEST = re.compile(r"\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b")  # fingerprints


def english_words(text: str) -> list[str]:
    """The English words (4+ letters) a text shows, outside file names, paths and the allow-list."""
    plain = HEX_DIGEST.sub(" ", PATH_LIKE.sub(" ", html.unescape(TAG.sub(" ", text))))
    return [word for word in WORD.findall(plain)
            if word.lower() not in ALLOWED_WORDS and not word.isupper()]  # codes: QLRJY, USCC


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see in `root`: labels, buttons, titles, headers, tips, menus."""
    found: list[tuple[str, str]] = []

    def add(where, text):
        if text and text.strip():
            found.append((where, text))

    add(type(root).__name__ + ".windowTitle", root.windowTitle())
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        add(name + ".toolTip", widget.toolTip())
        if isinstance(widget, QLabel):
            add(name, widget.text())
        elif isinstance(widget, QAbstractButton):
            add(name, widget.text())
        elif isinstance(widget, QGroupBox):
            add(name, widget.title())
        elif isinstance(widget, QLineEdit):
            add(name + ".placeholder", widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(name + ".tab", widget.tabText(index))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for index in range(widget.count()):
                add(name + ".item", widget.itemText(index))
        elif isinstance(widget, QTextBrowser):
            add(name, widget.toPlainText())
        elif isinstance(widget, QMessageBox):
            add(name + ".text", widget.text())
            add(name + ".informative", widget.informativeText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model: no header
                columns = 0
            for column in range(columns):
                add(name + ".header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for action in root.findChildren(QAction):
        if action.isVisible() and action.text():
            add("QAction#" + action.objectName(), action.text())
            if action.toolTip() != action.text().replace("&", ""):
                add("QAction#" + action.objectName() + ".toolTip", action.toolTip())
    for menu in root.findChildren(QMenu):
        add("QMenu", menu.title())
    if isinstance(root, QMainWindow):
        add("statusBar", root.statusBar().currentMessage())
    return found


@dataclass
class Press:
    """One button pressed or action triggered, and what came of it."""

    where: str
    what: str
    dialogs: list[str] = field(default_factory=list)
    effect: bool = False


class Walker:
    """Presses through a window; see the module's docstring."""

    def __init__(self, qtbot, folder: Path, lang: str):
        self.qtbot = qtbot
        self.folder = folder
        self.lang = lang
        self.exceptions: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self.presses: list[Press] = []
        self._current: Press | None = None
        self._counter = 0
        self._answering: set[int] = set()
        self.watched: list[Path] = []  # files whose change is an effect (the workspace and its journal)
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer_dialogs)
        self._timer.start()
        self._previous_hook = sys.excepthook
        sys.excepthook = self._on_exception
        self.answer_file = self._file_for

    def close(self) -> None:
        self._timer.stop()
        sys.excepthook = self._previous_hook

    def _on_exception(self, kind, value, traceback) -> None:
        import traceback as tb

        self.exceptions.append("".join(tb.format_exception(kind, value, traceback)))

    # --- dialogs ---------------------------------------------------------------------------------

    def _open_dialogs(self) -> list[QWidget]:
        modal = QApplication.activeModalWidget()
        dialogs = [modal] if modal is not None else []
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget not in dialogs:
                dialogs.append(widget)
        return [d for d in dialogs if not isinstance(d, QProgressDialog)]

    def _answer_dialogs(self) -> None:
        for dialog in self._open_dialogs():
            if not dialog.isVisible() or id(dialog) in self._answering:
                continue
            self.texts.extend((f"{type(dialog).__name__}: {where}", text) for where, text in visible_texts(dialog))
            if self._current is not None:
                self._current.dialogs.append(type(dialog).__name__ + ": " + dialog.windowTitle())
            # answered from the event loop, not inside this timer's slot: an answer may open a modal dialog
            # of its own, and Qt does not fire a timer again while its slot runs
            self._answering.add(id(dialog))
            QTimer.singleShot(0, lambda d=dialog: self._answer_once(d))
            return  # one at a time: answering may open the next

    def _answer_once(self, dialog) -> None:
        try:
            if dialog.isVisible():
                self.answer(dialog)
        finally:
            self._answering.discard(id(dialog))

    def answer(self, dialog: QWidget) -> None:
        if isinstance(dialog, QFileDialog):
            chosen = self.answer_file(dialog)
            if chosen is None:
                dialog.reject()
                return
            name_edit = dialog.findChild(QLineEdit, "fileNameEdit")  # typed, as a user does (selectFile() does
            if name_edit is not None:                              # not take before the folder is listed)
                name_edit.setText(str(chosen))
            else:
                dialog.selectFile(str(chosen))
            dialog.accept()
            if dialog.isVisible():  # not accepted (a file that must exist does not): give up
                dialog.reject()
        elif isinstance(dialog, QMessageBox):
            for role in (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole):
                button = next((b for b in dialog.buttons() if dialog.buttonRole(b) == role), None)
                if button is not None:
                    button.click()
                    return
            dialog.accept()
        elif isinstance(dialog, (QDialog, QWizard)):
            dialog.reject()
        else:
            dialog.close()

    def _file_for(self, dialog: QFileDialog) -> Path | None:
        """A new file for a save dialog (its suffix from the dialog's filter); an empty file for an open one."""
        self._counter += 1
        suffix = _suffix(dialog.selectedNameFilter()) or _suffix(";;".join(dialog.nameFilters())) or "txt"
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            folder = self.folder / f"folder-{self._counter}"
            folder.mkdir()
            return folder
        path = self.folder / f"chosen-{self._counter}.{suffix}"
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen:
            path.write_bytes(b"")
        return path

    # --- pressing --------------------------------------------------------------------------------

    def state(self, window: QWidget) -> tuple:
        """What a user could notice changed: the texts on screen, the focus, files, the clipboard, the data, which
        boxes are ticked."""
        watched = [p for p in self.folder.rglob("*") if p.is_file()] + [p for p in self.watched if p.exists()]
        files = tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in watched))
        focus = QApplication.focusWidget()
        return (tuple(visible_texts(window)), id(focus), files, QGuiApplication.clipboard().text(),
                tuple(_selection(w) for w in window.findChildren(QAbstractItemView) if w.isVisible()),
                tuple(b.isChecked() for b in window.findChildren(QAbstractButton) if b.isCheckable() and b.isVisible()))

    def press(self, window: QWidget, what, where: str = "") -> Press:
        """Click a button or trigger an action, wait for it to settle, and record its effect."""
        label = what.text() if hasattr(what, "text") else str(what)
        entry = Press(where, f"{type(what).__name__}#{what.objectName()} {label!r}")
        self._current = entry
        before = self.state(window)
        if isinstance(what, QAction):
            what.trigger()
        else:
            self.qtbot.mouseClick(what, Qt.MouseButton.LeftButton)
        for _ in range(5):
            QApplication.processEvents()
            self.qtbot.wait(30)
        self._current = None
        entry.effect = bool(entry.dialogs) or self.state(window) != before
        self.presses.append(entry)
        self.texts.extend((f"after {entry.what}: {w}", t) for w, t in visible_texts(window))
        return entry

    def look(self, window: QWidget, where: str) -> None:
        self.texts.extend((f"{where}: {w}", t) for w, t in visible_texts(window))

    # --- verdicts --------------------------------------------------------------------------------

    def without_effect(self, allowed: dict[str, str]) -> list[str]:
        return [f"{p.where}: {p.what}" for p in self.presses
                if not p.effect and not any(key in p.what for key in allowed)]

    def english(self) -> list[str]:
        seen, found = set(), []
        for where, text in self.texts:
            words = english_words(text)
            if words and (where.split(":")[-1], text) not in seen:
                seen.add((where.split(":")[-1], text))
                found.append(f"{where}: {text!r} → {words}")
        return found


def _suffix(filters: str) -> str | None:
    match = re.search(r"\*\.([A-Za-z0-9]+)", filters)
    return match.group(1) if match else None


def _selection(view: QAbstractItemView) -> tuple:
    model = view.selectionModel()
    current = view.currentIndex()
    return (current.row(), current.column()), len(model.selectedIndexes()) if model is not None else 0


def enabled_buttons(root: QWidget) -> list[QAbstractButton]:
    """The push buttons a user can press now (visible, enabled, not inside a combo or a header)."""
    return [b for b in root.findChildren(QAbstractButton)
            if b.isVisibleTo(root) and b.isVisible() and b.isEnabled() and b.text()]


class DialogScript:
    """Answers the modal dialogs a press opens, in order, each with its own step (a function of the dialog)."""

    def __init__(self, qtbot, steps):
        self.qtbot = qtbot
        self.steps = list(steps)
        self.seen: list[QWidget] = []
        self.errors: list[str] = []
        self._busy = False
        self._already_open: list[QWidget] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)

    def __enter__(self):
        # a window-modal dialog already open (the identity dialog, say) is not one the press opens: between two
        # dialogs of the script it is the active modal widget for a moment and must not take a step
        already = QApplication.activeModalWidget()
        self._already_open = [already] if already is not None else []
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.stop()
        return False

    @property
    def done(self) -> bool:
        return not self.steps

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or self._busy or any(dialog is seen for seen in self.seen + self._already_open):
            return
        self.seen.append(dialog)
        self._busy = True
        QTimer.singleShot(0, lambda: self._step(dialog))  # out of the timer's slot: a step may open a dialog

    def _step(self, dialog) -> None:
        try:
            if not self.steps:
                self.errors.append(f"an unexpected dialog: {type(dialog).__name__} {dialog.windowTitle()!r}")
                dialog.close()
                return
            try:
                self.steps.pop(0)(dialog)
            except Exception as error:  # noqa: BLE001 - reported by the test, the dialog must not stay open
                import traceback

                self.errors.append("".join(traceback.format_exception(error)))
                dialog.close()
        finally:
            self._busy = False
