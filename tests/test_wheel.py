"""The wheel and the sdist, as a user installs them: built from the source tree (sdist, then the wheel from the
sdist, as `python -m build` does), installed — not editable — into a fresh virtual environment outside the source
tree, then the installed program's self-test (every step, the GUI included) and a start in Chinese, offscreen.

The fresh environment gets parkdesk from the wheel and nothing from the source tree; its dependencies (PySide6
and the rest, ~400 MB) are borrowed from the test environment through a .pth file instead of being downloaded
again, and `pip check` confirms they satisfy the wheel's requirements.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import parkdesk

ROOT = Path(__file__).resolve().parent.parent
VERSION = parkdesk.__version__


@dataclass(frozen=True)
class Installed:
    sdist: Path
    wheel: Path
    python: Path
    bin: Path
    site_packages: Path
    folder: Path  # where the installed program runs: outside the source tree

    def env(self, **extra: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY")}
        env.update(PARKDESK_CONFIG_DIR=str(self.folder / "config"), PARKDESK_DATA_DIR=str(self.folder / "data"),
                   QT_QPA_PLATFORM="offscreen", **extra)
        return env

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([*args], capture_output=True, text=True, cwd=self.folder, env=self.env(**extra),
                              timeout=300, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    folder = tmp_path_factory.mktemp("wheel")
    assert ROOT not in folder.parents
    dist = folder / "dist"
    build = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                           capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (sdist,) = dist.glob(f"parkdesk-{VERSION}.tar.gz")
    (wheel,) = dist.glob(f"parkdesk-{VERSION}-py3-none-any.whl")

    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site_packages = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    # the dependencies, from this environment (its .pth files, the editable parkdesk among them, are not read)
    (site_packages / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--no-index", "--disable-pip-version-check", str(wheel)],
                             capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    work = folder / "work"
    work.mkdir()
    return Installed(sdist, wheel, python, venv / "bin", site_packages, work)


def test_the_sdist_holds_the_sources_the_wheel_is_built_from(installed):
    with tarfile.open(installed.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    top = f"parkdesk-{VERSION}"
    assert {"pyproject.toml", "setup.py", "LICENSE", "README.md", "installers/bundle_contents.py",
            "resources/translations/parkdesk_zh_CN.ts", "resources/icons/parkdesk.svg",
            "parkdesk/__main__.py", "parkdesk/db/migrations/alembic.ini"} <= names, top
    assert not any(name.endswith(".qm") for name in names)  # compiled by the wheel build, not shipped as source


def test_the_wheel_carries_compiled_translations_icons_and_the_licence(installed):
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"parkdesk-{VERSION}.dist-info/METADATA").decode()
        qm = wheel.read("parkdesk/_data/translations/parkdesk_zh_CN.qm")
    assert qm[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # Qt's .qm magic number
    assert {f"parkdesk/_data/icons/parkdesk-{size}.png" for size in (16, 32, 48, 256)} <= names
    assert "parkdesk/_data/icons/parkdesk.svg" in names
    assert "parkdesk/__main__.py" in names and "parkdesk/packages/schema/report-v1.schema.json" in names
    assert not any(name.startswith("resources/") for name in names)
    assert "License-Expression: Apache-2.0" in metadata
    assert f"parkdesk-{VERSION}.dist-info/licenses/LICENSE" in names
    assert "Requires-Dist: PySide6-Essentials" in metadata


def test_installed_outside_the_source_tree_with_its_requirements_met(installed):
    where = installed.run(str(installed.python), "-c",
                          "import parkdesk, parkdesk.resources as r; print(parkdesk.__file__); "
                          "print(r.resource_path('translations')); print(r.is_source_checkout())")
    package_file, translations, checkout = where.stdout.split("\n")[:3]
    assert Path(package_file).parent == installed.site_packages / "parkdesk"
    assert Path(translations) == installed.site_packages / "parkdesk" / "_data" / "translations"
    assert checkout == "False"
    assert not (installed.site_packages / "resources").exists()
    check = subprocess.run([sys.executable, "-m", "pip", "--python", str(installed.python), "check"],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_installed_program_passes_its_selftest_gui_included(installed):
    result = installed.run(str(installed.bin / "parkdesk"), "--selftest", "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("Self-test passed: all 8 steps worked")
    assert "translations qtbase_zh_CN.qm, parkdesk_zh_CN.qm loaded" in result.stdout
    assert "(Python environment)" in lines[0]


def test_python_dash_m_parkdesk_is_the_parkdesk_command(installed):
    result = installed.run(str(installed.python), "-m", "parkdesk", "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"parkdesk {VERSION}"
    result = installed.run(str(installed.python), "-m", "parkdesk", "--help")
    assert result.returncode == 0 and "usage: parkdesk" in result.stdout


def test_the_installed_program_starts_in_chinese(installed):
    workspace = installed.folder / "demo.sqlite"
    made = installed.run(str(installed.bin / "parkdesk"), "demo", "--no-gui", "--out", str(workspace))
    assert made.returncode == 0, made.stdout + made.stderr
    screenshot = installed.folder / "window.png"
    started = installed.run(str(installed.bin / "parkdesk"), str(workspace), "--screenshot", str(screenshot))
    assert started.returncode == 0, started.stdout + started.stderr
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # what that start showed: the menus and the park list in Chinese, the window icon set
    shown = installed.run(str(installed.python), "-c", f"""
from pathlib import Path
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.park_list_model import COL_NAME
app = create_application("zh")
window, controller = build_window(Path({str(workspace)!r}), "zh")
print("|".join(action.text() for action in window.menuBar().actions()))
print(window.park_list.proxy.data(window.park_list.proxy.index(0, COL_NAME)))
print(sorted(size.width() for size in app.windowIcon().availableSizes()))
controller.close()
""")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    menus, first_park, icon_sizes = shown.stdout.splitlines()[:3]
    assert "文件" in menus and "帮助" in menus
    assert first_park == "齐鲁软件园"
    assert icon_sizes == "[16, 24, 32, 48, 64, 128, 256]"
