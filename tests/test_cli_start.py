"""The command line starts quickly because it imports only what the command runs (issue 18).

Timings live in benchmarks/bench_cli.py; here, what each path loads: `--help` builds every parser from the
standard library alone, and an everyday read (`parks`) never loads Alembic, the certificate code or Qt.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "alembic", "cryptography", "openpyxl", "python_calamine", "reportlab", "xlsxwriter",
         "PySide6")


def loaded_after(argv: list[str]) -> set[str]:
    code = ("import sys\n"
            "from parkdesk.cli.main import main\n"
            "try:\n"
            f"    main({argv!r})\n"
            "except SystemExit:\n"
            "    pass\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return set(result.stderr.split())


def roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["excel", "--help"], ["package", "--help"],
                                  ["city", "--help"], ["review", "--help"]])
def test_help_and_version_load_no_library_beyond_the_standard_one(argv):
    assert roots(loaded_after(argv)) & set(HEAVY) == set()


def test_listing_parks_loads_neither_alembic_nor_certificates_nor_qt(tmp_path):
    workspace = tmp_path / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "parkdesk", "demo", "--no-gui", "--out", str(workspace)], check=True,
                   capture_output=True, timeout=300)
    loaded = loaded_after(["parks", str(workspace)])
    assert "sqlalchemy" in roots(loaded)  # it did read the workspace
    assert roots(loaded) & {"alembic", "cryptography", "PySide6", "openpyxl", "reportlab"} == set()
