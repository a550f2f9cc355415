"""A workbook (Excel, WPS, LibreOffice) taken into a report: read and planned first, then applied in one go."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from parkdesk.db.workspace import Workspace
from parkdesk.excel.apply import ImportOutcome, apply_import
from parkdesk.excel.importing import ImportPreview, preview_import
from parkdesk.excel.plan_model import ImportPlan


def preview(workspace: Workspace, report_id: int, path: Path, *, sheet: str | None = None, mirror: bool = False,
            progress: Callable[[int, int], bool] | None = None) -> ImportPreview:
    """What importing `path` into the report would do, sheet by sheet, cell by cell (with `mirror`, also
    deleting the rows the workbook leaves out); nothing is written."""
    with workspace.session() as session:
        return preview_import(session, report_id, path, sheet=sheet, progress=progress, mirror=mirror)


def apply(workspace: Workspace, plans: Sequence[ImportPlan], *, valid_only: bool = False,
          progress: Callable[[int, int], bool] | None = None) -> ImportOutcome:
    """Write the plans' new and changed rows in one transaction (all of them, or only the valid ones)."""
    return apply_import(workspace, plans, valid_only=valid_only, progress=progress)
