"""The desktop sees parkdesk as an application: its window icon, and the first-run wizard from the menu entry."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

from parkdesk.settings import Settings, save_settings, settings_exist
from parkdesk.ui.jobs import SynchronousRunner
from parkdesk.ui.app import build_window, create_application
from test_installers import ISS, desktop_groups, iss_entry, iss_lines


def test_the_window_has_the_parkdesk_icon_in_every_size(qtbot, demo_path):
    app = create_application("zh")
    sizes = sorted(size.width() for size in app.windowIcon().availableSizes())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    assert app.desktopFileName() == "parkdesk"  # Wayland takes the icon from parkdesk.desktop
    window, controller = build_window(demo_path, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    pixel = window.windowIcon().pixmap(32, 32).toImage().pixelColor(16, 16)
    assert pixel.alpha() > 0  # drawn, not an empty placeholder
    controller.close()


# The GUI's own event loop runs in a process of its own: after QApplication.exec() has run with a window shown, this
# process's later tests would see no more timers fire.
START_AND_COUNT_WIZARDS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from parkdesk.cli.main import main
from parkdesk.ui import first_run_wizard

class CancelledWizard(first_run_wizard.FirstRunWizard):
    def exec(self):  # stands in for the modal loop: the user cancels at once
        print("wizard opened", flush=True)
        return False

first_run_wizard.FirstRunWizard = CancelledWizard
app = QApplication(sys.argv[:1])  # the one parkdesk's start takes up; a timer needs it first
QTimer.singleShot(1500, app.quit)  # the wizard, when it comes, comes at once
sys.exit(main(sys.argv[1:]))
"""


def start_and_count_wizards(argv: list[str]) -> int:
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"  # PARKDESK_CONFIG_DIR / _DATA_DIR: this test's (tests/conftest.py)
    result = subprocess.run([sys.executable, "-c", START_AND_COUNT_WIZARDS, *argv], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.count("wizard opened")


def new_workspace_action() -> list[str]:
    groups = desktop_groups()
    assert "new-workspace" in groups["Desktop Entry"]["Actions"].split(";")
    action = groups["Desktop Action new-workspace"]
    assert action["Name[zh_CN]"] == "新建工作区…" and action["Name"] == "New workspace…"
    return shlex.split(action["Exec"])


def test_the_menu_entrys_new_workspace_action_opens_the_wizard(demo_path):
    save_settings(Settings(last_workspace=str(demo_path)))  # not a first start: only the action brings it up
    command = new_workspace_action()
    assert command[0] == "parkdesk"
    assert start_and_count_wizards(command[1:]) == 1


def test_the_menu_entry_itself_opens_the_wizard_on_the_first_start():
    assert not settings_exist()
    assert start_and_count_wizards([]) == 1


def test_later_starts_open_the_last_workspace_without_the_wizard(demo_path):
    save_settings(Settings(last_workspace=str(demo_path)))
    assert start_and_count_wizards([]) == 0


def test_the_windows_start_menu_has_the_new_workspace_shortcut():
    icons = [iss_entry(line) for line in iss_lines("Icons")]
    shortcut = next(i for i in icons if i.get("Parameters") == "--new-workspace")
    assert shortcut["Filename"] == "{app}\\parkdesk.exe" and shortcut["Name"] == "{group}\\{cm:NewWorkspace}"
    text = ISS.read_text(encoding="utf-8-sig")
    assert "zh.NewWorkspace=新建工作区" in text and "en.NewWorkspace=New workspace" in text
