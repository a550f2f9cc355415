"""Starting the GUI: application, translations, the main window and its controller."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from parkdesk.db import workspace_lock
from parkdesk.handover import HandoverListener
from parkdesk.settings import load_settings, settings_exist
from parkdesk.ui.app_icon import DESKTOP_FILE_NAME, application_icon
from parkdesk.ui.error_reporting import install_error_reporting
from parkdesk.ui.i18n import install_translator
from parkdesk.ui.incoming_files import IncomingFiles
from parkdesk.ui.jobs import JobRunner
from parkdesk.ui.main_window import MainWindow
from parkdesk.ui.report_opener import ReportOpener
from parkdesk.ui.review.review_controller import ReviewController
from parkdesk.ui.style import apply_style
from parkdesk.ui.workspace_controller import WorkspaceController


def create_application(lang: str) -> QApplication:
    workspace_lock.declare_window()  # the workspaces this process opens are held by a window
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("parkdesk")
    app.setOrganizationName("parkdesk")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    install_error_reporting(app, lang)
    install_translator(app, lang)
    apply_style(app)
    return app


def build_window(workspace: Path | None, lang: str,
                 runner: JobRunner | None = None) -> tuple[MainWindow, WorkspaceController]:
    """The main window and its controller; `runner` runs its jobs (tests give a SynchronousRunner)."""
    window = MainWindow(lang)
    controller = WorkspaceController(window, lang, runner or JobRunner(lang, window))
    controller.reports = ReportOpener(window, controller, lang)
    controller.review = ReviewController(window, controller, controller.reports, lang)
    controller.incoming = IncomingFiles(window, controller, lang)
    target = workspace
    if target is None:
        last = load_settings().last_workspace
        target = Path(last) if last and Path(last).exists() else None
    if target is not None:
        controller.open_path(target)
    return window, controller


class Shell:
    """The running GUI: one main window at a time; a language switch rebuilds it in the new language."""

    def __init__(self, app: QApplication, workspace: Path | None, lang: str):
        self.app = app
        self.window, self.controller = None, None
        self.show(workspace, lang)

    def show(self, workspace: Path | None, lang: str, new_report: tuple[str, int] | None = None) -> None:
        """(Re)build the window in `lang` on `workspace`; the report open before comes back, else `new_report`."""
        old_window, old_controller = self.window, self.controller
        geometry = old_window.saveGeometry() if old_window is not None else None
        open_report = None  # the report open in the old window comes back in the new one, on the same section
        if old_controller is not None:
            open_report = old_controller.reports.where()
            old_controller.reports.close()
            old_controller.close()
        install_translator(self.app, lang)
        self.window, self.controller = build_window(workspace, lang)
        self.controller.language_requested.connect(
            lambda new_lang, path, report: self.show(Path(path) if path else None, new_lang, report))
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        if open_report is not None and self.controller.workspace is not None:
            self.controller.reports.open(*open_report)
        elif new_report is not None and self.controller.workspace is not None:
            self.controller.open_report_of(*new_report)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()


def run(workspace: Path | None, lang: str = "zh", screenshot: Path | None = None,
        incoming: list[Path] | None = None, new_workspace: bool = False) -> int:
    """The GUI on `workspace` (else the last one); `incoming` files (a package, a receipt) are then taken in;
    `new_workspace` starts the first-run wizard (the menu entry's "New workspace…")."""
    app = create_application(lang)
    # files handed over by a second parkdesk go to whichever window is current (a language switch rebuilds it)
    listener = HandoverListener(lambda paths: shell.controller.incoming.arrived.emit(paths))
    workspace_lock.declare_window(channel_for=lambda _workspace: listener.name)
    shell = Shell(app, workspace, lang)
    window, controller = shell.window, shell.controller
    if incoming:
        QTimer.singleShot(0, lambda: shell.controller.incoming.receive(incoming))
    if screenshot is None and (new_workspace or (controller.workspace is None and not settings_exist())):
        QTimer.singleShot(0, controller.run_first_run_wizard)  # the very first start, or the menu entry's action
    if screenshot is not None:
        def grab_and_quit():
            window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(300, grab_and_quit)
    code = app.exec()
    shell.controller.close()
    listener.close()
    return code


def show_refusal(text: str, lang: str) -> int:
    """A second parkdesk that may not open its workspace says why in a window (it may have no terminal)."""
    from PySide6.QtWidgets import QMessageBox

    print(text, file=sys.stderr)
    create_application(lang)
    QMessageBox.warning(None, "parkdesk", text)
    return 2
