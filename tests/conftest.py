"""Shared fixtures: Qt offscreen, isolated settings, fresh workspaces per test."""

from __future__ import annotations

import os
import shutil
import subprocess
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


@pytest.fixture
def mount_tmpfs(tmp_path):
    """mount_tmpfs(size) -> a fresh tmpfs of `size` ("1m", "8m"...), unmounted after the test (needs root)."""
    mounts = []

    def mount(size: str) -> Path:
        if getattr(os, "geteuid", lambda: 1)() != 0 or shutil.which("mount") is None:
            if os.environ.get("CI") == "true":
                pytest.fail("a small file system is mounted as root (CI runs as root)")
            pytest.skip("mounting a small file system needs root")
        folder = tmp_path / f"disk{len(mounts)}"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            if os.environ.get("CI") == "true":
                pytest.fail(f"cannot mount tmpfs: {done.stderr}")
            pytest.skip("cannot mount tmpfs here")
        mounts.append(folder)
        return folder

    yield mount
    for folder in mounts:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def small_disk(mount_tmpfs) -> Path:
    """A 1 MB tmpfs (root only)."""
    return mount_tmpfs("1m")


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of `folder` up to `leave` free bytes."""
    free = shutil.disk_usage(folder).free
    (folder / "filler").write_bytes(bytes(max(free - leave, 0)))
