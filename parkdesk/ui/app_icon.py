"""The application's icon: every PNG size of resources/icons, for title bars, task bars and Alt-Tab."""

from __future__ import annotations

import re

from PySide6.QtGui import QIcon

from parkdesk.resources import resource_path

DESKTOP_FILE_NAME = "parkdesk"  # installers/linux/parkdesk.desktop: Wayland shows that entry's icon


def application_icon() -> QIcon:
    icon = QIcon()
    folder = resource_path("icons")
    for png in sorted(folder.glob("parkdesk-*.png"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0)):
        icon.addFile(str(png))
    return icon
