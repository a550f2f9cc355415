"""The licence texts of everything a parkdesk build ships, gathered at build time from what is installed.

The PyInstaller spec hands over the source path of every file it put into the bundle; each is
attributed to what it came from:

- parkdesk itself (this source tree): LICENSE;
- a Python distribution installed in the build environment: the licence files its metadata lists
  (`*.dist-info/licenses/…`, LICENSE/COPYING/NOTICE/AUTHORS files in its RECORD); Qt for Python
  ships none, so PySide6 and shiboken6 get the LGPL-3.0 and GPL-3.0 texts and QT-NOTICE.txt (how
  to get their source and replace them) from installers/licence_texts/;
- CPython's standard library and runtime: CPython's LICENSE.txt;
- a system library PyInstaller copied from the build machine (Linux): the Debian package that owns
  it (dpkg -S) and its /usr/share/doc/PACKAGE/copyright;
- the bundled font: its licence files in resources/fonts/.

A file that cannot be attributed, or a component without any text, stops the build. The result is
written to the bundle's LICENSES/ folder: README.txt lists every component, its version and
licence, and the folder holding its texts. Needs `packaging` (PyInstaller brings it).
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OWN_FOLDERS = tuple(ROOT / name for name in ("parkdesk", "resources", "installers"))  # parkdesk's own files
TEXTS = Path(__file__).resolve().parent / "licence_texts"
LICENCE_FOLDER = "LICENSES"  # in the bundle, beside the program

LICENCE_FILE_NAME = re.compile(r"licen[cs]e|copying|notice|copyright|^authors", re.IGNORECASE)
NOT_A_TEXT = (".py", ".pyc", ".pyi", ".so", ".pyd", ".dll", ".dylib")
QT_FOR_PYTHON = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
QT_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt", "QT-NOTICE.txt")


@dataclass
class Component:
    """One thing shipped, with its licence texts (file name → content)."""

    name: str
    version: str
    licence: str
    kind: str
    texts: dict[str, bytes] = field(default_factory=dict)

    @property
    def folder(self) -> str:
        return re.sub(r"[^A-Za-z0-9._+-]+", "-", f"{self.name}-{self.version}")


# --- Python distributions ---------------------------------------------------------------------------------------------

def runtime_distributions(root: str = "parkdesk") -> list[metadata.Distribution]:
    """`root` and everything it needs at run time here: requirements followed with their extras and markers."""
    found: dict[str, tuple[metadata.Distribution, set[str]]] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if key in found:
            dist, done = found[key]
            wanted = set(extras) - done
            if not wanted:
                continue
        else:
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                raise SystemExit(f"{name} is required but not installed") from None
            done, wanted = set(), {""} | set(extras)
            found[key] = (dist, done)
        done |= wanted
        for text in dist.requires or []:
            requirement = Requirement(text)
            if any(requirement.marker is None or requirement.marker.evaluate({"extra": extra}) for extra in wanted):
                todo.append((requirement.name, frozenset(requirement.extras)))
    return [dist for dist, _ in found.values()]


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    licence = (meta.get("License") or "").strip()
    if licence and "\n" not in licence and len(licence) <= 80:
        return licence
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the texts"


def distribution_component(dist: metadata.Distribution) -> Component:
    name = dist.metadata["Name"]
    component = Component(name, dist.version, licence_of(dist), "Python package")
    for entry in dist.files or []:
        path = str(entry)
        base = path.rsplit("/", 1)[-1]
        if LICENCE_FILE_NAME.search(base) and not base.endswith(NOT_A_TEXT):
            component.texts[_unique(component.texts, path)] = Path(entry.locate()).read_bytes()
    if canonicalize_name(name) in QT_FOR_PYTHON:
        component.licence = "LGPL-3.0-only"
        for text in QT_TEXTS:
            content = (TEXTS / text).read_text(encoding="utf-8")
            if text == "QT-NOTICE.txt":
                content = content.replace("{version}", dist.version).replace("{python}", platform.python_version())
            component.texts[text] = content.encode("utf-8")
    return component


def _unique(taken: dict[str, bytes], path: str) -> str:
    """The file's name, or enough of its path to tell it from one already taken."""
    parts = path.split("/")
    for depth in range(1, len(parts) + 1):
        candidate = "-".join(parts[-depth:])
        if candidate not in taken:
            return candidate
    return path.replace("/", "-")


def installed_files() -> dict[Path, metadata.Distribution]:
    """Every file of every installed distribution (resolved path → distribution)."""
    owners = {}
    for dist in metadata.distributions():
        for entry in dist.files or []:
            try:
                owners[Path(entry.locate()).resolve()] = dist
            except OSError:
                continue
    return owners


# --- CPython, parkdesk, the font -------------------------------------------------------------------------------------

def python_component() -> Component:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt", stdlib.parent / "LICENSE.txt"):
        if candidate.is_file():
            return Component("Python", platform.python_version(), "PSF-2.0", "Python",
                             {"LICENSE.txt": candidate.read_bytes()})
    raise SystemExit(f"CPython's LICENSE.txt not found in {stdlib} or {sys.base_prefix}")


def python_folders() -> list[Path]:
    paths = sysconfig.get_paths()
    return sorted({Path(paths[key]).resolve() for key in ("stdlib", "platstdlib")}
                  | {Path(sys.base_prefix).resolve() / "DLLs"})


def parkdesk_component(version: str) -> Component:
    return Component("parkdesk", version, "Apache-2.0", "parkdesk", {"LICENSE": (ROOT / "LICENSE").read_bytes()})


