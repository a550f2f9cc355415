"""The installers name real files and one version; desktop integration installs and routes files sensibly.

The bundle itself is built and self-tested by CI (installers/linux/build.sh, check_bundle.sh);
here: what the PyInstaller spec, the Inno Setup script, the .desktop file, the MIME types and
install.sh reference, read from the files themselves.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest

import parkdesk
from parkdesk.cli import gui_cmd
from parkdesk.cli.gui_cmd import PACKAGE, RECEIPT, ROLLUP, GuiTarget, launch_gui, route_gui_argument
from parkdesk.db.workspace import create_workspace
from parkdesk.settings import load_settings, save_settings

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
ISS = INSTALLERS / "windows" / "parkdesk.iss"
SPEC = INSTALLERS / "parkdesk.spec"
LINUX = INSTALLERS / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _load_contents():
    spec = importlib.util.spec_from_file_location("bundle_contents", INSTALLERS / "bundle_contents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _load_contents()


# --- the Inno Setup script -------------------------------------------------------------------------------------------

def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8-sig"), re.MULTILINE))


def iss_expand(text: str) -> str:
    for name, value in iss_defines().items():
        text = text.replace("{#" + name + "}", value)
    return text


def iss_lines(section: str) -> list[str]:
    lines, current = [], None
    for line in ISS.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == section and line.strip() and not line.startswith((";", "#", "//")):
            lines.append(iss_expand(line))
    return lines


def iss_setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_lines("Setup"))


def iss_entry(line: str) -> dict[str, str]:
    """`Name: "x"; Flags: y` → {"Name": "x", "Flags": "y"} ("" inside quotes is one quote)."""
    fields = {}
    for key, quoted, bare in re.findall(r'(\w+):\s*(?:"((?:[^"]|"")*)"|([^;]*))', line):
        fields[key] = quoted.replace('""', '"') if quoted or not bare else bare.strip()
    return fields


def from_iss(relative: str) -> Path:
    return (ISS.parent / PureWindowsPath(relative).as_posix()).resolve()


def test_one_version_in_pyproject_code_spec_and_installer():
    version = contents.project_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert parkdesk.__version__ == version
    assert contents.checked_version() == version
    assert iss_defines()["AppVersion"] == version
    assert iss_setup()["AppVersion"] == version


def test_iss_files_exist_or_are_the_bundle_the_spec_builds():
    setup = iss_setup()
    assert from_iss(setup["SetupIconFile"]) == ROOT / "resources" / "icons" / "parkdesk.ico"
    assert from_iss(setup["SetupIconFile"]).is_file()
    assert from_iss(setup["OutputDir"]) == ROOT / "dist"
    bundle = from_iss(iss_defines()["BundleDir"])
    assert bundle == ROOT / "dist" / contents.APP_NAME  # PyInstaller's default --distpath, the spec's COLLECT name
    sources = [iss_entry(line)["Source"] for line in iss_lines("Files")]
    assert sources == [iss_defines()["BundleDir"] + "\\*", "parkdesk.cmd"]
    assert from_iss(setup["LicenseFile"]) == ROOT / "LICENSE" and (ROOT / "LICENSE").is_file()
    assert iss_defines()["AppExe"] == contents.APP_NAME + ".exe"
    assert iss_defines()["CliExe"] == contents.CLI_NAME + ".exe"
    spec_text = SPEC.read_text(encoding="utf-8")
    assert "name=contents.APP_NAME" in spec_text and "name=contents.CLI_NAME" in spec_text
    for line in iss_lines("Languages"):
        messages = iss_entry(line)["MessagesFile"]
        assert messages.startswith("compiler:")  # shipped with Inno Setup, not with us


def test_iss_installs_per_user_by_default_for_all_users_on_request_with_every_association():
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"  # no UAC prompt by default
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"  # IT staff: "for all users"
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs, or Program Files
    assert setup["MinVersion"] == "10.0.17763"  # PySide6: Windows 10 1809+
    assert setup["ArchitecturesAllowed"] == setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["ChangesAssociations"] == "yes"
    registry = [iss_entry(line) for line in iss_lines("Registry")]
    assert {entry["Root"] for entry in registry} == {"HKA"}  # HKCU per user, HKLM for all users
    app_exe = "{app}\\" + iss_defines()["AppExe"]
    keys = {(e["Subkey"], e.get("ValueName", "")): e.get("ValueData", "") for e in registry}
    for extension, prog_id in ((".parkpkg", "parkdesk.package"), (".parkreview", "parkdesk.review"),
                               (".parkrollup", "parkdesk.rollup")):
        assert keys[(f"Software\\Classes\\{extension}", "")] == prog_id
        assert (f"Software\\Classes\\{extension}\\OpenWithProgids", prog_id) in keys
        command = keys[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]
        assert command == f'"{app_exe}" "%1"'
        assert keys[(f"Software\\Classes\\{prog_id}\\DefaultIcon", "")] == app_exe + ",0"
        assert (f"Software\\Classes\\Applications\\{iss_defines()['AppExe']}\\SupportedTypes", extension) in keys
    # every suffix the GUI routes (but the encrypted one: Windows goes by the last extension, .p7m is S/MIME's)
    associated = {subkey.split("\\")[2] for subkey, _ in keys if subkey.count("\\") == 2 and "\\." in subkey}
    assert associated == {suffix for suffix, _ in gui_cmd.INCOMING_SUFFIXES} - {".parkpkg.p7m"}
    icons = [iss_entry(line) for line in iss_lines("Icons")]
    assert any(i["Name"] == "{group}\\parkdesk" and i["Filename"] == app_exe for i in icons)


def test_iss_needs_inno_setup_6_3_and_keeps_its_bom():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Inno Setup reads the Chinese messages right
    text = raw.decode("utf-8-sig")
    assert "zh.PackageType=parkdesk 年报数据包" in text
    check = re.search(r"^#if VER < EncodeVer\(6, 3, 0\)\n\s*#error (.+)\n#endif$", text, re.MULTILINE)
    assert check and "Inno Setup 6.3" in check.group(1)
    assert text.index("#if VER") < text.index("[Setup]")  # checked before anything else is compiled


def test_iss_signing_hook_is_ready_and_off_by_default():
    text = ISS.read_text(encoding="utf-8-sig")
    hook = re.search(r"^#ifdef SignToolName\nSignTool=\{#SignToolName\}\nSignedUninstaller=yes\n#endif$", text,
                     re.MULTILINE)
    assert hook and text.index("[Setup]") < hook.start() < text.index("[Languages]")
    assert text.count("SignTool=") == 1  # only inside the #ifdef: a plain `iscc parkdesk.iss` signs nothing


def test_iss_offers_the_command_on_path_and_takes_it_off_again():
    tasks = {iss_entry(line)["Name"]: iss_entry(line) for line in iss_lines("Tasks")}
    assert tasks["addtopath"]["Flags"] == "unchecked"
    assert iss_setup()["ChangesEnvironment"] == "yes"
    wrapper = (ISS.parent / "parkdesk.cmd").read_text(encoding="utf-8")
    assert f'"%~dp0..\\{iss_defines()["CliExe"]}" %*' in wrapper  # `parkdesk` runs the console program
    files = [iss_entry(line) for line in iss_lines("Files")]
    assert any(f["Source"] == "parkdesk.cmd" and f["DestDir"] == "{app}\\bin" for f in files)
    code = ISS.read_text(encoding="utf-8-sig").split("[Code]", 1)[1]
    assert "WizardIsTaskSelected('addtopath')" in code and "AddToPath(ExpandConstant('{app}\\bin'))" in code
    assert "usPostUninstall" in code and "RemoveFromPath(ExpandConstant('{app}\\bin'))" in code
    assert "HKEY_CURRENT_USER" in code and "HKEY_LOCAL_MACHINE" in code and "IsAdminInstallMode" in code


# --- the PyInstaller spec --------------------------------------------------------------------------------------------

def test_every_data_file_of_the_bundle_exists():
    data = contents.package_data() + contents.resource_data()
    missing = [source for source, _ in data if not Path(source).is_file()]
    assert missing == []
    targets = {(Path(source).name, folder) for source, folder in data}
    assert ("report-v1.schema.json", "parkdesk/packages/schema") in targets
    assert ("alembic.ini", "parkdesk/db/migrations") in targets
    assert ("env.py", "parkdesk/db/migrations") in targets
    for revision in (ROOT / "parkdesk" / "db" / "migrations" / "versions").glob("*.py"):
        assert (revision.name, "parkdesk/db/migrations/versions") in targets
    assert ("parkdesk_zh_CN.qm", "resources/translations") in targets
    assert ("parkdesk.ico", "resources/icons") in targets
    fonts = {name for name, folder in targets if folder == "resources/fonts"}
    assert {"LICENSE-wqy-microhei.txt", "LICENSE-Apache-2.0.txt"} <= fonts
    assert {"wqy-microhei.ttc", "wqy-zenhei.ttc", "LICENSE-wqy-zenhei.txt", "LICENSE-GPL-2.txt"} <= fonts
    assert not any(name.endswith(".py") and "migrations" not in folder for name, folder in targets)


def test_bundle_folders_match_where_the_code_looks():
    """resources/ at the bundle root, package data at its package path: parkdesk.resources finds both."""
    from parkdesk.pdf.fonts import FONT_SUFFIXES
    from parkdesk.resources import migrations_dir, resource_path

    root = ROOT
    assert resource_path("translations") == root / "resources" / "translations"
    assert migrations_dir() == root / "parkdesk" / "db" / "migrations"
    assert contents.font_file().suffix in FONT_SUFFIXES
    assert contents.FONT_FILE_NAME.endswith(FONT_SUFFIXES)


def test_font_licence_allows_redistribution_and_names_the_font():
    licence = (ROOT / contents.FONT_LICENCES[0]).read_text(encoding="utf-8")
    assert "WenQuanYi Micro Hei" in licence and "Apache-2.0" in licence
    assert "Apache License" in (ROOT / contents.FONT_LICENCES[1]).read_text(encoding="utf-8")
    fallback = (ROOT / contents.FALLBACK_FONT_LICENCES[0]).read_text(encoding="utf-8")
    assert "WenQuanYi Zen Hei" in fallback and "font embedding exception" in fallback
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / contents.FALLBACK_FONT_LICENCES[1]).read_text(encoding="utf-8")


def test_excluded_qt_modules_are_not_used_by_the_app():
    used = set()
    for path in (ROOT / "parkdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                used.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                used |= {a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.")}
    excluded = {name.split(".")[1] for name in contents.EXCLUDES if name.startswith("PySide6.")}
    assert used and not used & excluded
    assert "parkdesk" not in contents.EXCLUDES and "reportlab" not in contents.EXCLUDES


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("libcairo.so.2", False),
    ("libfontconfig.so.1", True),
    ("resources/translations/parkdesk_zh_CN.qm", True),
])
def test_bundle_filter(destination, kept):
    assert contents.keep_in_bundle(destination) is kept


def test_spec_uses_the_shared_contents_and_a_real_entry_point():
    text = SPEC.read_text(encoding="utf-8")
    for name in ("checked_version()", "package_data()", "resource_data()", "EXCLUDES", "keep_in_bundle",
                 "HIDDEN_IMPORT_PACKAGES", "HIDDEN_IMPORTS"):
        assert f"contents.{name}" in text
    entry = re.search(r'ROOT / "installers" / "(\w+\.py)"', text).group(1)
    assert "from parkdesk.cli.main import main" in (INSTALLERS / entry).read_text(encoding="utf-8")
    assert re.search(r'icon = str\(ROOT / "resources" / "icons" / "parkdesk\.ico"\)', text)


# --- icons -----------------------------------------------------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_exist_in_every_size_they_are_installed_in():
    icons = ROOT / "resources" / "icons"
    for size in contents_icon_sizes():
        assert png_size(icons / f"parkdesk-{size}.png") == (size, size)
    root = ET.parse(icons / "parkdesk.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 256 256"
    ico = (icons / "parkdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def contents_icon_sizes() -> list[int]:
    text = (LINUX / "install.sh").read_text(encoding="utf-8")
    return [int(s) for s in re.search(r"ICON_SIZES=\(([\d ]+)\)", text).group(1).split()]


# --- Linux desktop integration ---------------------------------------------------------------------------------------

def desktop_groups() -> dict[str, dict[str, str]]:
    groups, current = {}, None
    for line in (LINUX / "parkdesk.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = groups.setdefault(line.strip("[]"), {})
        elif "=" in line:
            key, value = line.split("=", 1)
            current[key] = value
    return groups


def desktop_entry() -> dict[str, str]:
    assert (LINUX / "parkdesk.desktop").read_text(encoding="utf-8").startswith("[Desktop Entry]\n")
    return desktop_groups()["Desktop Entry"]


def mime_types() -> dict[str, list[str]]:
    root = ET.parse(LINUX / "parkdesk-mime.xml").getroot()
    return {t.get("type"): [g.get("pattern") for g in t.findall(f"{MIME_NS}glob")]
            for t in root.findall(f"{MIME_NS}mime-type")}


def test_desktop_file_opens_every_parkdesk_file_type():
    entry = desktop_entry()
    assert entry["Exec"].split()[-1] == "%f" and entry["Icon"] == "parkdesk"
    assert set(filter(None, entry["MimeType"].split(";"))) == set(mime_types())
    patterns = {p for globs in mime_types().values() for p in globs}
    assert patterns == {"*.parkpkg", "*.parkpkg.p7m", "*.parkreview", "*.parkrollup"}
    # the GUI routes every suffix the desktop hands over, and the desktop hands over every one the GUI routes
    assert {f"*{suffix}" for suffix, _ in gui_cmd.INCOMING_SUFFIXES} == patterns
    assert {kind for _, kind in gui_cmd.INCOMING_SUFFIXES} == {PACKAGE, RECEIPT, ROLLUP}


@pytest.mark.needs_tool("desktop-file-validate", "desktop-file-utils")
def test_desktop_file_is_valid():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "parkdesk.desktop")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and result.stdout == "", result.stdout


@pytest.mark.needs_tool("update-mime-database", "shared-mime-info")
def test_mime_database_accepts_the_types(tmp_path):
    (tmp_path / "packages").mkdir()
    shutil.copy(LINUX / "parkdesk-mime.xml", tmp_path / "packages")
    subprocess.run(["update-mime-database", str(tmp_path)], check=True, capture_output=True)
    globs = (tmp_path / "globs2").read_text(encoding="utf-8")
    assert "application/x-parkdesk-package:*.parkpkg\n" in globs
    assert "application/x-parkdesk-package-encrypted:*.parkpkg.p7m\n" in globs
    assert "application/x-parkdesk-review:*.parkreview\n" in globs


def test_build_script_packs_what_install_sh_reads():
    text = (LINUX / "build.sh").read_text(encoding="utf-8")
    assert "-C \"$DIST\" parkdesk" in text
    assert "install.sh parkdesk.desktop parkdesk-mime.xml" in text
    assert '-C "$PWD/resources" icons' in text
    for script in ("build.sh", "install.sh", "check_bundle.sh"):
        subprocess.run(["bash", "-n", str(LINUX / script)], check=True)
        assert os.access(LINUX / script, os.X_OK), script


# --- `parkdesk FILE`: a package or receipt handed over by the desktop ------------------------------------------------

def remember(workspace: Path | None) -> None:
    settings = load_settings()
    settings.last_workspace = str(workspace) if workspace else None
    save_settings(settings)


@pytest.fixture
def package_file(tmp_path) -> Path:
    path = tmp_path / "QLRJY-2024.parkpkg"
    path.write_bytes(b"PK\x05\x06" + bytes(18))
    return path


def test_no_argument_or_a_workspace_opens_as_before(tmp_path):
    assert route_gui_argument(None) == GuiTarget(None)
    workspace = tmp_path / "any.sqlite"
    assert route_gui_argument(workspace) == GuiTarget(workspace)


def test_package_goes_into_the_last_reviewer_workspace(tmp_path, package_file):
    reviewer = tmp_path / "district.sqlite"
    create_workspace(reviewer, role="reviewer").close()
    remember(reviewer)
    target = route_gui_argument(package_file)
    assert target == GuiTarget(reviewer, incoming=package_file, incoming_kind=PACKAGE)
    encrypted = package_file.with_name("QLRJY-2024.PARKPKG.p7m")
    encrypted.write_bytes(b"0\x80")
    assert route_gui_argument(encrypted).incoming_kind == PACKAGE


def test_package_with_an_operator_workspace_last_opens_it_and_explains(workspace_path, package_file):
    remember(workspace_path)
    target = route_gui_argument(package_file)
    assert target.workspace == workspace_path and target.incoming is None
    assert target.notice == "gui.package_needs_reviewer"
    assert str(workspace_path) in target.notice_text("en") and "reviewer workspace" in target.notice_text("en")
    assert "审核工作区" in target.notice_text("zh")


def test_receipt_goes_into_the_last_operator_workspace(workspace_path, tmp_path):
    receipt = tmp_path / "QLRJY-2024.parkreview"
    receipt.write_bytes(b"PK\x05\x06" + bytes(18))
    remember(workspace_path)
    assert route_gui_argument(receipt) == GuiTarget(workspace_path, incoming=receipt, incoming_kind=RECEIPT)


def test_rollup_goes_into_the_last_city_workspace(tmp_path):
    rollup = tmp_path / "370102-2024.PARKROLLUP"
    rollup.write_bytes(b"PK\x05\x06" + bytes(18))
    city = tmp_path / "city.sqlite"
    create_workspace(city, role="city").close()
    remember(city)
    assert route_gui_argument(rollup) == GuiTarget(city, incoming=rollup, incoming_kind=ROLLUP)


def test_rollup_with_a_district_workspace_last_opens_it_and_explains(tmp_path):
    rollup = tmp_path / "370102-2024.parkrollup"
    rollup.write_bytes(b"PK\x05\x06" + bytes(18))
    district = tmp_path / "district.sqlite"
    create_workspace(district, role="reviewer").close()
    remember(district)
    target = route_gui_argument(rollup)
    assert target.workspace == district and target.incoming is None  # not opened as a workspace either
    assert "city workspace" in target.notice_text("en") and str(district) in target.notice_text("en")
    assert "市局工作区" in target.notice_text("zh")


def test_package_without_any_last_workspace(package_file, tmp_path):
    remember(tmp_path / "deleted-since.sqlite")
    target = route_gui_argument(package_file)
    assert target.workspace is None and target.notice == "gui.package_needs_reviewer"
    assert "no workspace opened yet" in target.notice_text("en")


def test_last_workspace_that_is_not_a_workspace_is_no_reviewer(tmp_path, package_file):
    junk = tmp_path / "notes.sqlite"
    junk.write_text("not a database")
    remember(junk)
    assert route_gui_argument(package_file).notice == "gui.package_needs_reviewer"
    assert junk.read_text() == "not a database"


def test_missing_package_file_is_named(tmp_path):
    target = route_gui_argument(tmp_path / "gone.parkpkg")
    assert target.notice == "gui.file_missing" and "gone.parkpkg" in target.notice_text("zh")


def test_launch_gui_opens_the_routed_workspace_and_prints_the_notice(monkeypatch, workspace_path, package_file,
                                                                     capsys):
    remember(workspace_path)
    calls = []

    class FakeApp:
        @staticmethod
        def run(workspace, lang, screenshot, incoming=None, new_workspace=False):
            calls.append((workspace, lang, screenshot, incoming))
            return 0

    monkeypatch.setattr(gui_cmd.importlib, "import_module", lambda name: FakeApp)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert launch_gui(package_file, "en") == 0
    assert calls == [(workspace_path, "en", None, None)]  # not a reviewer workspace: nothing to take in
    assert "reviewer workspace" in capsys.readouterr().err


def test_main_routes_a_package_argument_to_the_gui(monkeypatch, package_file):
    from parkdesk.cli import main as cli_main

    seen = []
    monkeypatch.setattr(gui_cmd, "launch_gui", lambda workspace, lang, screenshot, new_workspace: seen.append(workspace)
                        or 0)
    assert cli_main.main([str(package_file)]) == 0
    assert seen == [package_file]
    assert route_gui_argument(seen[0]).notice == "gui.package_needs_reviewer"  # not opened as a workspace
