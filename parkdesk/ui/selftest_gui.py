"""The self-test's GUI step: translations found, the main window built on a workspace and drawn offscreen."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from parkdesk.ui.app import build_window
from parkdesk.ui.i18n import install_translator

REQUIRED_TRANSLATIONS = ("qtbase_zh_CN.qm", "parkdesk_zh_CN.qm")  # Qt's own texts, and ours


@dataclass(frozen=True)
class GuiSeen:
    platform: str
    width: int
    height: int
    translations: tuple[str, ...]


def loaded_translations(app: QApplication) -> set[str]:
    return {Path(t.filePath()).name for t in app.findChildren(QTranslator) if not t.isEmpty()}


def check_gui(workspace: Path, screenshot: Path) -> GuiSeen:
    """Raise RuntimeError unless both Chinese translations load and the window draws into `screenshot`."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, "zh")
    missing = [name for name in REQUIRED_TRANSLATIONS if name not in loaded_translations(app)]
    if missing:
        raise RuntimeError(f"translations not found: {', '.join(missing)}")
    window, controller = build_window(workspace, "zh")
    try:
        if controller.workspace is None:
            raise RuntimeError(f"the main window did not open {workspace}")
        image = window.grab()
        if image.isNull() or not image.save(str(screenshot)):
            raise RuntimeError("the main window could not be drawn")
        return GuiSeen(app.platformName(), image.width(), image.height(), REQUIRED_TRANSLATIONS)
    finally:
        controller.close()
        window.close()
        window.deleteLater()