def font_component(licence_files: Iterable[Path]) -> Component:
    texts = {Path(path).name: Path(path).read_bytes() for path in licence_files}
    return Component("WenQuanYi-Micro-Hei", "0.2.0-beta", "Apache-2.0 (or GPL-3.0-or-later with the font exception)",
                     "font", texts)


# --- system libraries (Debian) ----------------------------------------------------------------------------------------

def debian_owners(paths: Iterable[Path]) -> dict[Path, str]:
    """Which Debian package holds each path (by its own name, its resolved name, or the /usr-merged twin)."""
    wanted = {}
    for path in paths:
        for variant in _path_variants(path):
            wanted.setdefault(str(variant), path)
    if not wanted:
        return {}
    result = subprocess.run(["dpkg", "-S", *wanted], capture_output=True, text=True, check=False)
    owners = {}
    for line in result.stdout.splitlines():
        packages, _, name = line.partition(": ")
        if name in wanted and "diversion" not in packages:
            owners.setdefault(wanted[name], packages.split(",")[0].strip().split(":")[0])
    return owners


def _path_variants(path: Path) -> list[Path]:
    variants = [path, path.resolve()]
    for variant in list(variants):
        text = str(variant)
        if text.startswith("/usr/lib/"):
            variants.append(Path(text.removeprefix("/usr")))
        elif text.startswith("/lib"):
            variants.append(Path("/usr" + text))
    return list(dict.fromkeys(variants))


def debian_component(package: str) -> Component:
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                             check=True).stdout.strip()
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    if not copyright_file.is_file():
        raise SystemExit(f"{copyright_file} is missing: the bundle ships a library of {package} without its licence")
    return Component(package, version, "see copyright", "Debian package", {"copyright": copyright_file.read_bytes()})


# --- attributing a build's files ----------------------------------------------------------------------------------

@dataclass
class Attribution:
    components: dict[str, Component]
    unknown: list[Path]


def attribute(sources: Iterable[Path | str], version: str, font_licences: Iterable[Path] = (),
              extra_distributions: Iterable[str] = ()) -> Attribution:
    """The components that `sources` (files put into a build) come from, and the files that came from nowhere known.

    `extra_distributions` ship without a file of theirs among `sources` (PyInstaller: its bootloader).
    """
    owners = installed_files()
    python_dirs = python_folders()
    components: dict[str, Component] = {"parkdesk": parkdesk_component(version)}
    system_files, unknown = [], []
    for source in {Path(s).resolve() for s in sources}:
        if any(folder in source.parents for folder in OWN_FOLDERS):
            continue
        dist = owners.get(source)
        if dist is not None:
            key = canonicalize_name(dist.metadata["Name"])
            if key not in components:
                components[key] = distribution_component(dist)
        elif (any(folder in source.parents for folder in python_dirs) or _is_python_runtime(source)
              or source.parent == Path(sys.base_prefix).resolve()):  # Windows: python3X.dll, vcruntime beside it
            components.setdefault("python", python_component())
        elif sys.platform.startswith("linux"):
            system_files.append(source)
        else:
            unknown.append(source)
    if system_files:
        packages = debian_owners(system_files)
        for path in system_files:
            package = packages.get(path)
            if package is None:
                unknown.append(path)
            elif package not in components:
                components[package] = debian_component(package)
    for name in extra_distributions:
        key = canonicalize_name(name)
        if key not in components:
            components[key] = distribution_component(metadata.distribution(name))
    font = list(font_licences)
    if font:
        components["font"] = font_component(font)
    return Attribution(components, sorted(unknown))


def _is_python_runtime(path: Path) -> bool:
    """libpython / pythonXY.dll and the like, wherever the interpreter keeps them."""
    return path.name.lower().startswith(("libpython3", "python3")) and path.suffix.lower() in (".so", ".dll", ".1", ".0")


# --- writing the folder --------------------------------------------------------------------------------------------

def check(attribution: Attribution) -> None:
    """Stop the build when a file came from nowhere known or a component has no licence text."""
    problems = [f"not attributed to any component: {path}" for path in attribution.unknown]
    problems += [f"{c.name} {c.version}: no licence text found" for c in attribution.components.values()
                 if not any(content.strip() for content in c.texts.values())]
    if problems:
        raise SystemExit("licences of the build:\n  " + "\n  ".join(problems))


def write_folder(target: Path, attribution: Attribution, product: str) -> Path:
    """LICENSES/: README.txt (the list) and one folder of texts per component. Returns README.txt."""
    check(attribution)
    target.mkdir(parents=True, exist_ok=True)
    components = sorted(attribution.components.values(), key=lambda c: (c.kind != "parkdesk", c.name.lower()))
    for component in components:
        folder = target / component.folder
        folder.mkdir(exist_ok=True)
        for name, content in component.texts.items():
            (folder / name).write_bytes(content)
    qt = next((c for c in components if canonicalize_name(c.name) == "pyside6-essentials"), None)
    lines = [f"{product}: licences", "=" * (len(product) + 10), "",
             "parkdesk is licensed under the Apache License, version 2.0 (parkdesk-*/LICENSE).",
             "It ships the components below; the folder named beside each holds its licence texts.", ""]
    if qt is not None:
        lines += ["Qt and Qt for Python are used under the LGPL-3.0: how to get their source code and how to",
                  f"replace them in this copy of parkdesk: {qt.folder}/QT-NOTICE.txt", ""]
    width = max(len(c.name) for c in components)
    for component in components:
        lines.append(f"{component.name:<{width}}  {component.version:<22} {component.kind:<15} {component.licence}")
        lines.append(f"{'':<{width}}  -> {component.folder}/: {', '.join(sorted(component.texts))}")
    readme = target / "README.txt"
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return readme
