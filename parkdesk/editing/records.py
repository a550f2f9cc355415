"""Where each record kind of the form definitions lives for one report, and what a new row starts as."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.models import Report
from parkdesk.editing.changes import table_of
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.choices import CHAIN_ACTIONS, CHAIN_POSITIONS, CHAIN_STATES, ENTERPRISE_ROLES, \
    ENTERPRISE_STATUSES

# records whose rows belong to a report through a parent row rather than their own report_id
_PARENT = {"chain_link": ("segment_id", "chain_segments")}
# records a user adds rows to (path stages and requirement assessments are fixed sets)
ADDABLE = ("chain_segment", "chain_link", "milestone", "enterprise", "platform")


def _scope(record_key: str, report_id: int):
    record = RECORD_BY_KEY[record_key]
    table = table_of(record.table)
    if record_key in _PARENT:
        column, parent_name = _PARENT[record_key]
        parent = table_of(parent_name)
        return table, table.c[column].in_(select(parent.c.id).where(parent.c.report_id == report_id))
    return table, table.c.report_id == report_id


def rows_of(session: Session, record_key: str, report_id: int) -> list[dict]:
    """All rows of a (small) record kind for the report, in display order."""
    table, condition = _scope(record_key, report_id)
    order = [table.c.sort_order] if "sort_order" in table.c else []
    columns = [c for c in table.c if c.name != "content"]  # attachment bytes stay on disk
    return [dict(row) for row in session.execute(select(*columns).where(condition)
                                                 .order_by(*order, table.c.id)).mappings()]


def new_row(session: Session, record_key: str, report_id: int, **values) -> dict:
    """A fresh row: required choices set to their first choice, blanks elsewhere (validation asks for them)."""
    table, condition = _scope(record_key, report_id)
    row: dict = {} if record_key in _PARENT else {"report_id": report_id}
    if "sort_order" in table.c:
        row["sort_order"] = (session.scalar(select(func.max(table.c.sort_order)).where(condition)) or 0) + 1
    defaults = {
        "enterprise": {"name": "", "role": ENTERPRISE_ROLES[0][0], "status": ENTERPRISE_STATUSES[0][0],
                       "distinctions": 0},
        "chain_segment": {"position": CHAIN_POSITIONS[0][0], "name": ""},
        "chain_link": {"name": "", "action": CHAIN_ACTIONS[0][0], "state": CHAIN_STATES[0][0]},
        "milestone": {"title": "", "status": "planned",
                      "stage_year": session.scalar(select(Report.year).where(Report.id == report_id))},
        "platform": {"name": "", "service_types": ""},
    }[record_key]
    return {**row, **defaults, **values}
