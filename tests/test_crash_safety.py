"""Killing parkdesk (SIGKILL) in the middle of edits, an Excel import or a file export loses nothing committed.

A child process does the work and reports on stdout (flushed) what it has
committed, or that it is holding inside a transaction or just before a
rename; the test kills it at that moment, reopens the workspace and checks
every committed change is there, nothing uncommitted is, and the database is
consistent (`PRAGMA integrity_check`, `PRAGMA foreign_key_check`).
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.uscc import make_uscc
from tools import missing

CHILD_TIMEOUT = 30  # seconds; a child that hangs is killed and the test fails

EDITS_CHILD = '''
"""Edits a report through ReportEditor until killed, printing each edit's number once committed."""
import sys, time
from sqlalchemy import event
from parkdesk.db.workspace import open_workspace
from parkdesk.editing.changes import InsertRows, SetValues
from parkdesk.editing.editor import ReportEditor

path, report_id, start, hold_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
workspace = open_workspace(path, backups=None)


@event.listens_for(workspace.engine, "connect")
def small_cache(dbapi_connection, _record):  # uncommitted pages spill into the WAL: the hard case
    dbapi_connection.execute("PRAGMA cache_size=50")


workspace.engine.dispose()
editor = ReportEditor(workspace, report_id)
number = start


@event.listens_for(workspace.engine, "commit")
def hold(connection):
    if number == hold_at:  # the edit is written but not committed: the parent kills us here
        print(f"holding {number}", flush=True)
        time.sleep(60)


while True:
    if number % 2:
        editor.apply(SetValues("reports", report_id, {"positioning": f"edit {number}"}, {}))
    else:
        size = HELD_ROWS if number == hold_at else 1 + number % 40  # the held one: a big paste
        editor.apply(InsertRows("enterprises", tuple(
            {"report_id": report_id, "name": f"edit {number} row {k}", "role": "key", "status": "settled",
             "distinctions": 0} for k in range(size))))
    print(f"committed {number}", flush=True)
    number += 1
'''.replace("HELD_ROWS", "3000")

IMPORT_CHILD = '''
"""Imports an enterprise workbook with parkdesk.excel and holds where told: mid-way, before COMMIT, after."""
import sys, time
from sqlalchemy import event
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.apply import apply_import
from parkdesk.excel.importing import preview_import

path, report_id, workbook, hold_at = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
workspace = open_workspace(path, backups=None)
with workspace.session() as session:
    plans = preview_import(session, report_id, workbook).plans


@event.listens_for(workspace.engine, "commit")
def before_commit(connection):
    if hold_at == "commit":
        print("holding before commit", flush=True)
        time.sleep(60)


def progress(done, total):
    if hold_at == "chunk" and done == 1:
        print(f"holding after chunk {done} of {total}", flush=True)
        time.sleep(60)
    return True


outcome = apply_import(workspace, plans, progress=progress)
print(f"committed {outcome.inserted}", flush=True)
time.sleep(60)
'''

EXPORT_CHILD = '''
"""Writes a report file, holding mid-layout (PDF) or just before the rename into place (workbook)."""
import os, sys, time
from pathlib import Path
from parkdesk.db.workspace import open_workspace

path, report_id, target, kind = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
workspace = open_workspace(path, backups=None)


def held_replace(source, destination):
    print(f"renaming {source}", flush=True)
    time.sleep(60)


def progress(done, total):
    if done == 2:
        print(f"writing {done} of {total}", flush=True)
        time.sleep(60)
    return True


with workspace.session() as session:
    if kind == "pdf":
        from parkdesk.pdf.report_pdf import write_report_pdf
        write_report_pdf(session, report_id, target, progress=progress)
    else:
        from parkdesk.excel.report_workbook import write_report_workbook
        os.replace = held_replace
        write_report_workbook(session, report_id, target)
