"""User settings (last workspace, language) in a small JSON file.

The folder comes from platformdirs, or from PARKDESK_CONFIG_DIR (tests,
portable installs). Written to a temporary file and renamed into place.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "parkdesk"


@dataclass
class Settings:
    last_workspace: str | None = None
    language: str = "zh"
    pdf_font: str | None = None  # a TrueType-outline CJK font for PDFs; None = search the system


def config_dir() -> Path:
    override = os.environ.get("PARKDESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    override = os.environ.get("PARKDESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_demo_path() -> Path:
    return data_dir() / "demo.parkdesk.sqlite"


def _settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    try:
        raw = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known}) if isinstance(raw, dict) else Settings()


def save_settings(settings: Settings) -> None:
    target = _settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    temp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temp, target)


def settings_exist() -> bool:
    """False on the very first start (no settings saved yet)."""
    return _settings_file().exists()
