"""Excel in and out with 100,000 enterprise rows, each beside a baseline measured in the same run.

- Import end to end (read, normalize, check, store) of a 100,000-row enterprise list into an empty list, beside
  python-calamine alone reading the same sheet. Target: at most 2.5× that. The same list after the enterprise
  list was sorted by four columns (their sort indexes built; the import drops them).
- 300,000 rows the same way, beside the 100,000-row import. Target: at most 3.3× (it grows linearly).
- The floor under any import into this schema: python-calamine's read plus SQLite storing the same rows,
  already normalized, with one executemany in one transaction, no checks at all.
- Export of a report with 100,000 enterprises (and of the 300,000 just imported), beside xlsxwriter in
  constant_memory mode writing the same rows. Target: at most 1.2× that.
- The error workbook of 10,000 bad rows (each cell marked, a comment and a line in the list of problems),
  beside writing the same workbook without marks (openpyxl loading and saving it). Target: at most 2×.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import openpyxl
import python_calamine
import xlsxwriter
from sqlalchemy import delete, select

from benchmarks.common import alternating, measure, report, size
from parkdesk.db.enterprise_table import enterprise_ids
from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.excel.apply import IMPORT_CACHE_KIB, apply_import
from parkdesk.excel.error_workbook import write_error_workbook
from parkdesk.excel.importing import preview_import
from parkdesk.excel.layout import SHEET_BY_RECORD
from parkdesk.excel.report_tables import columns_of, enterprise_rows
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.excel.targets import chain_links
from parkdesk.uscc import make_uscc

ENTERPRISES = size(100_000, 500)
BAD_ROWS = size(10_000, 100)
PARK = "QLRJY"
SHEET = SHEET_BY_RECORD["enterprise"].name("zh")
SORTED_BEFORE = ("role", "revenue_wan_yuan", "established", "contact_name")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        built = folder / "big.sqlite"
        build_demo(built, enterprises=ENTERPRISES, only_parks=(PARK,))
        with open_workspace(built) as workspace, workspace.session() as session:
            report_id = session.scalar(select(Report.id).join(Park).where(Park.code == PARK, Report.year == 2024))
            exported = write_report_workbook(session, report_id, folder / "report.xlsx")
            rows = _display_rows(session, report_id)
        empty = folder / "empty-list.sqlite"
        shutil.copy(built, empty)
        with open_workspace(empty) as workspace, workspace.session() as session, session.begin():
            session.execute(delete(Enterprise).where(Enterprise.report_id == report_id))
        imported = _bench_import(folder, empty, report_id, exported, ENTERPRISES)
        _bench_import(folder, empty, report_id, exported, ENTERPRISES, sorted_before=SORTED_BEFORE)
        tripled = _tripled(folder, rows)
        _bench_import(folder, empty, report_id, tripled, 3 * ENTERPRISES, against=imported)
        _bench_export(folder, built, report_id, rows)
        three = folder / "three-times.sqlite"  # the last 300,000-row import's workspace: exported in turn
        shutil.copy(folder / "target.sqlite", three)
        with open_workspace(three) as workspace, workspace.session() as session:
            tripled_rows = _display_rows(session, report_id)
        _bench_export(folder, three, report_id, tripled_rows)
        _bench_error_workbook(folder, built, report_id, rows)


def _fresh(empty: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(empty, target)


def _bench_import(folder: Path, empty: Path, report_id: int, source: Path, count: int, *,
                  sorted_before: tuple[str, ...] = (), against: float | None = None) -> float:
    target = folder / "target.sqlite"

    def setup():
        _fresh(empty, target)
        if sorted_before:  # a person sorted the (empty) list by these columns: their indexes exist
            with open_workspace(target) as workspace, workspace.session() as session:
                for column in sorted_before:
                    enterprise_ids(session, report_id, sort=column)

    def read_alone():
        book = python_calamine.CalamineWorkbook.from_path(source)
        assert len(book.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)) == count + 1

    def import_all():
        with open_workspace(target) as workspace:
            with workspace.session() as session:
                preview = preview_import(session, report_id, source, sheet=SHEET)
            outcome = apply_import(workspace, preview.plans)
        assert outcome.inserted == count, outcome

    imported, read = alternating(import_all, read_alone, setup=setup)
    what = f"import {count:,} enterprise rows end to end" + (", list sorted before" if sorted_before else "")
    report(what, imported, "python-calamine reading the sheet", read, "≤ 2.5×")
    if against is not None:
        report(f"import {count:,} rows", imported, f"import {count // 3:,} rows", against, "≤ 3.3×")
    if not sorted_before and against is None:
        _bench_store_floor(empty, report_id, target, read)
    return imported


def _bench_store_floor(empty: Path, report_id: int, target: Path, read: float) -> None:
    """read + store alone: what no amount of work on normalizing and checking can go below."""
    with sqlite3.connect(empty) as source:
        columns = [row[1] for row in source.execute("PRAGMA table_info(enterprises)") if row[1] != "id"]
    rows = _stored_rows(target.parent / "big.sqlite", report_id, columns)
    insert = f"INSERT INTO enterprises ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def store() -> None:
        connection = sqlite3.connect(target, isolation_level=None)
        try:
            connection.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            connection.execute("BEGIN")
            connection.executemany(insert, rows)
            connection.execute("COMMIT")
        finally:
            connection.close()

    floor = read + measure(store, 3, setup=lambda: _fresh(empty, target))
    report("floor: read + store alone", floor, "python-calamine reading the sheet", read, "≤ 2.5×")


def _stored_rows(built: Path, report_id: int, columns: list[str]) -> list[tuple]:
    with sqlite3.connect(built) as source:
        return source.execute(f"SELECT {', '.join(columns)} FROM enterprises WHERE report_id = ?",
                              (report_id,)).fetchall()


def _display_rows(session, report_id: int) -> list[list]:
    links = dict(chain_links(session, report_id))
    return [columns_of(SHEET_BY_RECORD["enterprise"], "zh"), list(enterprise_rows(session, report_id, "zh", links))]


def _write_sheet(path: Path, columns, values, *, name: str = SHEET) -> Path:
    """The rows as a plain sheet, written by xlsxwriter alone (the export's baseline, the 300,000-row source)."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet(name)
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
    return path


def _tripled(folder: Path, rows: list) -> Path:
    """The list three times over, each copy's enterprises with names and credit codes of their own."""
    columns, values = rows

    def copies():
        for copy in range(3):
            for number, row in enumerate(values):
                row = list(row)
                row[0] = f"{row[0]}{copy}"
                row[1] = make_uscc("91", "370100", f"{copy}{number:07d}")
                yield row

    return _write_sheet(folder / "tripled.xlsx", columns, copies())


def _bench_export(folder: Path, built: Path, report_id: int, rows: list) -> None:
    columns, values = rows

    def export():
        with open_workspace(built) as workspace, workspace.session() as session:
            write_report_workbook(session, report_id, folder / "export.xlsx")

    exported, baseline = alternating(export, lambda: _write_sheet(folder / "baseline.xlsx", columns, values))
    report(f"export a report with {len(values):,} enterprises", exported,
           "xlsxwriter constant_memory, same rows", baseline, "≤ 1.2×")


def _bench_error_workbook(folder: Path, built: Path, report_id: int, rows: list) -> None:
    columns, values = rows
    bad = [[*row[:2], "老板企业", *row[3:]] for row in values[:BAD_ROWS]]  # a role that is no choice
    source = _write_sheet(folder / "bad.xlsx", columns, bad)
    with open_workspace(built) as workspace, workspace.session() as session:
        preview = preview_import(session, report_id, source, sheet=SHEET)
    assert sum(len(plan.problems()) for plan in preview.plans) >= BAD_ROWS

    def marked():
        write_error_workbook(source, preview.plans, folder / "errors.xlsx", grids=preview.grids)

    def unmarked():
        openpyxl.load_workbook(source).save(folder / "copy.xlsx")

    seconds, baseline = alternating(marked, unmarked)
    report(f"error workbook of {BAD_ROWS:,} bad rows", seconds, "openpyxl loading and saving it unmarked",
           baseline, "≤ 2×")


if __name__ == "__main__":
    main()
