"""Validating a report with 100,000 enterprises, beside reading those rows from the workspace.

Target: validation takes no longer than the read, and under 0.5 s.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select

from benchmarks.common import measure, report, size
from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.validation.engine import validate_report

ENTERPRISES = size(100_000, 500)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        build_demo(path, enterprises=ENTERPRISES, only_parks=("QLRJY",))
        with open_workspace(path) as workspace, workspace.session() as session:
            report_id = session.scalar(select(Report.id).join(Park).where(Report.year == 2024))
            columns = [c for c in Enterprise.__table__.c]

            def read_rows():
                rows = session.execute(select(*columns).where(Enterprise.report_id == report_id)).all()
                assert len(rows) == ENTERPRISES

            def validate():
                return validate_report(session, report_id)

            result = validate()
            print(f"(findings on the clean report: {len(result.findings)})")
            report(f"validate a report with {ENTERPRISES:,} enterprises", measure(validate, 5),
                   f"read the {ENTERPRISES:,} rows (Core)", measure(read_rows, 5), "≤ read and < 500 ms")


if __name__ == "__main__":
    main()
