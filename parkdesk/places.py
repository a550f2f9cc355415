"""Where parkdesk keeps its files on this computer: the settings folder and the data folder.

From platformdirs, or from PARKDESK_CONFIG_DIR / PARKDESK_DATA_DIR (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "parkdesk"


def config_dir() -> Path:
    override = os.environ.get("PARKDESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    override = os.environ.get("PARKDESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_demo_path() -> Path:
    return data_dir() / "demo.parkdesk.sqlite"
