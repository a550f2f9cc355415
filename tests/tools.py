"""Tools outside Python that tests run (openssl, unzip, poppler, LibreOffice, fonts…).

A test says what it needs with `@pytest.mark.needs_tool(COMMAND, DEBIAN_PACKAGE)` or
`@pytest.mark.needs_file(PATH, DEBIAN_PACKAGE)` (on a function, or as a module's `pytestmark`).
Where it is missing, the test is skipped on a developer's machine; under CI=true it fails
instead, naming the package to install: `./dev.sh test` installs every one of them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(what: str, package: str) -> None:
    """Skip (fail under CI=true) because `what` is missing; `package` is the Debian package that brings it."""
    text = f"{what} is missing: install the Debian package {package} (./dev.sh test installs it)"
    if under_ci():
        pytest.fail(f"CI=true: {text}", pytrace=False)
    pytest.skip(text)


def require_tool(command: str, package: str) -> str:
    """The path of `command`, else skip (fail under CI=true)."""
    found = shutil.which(command)
    if found is None:
        missing(f"the command {command}", package)
    return found


def require_file(path: Path | str, package: str) -> Path:
    path = Path(path)
    if not path.exists():
        missing(str(path), package)
    return path


def check_markers(item: pytest.Item) -> None:
    """Called before each test (tests/conftest.py): its needs_tool / needs_file markers."""
    for marker in item.iter_markers("needs_tool"):
        require_tool(*marker.args)
    for marker in item.iter_markers("needs_file"):
        require_file(*marker.args)
