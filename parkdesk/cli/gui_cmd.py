"""Opening the GUI: the one place the command line hands over to parkdesk.ui.

The GUI is imported by name, at call time, so every other command runs
without Qt installed or a display present.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from parkdesk.messages import message


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch_gui(workspace: Path | None, lang: str, screenshot: Path | None = None) -> int:
    if not has_display():
        print(message("cli.no_display", lang), file=sys.stderr)
        return 2
    app = importlib.import_module("parkdesk.ui.app")
    return app.run(workspace, lang=lang, screenshot=screenshot)
