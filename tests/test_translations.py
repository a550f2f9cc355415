"""Every UI string is translated; the .ts file is up to date with the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from parkdesk.resources import resource_path

TS = resource_path("translations", "parkdesk_zh_CN.ts")
UI_DIR = Path(__file__).parents[1] / "parkdesk" / "ui"


def messages(path: Path):
    return [(m.findtext("source"), m.find("translation")) for m in ET.parse(path).iter("message")]


def test_no_unfinished_or_empty_translation():
    entries = messages(TS)
    assert entries
    bad = [src for src, tr in entries if tr.get("type") in ("unfinished", "vanished", "obsolete") or not tr.text]
    assert bad == []


def test_ts_file_covers_every_string_in_the_sources(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy2(TS, copy)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, sorted(UI_DIR.rglob("*.py"))), "-ts", str(copy), "-no-obsolete"],
                   check=True, capture_output=True)
    unfinished = [src for src, tr in messages(copy) if tr.get("type") == "unfinished"]
    assert unfinished == [], "run pyside6-lupdate and translate these in parkdesk_zh_CN.ts"


def _ui_sources():
    return {path: path.read_text(encoding="utf-8") for path in sorted(UI_DIR.rglob("*.py"))}


def test_every_context_in_the_ts_file_is_a_class_that_translates_in_that_context():
    """lupdate names a context after what precedes `.tr(`; Qt looks texts up under the calling class's name.
    A context that is no class of parkdesk/ui ("parent", "window") is a text never shown translated."""
    import ast

    classes = set()
    for source in _ui_sources().values():
        classes |= {node.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ClassDef)}
    contexts = {c.findtext("name") for c in ET.parse(TS).iter("context")}
    assert contexts and contexts <= classes, sorted(contexts - classes)


def _tr_calls(tree):
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr":
            yield node


def test_texts_are_translated_through_self_or_a_translation_context_only():
    import ast

    from parkdesk.ui.i18n import TranslationContext

    contexts = {cls.__name__ for cls in _subclasses(TranslationContext)}
    wrong = []
    for path, source in _ui_sources().items():
        for call in _tr_calls(ast.parse(source)):
            owner = ast.unparse(call.func.value)
            if owner != "self" and owner not in contexts:
                wrong.append(f"{path.name}:{call.lineno}: {owner}.tr(")
    assert wrong == []


def test_no_tr_inside_an_f_string():
    """lupdate does not read calls inside f-strings: such a text stays English in the Chinese UI."""
    import ast

    found = []
    for path, source in _ui_sources().items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.JoinedStr):
                found += [f"{path.name}:{call.lineno}" for call in _tr_calls(node)]
    assert found == []


def _subclasses(cls):
    import importlib
    import pkgutil

    import parkdesk.ui

    for module in pkgutil.walk_packages(parkdesk.ui.__path__, "parkdesk.ui."):
        importlib.import_module(module.name)
    found, todo = [], [cls]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found
