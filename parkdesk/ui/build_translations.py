"""Compile resources/translations/*.ts into .qm files with pyside6-lrelease.

    python -m parkdesk.ui.build_translations      # beside the .ts files (dev.sh, the bundle build)

setup.py calls `build(source, target)` to put them into the wheel instead. No Qt import here:
the build runs it before anything is installed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from parkdesk.resources import resource_path


def lrelease_command() -> list[str]:
    """pyside6-lrelease beside this Python or on PATH, else the lrelease inside the PySide6 package."""
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return [str(beside_python)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("lrelease", "lrelease.exe"):
            if (Path(folder) / name).is_file():
                return [str(Path(folder) / name)]
    found = shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials (pip install PySide6-Essentials)")
    return [found]


def build(directory: Path | None = None, target: Path | None = None) -> list[Path]:
    """Compile every .ts of `directory` into `target` (default: beside them); returns the .qm files."""
    directory = directory or resource_path("translations")
    target = target or directory
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(directory.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    for path in build():
        print(path)
