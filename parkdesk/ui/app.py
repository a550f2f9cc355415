"""Starting the GUI: application, translations, the main window and its controller."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from parkdesk.settings import load_settings
from parkdesk.ui.i18n import install_translator
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.report_opener import ReportOpener
from parkdesk.ui.style import apply_style
from parkdesk.ui.workspace_controller import WorkspaceController


def create_application(lang: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("parkdesk")
    app.setOrganizationName("parkdesk")
    install_translator(app, lang)
    apply_style(app)
    return app


def build_window(workspace: Path | None, lang: str) -> tuple[MainWindow, WorkspaceController]:
    window = MainWindow(lang)
    controller = WorkspaceController(window, lang)
    controller.reports = ReportOpener(window, controller, lang)
    target = workspace
    if target is None:
        last = load_settings().last_workspace
        target = Path(last) if last and Path(last).exists() else None
    if target is not None:
        controller.open_path(target)
    return window, controller


def run(workspace: Path | None, lang: str = "zh", screenshot: Path | None = None) -> int:
    app = create_application(lang)
    window, controller = build_window(workspace, lang)
    window.show()
    if screenshot is not None:
        def grab_and_quit():
            window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(300, grab_and_quit)
    code = app.exec()
    controller.close()
    return code
