"""Excel in and out with 100,000 enterprise rows, each beside a baseline measured in the same run.

- Import end to end (read, normalize, validate, store) of a 100,000-row enterprise list, beside
  python-calamine alone reading the same sheet. Target: at most 2.5× that.
- The floor under any import into this schema: python-calamine's read plus SQLite storing the same rows,
  already normalized, with one executemany in one transaction (no checks at all), once with the
  enterprise table's indexes and once without the ten sort indexes that keep issue 4's sorting fast.
- Export of a report with 100,000 enterprises, beside xlsxwriter in constant_memory mode writing the same
  rows. Target: at most 1.2× that.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import python_calamine
import xlsxwriter
from sqlalchemy import delete, select

from benchmarks.common import alternating, measure, report, size
from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.excel.apply import IMPORT_CACHE_KIB, apply_import
from parkdesk.excel.importing import preview_import
from parkdesk.excel.report_tables import enterprise_table
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.excel.targets import chain_links
from parkdesk.forms.sections import ENTERPRISES as ENTERPRISE_SECTION

ENTERPRISES = size(100_000, 500)
PARK = "QLRJY"
SHEET = f"{ENTERPRISE_SECTION.number} {ENTERPRISE_SECTION.label.zh}"  # the sheet the report workbook writes


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        built = folder / "big.sqlite"
        build_demo(built, enterprises=ENTERPRISES, only_parks=(PARK,))
        with open_workspace(built) as workspace, workspace.session() as session:
            report_id = session.scalar(select(Report.id).join(Park).where(Park.code == PARK, Report.year == 2024))
            exported = write_report_workbook(session, report_id, folder / "report.xlsx")
            rows = _display_rows(session, report_id)
        _bench_import(folder, built, report_id, exported)
        _bench_export(folder, built, report_id, rows)


def _bench_import(folder: Path, built: Path, report_id: int, exported: Path) -> None:
    empty = folder / "empty-list.sqlite"
    shutil.copy(built, empty)
    with open_workspace(empty) as workspace, workspace.session() as session, session.begin():
        session.execute(delete(Enterprise).where(Enterprise.report_id == report_id))
    target = folder / "target.sqlite"

    def fresh_workspace():
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copy(empty, target)

    def read_alone():
        book = python_calamine.CalamineWorkbook.from_path(exported)
        assert len(book.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)) == ENTERPRISES + 1

    def import_all():
        with open_workspace(target) as workspace:
            with workspace.session() as session:
                preview = preview_import(session, report_id, exported, sheet=SHEET)
            outcome = apply_import(workspace, preview.plans)
        assert outcome.inserted == ENTERPRISES, outcome

    imported, read = alternating(import_all, read_alone, setup=fresh_workspace)
    report(f"import {ENTERPRISES:,} enterprise rows end to end", imported,
           "python-calamine reading the sheet", read, "≤ 2.5×")
    _bench_store_floor(built, report_id, target, fresh_workspace, read)


SORT_INDEXES = "ix_enterprises_report_%"  # migration 0004's (report_id, column) indexes, for the list's sorting


def _bench_store_floor(built: Path, report_id: int, target: Path, fresh_workspace, read: float) -> None:
    """read + store alone: what no amount of work on normalizing and checking can go below."""
    with sqlite3.connect(built) as source:
        columns = [row[1] for row in source.execute("PRAGMA table_info(enterprises)") if row[1] != "id"]
        rows = source.execute(f"SELECT {', '.join(columns)} FROM enterprises WHERE report_id = ?",
                              (report_id,)).fetchall()
    insert = f"INSERT INTO enterprises ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def prepare(without_sort_indexes: bool) -> None:
        fresh_workspace()
        if without_sort_indexes:
            with sqlite3.connect(target) as connection:
                names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE ? "
                                           "AND name NOT IN ('ix_enterprises_report_name', "
                                           "'ix_enterprises_report_uscc')", (SORT_INDEXES,)).fetchall()
                assert len(names) == 10, names
                for (name,) in names:
                    connection.execute(f"DROP INDEX {name}")

    def store() -> None:
        connection = sqlite3.connect(target, isolation_level=None)
        try:
            connection.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            connection.execute("BEGIN")
            connection.executemany(insert, rows)
            connection.execute("COMMIT")
        finally:
            connection.close()

    for label, without in (("all indexes", False), ("no sort indexes", True)):
        floor = read + measure(store, 3, setup=lambda: prepare(without))
        report(f"floor: read + store alone, {label}", floor, "python-calamine reading the sheet", read, "≤ 2.5×")


def _display_rows(session, report_id: int) -> list[list]:
    links = dict(chain_links(session, report_id))
    table = enterprise_table(session, report_id, "zh", links)
    return [table.columns, list(table.rows)]


def _bench_export(folder: Path, built: Path, report_id: int, rows: list) -> None:
    columns, values = rows

    def export():
        with open_workspace(built) as workspace, workspace.session() as session:
            write_report_workbook(session, report_id, folder / "export.xlsx")

    def xlsxwriter_alone():
        book = xlsxwriter.Workbook(str(folder / "baseline.xlsx"), {"constant_memory": True})
        sheet = book.add_worksheet()
        date_format = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, [c.header for c in columns])
        kinds = [c.kind for c in columns]
        for number, row in enumerate(values, start=1):
            for column, (kind, value) in enumerate(zip(kinds, row)):
                if value is None:
                    continue
                if kind == "number":
                    sheet.write_number(number, column, value)
                elif kind == "date":
                    sheet.write_datetime(number, column, value, date_format)
                else:
                    sheet.write_string(number, column, value)
        book.close()

    exported, baseline = alternating(export, xlsxwriter_alone)
    report(f"export a report with {ENTERPRISES:,} enterprises", exported,
           "xlsxwriter constant_memory, same rows", baseline, "≤ 1.2×")


if __name__ == "__main__":
    main()
