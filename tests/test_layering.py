"""The core never imports Qt or the UI package; only parkdesk/ui may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import parkdesk

PACKAGE = Path(parkdesk.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "parkdesk.ui")


def core_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent)
        if relative.parts[1] == "ui":
            continue
        yield path, ".".join(relative.with_suffix("").parts).removesuffix(".__init__")


def test_no_core_module_imports_qt_or_the_ui():
    offenders = []
    for path, _ in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {name}" for name in names if name.startswith(FORBIDDEN)]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [name for path, name in core_modules() if "migrations" not in name]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'parkdesk.ui'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
