"""PDF summaries: a report with 10,000 enterprises and its appendix, and a typical park's summary.

Baseline, built in the same run: a plain reportlab document holding the same rows (same query, same
columns, same embedded font, same 100-row chunk tables, landscape A4) with nothing else — no wrapping,
no page header or column header, no page numbers, no summary pages, no validation.
Targets: the full report at most 1.3× that; a typical park's summary without appendix under 1 s.
Peak memory is Python's (tracemalloc), in separate untimed runs.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import time
import tracemalloc
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from sqlalchemy import select

from benchmarks.common import measure, report, size
from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.pdf.blocks import CHUNK_ROWS
from parkdesk.pdf.fonts import find_pdf_font
from parkdesk.pdf.report_pdf import write_report_pdf

ENTERPRISES = size(10_000, 300)
PARK = "QLRJY"
COLUMNS = ("id, name, uscc, role, chain_link_id, status, established, employees, revenue_wan_yuan, "
           "service_exports_wan_usd, distinctions")
WIDTHS = (28, 160, 90, 50, 70, 45, 50, 50, 56, 56, 84)


def plain_document(workspace: Path, report_id: int, out: Path, font: str) -> None:
    with sqlite3.connect(workspace) as connection:
        rows = [["" if value is None else str(value) for value in row] for row in connection.execute(
            f"SELECT {COLUMNS} FROM enterprises WHERE report_id = ? ORDER BY id", (report_id,))]
    style = TableStyle([("FONT", (0, 0), (-1, -1), font, 7.5), ("GRID", (0, 0), (-1, -1), 0.25, "#999999")])
    SimpleDocTemplate(str(out), pagesize=landscape(A4)).build(
        [Table(rows[i:i + CHUNK_ROWS], colWidths=WIDTHS, style=style) for i in range(0, len(rows), CHUNK_ROWS)])


def page_count(path: Path) -> int:
    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


def peak_mb(action) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def cpu_seconds(action, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return sorted(times)[len(times) // 2]


def main() -> None:
    font = find_pdf_font().name
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        cases = {"big": (folder / "big.sqlite", ENTERPRISES), "typical": (folder / "typical.sqlite", None)}
        for path, size in cases.values():
            build_demo(path, enterprises=size, only_parks=(PARK,))
        for name, (path, _) in cases.items():
            with open_workspace(path) as workspace, workspace.session() as session:
                rid = session.scalar(select(Report.id).join(Park).where(Park.code == PARK, Report.year == 2024))
                out, plain_out = folder / f"{name}.pdf", folder / f"{name}-plain.pdf"

                def full():
                    write_report_pdf(session, rid, out)

                def summary():
                    write_report_pdf(session, rid, out, appendix=False)

                def plain():
                    plain_document(path, rid, plain_out, font)

                if name == "big":
                    full()
                    plain()
                    print(f"(files: summary + appendix {page_count(out)} pages, {out.stat().st_size / 1e6:.1f} MB; "
                          f"plain document {page_count(plain_out)} pages, {plain_out.stat().st_size / 1e6:.1f} MB)")
                    report(f"summary + appendix, {ENTERPRISES:,} enterprises (wall)", measure(full, 3),
                           "plain reportlab, same rows", measure(plain, 3), "≤ 1.3×")
                    report(f"summary + appendix, {ENTERPRISES:,} enterprises (CPU)", cpu_seconds(full),
                           "plain reportlab, same rows", cpu_seconds(plain), "≤ 1.3×")
                    print(f"peak Python memory (tracemalloc): summary + appendix {peak_mb(full):.0f} MB, "
                          f"plain reportlab {peak_mb(plain):.0f} MB", flush=True)
                else:
                    report("typical park summary, no appendix (300 enterprises)", measure(summary, 5),
                           "plain reportlab, its 300 rows", measure(plain, 5), "< 1000 ms")


if __name__ == "__main__":
    main()
