"""Hand a file to the program the system opens it with; when there is none, say so and offer to save a copy."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from parkdesk.atomic_files import writing_atomically
from parkdesk.errors import ParkdeskError
from parkdesk.ui.file_dialogs import save_file
from parkdesk.ui.i18n import TranslationContext


class SystemViewer(TranslationContext):
    """The translation context of this module's texts."""


def open_in_system_viewer(parent, path: Path, told: Callable[[str], None], lang: str, purpose: str = "") -> bool:
    """Open `path` with the system's program for it; `told` gets what happened (and `purpose`, what to do there).

    Without such a program (no PDF viewer installed, no desktop), a message says so and offers to save a copy.
    """
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        told((SystemViewer.tr("Opened %1 in the system's viewer.").replace("%1", path.name) + " " + purpose).strip())
        return True
    box = QMessageBox(QMessageBox.Icon.Information, SystemViewer.tr("No program opens this file"),
                      SystemViewer.tr("No program on this computer opens %1 (for a PDF, install a PDF viewer). "
                                      "Save a copy, to open it elsewhere or send it?").replace("%1", path.name),
                      QMessageBox.StandardButton.Close, parent)
    save = box.addButton(SystemViewer.tr("Save a copy…"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is not save:
        told(SystemViewer.tr("%1 was not opened: no program for it.").replace("%1", path.name))
        return False
    target = save_file(parent, SystemViewer.tr("Save a copy"), path.name, f"*{path.suffix}")
    if target is None:
        return False
    try:
        with writing_atomically(target) as temp:
            shutil.copyfile(path, temp)
    except ParkdeskError as error:
        QMessageBox.warning(parent, SystemViewer.tr("Save a copy"), error.message(lang))
        return False
    told(SystemViewer.tr("Saved a copy: %1").replace("%1", str(target)))
    return False
