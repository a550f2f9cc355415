"""Window state (geometry, splitters) in an INI file beside parkdesk's own settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from parkdesk.places import config_dir


def window_settings() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
