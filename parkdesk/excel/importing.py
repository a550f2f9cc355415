"""An import in one call, as the command line runs it: open, find the tables, plan each.

The GUI walks the same steps one at a time so a person can confirm each:
`open_workbook` → `SourceWorkbook.read_sheet` → `propose_mapping` (shown,
perhaps changed with `SheetMapping.with_field`) → `plan_import` (the
preview) → `apply_import` → `write_error_workbook` when rows were rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.excel.errors import ExcelError
from parkdesk.excel.header import SheetMapping, propose_mapping
from parkdesk.excel.plan import plan_import
from parkdesk.excel.plan_model import ImportPlan, Notice
from parkdesk.excel.source import SheetGrid, open_workbook


@dataclass
class ImportPreview:
    source: Path
    format: str  # xlsx | xls | ods
    plans: list[ImportPlan]
    notices: list[Notice] = field(default_factory=list)  # about the workbook: sheets skipped
    grids: dict[str, SheetGrid] = field(default_factory=dict)  # the sheets read, for the error workbook

    @property
    def has_errors(self) -> bool:
        return any(plan.has_errors for plan in self.plans)


def preview_import(session: Session, report_id: int, path: Path | str, *, sheet: str | None = None,
                   progress: Callable[[int, int], bool] | None = None) -> ImportPreview:
    """Plan the import of every importable sheet of `path` (or of `sheet` alone) into the report."""
    path = Path(path)
    category = session.get(Report, report_id).details.category
    with open_workbook(path) as book:
        notices: list[Notice] = []
        if sheet is not None:
            names = [book.info(sheet).name]
        else:
            names = [info.name for info in book.sheets if not info.hidden]
            notices += [Notice("excel.notice.hidden_sheet", {"sheet": info.name})
                        for info in book.sheets if info.hidden]
        grids = {name: book.read_sheet(name) for name in names}
        kind = book.format
    mappings, incomplete = [], []
    for name, grid in grids.items():
        if not grid.rows:
            if sheet is not None:
                raise ExcelError("excel.empty_sheet", sheet=name)
            continue
        mapping = propose_mapping(grid)
        if mapping is None:
            if sheet is not None:
                raise ExcelError("excel.no_header", sheet=name, rows=30)
            notices.append(Notice("excel.notice.sheet_skipped", {"sheet": name}))
        elif sheet is None and mapping.missing_required(category):
            incomplete.append(mapping)
            notices.append(Notice("excel.notice.sheet_skipped", {"sheet": name}))
        else:
            mappings.append(mapping)
    if not mappings:
        if incomplete:
            incomplete[0].check_complete(category)  # says which columns the likeliest sheet lacks
        if grids and all(not grid.rows for grid in grids.values()):
            raise ExcelError("excel.empty_sheet", sheet="、".join(grids))
        raise ExcelError("excel.no_importable_sheet", sheets="、".join(grids) or "-")
    kept = _one_per_target(mappings)
    notices += [Notice("excel.notice.sheet_skipped", {"sheet": m.sheet}) for m in mappings if m not in kept]
    plans = [plan_import(session, report_id, grids[m.sheet], m, source=path, progress=progress) for m in kept]
    return ImportPreview(path, kind, plans, notices, grids)


def _one_per_target(mappings: list[SheetMapping]) -> list[SheetMapping]:
    """Two sheets read as the same table would overwrite each other: keep the one with more columns matched."""
    best: dict[str, SheetMapping] = {}
    for mapping in mappings:
        current = best.get(mapping.record)
        if current is None or len(mapping.field_columns()) > len(current.field_columns()):
            best[mapping.record] = mapping
    return [mapping for mapping in mappings if best[mapping.record] is mapping]
