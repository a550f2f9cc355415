"""References between the sheets of one workbook: a link names its segment, an enterprise its link.

A sheet planned earlier tells the later ones (through a WorkbookContext)
which segments and links the workbook adds, renames or deletes, so an
enterprise may name a link that only exists once the workbook is imported.
A record the workbook adds is named by a placeholder (a negative number)
until it is written and has an id.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import ChainLink, Report
from parkdesk.excel.plan_model import REJECTED, ImportPlan, WorkbookContext
from parkdesk.excel.targets import REFERENCED_RECORDS, ROW_ID, name_key, ref_key, reference_names
from parkdesk.forms.model import Field


def sheet_references(session: Session, report: Report, field: Field, context: WorkbookContext) -> dict[str, object]:
    """Name (or row id) → stored value for a REFERENCE field: the report's records as the workbook leaves them."""
    names = reference_names(session, report.id, report.park_id, field)
    record = REFERENCED_RECORDS.get(field.references)
    if record is not None:
        gone = context.deleted.get(record)
        if gone:
            names = {name: value for name, value in names.items() if value not in gone}
        names.update(context.names.get(record, {}))
    return names


def learn(context: WorkbookContext, plan: ImportPlan, session: Session) -> None:
    """Tell the sheets planned after `plan` what it adds, renames and deletes."""
    key = plan.target.record_key
    if key == "park" and plan.rows and "category" in plan.fields:
        context.category = plan.rows[0].values[plan.fields.index("category")] or context.category
    if key not in REFERENCED_RECORDS.values():
        return
    names: dict[str, object] = {}
    title = plan.fields.index("name") if "name" in plan.fields else None
    ref = plan.fields.index(ROW_ID) if ROW_ID in plan.fields else None
    for index, row in enumerate(plan.rows):
        if row.status == REJECTED:
            continue
        value = row.target_id if row.target_id is not None else plan.placeholder(index)
        if title is not None and row.values[title]:
            names.setdefault(name_key(row.values[title]), value)
        if ref is not None and row.values[ref] is not None:
            names[ref_key(row.values[ref])] = value
    context.names[key] = names
    matched = {row.target_id for row in plan.rows if row.target_id is not None}
    deleted = set(plan.deleted) | (context.deleted.get(key, set()) - matched)
    context.deleted[key] = deleted
    if key == "chain_segment" and plan.deleted:  # their links go with them, unless a link sheet moves them
        context.deleted["chain_link"] = set(session.scalars(select(ChainLink.id).where(
            ChainLink.segment_id.in_(plan.deleted))))
