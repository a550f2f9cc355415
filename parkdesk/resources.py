"""Where parkdesk's files are, whether run from source, installed, or frozen.

The only module that knows the three layouts of the run-time data (translations, icons,
a bundled font) that lives in the source tree's top-level `resources/`:

- a source checkout (also an editable install): `resources/` beside the package;
- an installed wheel: `parkdesk/_data/`, filled by the wheel build (setup.py) — never
  `site-packages/resources`;
- the PyInstaller bundle: `resources/` at the bundle root (`sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
WHEEL_DATA_DIR = "_data"  # inside the package, in a wheel


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def is_source_checkout() -> bool:
    """True when the package is the one in a source tree (run from it, or installed editable)."""
    return (PACKAGE_DIR.parent / "pyproject.toml").is_file() and (PACKAGE_DIR.parent / "resources").is_dir()


def resources_dir() -> Path:
    """The folder holding translations/, icons/ and fonts/ in this layout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    installed = PACKAGE_DIR / WHEEL_DATA_DIR
    if installed.is_dir() or not is_source_checkout():
        return installed
    return PACKAGE_DIR.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return PACKAGE_DIR / "db" / "migrations"
