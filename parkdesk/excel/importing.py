"""An import in one call, as the command line runs it: open, find the sheets, plan each in turn.

The GUI walks the same steps so a person can confirm them: `preview_import`
(each sheet read, mapped by `propose_mapping`, planned) → the person perhaps
changes a mapping (`SheetMapping.with_field`, then `replan`) → `apply_import`
→ `write_error_workbook` when rows were rejected. Sheets are planned in the
order records refer to each other, each told what the earlier ones add and
delete (a WorkbookContext), so an enterprise may name a link the same
workbook adds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.excel.errors import ExcelError
from parkdesk.excel.header import SheetMapping, propose_mapping
from parkdesk.excel.layout import INSTRUCTIONS, LISTS_SHEET
from parkdesk.excel.plan import plan_import
from parkdesk.excel.plan_model import ImportPlan, Notice, WorkbookContext
from parkdesk.excel.references import learn
from parkdesk.excel.source import SheetGrid, open_workbook
from parkdesk.excel.targets import TARGETS

ORDER = list(TARGETS)


@dataclass
class ImportPreview:
    source: Path
    format: str  # xlsx | xls | ods
    plans: list[ImportPlan]
    notices: list[Notice] = field(default_factory=list)  # about the workbook: sheets skipped
    grids: dict[str, SheetGrid] = field(default_factory=dict)  # the sheets read, for the error workbook
    mirror: bool = False  # records the sheets leave out are deleted

    @property
    def has_errors(self) -> bool:
        return any(plan.has_errors for plan in self.plans)

    def deletions(self) -> list[ImportPlan]:
        """The plans that delete records (a --mirror import), for the preview to count first."""
        return [plan for plan in self.plans if plan.deleted]


def preview_import(session: Session, report_id: int, path: Path | str, *, sheet: str | None = None,
                   progress: Callable[[int, int], bool] | None = None, mirror: bool = False) -> ImportPreview:
    """Plan the import of every importable sheet of `path` (or of `sheet` alone) into the report;
    `mirror` plans deleting what the sheets leave out."""
    path = Path(path)
    category = session.get(Report, report_id).details.category
    with open_workbook(path) as book:
        notices: list[Notice] = []
        if sheet is not None:
            names = [book.info(sheet).name]
        else:
            names = [info.name for info in book.sheets if not info.hidden]
            notices += [Notice("excel.notice.hidden_sheet", {"sheet": info.name})
                        for info in book.sheets if info.hidden and info.name != LISTS_SHEET]  # the layout's lists
        grids = {name: book.read_sheet(name) for name in names}
        kind = book.format
    mappings, incomplete = [], []
    for name, grid in grids.items():
        if sheet is None and name in (INSTRUCTIONS.zh, INSTRUCTIONS.en):
            continue  # the layout's own instructions
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
    plans = plan_sheets(session, report_id, grids, kept, path, progress=progress, mirror=mirror)
    notices += _cascades(session, plans)
    return ImportPreview(path, kind, plans, notices, grids, mirror)


def plan_sheets(session: Session, report_id: int, grids: dict[str, SheetGrid], mappings: list[SheetMapping],
                source: Path, *, progress=None, mirror: bool = False) -> list[ImportPlan]:
    """Each sheet's plan, in the order records refer to each other, each told what the earlier ones do."""
    context = WorkbookContext()
    plans = []
    for mapping in sorted(mappings, key=lambda m: ORDER.index(m.record)):
        plan = plan_import(session, report_id, grids[mapping.sheet], mapping, source=source, progress=progress,
                           context=context, mirror=mirror)
        learn(context, plan, session)
        plans.append(plan)
    return plans


def replan(session: Session, preview: ImportPreview, mapping: SheetMapping,
           progress: Callable[[int, int], bool] | None = None) -> list[ImportPlan]:
    """Every plan again with `mapping` changed by the person (a sheet's reading may change what later ones
    can refer to)."""
    mappings = [mapping if plan.mapping.sheet == mapping.sheet else plan.mapping for plan in preview.plans]
    return plan_sheets(session, preview.plans[0].report_id, preview.grids, mappings, preview.source,
                       progress=progress, mirror=preview.mirror)


def _one_per_target(mappings: list[SheetMapping]) -> list[SheetMapping]:
    """Two sheets read as the same table would overwrite each other: keep the one with more columns matched."""
    best: dict[str, SheetMapping] = {}
    for mapping in mappings:
        current = best.get(mapping.record)
        if current is None or len(mapping.field_columns()) > len(current.field_columns()):
            best[mapping.record] = mapping
    return [mapping for mapping in mappings if best[mapping.record] is mapping]


def _cascades(session: Session, plans: list[ImportPlan]) -> list[Notice]:
    """Deleting a segment deletes its links: said when no link sheet counts them."""
    segments = next((plan for plan in plans if plan.target.record_key == "chain_segment" and plan.deleted), None)
    if segments is None or any(plan.target.record_key == "chain_link" for plan in plans):
        return []
    from sqlalchemy import func, select

    from parkdesk.db.models import ChainLink

    links = session.scalar(select(func.count()).where(ChainLink.segment_id.in_(segments.deleted)))
    return [Notice("excel.notice.links_deleted", {"count": links})] if links else []
