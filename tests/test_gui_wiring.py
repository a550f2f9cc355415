"""A button's clicked(bool) or an action's triggered(bool) passes `checked` to the slot it is connected to:
a slot with a parameter of its own would take that bool for it (the 创建身份 and 粘贴行 defects). Every such
connection to a method must go to a method that takes no parameter (or through a lambda)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).parents[1] / "parkdesk" / "ui"
CHECKED_SIGNALS = {"clicked", "triggered", "toggled"}


def _methods(tree):
    found = {}
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for node in cls.body:
            if isinstance(node, ast.FunctionDef):
                found[(cls.name, node.name)] = node
    return found


def test_slots_of_clicked_and_triggered_take_no_parameter():
    wrong, checked = [], 0
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = _methods(tree)
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
                func = call.func
                if not (isinstance(func, ast.Attribute) and func.attr == "connect"
                        and isinstance(func.value, ast.Attribute) and func.value.attr in CHECKED_SIGNALS):
                    continue
                target = call.args[0] if call.args else None
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id == "self":
                    method = methods.get((cls.name, target.attr))
                    if method is None:
                        continue  # a signal passed on, or a method of a base class
                    checked += 1
                    params = method.args.args[1:] + method.args.kwonlyargs
                    if params or method.args.vararg:
                        wrong.append(f"{path.name}:{call.lineno}: {cls.name}.{target.attr}"
                                     f"({', '.join(a.arg for a in params)})")
    assert checked >= 10  # the check saw the connections it is about
    assert wrong == []
