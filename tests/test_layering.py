"""parkdesk's packages import one another in one declared direction, and the core never imports Qt.

LAYERS lists parkdesk's packages (and its top-level modules) from the bottom up: a module may import its own
package and any package of a lower layer, never one of its own layer or above. So there is no cycle between
packages, and a new import against the direction fails here with the file that made it. Imports inside
functions count too: a lazy import is still a dependency. docs/architecture.md draws the same picture.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import parkdesk

PACKAGE = Path(parkdesk.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "parkdesk.ui")


def core_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent)
        if relative.parts[1] == "ui":
            continue
        yield path, ".".join(relative.with_suffix("").parts).removesuffix(".__init__")


def test_no_core_module_imports_qt_or_the_ui():
    offenders = []
    for path, _ in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {name}" for name in names if name.startswith(FORBIDDEN)]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [name for path, name in core_modules() if "migrations" not in name]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'parkdesk.ui'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


LAYERS: tuple[tuple[str, ...], ...] = (
    ("texts", "places", "resources", "uscc", "gc_pause"),  # the plainest ground: texts, folders, files
    ("errors", "crashlog", "incoming"),
    ("atomic_files", "input_files"),
    ("settings", "handover"),
    ("reference",),  # the plan's facts
    ("forms",),  # every form section and field: the one source of labels, columns and choices
    ("figures",),  # the arithmetic every figure uses (progress, doubling, totals, coverage), no database
    ("db",),
    ("validation",),
    ("reports",),  # a report's life: start, justify, finalize, reopen (its states)
    ("identity", "charts", "editing", "history"),
    ("packages",),
    ("pdf", "excel"),
    ("review",),  # the district's desk
    ("city",),  # the city's desk
    ("demo", "first_run"),
    ("selftest",),
    ("app",),  # one use case per user action
    ("cli", "ui"),  # the two thin adapters
    ("__main__",),
)
LAYER_OF = {name: number for number, layer in enumerate(LAYERS) for name in layer}


def package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def imported_packages(path: Path):
    """(line, parkdesk package) of every import in the file, at any depth."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "parkdesk" else [
                f"parkdesk.{a.name}" for a in node.names  # `from parkdesk import x`: x a module, not __version__
                if (PACKAGE / a.name).is_dir() or (PACKAGE / f"{a.name}.py").exists()]
        else:
            continue
        for name in names:
            if name.startswith("parkdesk."):
                yield node.lineno, name.split(".")[1]


def package_imports() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = package_of(path)
        for line, imported in imported_packages(path):
            if imported != importer:
                found.setdefault((importer, imported), []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return found


def test_every_package_has_a_declared_layer():
    present = {package_of(path) for path in PACKAGE.rglob("*.py")} - {"__init__"}
    assert sorted(present - set(LAYER_OF)) == [], "add the new package to LAYERS (and docs/architecture.md)"
    assert sorted(set(LAYER_OF) - present) == [], "a package in LAYERS no longer exists"


def test_packages_import_only_downwards():
    against = [f"{importer} → {imported} ({', '.join(places[:3])})"
               for (importer, imported), places in sorted(package_imports().items())
               if LAYER_OF[imported] >= LAYER_OF[importer]]
    assert against == []


@pytest.mark.parametrize("edge", [("reports", "validation"), ("city", "review"), ("review", "pdf"),
                                  ("pdf", "history"), ("app", "city"), ("ui", "app"), ("cli", "app")])
def test_the_known_dependencies_are_seen(edge):
    """The scan sees real imports (a scan that found nothing would pass the test above)."""
    assert edge in package_imports()


ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"
GRAPH_START, GRAPH_END = "<!-- package imports: `python tests/test_layering.py` prints this block -->\n```text\n", "```"


def dependency_lines() -> list[str]:
    """`package → what it imports`, one line per package, bottom layer first."""
    imports: dict[str, set[str]] = {}
    for importer, imported in package_imports():
        imports.setdefault(importer, set()).add(imported)
    ordered = sorted(LAYER_OF, key=lambda name: (LAYER_OF[name], name))
    return [f"{name:<13}→ {' '.join(sorted(imports.get(name, ()), key=lambda n: (LAYER_OF[n], n))) or '—'}"
            for name in ordered]


def test_the_architecture_document_names_every_layer_and_shows_the_real_imports():
    document = ARCHITECTURE.read_text(encoding="utf-8")
    missing = [name for name in LAYER_OF if f"`{name}`" not in document]
    assert missing == []
    graph = document.split(GRAPH_START, 1)[1].split(GRAPH_END, 1)[0]
    assert graph.splitlines() == dependency_lines(), "regenerate the block: python tests/test_layering.py"


if __name__ == "__main__":
    print(GRAPH_START + "\n".join(dependency_lines()) + "\n" + GRAPH_END)
