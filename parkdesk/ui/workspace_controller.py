"""Opens workspaces for the main window and tells the user, in their language, what went wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from parkdesk.app import workspaces
from parkdesk.db.backup_restore import restore_backup
from parkdesk.db.queries import park_overviews
from parkdesk.db.workspace import Workspace, open_workspace
from parkdesk.errors import ParkdeskError, WorkspaceError
from parkdesk.places import default_demo_path
from parkdesk.settings import load_settings, save_settings
from parkdesk.texts import text
from parkdesk.ui.file_dialogs import open_file, use_workspace_folder
from parkdesk.ui.jobs import JobRunner
from parkdesk.ui.main_window import MainWindow

WORKSPACE_FILTER = "parkdesk (*.sqlite *.parkdesk *.db);;* (*)"


class WorkspaceController(QObject):
    # language, workspace path to reopen ("" for none), the report to open there: (park code, year) or None
    language_requested = Signal(str, str, object)
    shown = Signal(object)  # the workspace, each time its overview is (re)shown

    def __init__(self, window: MainWindow, lang: str, runner: JobRunner | None = None):
        super().__init__(window)
        self.window = window
        self.lang = lang
        self.runner = runner or JobRunner(lang, self)
        self.workspace: Workspace | None = None
        window.open_action.triggered.connect(self.choose_and_open)
        window.welcome.open_requested.connect(self.choose_and_open)
        window.demo_action.triggered.connect(self.create_demo)
        window.new_action.triggered.connect(self.run_first_run_wizard)
        window.new_desk_action.triggered.connect(lambda: self.create_desk_workspace())
        window.welcome.new_requested.connect(self.run_first_run_wizard)
        window.welcome.demo_requested.connect(self.create_demo)
        window.chinese_action.triggered.connect(lambda: self._switch_language("zh"))
        window.english_action.triggered.connect(lambda: self._switch_language("en"))
        window.about_action.triggered.connect(
            lambda: QMessageBox.about(window, self.tr("About parkdesk"), window.about_text())
        )

    def open_path(self, path: Path) -> bool:
        """Open `path` (its checks, backup and any upgrade run as a job, with progress); True once it shows."""
        job = self.runner.job(self.window, self.tr("Opening the workspace…"),
                              lambda _progress: open_workspace(path)).run()
        if job.exception is not None:
            workspace = self._offer_backup(job.exception, path) if isinstance(job.exception, WorkspaceError) else None
            if workspace is None:
                if not isinstance(job.exception, WorkspaceError):
                    self._show_error(job.exception)
                return False
        elif job.error is not None:  # an internal error, already logged
            QMessageBox.warning(self.window, self.tr("Cannot open the workspace"), job.error)
            return False
        else:
            workspace = job.result
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        use_workspace_folder(workspace.path)
        self.refresh()
        if workspace.backup_path is not None:
            self.window.statusBar().showMessage(text("ws.migrated", self.lang, backup=workspace.backup_path), 15000)
        settings = load_settings()
        settings.last_workspace = str(workspace.path)
        save_settings(settings)
        return True

    def _offer_backup(self, error: WorkspaceError, path: Path) -> Workspace | None:
        """A damaged workspace with a good backup: offer to restore it (the damaged file is kept aside)."""
        if error.message_key != "backup.workspace_damaged":
            self._show_error(error)
            return None
        question = error.message(self.lang) + "\n\n" + self.tr("Restore the newest good backup now? "
                                                                        "The damaged file is kept beside it.")
        answer = QMessageBox.question(self.window, self.tr("The workspace is damaged"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        backup = Path(error.params["backup"])
        job = self.runner.job(self.window, self.tr("Restoring the backup…"), lambda _progress: (
            restore_backup(backup, path, force=True, verify=False), open_workspace(path))[1]).run()
        if job.exception is not None:
            self._show_error(job.exception)
            return None
        return job.result

    def refresh(self) -> None:
        """Show the workspace's parks (again, after a report was edited)."""
        with self.workspace.session() as session:
            parks = park_overviews(session)
        self.window.show_workspace(self.workspace.name, str(self.workspace.path), parks)
        self.shown.emit(self.workspace)

    def choose_and_open(self) -> None:
        path = open_file(self.window, self.tr("Open workspace"), WORKSPACE_FILTER)
        if path is not None:
            self.open_path(path)

    def create_demo(self) -> None:
        path = default_demo_path()
        if self.workspace is not None and self.workspace.path == path:
            self.workspace.close()
            self.workspace = None
        job = self.runner.job(self.window, self.tr("Building the demo workspace…"), lambda progress: (
            workspaces.create_demo(path, overwrite=True, progress=progress))).run()
        if job.exception is not None:
            self._show_error(job.exception)
            return
        self.open_path(path)

    def create_desk_workspace(self) -> bool:
        """A district office's workspace (with its district identity) or the city bureau's, then opened."""
        from parkdesk.db.workspace import ROLE_REVIEWER
        from parkdesk.ui.identity_dialog import two_lines
        from parkdesk.ui.new_desk_dialog import NewDeskDialog

        dialog = NewDeskDialog(self.window)
        if not dialog.exec() or dialog.choice is None:
            return False
        choice = dialog.choice
        if choice.role == ROLE_REVIEWER:
            work = lambda _progress: workspaces.create_reviewer(choice.path, choice.district, choice.passphrase)  # noqa: E731
        else:
            work = lambda _progress: workspaces.create_city(choice.path)  # noqa: E731
        job = self.runner.job(self.window, self.tr("Creating the workspace…"), work).run()
        if job.exception is not None or job.error is not None:  # a ParkdeskError, or an internal error logged
            problem = job.exception.message(self.lang) if job.exception is not None else job.error
            QMessageBox.warning(self.window, self.tr("Cannot create the workspace"), problem)
            return False
        if not self.open_path(choice.path):
            return False
        created = job.result
        if created.fingerprint:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("District identity created"), "",
                              parent=self.window)
            box.setText(self.tr("The workspace of %1 is ready, with the district identity %2. Export its "
                                "certificate (File › Identities and certificates…) for the city and your parks, "
                                "and read this fingerprint out when they call:")
                        .replace("%1", created.district).replace("%2", created.identity))
            box.setInformativeText(f"<pre style='font-size:15pt'>{two_lines(created.fingerprint)}</pre>")
            box.exec()
        return True

    def _switch_language(self, lang: str) -> None:
        self.window.chinese_action.setChecked(lang == "zh" if lang != self.lang else self.lang == "zh")
        self.window.english_action.setChecked(lang == "en" if lang != self.lang else self.lang == "en")
        if lang == self.lang:
            return
        settings = load_settings()
        settings.language = lang
        save_settings(settings)
        self.language_requested.emit(lang, str(self.workspace.path) if self.workspace else "", None)

    def run_first_run_wizard(self) -> bool:
        """Create or open a workspace for the user's park, guided; the wizard may switch the language."""
        from parkdesk.first_run import CREATE, apply_first_run
        from parkdesk.ui.first_run_wizard import FirstRunWizard
        from parkdesk.ui.i18n import install_translator

        wizard = FirstRunWizard(self.window, self.lang)
        wizard.language_changed.connect(lambda lang: install_translator(QApplication.instance(), lang))
        accepted = wizard.exec()
        if not accepted or wizard.choice is None:
            install_translator(QApplication.instance(), self.lang)
            return False
        try:
            path = apply_first_run(wizard.choice)
        except ParkdeskError as error:
            install_translator(QApplication.instance(), self.lang)
            self._show_error(error)
            return False
        new_report = None  # a new workspace opens on the draft the wizard promised
        if wizard.choice.action == CREATE:
            code = wizard.choice.park_code or (wizard.choice.new_park or {}).get("code")
            new_report = (code, wizard.choice.year) if code and wizard.choice.year else None
        if wizard.choice.lang != self.lang:
            self.language_requested.emit(wizard.choice.lang, str(path), new_report)
            return True
        if not self.open_path(path):
            return False
        if new_report is not None:
            self.open_report_of(*new_report)
        return True

    def open_report_of(self, park_code: str, year: int) -> None:
        """Open a park's report of a year (by the park's code) in this window."""
        from sqlalchemy import select

        from parkdesk.db.models import Park

        with self.workspace.session() as session:
            park_id = session.scalar(select(Park.id).where(Park.code == park_code))
        if park_id is not None:
            self.reports.open(park_id, year)

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def _show_error(self, error: ParkdeskError) -> None:
        QMessageBox.warning(self.window, self.tr("Cannot open the workspace"), error.message(self.lang))
