"""What goes into the PyInstaller bundle, beside parkdesk's code: one place for the spec and its test.

The spec (installers/parkdesk.spec) asks this module for the version, the data files,
the font, the hidden imports and what to leave out; tests/test_installers.py checks the
same answers against the source tree, pyproject.toml and installers/windows/parkdesk.iss.
No PyInstaller import here, so the test runs without it.

The bundle mirrors the source tree: resources/ (translations, icons, fonts) sits at the
bundle root and parkdesk/… data files keep their package paths, so parkdesk.resources
finds them in the same places frozen or not.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "parkdesk"  # the bundle's folder and its (windowed, on Windows) program
CLI_NAME = "parkdesk-cli"  # Windows only: the same program with a console, for commands

# The PDFs' CJK font: WenQuanYi Micro Hei (Apache-2.0, or GPLv3+ with the font exception; we
# redistribute it under Apache-2.0 and ship both licence files below beside it).
FONT_ENV_VAR = "PARKDESK_BUNDLE_FONT"
FONT_FILE_NAME = "wqy-microhei.ttc"
FONT_SYSTEM_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian/Ubuntu: fonts-wqy-microhei
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",  # Fedora
)
FONT_LICENCES = ("resources/fonts/LICENSE-wqy-microhei.txt", "resources/fonts/LICENSE-Apache-2.0.txt")
# The fallback for what Micro Hei lacks (CJK Ext-A such as 䶮): WenQuanYi Zen Hei (GPLv2 with a font
# embedding exception), unmodified, with its copyright statement and the GPLv2 beside it.
FALLBACK_FONT_FILE_NAME = "wqy-zenhei.ttc"
FALLBACK_FONT_SYSTEM_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian/Ubuntu: fonts-wqy-zenhei
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",  # Fedora
)
FALLBACK_FONT_LICENCES = ("resources/fonts/LICENSE-wqy-zenhei.txt", "resources/fonts/LICENSE-GPL-2.txt")

# UI languages: Qt's own catalogues of other languages are left out of the bundle
QT_TRANSLATION_KEEP = re.compile(r"_zh_CN\.qm$")

# Loaded by name at run time (importlib), so PyInstaller's import scan cannot see them
HIDDEN_IMPORT_PACKAGES = ("parkdesk", "reportlab.graphics.barcode")  # barcode: modules named in exec() strings
HIDDEN_IMPORTS = ("alembic.op", "alembic.context", "alembic.ddl.sqlite")

# Qt modules the app does not use (it imports QtCore, QtGui, QtWidgets, QtSvg), and developer tools
EXCLUDES = (
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtDBus", "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtPrintSupport",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtCharts", "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtStateMachine",
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "IPython", "numpy", "pandas", "bagit",
    "msoffcrypto",
)
# Qt plugins of modules the app does not use, and platforms no desktop user has
# (kept: platforms xcb, wayland, offscreen, minimal; image formats; svg icons; gtk/portal themes)
EXCLUDED_QT_PLUGIN_DIRS = (
    "designer", "qmllint", "qmltooling", "sqldrivers", "tls", "networkinformation", "printsupport",
    "egldeviceintegrations", "wayland-graphics-integration-server",
)
# qgtk3: it would load the system's GTK 3 against the bundle's own glib/cairo (PyInstaller copies them)
EXCLUDED_QT_PLUGINS = ("qgtk3", "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qtvirtualkeyboardplugin",
                       "qpdf")
# Libraries that only the left-out GTK 3 theme plugin needs (its dependencies are found before it is dropped)
EXCLUDED_LIBRARIES = ("libatk-", "libcairo", "libgdk_pixbuf", "libpango", "libthai", "libdatrie", "libpixman")


def project_version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def code_version(root: Path = ROOT) -> str:
    """parkdesk.__version__, read from the file (it must equal pyproject's)."""
    text = (root / "parkdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    return match.group(1) if match else ""


def checked_version(root: Path = ROOT) -> str:
    version = project_version(root)
    if code_version(root) != version:
        raise SystemExit(f"pyproject.toml says {version}, parkdesk/__init__.py says {code_version(root)}")
    return version


def package_data(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every non-Python file inside parkdesk/ (schemas, alembic.ini, …) and the migration scripts."""
    found = []
    for path in sorted((root / "parkdesk").rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or "__pycache__" in relative.parts:
            continue
        if path.suffix == ".py" and "migrations" not in relative.parts:
            continue  # code: compiled into the bundle's archive
        found.append((str(path), str(relative.parent)))
    return found


def translation_files(root: Path = ROOT) -> list[Path]:
    """The compiled UI translations (`python -m parkdesk.ui.build_translations` makes them)."""
    sources = sorted((root / "resources" / "translations").glob("*.ts"))
    compiled = [ts.with_suffix(".qm") for ts in sources]
    missing = [str(qm) for qm in compiled if not qm.is_file()]
    if missing:
        raise SystemExit("compile the translations first (python -m parkdesk.ui.build_translations): "
                         + ", ".join(missing))
    return compiled


def icon_files(root: Path = ROOT) -> list[Path]:
    return sorted((root / "resources" / "icons").glob("parkdesk*"))


def wheel_data(root: Path = ROOT) -> list[tuple[Path, str]]:
    """(source, folder under parkdesk/_data/) for the wheel, besides the translations setup.py compiles there.

    No font: a wheel is installed where the system's fonts are (parkdesk.pdf.fonts finds them).
    """
    return [(icon, "icons") for icon in icon_files(root)]


def font_file(root: Path = ROOT) -> Path:
    """The CJK font to bundle: $PARKDESK_BUNDLE_FONT, else one in resources/fonts/, else the system's."""
    override = Path(os.environ[FONT_ENV_VAR]) if os.environ.get(FONT_ENV_VAR) else None
    return _font_to_bundle(root, FONT_FILE_NAME, FONT_SYSTEM_PATHS, "fonts-wqy-microhei", override,
                           f", or set {FONT_ENV_VAR}")


def fallback_font_file(root: Path = ROOT) -> Path:
    """The fallback font to bundle (parkdesk/pdf/fallback_font.py): one in resources/fonts/, else the system's."""
    return _font_to_bundle(root, FALLBACK_FONT_FILE_NAME, FALLBACK_FONT_SYSTEM_PATHS, "fonts-wqy-zenhei")


def _font_to_bundle(root: Path, name: str, system_paths: tuple[str, ...], debian_package: str,
                    override: Path | None = None, hint: str = "") -> Path:
    candidates = [override] if override is not None else []
    candidates += [root / "resources" / "fonts" / name, *map(Path, system_paths)]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit(f"no {name} to bundle: install {debian_package} (Debian/Ubuntu), put the file in "
                     f"resources/fonts/{hint} (see installers/README.md)")


def resource_data(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for translations, icons, the font and its licences."""
    data = [(str(qm), "resources/translations") for qm in translation_files(root)]
    data += [(str(icon), "resources/icons") for icon in icon_files(root)]
    data.append((str(font_file(root)), "resources/fonts"))
    data += [(str(root / licence), "resources/fonts") for licence in FONT_LICENCES]
    data.append((str(fallback_font_file(root)), "resources/fonts"))
    data += [(str(root / licence), "resources/fonts") for licence in FALLBACK_FONT_LICENCES]
    return data


def keep_in_bundle(destination: str) -> bool:
    """False for Qt translations of other languages, Qt plugins the app never loads and their libraries."""
    parts = Path(destination).parts
    if len(parts) == 1 and parts[0].startswith(EXCLUDED_LIBRARIES):
        return False
    if "translations" in parts and "Qt" in parts:
        return bool(QT_TRANSLATION_KEEP.search(parts[-1]))
    if "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) > index + 1 and parts[index + 1] in EXCLUDED_QT_PLUGIN_DIRS:
            return False
        stem = parts[-1].split(".")[0].removeprefix("lib")
        return stem not in EXCLUDED_QT_PLUGINS
    return True
