"""The one text catalogue (parkdesk/texts): every key the code says exists, in both languages alike."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import parkdesk
from parkdesk.reference.labels import Label
from parkdesk.texts import AREAS, Text, catalogue, text

PACKAGE = Path(parkdesk.__file__).parent
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_\-]+)+")
CJK = re.compile(r"[\u3400-\u9fff]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def said_keys() -> tuple[set[str], set[str]]:
    """The keys the code names: literal ones, and the fixed starts of f-string ones (f"backup.kind.{kind}")."""
    literal, prefixes = set(), set()
    for path in PACKAGE.rglob("*.py"):
        if "texts" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
                literal.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                start = node.values[0].value
                if isinstance(start, str) and re.fullmatch(r"[a-z_]+(\.[a-z_]+)*[._]", start):
                    prefixes.add(start)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant) \
                    and isinstance(node.left.value, str) and re.fullmatch(r"[a-z_]+\.", node.left.value):
                prefixes.add(node.left.value)  # "city." + scheme.ties
    return literal, prefixes


def key_arguments():
    """(file:line, key) of the first argument of every text(...), Text(...) and error(...) call (each branch of
    a conditional), so a key that does not exist is found before a user meets it."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name not in {"text", "Text"} and not name.endswith(("Error", "Problem", "Rejected")):
                continue
            if isinstance(node.args[0], ast.JoinedStr):  # f"review.outcome_{outcome}": its start is checked above
                continue
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str) and KEY.fullmatch(part.value):
                    yield f"{path.relative_to(PACKAGE.parent)}:{node.lineno}", part.value


def test_the_catalogue_reads_every_area_and_no_key_twice():
    entries = catalogue()
    assert len(entries) > 500
    assert {path.stem for path in (PACKAGE / "texts").glob("*.py")} - {"__init__"} == set(AREAS)


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_each_text_says_the_same_in_both_languages(key):
    zh, en = catalogue()[key]
    assert zh.strip() and en.strip()
    assert placeholders(zh) == placeholders(en)
    assert CJK.search(zh) or not re.search(r"[A-Za-z]{4,}", zh.replace("parkdesk", "")), "zh text left in English"


def test_every_key_the_code_passes_exists():
    missing = [(where, key) for where, key in key_arguments() if key not in catalogue()
               and not key.endswith((".py", ".json", ".sqlite", ".xlsx", ".pdf"))]
    assert missing == []


def test_every_text_is_said_somewhere():
    literal, prefixes = said_keys()
    unused = [key for key in catalogue() if key not in literal and not key.startswith(tuple(prefixes))]
    assert unused == []


def test_bilingual_parameters_are_put_in_the_texts_language():
    label = Label("园区", "park")
    assert text("edit.no_such_reference", "zh", name="X", field=label) == "没有名为“X”的园区"
    assert text("edit.no_such_reference", "en", name="X", field=label) == "No park named 'X'"
    later = Text("edit.no_such_reference", {"name": "X", "field": label})
    assert (later.zh, later.en) == (text("edit.no_such_reference", "zh", name="X", field=label),
                                    text("edit.no_such_reference", "en", name="X", field=label))


def test_nothing_registers_texts_on_import_any_more():
    offenders = [str(path.relative_to(PACKAGE.parent)) for path in PACKAGE.rglob("*.py")
                 if re.search(r"^register\(\{", path.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
    assert not (PACKAGE / "messages.py").exists()


def test_every_rule_has_its_message_and_every_message_its_rule():
    from parkdesk.validation.rules import RULES

    assert {f"rule.{rule_id}" for rule_id in RULES} == {key for key in catalogue() if key.startswith("rule.")}
