"""installers/linux/install.sh: per-user desktop integration that removes only what it installed.

It installs into a folder it owns (made by it, or empty), lists everything in DIR/.parkdesk-install and
removes exactly that on update and uninstall: `--prefix ~` or a folder of the user's is refused, never emptied;
the default applications it set in mimeapps.list are given back.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "installers" / "linux"
OUR_TYPES = ("application/x-parkdesk-package", "application/x-parkdesk-package-encrypted",
             "application/x-parkdesk-review", "application/x-parkdesk-rollup")


def fake_archive(folder: Path, extra: str | None = None) -> Path:
    """The layout build.sh puts into the tar.gz, with a stand-in program (and `extra`, a file of this version)."""
    archive = folder / "parkdesk-0.0.0"
    (archive / "parkdesk" / "_internal" / "lib").mkdir(parents=True)
    program = archive / "parkdesk" / "parkdesk"
    program.write_text("#!/bin/sh\necho parkdesk \"$@\"\n")
    program.chmod(0o755)
    (archive / "parkdesk" / "_internal" / "lib" / "libcore.so").write_bytes(b"\x7fELF core")
    if extra:
        (archive / "parkdesk" / "_internal" / extra).write_text(extra)
    for name in ("install.sh", "parkdesk.desktop", "parkdesk-mime.xml"):
        shutil.copy2(LINUX / name, archive / name)
    shutil.copytree(ROOT / "resources" / "icons", archive / "icons")
    return archive


@pytest.fixture
def home(tmp_path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def install_sh(archive: Path, home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    result = subprocess.run(["bash", str(archive / "install.sh"), *args], env=env, capture_output=True, text=True,
                            check=False)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def every_file(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"")
            for p in sorted(folder.rglob("*"))}


def mimeapps(home: Path) -> str:
    path = home / ".config" / "mimeapps.list"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.needs_tool("update-mime-database", "shared-mime-info")
def test_installs_per_user_and_uninstalls_everything_it_installed(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    install_sh(archive, home)
    prefix = home / ".local" / "opt" / "parkdesk"
    share = home / ".local" / "share"
    assert (prefix / "parkdesk").is_file() and (prefix / "_internal" / "lib" / "libcore.so").is_file()
    assert (home / ".local" / "bin" / "parkdesk").resolve() == prefix / "parkdesk"
    desktop = (share / "applications" / "parkdesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{prefix}/parkdesk" %f' in desktop and f"TryExec={prefix}/parkdesk" in desktop
    assert (share / "mime" / "packages" / "parkdesk.xml").read_bytes() == (LINUX / "parkdesk-mime.xml").read_bytes()
    assert png_size(share / "icons" / "hicolor" / "48x48" / "apps" / "parkdesk.png") == (48, 48)
    assert (share / "icons" / "hicolor" / "32x32" / "mimetypes" / "application-x-parkdesk-rollup.png").is_file()
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    assert "*.parkreview" in globs and "*.parkrollup" in globs
    result = subprocess.run([str(home / ".local" / "bin" / "parkdesk"), "x.parkpkg"], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "parkdesk x.parkpkg"
    for mime_type in OUR_TYPES:
        assert f"{mime_type}=parkdesk.desktop;" in mimeapps(home)

    install_sh(archive, home, "--uninstall")
    assert not prefix.exists() and not (home / ".local" / "bin" / "parkdesk").exists()
    assert not (share / "applications" / "parkdesk.desktop").exists()
    assert not (share / "mime" / "packages" / "parkdesk.xml").exists()
    assert not list((share / "icons").rglob("*parkdesk*"))
    assert "parkdesk" not in mimeapps(home)
    assert (home / ".local" / "opt").is_dir()  # only the folder it made itself is gone


@pytest.mark.parametrize("where", ["home", "a folder of the user's"])
def test_a_folder_it_did_not_make_is_refused_and_left_whole(tmp_path, home, where):
    archive = fake_archive(tmp_path / "unpacked")
    target = home if where == "home" else home / "apps"
    (target / "notes").mkdir(parents=True)
    (target / "notes" / "thesis.txt").write_text("three years of work")
    (target / "parkdesk").write_text("a file of the user's that happens to be called parkdesk")
    before = every_file(target)

    result = install_sh(archive, home, "--prefix", str(target), check=False)
    assert result.returncode == 2
    assert f"{target} is not empty and was not made by this installer" in result.stderr
    assert every_file(target) == before

    result = install_sh(archive, home, "--uninstall", "--prefix", str(target), check=False)
    assert result.returncode == 2 and "nothing was removed" in result.stderr
    assert every_file(target) == before


def test_uninstall_removes_what_it_installed_and_keeps_what_the_user_added(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    prefix = home / "apps" / "parkdesk"
    install_sh(archive, home, "--prefix", str(prefix))
    assert (prefix / ".parkdesk-install").is_file()
    (prefix / "my-workspace.sqlite").write_text("the user's own file, saved beside the program")
    (prefix / "_internal" / "lib" / "plugin-of-mine.so").write_text("also the user's")

    result = install_sh(archive, home, "--uninstall", "--prefix", str(prefix))
    assert every_file(prefix) == {"_internal": b"", "_internal/lib": b"",
                                  "_internal/lib/plugin-of-mine.so": b"also the user's",
                                  "my-workspace.sqlite": b"the user's own file, saved beside the program"}
    assert "Kept" in result.stdout and str(prefix) in result.stdout
    assert not (home / ".local" / "bin" / "parkdesk").exists()


def test_an_empty_folder_of_the_users_is_used_and_stays_after_uninstall(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    prefix = home / "parkdesk-here"
    prefix.mkdir()
    install_sh(archive, home, "--prefix", str(prefix))
    assert (prefix / "parkdesk").is_file()
    install_sh(archive, home, "--uninstall", "--prefix", str(prefix))
    assert prefix.is_dir() and list(prefix.iterdir()) == []


def test_an_update_replaces_the_old_files_only(tmp_path, home):
    old = fake_archive(tmp_path / "old", extra="only-in-the-old-version.txt")
    new = fake_archive(tmp_path / "new", extra="only-in-the-new-version.txt")
    prefix = home / ".local" / "opt" / "parkdesk"
    install_sh(old, home)
    (prefix / "keep-me.txt").write_text("the user's")
    install_sh(new, home)
    internal = prefix / "_internal"
    assert (internal / "only-in-the-new-version.txt").is_file()
    assert not (internal / "only-in-the-old-version.txt").exists()
    assert (prefix / "keep-me.txt").read_text() == "the user's"
    install_sh(new, home, "--uninstall")
    assert every_file(prefix) == {"keep-me.txt": b"the user's"}


def test_uninstall_gives_back_the_default_applications_it_replaced(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    config = home / ".config"
    config.mkdir()
    before = ("[Added Associations]\ntext/plain=gedit.desktop;\n\n"
              "[Default Applications]\napplication/pdf=evince.desktop;\n"
              "application/x-parkdesk-review=archive-manager.desktop;\n")
    (config / "mimeapps.list").write_text(before, encoding="utf-8")
    install_sh(archive, home)
    during = mimeapps(home)
    assert "application/x-parkdesk-review=parkdesk.desktop;" in during
    assert "archive-manager" not in during
    assert "application/pdf=evince.desktop;" in during and "text/plain=gedit.desktop;" in during
    install_sh(archive, home)  # an update keeps what was there before the first install
    install_sh(archive, home, "--uninstall")
    after = mimeapps(home)
    assert "parkdesk.desktop" not in after
    assert "application/x-parkdesk-review=archive-manager.desktop;" in after
    assert "application/pdf=evince.desktop;" in after and "text/plain=gedit.desktop;" in after


def test_a_default_the_user_changed_since_is_left_alone(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    install_sh(archive, home)
    path = home / ".config" / "mimeapps.list"
    path.write_text(mimeapps(home).replace("application/x-parkdesk-package=parkdesk.desktop;",
                                           "application/x-parkdesk-package=my-viewer.desktop;"), encoding="utf-8")
    install_sh(archive, home, "--uninstall")
    assert "application/x-parkdesk-package=my-viewer.desktop;" in mimeapps(home)
    assert "parkdesk.desktop" not in mimeapps(home)


@pytest.mark.needs_tool("desktop-file-validate", "desktop-file-utils")
def test_a_program_folder_with_awkward_characters_is_quoted_in_the_menu_entry(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    prefix = home / 'my "apps" $HOME 100% parkdesk'
    install_sh(archive, home, "--prefix", str(prefix))
    desktop = (home / ".local" / "share" / "applications" / "parkdesk.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    # the desktop entry spec: \" \$ inside quotes, every backslash doubled in the file, % as %%
    assert exec_line == (f'Exec="{home}/my \\\\"apps\\\\" \\\\$HOME 100%% parkdesk/parkdesk" %f')
    check = subprocess.run(["desktop-file-validate", str(home / ".local/share/applications/parkdesk.desktop")],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0 and check.stdout == "", check.stdout
    install_sh(archive, home, "--uninstall", "--prefix", str(prefix))
    assert not prefix.exists()


def test_a_parkdesk_command_of_someone_else_is_not_overwritten(tmp_path, home):
    archive = fake_archive(tmp_path / "unpacked")
    command = home / ".local" / "bin" / "parkdesk"
    command.parent.mkdir(parents=True)
    command.write_text("#!/bin/sh\n# pip install --user parkdesk put me here\n")
    result = install_sh(archive, home)
    assert "left as it is" in result.stdout
    install_sh(archive, home, "--uninstall")
    assert command.read_text().startswith("#!/bin/sh\n# pip install --user")
