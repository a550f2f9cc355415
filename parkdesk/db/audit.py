"""Writes an audit entry for every ORM change: who, when, what, old → new.

Bulk writes through Core (imports of thousands of rows) record one summary
entry each through `record_bulk`.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from parkdesk.db.models import AuditEntry

_SKIPPED_COLUMNS = {"updated_at", "content"}


def _plain(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _report_id(obj) -> int | None:
    if hasattr(obj, "report_id"):
        return obj.report_id
    if obj.__tablename__ == "reports":
        return obj.id
    return None


def _column_changes(obj):
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                yield attr.key, old, new


def _entries_for_flush(session: Session, actor: str):
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj):
            continue
        for field, old, new in _column_changes(obj):
            yield AuditEntry(actor=actor, action="update", table_name=obj.__tablename__,
                             row_id=getattr(obj, "id", None), report_id=_report_id(obj),
                             field=field, old_value=_plain(old), new_value=_plain(new))
    for obj in session.deleted:
        if isinstance(obj, AuditEntry):
            continue
        yield AuditEntry(actor=actor, action="delete", table_name=obj.__tablename__,
                         row_id=getattr(obj, "id", None), report_id=_report_id(obj),
                         old_value=_plain(_row_summary(obj)))


def _row_summary(obj) -> dict:
    state = inspect(obj)
    return {
        attr.key: _plain(getattr(obj, attr.key))
        for attr in state.mapper.column_attrs
        if attr.key not in _SKIPPED_COLUMNS
    }


def install_audit(session_factory, actor: str) -> None:
    """Record changes made through sessions from `session_factory` under `actor`."""

    @event.listens_for(session_factory, "before_flush")
    def _before_flush(session, _flush_context, _instances):
        session.info.setdefault("audit_new", []).extend(
            obj for obj in session.new if not isinstance(obj, AuditEntry)
        )
        session.add_all(list(_entries_for_flush(session, actor)))

    @event.listens_for(session_factory, "after_flush")
    def _after_flush(session, _flush_context):
        pending = session.info.pop("audit_new", [])
        if not pending:
            return
        rows = [
            {"actor": actor, "action": "insert", "table_name": obj.__tablename__,
             "row_id": getattr(obj, "id", None), "report_id": _report_id(obj),
             "new_value": _plain(_row_summary(obj))}
            for obj in pending
        ]
        session.connection().execute(AuditEntry.__table__.insert(), rows)


def record_bulk(session: Session, actor: str, table_name: str, report_id: int | None, detail: str) -> None:
    session.add(AuditEntry(actor=actor, action="bulk", table_name=table_name, report_id=report_id, detail=detail))


def record_event(session: Session, actor: str, table_name: str, row_id: int | None,
                 report_id: int | None, detail: str) -> None:
    session.add(AuditEntry(actor=actor, action="event", table_name=table_name, row_id=row_id,
                           report_id=report_id, detail=detail))
