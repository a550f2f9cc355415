"""Shared fixtures: Qt offscreen, isolated settings, fresh workspaces per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from parkdesk.db.workspace import create_workspace  # noqa: E402
from parkdesk.demo.builder import build_demo  # noqa: E402
from tools import check_markers  # noqa: E402

DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).parent / "fixtures"


def pytest_runtest_setup(item):
    """A test marked needs_tool / needs_file is skipped where the tool is missing (fails under CI=true)."""
    check_markers(item)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's settings or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PARKDESK_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("PARKDESK_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("PARKDESK_LANG", raising=False)
    return home


@pytest.fixture
def workspace_path(tmp_path) -> Path:
    path = tmp_path / "empty.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path)
    return path


@pytest.fixture
def demo_path(demo_master, tmp_path) -> Path:
    """A private copy of the demo workspace, so a test may change it."""
    path = tmp_path / "demo.sqlite"
    shutil.copy2(demo_master, path)
    return path


@pytest.fixture
def plan_text() -> str:
    return (DATA / "plan_2022_90.txt").read_text(encoding="utf-8")
