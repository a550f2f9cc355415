"""User settings (last workspace, language) in a small JSON file.

In the settings folder (parkdesk.places.config_dir); written whole or not at all.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from parkdesk.atomic_files import write_atomically
from parkdesk.places import config_dir


@dataclass
class Settings:
    last_workspace: str | None = None
    language: str = "zh"
    pdf_font: str | None = None  # a TrueType-outline CJK font for PDFs; None = search the system


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
    write_atomically(target, json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8"))


def settings_exist() -> bool:
    """False on the very first start (no settings saved yet)."""
    return _settings_file().exists()
