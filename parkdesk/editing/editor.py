"""Applies changes to one report: each in its own transaction, committed at once, audited.

There is no Save: a change is in the workspace file when `apply` returns. A
report that is finalized (or submitted, accepted) refuses changes until it
is reopened.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError

from parkdesk.db.models import AuditEntry, Report
from parkdesk.db.models.base import utcnow
from parkdesk.db.sqlite_files import failed_write
from parkdesk.db.workspace import Workspace
from parkdesk.editing.changes import Batch, DeleteRows, InsertRows, SetColumn, SetValues
from parkdesk.errors import ParkdeskError
from parkdesk.reports.lifecycle import ensure_editable

_ACTIONS = {SetValues: "update", InsertRows: "insert", DeleteRows: "delete", SetColumn: "update"}


class ReportEditor:
    def __init__(self, workspace: Workspace, report_id: int):
        self.workspace = workspace
        self.report_id = report_id

    def apply(self, change):
        """Apply `change` in one transaction; return the applied change (its inverse undoes it)."""
        with self.workspace.write_session() as session:
            try:
                report = session.get(Report, self.report_id)
                ensure_editable(report)
                applied = change.apply(session)
                for entry in audit_entries(applied, self.workspace.actor, self.report_id):
                    session.add(entry)
                report.updated_at = utcnow()
                session.commit()
            except IntegrityError as error:  # e.g. two parks of one name: refused whole, in words
                session.rollback()
                detail = str(error.orig) if error.orig is not None else str(error)
                if "UNIQUE" in detail:
                    raise ParkdeskError("edit.duplicate", what=detail.split(":")[-1].strip()) from None
                raise ParkdeskError("edit.conflict", detail=detail) from None
            except DBAPIError as error:  # locked past the busy timeout, a full disk...: nothing was saved
                session.rollback()
                refusal = failed_write(error, self.workspace.path)
                if refusal is None:
                    raise
                raise refusal from None
        return applied

    def status(self) -> str:
        with self.workspace.session() as session:
            return session.scalar(select(Report.status).where(Report.id == self.report_id))


def audit_entries(change, actor: str, report_id: int):
    """One audit entry per changed field of a single row; one summary entry for larger changes."""
    if isinstance(change, Batch):
        if change.rows_touched() > 20:
            yield AuditEntry(actor=actor, action="bulk", table_name=_tables(change), report_id=report_id,
                             detail=f"{change.rows_touched()} rows")
            return
        for part in change.changes:
            yield from audit_entries(part, actor, report_id)
        return
    if isinstance(change, SetValues):
        for key, new in change.new.items():
            yield AuditEntry(actor=actor, action="update", table_name=change.table, row_id=change.row_id,
                             report_id=report_id, field=key, old_value=_plain(change.old.get(key)),
                             new_value=_plain(new))
        return
    rows = change.rows_touched()
    action = "bulk" if rows > 20 else _ACTIONS[type(change)]
    ids = [row["id"] for row in change.rows] if isinstance(change, InsertRows) else \
        list(change.ids) if isinstance(change, DeleteRows) else list(change.values)
    field = change.column if isinstance(change, SetColumn) else None
    yield AuditEntry(actor=actor, action=action, table_name=change.table, report_id=report_id, field=field,
                     row_id=ids[0] if len(ids) == 1 else None,
                     detail=f"{_ACTIONS[type(change)]} {rows} rows: " + ",".join(map(str, ids[:50])))


def _tables(batch: Batch) -> str:
    names = []
    for change in batch.changes:
        name = _tables(change) if isinstance(change, Batch) else change.table
        if name not in names:
            names.append(name)
    return ",".join(names)[:64]


def _plain(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