print("done", flush=True)
'''


def run_and_kill(script: str, args: list, folder: Path, stop: Callable[[str], bool],
                 delay: float = 0.0) -> list[str]:
    """Run `script` in a child; read its lines until `stop(line)`, wait `delay`, SIGKILL it.

    Returns every line it printed, also those printed during `delay`."""
    file = folder / "child.py"
    file.write_text(script, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(file), *map(str, args)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    watchdog = threading.Timer(CHILD_TIMEOUT, child.kill)
    watchdog.start()
    lines: list[str] = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if stop(lines[-1]):
                time.sleep(delay)
                break
        else:
            raise AssertionError(f"the child ended before the kill: {child.stderr.read()[-2000:]}")
    finally:
        child.kill()  # SIGKILL on POSIX
        child.wait()
        watchdog.cancel()
    lines += [line.strip() for line in child.stdout]  # what it printed before it died, unread so far
    if sys.platform != "win32":
        assert child.returncode == -9
    return lines


def assert_consistent(path: Path) -> None:
    open_workspace(path, backups=None).close()  # the normal way in: WAL recovery, checks
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def report_id(path: Path, code: str = "QLRJY", year: int = 2024) -> int:
    with open_workspace(path, backups=None) as workspace, workspace.session() as session:
        return session.scalar(select(Report.id).join(Park).where(Park.code == code, Report.year == year))


# --- edits -----------------------------------------------------------------------------------

def edits_found(path: Path, rid: int) -> tuple[Counter, int | None]:
    """Rows per inserting edit's number, and the number of the last positioning edit."""
    with sqlite3.connect(path) as connection:
        names = [r[0] for r in connection.execute("SELECT name FROM enterprises WHERE name LIKE 'edit % row %'")]
        positioning = connection.execute("SELECT positioning FROM reports WHERE id = ?", (rid,)).fetchone()[0]
    rows = Counter(int(re.fullmatch(r"edit (\d+) row \d+", name).group(1)) for name in names)
    last = re.fullmatch(r"edit (\d+)", positioning or "")
    return rows, int(last.group(1)) if last else None


def committed_numbers(lines: list[str]) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith("committed ")]


def test_killed_while_editing_keeps_every_committed_edit(demo_path, tmp_path):
    rid = report_id(demo_path)
    start = 0
    for delay in (0.0, 0.004):  # killed at whatever moment the child has reached
        last_read = f"committed {start + 60}"
        lines = run_and_kill(EDITS_CHILD, [demo_path, rid, start, -1], tmp_path,
                             stop=lambda line, last_read=last_read: line == last_read, delay=delay)
        committed = committed_numbers(lines)
        assert_consistent(demo_path)
        rows, last_positioning = edits_found(demo_path, rid)
        for number in committed:
            if number % 2 == 0:
                assert rows[number] == 1 + number % 40, f"committed edit {number} lost"
        # at most the one edit committed but not yet reported got in, and only whole
        assert all(rows[n] == 1 + n % 40 for n in rows)
        last_odd = max(n for n in committed if n % 2)
        assert max(rows) <= committed[-1] + 1
        assert last_positioning in (last_odd, last_odd + 2) and last_positioning <= committed[-1] + 1
        start = max([*rows, last_positioning]) + 1


def uncommitted_wal_frames(path: Path) -> int:
    """Frames of the current WAL generation after its last commit frame: pages of a transaction in flight."""
    data = Path(f"{path}-wal").read_bytes()
    page_size, salts = int.from_bytes(data[8:12], "big"), data[16:24]
    after_commit, offset = 0, 32
    while offset + 24 + page_size <= len(data) and data[offset + 8:offset + 16] == salts:
        after_commit = 0 if int.from_bytes(data[offset + 4:offset + 8], "big") else after_commit + 1
        offset += 24 + page_size
    return after_commit


def test_killed_inside_an_edit_transaction_loses_that_edit_only(demo_path, tmp_path):
    rid = report_id(demo_path)
    lines = run_and_kill(EDITS_CHILD, [demo_path, rid, 0, 40], tmp_path, stop=lambda line: line == "holding 40")
    assert committed_numbers(lines) == list(range(40))
    assert uncommitted_wal_frames(demo_path) > 10  # the big paste had reached the file, uncommitted
    assert_consistent(demo_path)
    rows, last_positioning = edits_found(demo_path, rid)
    assert rows == Counter({n: 1 + n % 40 for n in range(0, 40, 2)})  # 40 was written, never committed
    assert last_positioning == 39


# --- a bulk write: an Excel import -----------------------------------------------------------

IMPORT_ROWS = 12_000  # more than one chunk of parkdesk.excel.apply (10,000 rows)


@pytest.fixture(scope="module")
def enterprise_workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("import") / "enterprises.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("企业名录")
    sheet.write_row(0, 0, ["企业名称", "统一社会信用代码", "企业类型", "入驻状态", "从业人员"])
    for i in range(IMPORT_ROWS):
        sheet.write_row(i + 1, 0, [f"导入测试企业{i:06d}有限公司", make_uscc("91", "370100", f"{i:08d}"),
                                   "配套企业", "已入驻", i % 500])
    book.close()
    return path


def enterprise_count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM enterprises").fetchone()[0]


@pytest.mark.parametrize("hold_at, kept", [("chunk", 0), ("commit", 0), ("after", IMPORT_ROWS)])
def test_excel_import_killed_mid_way_is_all_or_nothing(demo_path, tmp_path, enterprise_workbook, hold_at, kept):
    rid = report_id(demo_path)
    before = enterprise_count(demo_path)
    lines = run_and_kill(IMPORT_CHILD, [demo_path, rid, enterprise_workbook, hold_at], tmp_path,
                         stop=lambda line: line.startswith(("holding", "committed")))
    if hold_at == "chunk":
        assert lines[-1] == "holding after chunk 1 of 2"
    assert_consistent(demo_path)
    assert enterprise_count(demo_path) == before + kept


# --- files written with a temporary name, then renamed ---------------------------------------

@pytest.mark.parametrize("kind, moment", [("pdf", "writing"), ("xlsx", "renaming")])
def test_export_killed_mid_way_leaves_the_previous_file_whole(demo_path, tmp_path, kind, moment):
    if kind == "pdf":
        from parkdesk.pdf.errors import FontProblem
        from parkdesk.pdf.fonts import find_pdf_font
        try:
            find_pdf_font()
        except FontProblem:
            missing("a CJK font for PDFs", "fonts-wqy-microhei")
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"report.{kind}"
    target.write_bytes(b"the previous export, complete")
    lines = run_and_kill(EXPORT_CHILD, [demo_path, report_id(demo_path), target, kind], tmp_path,
                         stop=lambda line: line.startswith(moment))
    assert lines[-1].startswith(moment)
    assert target.read_bytes() == b"the previous export, complete"
    temporaries = [p for p in out.iterdir() if p != target]
    assert all(p.name.startswith(f".{target.name}.") for p in temporaries)  # hidden, never the final name
    if kind == "xlsx":  # written in full, only the rename was missing
        assert len(temporaries) == 1 and temporaries[0].read_bytes()[:2] == b"PK"
