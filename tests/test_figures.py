"""The shared figures: each defined once (parkdesk.figures), with the formula the docs state."""

from __future__ import annotations

import ast
from fractions import Fraction
from pathlib import Path

import pytest

import parkdesk
from parkdesk.figures.formulas import FIGURES, formula
from parkdesk.figures.progress import change_share, progress_toward, share_percent
from parkdesk.figures.totals import computed_value, indicator_totals

F = Fraction
DOCS = Path(__file__).parent.parent / "docs" / "evaluation.md"
FIGURES_DIR = Path(parkdesk.__file__).parent / "figures"


def test_a_share_total_is_recomputed_from_its_parts_never_the_sum_of_percentages():
    rows = [{"service_exports": F(100), "foreign_trade_exports": F(200), "service_export_share": F(50)},
            {"service_exports": F(30), "foreign_trade_exports": F(600), "service_export_share": F(5)}]
    totals = indicator_totals(rows, ["service_exports", "foreign_trade_exports", "service_export_share"])
    assert totals["service_export_share"] == F(130, 800) * 100  # 16.25 %, not 55
    assert totals["service_exports"] == 130 and totals["foreign_trade_exports"] == 800


def test_counts_total_as_whole_numbers_and_a_column_without_values_as_nothing():
    totals = indicator_totals([{"enterprise_count": F(60), "industry_scale": F("2.5")},
                               {"enterprise_count": F(40), "industry_scale": None}],
                              ["enterprise_count", "industry_scale", "employees"])
    assert totals["enterprise_count"] == 100 and type(totals["enterprise_count"]) is int
    assert totals["industry_scale"] == F("2.5") and totals["employees"] is None


def test_progress_share_and_change():
    assert progress_toward(F(100), F(200), F(178)) == F(78, 100)  # the doubling progress of a 1.78× park
    assert progress_toward(None, F(200), F(50)) == F(1, 4)  # no baseline counts as 0
    assert progress_toward(F(100), F(100), F(150)) is None  # no growth asked: nothing to measure
    assert progress_toward(F(100), F(200), None) is None
    assert share_percent(F(1), F(4)) == 25 and share_percent(F(1), F(0)) is None
    assert change_share(F(80), F(100)) == F(1, 4) and change_share(F(0), F(5)) is None
    assert computed_value("service_export_share", {"service_exports": F(3), "foreign_trade_exports": F(12)}) == 25


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.key)
def test_every_formula_is_stated_in_the_docs(figure):
    text = DOCS.read_text(encoding="utf-8")
    assert figure.formula.en in text and figure.formula.zh in text
    assert formula(figure.key, "en").startswith(figure.label.en + " = ")


def test_the_figures_package_imports_nothing_above_it():
    """figures sits below city/, review/, pdf/ and ui/: the dependency goes one way."""
    above = ("parkdesk.city", "parkdesk.review", "parkdesk.pdf", "parkdesk.ui", "parkdesk.cli", "PySide6")
    offenders = []
    for path in FIGURES_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(above)]
    assert offenders == []
