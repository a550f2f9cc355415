"""installers/linux/build_deb.sh turns a one-folder bundle into a .deb that lintian accepts.

Here on a small stand-in bundle built from this machine's own binaries (a program and a library that needs
zlib from the system); CI builds the real bundle and its .deb, installs it with dpkg -i and runs
/usr/bin/parkdesk --selftest (installers/linux/check_deb.sh).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import parkdesk

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "installers" / "linux"
BUILD_DEB = LINUX / "build_deb.sh"
MIME_TYPES = ("application/x-parkdesk-package", "application/x-parkdesk-package-encrypted",
              "application/x-parkdesk-review", "application/x-parkdesk-rollup")
LIBPNG = Path("/usr/lib/x86_64-linux-gnu/libpng16.so.16")

pytestmark = [pytest.mark.needs_tool("dpkg-deb", "dpkg"), pytest.mark.needs_file(LIBPNG, "libpng16-16")]


def stand_in_bundle(folder: Path, extra_library: Path | None = None) -> Path:
    """dist/parkdesk as PyInstaller lays it out: the program, _internal/ with a library and the resources."""
    bundle = folder / "parkdesk"
    internal = bundle / "_internal"
    internal.mkdir(parents=True)
    shutil.copy(shutil.which("true"), bundle / "parkdesk")
    shutil.copy(LIBPNG.resolve(), internal / "libpng16.so.16")  # needs libz.so.1 (zlib1g) from the system
    (internal / "libpng16.so.16").chmod(0o644)
    if extra_library is not None:
        shutil.copy(extra_library, internal / extra_library.name)
    shutil.copytree(ROOT / "resources" / "icons", internal / "resources" / "icons")
    (bundle / "LICENSES").mkdir()
    (bundle / "LICENSES" / "README.txt").write_text("parkdesk: licences\n")
    return bundle


def build_deb(bundle: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARKDESK_DEB_OUT": str(out), "TMPDIR": str(out.parent)}
    return subprocess.run(["bash", str(BUILD_DEB), str(bundle)], capture_output=True, text=True, env=env, timeout=300,
                          check=False)


@pytest.fixture(scope="module")
def deb(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("deb")
    result = build_deb(stand_in_bundle(folder / "dist"), folder / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    path = folder / "out" / f"parkdesk_{parkdesk.__version__}_{arch}.deb"
    assert path.is_file()
    return path


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def listing(deb: Path) -> dict[str, str]:
    """path → the listing line (mode, owner, size, link)."""
    lines = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    return {re.split(r"\s+", line, maxsplit=5)[5].split(" -> ")[0].removeprefix("."): line
            for line in lines.splitlines()}


def test_control_fields(deb):
    assert field(deb, "Package") == "parkdesk"
    assert field(deb, "Version") == parkdesk.__version__
    depends = [d.strip() for d in field(deb, "Depends").split(",")]
    assert depends[0] == "libc6 (>= 2.34)"  # PySide6's wheels are manylinux_2_34
    assert "zlib1g" in depends  # what the stand-in library needs from the system, found by ldd and dpkg -S
    recommends = field(deb, "Recommends")
    assert "libwayland-client0" in recommends and "fonts-wqy-microhei | fonts-noto-cjk" in recommends
    assert int(field(deb, "Installed-Size")) > 0
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", field(deb, "Maintainer"))


def test_files_where_debian_desktops_look(deb):
    files = listing(deb)
    assert "/opt/parkdesk/parkdesk" in files and "/opt/parkdesk/LICENSES/README.txt" in files
    assert files["/usr/bin/parkdesk"].endswith("/usr/bin/parkdesk -> /opt/parkdesk/parkdesk")
    for path in ("/usr/share/applications/parkdesk.desktop", "/usr/share/mime/packages/parkdesk.xml",
                 "/usr/share/doc/parkdesk/copyright", "/usr/share/doc/parkdesk/changelog.gz",
                 "/usr/share/icons/hicolor/scalable/apps/parkdesk.svg", "/usr/share/lintian/overrides/parkdesk"):
        assert path in files, path
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/parkdesk.png" in files
        for mime_type in MIME_TYPES:
            assert f"/usr/share/icons/hicolor/{size}x{size}/mimetypes/{mime_type.replace('/', '-')}.png" in files
    assert all(" root/root " in line for line in files.values())
    assert not any(re.match(r"^-rwx", line) for path, line in files.items() if path.endswith(".so.16"))


def test_the_packaged_desktop_files_are_the_sources_and_the_doc_is_complete(deb, tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    share = tmp_path / "usr" / "share"
    assert (share / "applications" / "parkdesk.desktop").read_bytes() == (LINUX / "parkdesk.desktop").read_bytes()
    assert (share / "mime" / "packages" / "parkdesk.xml").read_bytes() == (LINUX / "parkdesk-mime.xml").read_bytes()
    copyright_text = (share / "doc" / "parkdesk" / "copyright").read_text(encoding="utf-8")
    assert copyright_text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
    assert "License: Apache-2.0" in copyright_text and "/opt/parkdesk/LICENSES/" in copyright_text
    assert "QT-NOTICE.txt" in copyright_text
    changelog = gzip.decompress((share / "doc" / "parkdesk" / "changelog.gz").read_bytes()).decode()
    assert changelog.startswith(f"parkdesk ({parkdesk.__version__}) ")


@pytest.mark.needs_tool("lintian", "lintian")
def test_lintian_reports_no_errors(deb):
    result = subprocess.run(["lintian", "--fail-on", "error", "--tag-display-limit", "0", str(deb)],
                            capture_output=True, text=True, timeout=600, check=False)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert result.returncode == 0 and errors == [], result.stdout + result.stderr


@pytest.mark.needs_tool("patchelf", "patchelf")
def test_a_bundle_needing_a_library_nobody_has_is_refused(tmp_path):
    library = tmp_path / "libneedy.so.1"
    shutil.copy(LIBPNG.resolve(), library)
    subprocess.run(["patchelf", "--add-needed", "libparkdesk-nowhere.so.7", str(library)], check=True)
    result = build_deb(stand_in_bundle(tmp_path / "dist", extra_library=library), tmp_path / "out")
    assert result.returncode == 2
    assert "libparkdesk-nowhere.so.7" in result.stderr and "neither in it nor on this machine" in result.stderr
    assert not list(tmp_path.rglob("*.deb*"))


def test_ci_builds_installs_and_self_tests_the_deb():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci.index("installers/linux/build_deb.sh") > ci.index("installers/linux/build.sh")
    assert ci.index("installers/linux/check_deb.sh") > ci.index("installers/linux/build_deb.sh")
    check = (LINUX / "check_deb.sh").read_text(encoding="utf-8")
    assert 'dpkg -i "$DEB"' in check and "/usr/bin/parkdesk --selftest" in check and "dpkg -r parkdesk" in check
    assert "lintian --fail-on error" in check
    for script in ("build_deb.sh", "check_deb.sh"):
        subprocess.run(["bash", "-n", str(LINUX / script)], check=True)
        assert os.access(LINUX / script, os.X_OK), script
