"""Opens workspaces for the main window and tells the user, in their language, what went wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from parkdesk.db.queries import park_overviews
from parkdesk.db.workspace import Workspace, open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.errors import ParkdeskError
from parkdesk.messages import message
from parkdesk.settings import default_demo_path, load_settings, save_settings
from parkdesk.ui.main_window import MainWindow

WORKSPACE_FILTER = "parkdesk (*.sqlite *.parkdesk *.db);;* (*)"


class WorkspaceController(QObject):
    def __init__(self, window: MainWindow, lang: str):
        super().__init__(window)
        self.window = window
        self.lang = lang
        self.workspace: Workspace | None = None
        window.open_action.triggered.connect(self.choose_and_open)
        window.welcome.open_requested.connect(self.choose_and_open)
        window.demo_action.triggered.connect(self.create_demo)
        window.welcome.demo_requested.connect(self.create_demo)
        window.about_action.triggered.connect(
            lambda: QMessageBox.about(window, window.tr("About parkdesk"), window.about_text())
        )

    def open_path(self, path: Path) -> bool:
        try:
            workspace = open_workspace(path)
        except ParkdeskError as error:
            self._show_error(error)
            return False
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        self.refresh()
        if workspace.backup_path is not None:
            self.window.statusBar().showMessage(message("ws.migrated", self.lang, backup=workspace.backup_path), 15000)
        settings = load_settings()
        settings.last_workspace = str(workspace.path)
        save_settings(settings)
        return True

    def refresh(self) -> None:
        """Show the workspace's parks (again, after a report was edited)."""
        with self.workspace.session() as session:
            parks = park_overviews(session)
        self.window.show_workspace(self.workspace.name, str(self.workspace.path), parks)

    def choose_and_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.window.tr("Open workspace"), "", WORKSPACE_FILTER)
        if path:
            self.open_path(Path(path))

    def create_demo(self) -> None:
        path = default_demo_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.workspace is not None and self.workspace.path == path:
            self.workspace.close()
            self.workspace = None
        try:
            build_demo(path, overwrite=True)
        except ParkdeskError as error:
            self._show_error(error)
            return
        self.open_path(path)

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def _show_error(self, error: ParkdeskError) -> None:
        QMessageBox.warning(self.window, self.window.tr("Cannot open the workspace"), error.message(self.lang))
