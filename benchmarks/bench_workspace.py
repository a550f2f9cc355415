"""Building a demo workspace with 10,000 enterprises for one park, and reading them back for display.

Baselines, measured in the same run: raw sqlite3 executemany of the same rows
into the same table, and raw sqlite3 reading the same rows.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from benchmarks.common import measure, report, size
from parkdesk.db.models import Enterprise
from parkdesk.db.workspace import create_workspace, open_workspace
from parkdesk.demo.builder import build_demo

ENTERPRISES = size(10_000, 300)
PARK = "QLRJY"
COLUMNS = ("report_id", "name", "uscc", "role", "chain_link_id", "status", "established", "employees",
           "revenue_wan_yuan", "service_exports_wan_usd", "distinctions", "contact_name", "contact_phone")
DISPLAY_QUERY = (
    "SELECT id, name, uscc, role, chain_link_id, status, established, employees, revenue_wan_yuan, "
    "service_exports_wan_usd, distinctions FROM enterprises WHERE report_id = ? ORDER BY id"
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        counter = iter(range(1000))

        def build():
            build_demo(folder / f"demo{next(counter)}.sqlite", enterprises=ENTERPRISES, only_parks=(PARK,))

        built = measure(build, repeat=3)
        source = folder / "demo0.sqlite"
        with sqlite3.connect(source) as connection:
            rows = connection.execute(f"SELECT {', '.join(COLUMNS)} FROM enterprises").fetchall()
            report_id = connection.execute("SELECT max(id) FROM reports").fetchone()[0]

        def raw_insert():
            target = folder / f"raw{next(counter)}.sqlite"
            create_workspace(target).close()
            with sqlite3.connect(target) as connection:
                connection.execute("PRAGMA foreign_keys=OFF")
                start = time.perf_counter()
                connection.executemany(
                    f"INSERT INTO enterprises ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                    [(1, *row[1:4], None, *row[5:]) for row in rows],
                )
                connection.commit()
                return time.perf_counter() - start

        raw = sorted(raw_insert() for _ in range(3))[1]
        report(f"demo build, {len(rows):,} enterprise rows (1 park × 3 years)", built,
               "raw sqlite3 executemany of the same rows", raw)

        table = Enterprise.__table__
        display = select(*(table.c[name] for name in (
            "id", "name", "uscc", "role", "chain_link_id", "status", "established", "employees",
            "revenue_wan_yuan", "service_exports_wan_usd", "distinctions"))).where(
            table.c.report_id == report_id).order_by(table.c.id)

        with open_workspace(source) as workspace:
            def read_core():
                with workspace.engine.connect() as connection:
                    return connection.execute(display).all()

            def read_raw():
                with sqlite3.connect(source) as connection:
                    return connection.execute(DISPLAY_QUERY, (report_id,)).fetchall()

            assert len(read_core()) == ENTERPRISES
            report(f"read {ENTERPRISES:,} enterprises for display (SQLAlchemy Core)", measure(read_core, 5),
                   "raw sqlite3 fetchall", measure(read_raw, 5))


if __name__ == "__main__":
    main()
