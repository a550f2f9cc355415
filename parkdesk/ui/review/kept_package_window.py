"""A received package opened as it came — a superseded one included — in a window of its own, read-only."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from parkdesk.app import review
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.ui.i18n import TranslationContext
from parkdesk.ui.jobs import JobRunner
from parkdesk.ui.report.report_controller import ReportController
from parkdesk.ui.report.report_view import ReportView
from parkdesk.review.times import shown_time


class KeptPackage(TranslationContext):
    pass


class KeptPackageWindow(QMainWindow):
    def __init__(self, workspace, entry_id: int, lang: str, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.folder = Path(tempfile.mkdtemp(prefix="parkdesk-kept-"))
        row = review.inbox_row_of(workspace, entry_id)
        report_id = review.open_kept_package(workspace, entry_id, self.folder / "package.parkdesk")
        self.copy = open_workspace(self.folder / "package.parkdesk", backups=None)
        self.controller = ReportController(self.copy, report_id, lang, self, runner=JobRunner(lang, self),
                                           undo_stack=QUndoStack(self))
        self.view = ReportView(self.controller, [(self.controller.year, "submitted")])
        self.view.back_action.setVisible(False)
        self.view.message.connect(lambda text: self.statusBar().showMessage(text, 12000))
        banner = QLabel(self.tr("As received: %1, %2 — %3. Read-only; a newer package replaced it.")
                        .replace("%1", row.file_name).replace("%2", shown_time(row.received_at))
                        .replace("%3", row.state_text(lang)))
        banner.setObjectName("kept_package_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet("background: #fff3cd; padding: 6px")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(banner)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(body)
        self.setWindowTitle(self.tr("%1 (replaced package)").replace("%1", row.file_name))
        self.resize(1000, 720)

    def closeEvent(self, event) -> None:
        self.copy.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        super().closeEvent(event)


def show_kept_package(parent, workspace, entry_id: int, lang: str) -> KeptPackageWindow | None:
    try:
        window = KeptPackageWindow(workspace, entry_id, lang, parent)
    except ParkdeskError as error:
        QMessageBox.warning(parent, KeptPackage.tr("Open the package"), error.message(lang))
        return None
    window.show()
    return window
