"""What a Chinese user reads carries no internal key and no Python repr: the command line's text output, the
workbooks and the PDFs, in zh, from the operator's, the district's and the city's demo workspaces.

An internal key is any key the workspace stores for a choice (statuses, review states, grades, categories,
levels, domains, roles, inbox outcomes...): a Chinese reader must see its name. A Python repr is `None`,
`True`, `False`, a dict or list literal, or an object's default repr.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from parkdesk.reference import choices
from parkdesk.reference.categories import CATEGORIES
from parkdesk.reference.domains import DOMAINS
from parkdesk.reference.grading import GRADE_BY_KEY
from parkdesk.review import inbox
from parkdesk.review.states import REVIEW_STATES


YEAR = 2023


def internal_keys() -> set[str]:
    keys = {key for name in dir(choices) if name.isupper() and isinstance(getattr(choices, name), tuple)
            for key, _ in getattr(choices, name)}
    keys |= {key for key, _ in REVIEW_STATES} | set(GRADE_BY_KEY) | {c.key for c in CATEGORIES}
    keys |= {d.key for d in DOMAINS}
    keys |= {inbox.ACCEPTED, inbox.SUPERSEDED, inbox.DUPLICATE, inbox.REJECTED, inbox.NOT_FOR_US}
    return keys - {"none"}  # "none" is a recognition level's key, too common a word to look for alone


LEAKS = re.compile(
    r"(?<![\w.\-/])(" + "|".join(sorted(map(re.escape, internal_keys()), key=len, reverse=True)) + r")(?![\w\-])"
    r"|(?<![\w])(None|True|False)(?![\w])|\{'|\['|<parkdesk\.|object at 0x|Traceback")


def leaks(words: str, folder: Path) -> list[str]:
    shown = words.replace(str(folder), "<folder>")
    return sorted({match.group(0) for match in LEAKS.finditer(shown)})


def parkdesk(*args, folder: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "parkdesk.cli.main", "--lang", "zh", *map(str, args)],
                            capture_output=True, text=True, timeout=300, cwd=folder)
    assert result.returncode in (0, 1), (args, result.stderr)
    return result.stdout + result.stderr


def is_json_document(value) -> bool:
    """A cell holding a whole JSON document (the evaluation's scheme, kept so `city evaluate --scheme` can
    rerun it): a record for the program, labelled as such in the cell beside it, not words to read."""
    if not (isinstance(value, str) and value.startswith("{")):
        return False
    try:
        return isinstance(json.loads(value), dict)
    except ValueError:
        return False


def workbook_words(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return "\n".join(f"{sheet.title}\t" + "\t".join(str(v) for v in row if v is not None
                                                         and not is_json_document(v))
                         for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def pdf_words(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def desks(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("desks")
    for role, name in (("operator", "op.sqlite"), ("reviewer", "rv.sqlite"), ("city", "city.sqlite")):
        parkdesk("demo", "--no-gui", "--role", role, "--out", name, folder=folder)
    return folder


def outputs(folder: Path):
    """(what, the words a user reads) of every text output, workbook and PDF of the three desks."""
    run = lambda *args: parkdesk(*args, folder=folder)  # noqa: E731
    yield "parks", run("parks", "op.sqlite")
    yield "validate", run("validate", "op.sqlite", "--park", "QLRJY", "--year", 2024)
    yield "keys list", run("keys", "list", "op.sqlite")
    run("backup", "op.sqlite")
    yield "backup --list", run("backup", "op.sqlite", "--list")
    run("report", "pdf", "op.sqlite", "--park", "QLRJY", "--year", YEAR, "--out", "report.pdf")
    yield "report pdf", pdf_words(folder / "report.pdf")
    run("excel", "export", "op.sqlite", "--park", "QLRJY", "--year", YEAR, "--out", "report.xlsx")
    yield "excel export", workbook_words(folder / "report.xlsx")
    run("excel", "task-table", "op.sqlite", "--year", YEAR, "--out", "tasks.xlsx")
    yield "excel task-table", workbook_words(folder / "tasks.xlsx")
    run("excel", "template", "--out", "template.xlsx")
    yield "excel template", workbook_words(folder / "template.xlsx")

    yield "review list", run("review", "list", "rv.sqlite")
    for entry in range(1, 10):
        yield f"review show {entry}", run("review", "show", "rv.sqlite", entry)
    yield "rollup show", run("rollup", "show", "rv.sqlite", "--year", YEAR)
    run("rollup", "export", "rv.sqlite", "--year", YEAR, "--out", "rollup.xlsx")
    yield "rollup workbook", workbook_words(folder / "rollup.xlsx")
    run("rollup", "export", "rv.sqlite", "--year", YEAR, "--out", "rollup.pdf")
    yield "rollup pdf", pdf_words(folder / "rollup.pdf")

    yield "city dashboard", run("city", "dashboard", "city.sqlite", "--year", YEAR, "--pdf", "dashboard.pdf")
    yield "dashboard pdf", pdf_words(folder / "dashboard.pdf")
    yield "city evaluate", run("city", "evaluate", "city.sqlite", "--year", YEAR, "--out", "evaluation.xlsx",
                               "--pdf", "evaluation.pdf")
    yield "evaluation workbook", workbook_words(folder / "evaluation.xlsx")
    yield "evaluation pdf", pdf_words(folder / "evaluation.pdf")
    yield "city recognize", run("city", "recognize", "city.sqlite", "--park", "QLRJY", "--date", "2023-06-01",
                                "--document", "济商务字〔2023〕8号", "--level", "provincial")
    yield "city recognitions", run("city", "recognitions", "city.sqlite")


@pytest.mark.needs_tool("pdftotext", "poppler-utils")
def test_chinese_output_carries_no_internal_key_and_no_python_repr(desks):
    seen = {}
    for what, words in outputs(desks):
        assert words.strip(), f"{what} said nothing"
        found = leaks(words, desks)
        if found:
            seen[what] = found
    assert seen == {}


def test_the_leak_finder_finds_keys_and_reprs(tmp_path):
    assert leaks("状态:finalized", tmp_path) == ["finalized"]
    assert leaks("等次 excellent,复核 None", tmp_path) == ["None", "excellent"]
    assert leaks("{'a': 1}", tmp_path) == ["{'"]
    assert leaks("已定稿 QLRJY-2023.parkpkg IND-WHOLE first_class_x", tmp_path) == []
