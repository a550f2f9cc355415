"""The running GUI shell: the language switch rebuilds the window; the first-run wizard creates a workspace."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.first_run import CREATE, FirstRunChoice
from parkdesk.settings import load_settings
from parkdesk.ui import first_run_wizard
from parkdesk.ui.app import Shell, create_application
from parkdesk.ui.build_translations import build as build_translations


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    build_translations()


def test_language_menu_rebuilds_the_window_in_english_and_remembers_it(qtbot, demo_path):
    app = create_application("zh")
    shell = Shell(app, demo_path, "zh")
    first = shell.window
    assert first.menuBar().actions()[0].text() == "文件(&F)"
    shell.window.english_action.trigger()
    assert shell.window is not first
    qtbot.addWidget(shell.window)
    assert shell.window.menuBar().actions()[0].text() == "&File"
    assert shell.controller.workspace is not None and shell.controller.workspace.path == demo_path
    assert load_settings().language == "en"
    shell.window.chinese_action.trigger()
    assert shell.window.menuBar().actions()[0].text() == "文件(&F)"
    shell.controller.close()


def test_first_run_wizard_creates_the_workspace_and_opens_it(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "my-park.sqlite"

    class AcceptingWizard(first_run_wizard.FirstRunWizard):
        def exec(self):
            self.choice = FirstRunChoice(lang="zh", action=CREATE, path=target, park_code="HJT", year=2024)
            return True

    monkeypatch.setattr(first_run_wizard, "FirstRunWizard", AcceptingWizard)
    app = create_application("zh")
    shell = Shell(app, None, "zh")
    qtbot.addWidget(shell.window)
    shell.window.welcome.new_button.click()
    assert shell.controller.workspace is not None and shell.controller.workspace.path == target
    assert shell.window.park_list.proxy.rowCount() == 1
    with open_workspace(target) as ws, ws.session() as session:
        assert session.scalar(select(Report.status).join(Park).where(Park.code == "HJT", Report.year == 2024)) == "draft"
    assert load_settings().last_workspace == str(target)
    shell.controller.close()
    QApplication.processEvents()


def test_a_damaged_workspace_is_offered_its_newest_good_backup_and_restored(qtbot, demo_path, monkeypatch):
    import os

    from PySide6.QtWidgets import QMessageBox

    from parkdesk.db.backups import backup_on_open

    backup = backup_on_open(demo_path)
    assert backup is not None
    with open(demo_path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(os.urandom(4096 * 20))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    app = create_application("zh")
    shell = Shell(app, demo_path, "zh")
    qtbot.addWidget(shell.window)
    assert asked and str(backup) in asked[0]
    assert shell.controller.workspace is not None and shell.window.park_list.proxy.rowCount() == 12
    kept = [p for p in demo_path.parent.rglob("*") if "before-restore" in p.name]
    assert kept  # the damaged file was kept, not thrown away
    shell.controller.close()
