"""Every build ships the licence texts of what it contains, gathered from the installed distributions' metadata
(installers/third_party_licences.py; the PyInstaller spec writes them to the bundle's LICENSES/ folder, which the
.deb and the Windows installer carry)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

import parkdesk

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"


def _load(name: str):
    sys.path.insert(0, str(INSTALLERS))
    try:
        spec = importlib.util.spec_from_file_location(name, INSTALLERS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(INSTALLERS))


licences = _load("third_party_licences")
contents = _load("bundle_contents")
LICENCE_WORDS = ("licen", "copyright", "permission is hereby granted", "redistribution and use")


def looks_like_a_licence(text: bytes) -> bool:
    lowered = text.decode("utf-8", "replace").lower()
    return len(lowered) > 200 and any(word in lowered for word in LICENCE_WORDS)


def runtime_names() -> set[str]:
    return {canonicalize_name(d.metadata["Name"]) for d in licences.runtime_distributions("parkdesk")}


def test_the_runtime_closure_follows_extras_and_leaves_out_test_tools():
    names = runtime_names()
    assert {"parkdesk", "pyside6-essentials", "shiboken6", "reportlab", "rl-accel", "sqlalchemy", "alembic",
            "cryptography", "cffi", "orjson", "msgspec", "openpyxl", "et-xmlfile", "xlsxwriter",
            "python-calamine", "platformdirs", "asn1crypto", "fastjsonschema", "defusedxml"} <= names
    assert not names & {"pytest", "pytest-qt", "bagit", "hypothesis", "pyinstaller", "build"}


@pytest.mark.parametrize("name", sorted(runtime_names() - {"parkdesk"}))
def test_every_shipped_distribution_has_its_licence_text(name):
    from importlib.metadata import distribution

    component = licences.distribution_component(distribution(name))
    assert component.texts, f"{name}: no licence text in its metadata"
    assert any(looks_like_a_licence(text) for text in component.texts.values()), sorted(component.texts)
    assert component.licence and component.licence != "see the texts"


def test_qt_comes_with_the_lgpl_its_source_and_how_to_replace_it():
    from importlib.metadata import distribution

    for name in ("PySide6-Essentials", "shiboken6"):
        dist = distribution(name)
        component = licences.distribution_component(dist)
        assert component.licence == "LGPL-3.0-only"
        assert b"GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in component.texts["LGPL-3.0.txt"]
        assert b"GNU GENERAL PUBLIC LICENSE\n                       Version 3" in component.texts["GPL-3.0.txt"]
        notice = component.texts["QT-NOTICE.txt"].decode()
        assert "{version}" not in notice and f"PySide6-Essentials {dist.version}" in notice
        assert "Replacing the Qt libraries" in notice and "_internal/PySide6/Qt/lib/libQt6*.so.6" in notice
        assert f"pyside-setup-everywhere-src-{dist.version}" in notice


def test_files_are_attributed_to_what_they_came_from(tmp_path):
    import PySide6
    import reportlab

    stray = tmp_path / "libfromnowhere.so"
    stray.write_bytes(b"\x7fELF")
    sources = [
        Path(PySide6.__file__).with_name("QtCore.abi3.so"),
        Path(reportlab.__file__),
        Path(sysconfig.get_paths()["stdlib"]) / "json" / "__init__.py",
        ROOT / "parkdesk" / "cli" / "main.py",
    ]
    if sys.platform.startswith("linux"):
        sources.append(Path("/usr/lib/x86_64-linux-gnu/libz.so.1"))
    attribution = licences.attribute(sources + [stray], parkdesk.__version__,
                                     font_licences=[ROOT / path for path in contents.FONT_LICENCES])
    found = set(attribution.components)
    assert {"parkdesk", "pyside6-essentials", "reportlab", "python", "font"} <= found
    assert "shiboken6" not in found  # only what the files came from
    if sys.platform.startswith("linux") and shutil.which("dpkg"):
        assert "zlib1g" in found
        assert b"zlib" in attribution.components["zlib1g"].texts["copyright"].lower()
    assert attribution.unknown == [stray]
    with pytest.raises(SystemExit, match="not attributed to any component: .*libfromnowhere.so"):
        licences.check(attribution)
    python = attribution.components["python"]
    assert b"PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in python.texts["LICENSE.txt"]


def test_the_folder_lists_every_component_with_its_texts(tmp_path):
    import PySide6

    attribution = licences.attribute([Path(PySide6.__file__).with_name("QtCore.abi3.so")], parkdesk.__version__,
                                     font_licences=[ROOT / path for path in contents.FONT_LICENCES],
                                     extra_distributions=["reportlab"])
    readme = licences.write_folder(tmp_path / "LICENSES", attribution, "parkdesk test").read_text(encoding="utf-8")
    for component in attribution.components.values():
        assert component.name in readme and f"-> {component.folder}/" in readme
        folder = tmp_path / "LICENSES" / component.folder
        assert sorted(p.name for p in folder.iterdir()) == sorted(component.texts)
    assert (tmp_path / "LICENSES" / f"parkdesk-{parkdesk.__version__}" / "LICENSE").read_bytes() == \
        (ROOT / "LICENSE").read_bytes()
    assert "QT-NOTICE.txt" in readme and "Apache License, version 2.0" in readme


def test_a_component_without_any_text_stops_the_build():
    attribution = licences.Attribution({"x": licences.Component("x", "1", "MIT", "Python package", {})}, [])
    with pytest.raises(SystemExit, match="x 1: no licence text found"):
        licences.check(attribution)


def test_the_spec_writes_the_licences_of_everything_it_collected():
    spec = (INSTALLERS / "parkdesk.spec").read_text(encoding="utf-8")
    assert "for toc in (a.scripts, a.pure, a.binaries, a.datas)" in spec
    assert "licences.attribute(shipped, VERSION" in spec and 'extra_distributions=("pyinstaller",)' in spec
    assert "licences.write_folder(Path(DISTPATH) / contents.APP_NAME / licences.LICENCE_FOLDER" in spec
    assert spec.index("licences.write_folder") > spec.index("coll = COLLECT(")


def test_parkdesk_declares_its_own_licence():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "Apache-2.0" and project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License\n                           Version 2.0, January 2004" in text
