"""Writing planned imports into the workspace: one transaction, all or nothing.

Without `valid_only` a single rejected row stops everything; with it the
rejected rows are left out. Either way the workspace either gets every row
the plans allow or nothing at all (a cancel, a failure, a workspace changed
since the preview). Sheets are written in the order records refer to each
other (segments, links, …, enterprises), so a link or an enterprise can
name a record the same workbook adds; deletions of a --mirror import come
last. Rows go in through the driver's executemany; each plan leaves one
summary entry in the audit log. A large enterprise list drops the list's
sort indexes first (they are built again on the first sort by each column).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_bulk
from parkdesk.db.enterprise_table import drop_sort_indexes
from parkdesk.db.models import Report
from parkdesk.db.models.base import utcnow
from parkdesk.db.workspace import Workspace
from parkdesk.excel.errors import ExcelError, ImportCancelled, ImportRejected
from parkdesk.excel.plan import fingerprint
from parkdesk.excel.plan_model import CHANGED, NEW, REJECTED, UNCHANGED, ImportPlan
from parkdesk.excel.targets import REFERENCED_RECORDS, TARGETS
from parkdesk.forms.model import DATE, REFERENCE
from parkdesk.gc_pause import gc_paused
from parkdesk.reports.lifecycle import ensure_editable

CHUNK = 10_000
IMPORT_CACHE_KIB = 256 * 1024
BULK_ROWS = 10_000  # written enterprise rows past which the list's sort indexes are dropped first
ORDER = list(TARGETS)


@dataclass(frozen=True)
class ImportOutcome:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # rejected rows left out (valid_only)
    deleted: int = 0  # records a --mirror import deleted


def apply_import(workspace: Workspace, plans: Sequence[ImportPlan], *, valid_only: bool = False,
                 progress: Callable[[int, int], bool] | None = None) -> ImportOutcome:
    """Write the plans' new and changed rows (and their deletions) in one transaction; `progress(done, total)`
    False cancels."""
    rejected = sum(len(plan.of(REJECTED)) for plan in plans)
    if rejected and not valid_only:
        raise ImportRejected("excel.rejected", rows=rejected)
    plans = sorted(plans, key=lambda plan: ORDER.index(plan.target.record_key))
    chunks = sum(-(-len(plan.of(NEW)) // CHUNK) + -(-len(plan.of(CHANGED)) // CHUNK) + bool(plan.deleted)
                 for plan in plans)
    step = _Steps(progress, max(chunks, 1))
    outcome = ImportOutcome()
    with gc_paused(), workspace.writing() as session, _large_cache(session):
        for plan in plans:
            ensure_editable(session.get(Report, plan.report_id))
            if fingerprint(session, plan.target, plan.report_id) != plan.fingerprint:
                raise ExcelError("excel.stale_plan")
        written: dict[str, dict[int, int]] = {}  # record key → placeholder → the id its new record got
        counts = {}
        for plan in plans:
            if plan.target.record_key == "enterprise" and len(plan.of(NEW)) + len(plan.of(CHANGED)) >= BULK_ROWS:
                drop_sort_indexes(session.connection())
            counts[id(plan)] = (_insert(session, plan, step, written), _update(session, plan, step, written))
        deleted = {id(plan): _delete(session, plan, step) for plan in reversed(plans)}
        for plan in plans:
            inserted, updated = counts[id(plan)]
            unchanged, skipped, gone = len(plan.of(UNCHANGED)), len(plan.of(REJECTED)), deleted[id(plan)]
            report = session.get(Report, plan.report_id)
            if inserted or updated or gone:
                report.updated_at = utcnow()
            record_bulk(session, workspace.actor, plan.target.table.name, plan.report_id,
                        f"Excel import from {plan.source.name}, sheet {plan.mapping.sheet}: {inserted} new, "
                        f"{updated} changed, {unchanged} unchanged, {skipped} rejected rows left out, "
                        f"{gone} deleted")
            outcome = ImportOutcome(outcome.inserted + inserted, outcome.updated + updated,
                                    outcome.unchanged + unchanged, outcome.skipped + skipped, outcome.deleted + gone)
        step.finish()
    return outcome


@contextmanager
def _large_cache(session: Session):
    """A page cache big enough for the table's indexes while 100,000 rows go in (several times faster)."""
    connection = session.connection()
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")


class _Steps:
    def __init__(self, progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None and self.progress(min(self.done, self.total), self.total) is False:
            raise ImportCancelled("excel.cancelled")

    def finish(self) -> None:
        if self.done < self.total:
            self.done = self.total - 1
            self()


def _storing(plan: ImportPlan, written: dict[str, dict[int, int]]) -> Callable[[tuple], tuple]:
    """Values as the workspace stores them: dates as ISO text (as SQLAlchemy's Date does on SQLite), records the
    workbook adds by the ids they got."""
    fields = [plan.target.field(key) for key in plan.fields]
    dates = [i for i, f in enumerate(fields) if f.type == DATE]
    references = [(i, written.setdefault(REFERENCED_RECORDS[f.references], {})) for i, f in enumerate(fields)
                  if f.type == REFERENCE and f.references in REFERENCED_RECORDS]
    if not dates and not references:
        return lambda values: values

    def stored(values: tuple) -> tuple:
        values = list(values)
        for i in dates:
            if isinstance(values[i], date):
                values[i] = values[i].isoformat()
        for i, ids in references:
            if isinstance(values[i], int) and values[i] < 0:
                if values[i] not in ids:  # a row the plan named was left out or re-planned since
                    raise ExcelError("excel.stale_plan")
                values[i] = ids[values[i]]
        return tuple(values)

    return stored


def _insert(session: Session, plan: ImportPlan, step, written: dict[str, dict[int, int]]) -> int:
    rows = [(index, row) for index, row in enumerate(plan.rows) if row.status == NEW]
    if not rows or plan.target.single:
        return 0
    if plan.staged is not None:
        return _insert_staged(session, plan, [index for index, _ in rows], step, written)
    target = plan.target
    fields = [key for key in plan.fields if key in target.table.c]
    extra = {key: value for key, value in target.defaults.items() if key not in fields}
    order = target.order_column
    columns = [*(["report_id"] if "report_id" in target.table.c else []), *fields, *extra]
    if order is not None and order not in columns:
        columns.append(order)
    lead = (plan.report_id,) if columns[0] == "report_id" else ()
    fixed = tuple(extra.values()) + ((None,) if order is not None and order not in fields and order not in extra
                                     else ())
    default_at = {lead.__len__() + p: target.defaults[key] for p, key in enumerate(fields) if key in target.defaults}
    order_at = columns.index(order) if order is not None else None
    next_order = (session.scalar(select(func.coalesce(func.max(target.table.c[order]), -1))
                                 .where(target.scope(plan.report_id))) + 1) if order is not None else 0
    convert = _storing(plan, written)
    sql = f"INSERT INTO {target.table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    cursor = session.connection().connection.dbapi_connection.cursor()
    remember = written.setdefault(target.record_key, {}) if target.record_key in REFERENCED_RECORDS.values() else None
    try:
        for start in range(0, len(rows), CHUNK):
            batch = [(*lead, *convert(row.values), *fixed) for _, row in rows[start:start + CHUNK]]
            if default_at or order_at is not None:
                batch, next_order = _completed(batch, default_at, order_at, next_order)
            if remember is None:
                cursor.executemany(sql, batch)
            else:  # each id is wanted: later sheets refer to these records
                for (index, _), record in zip(rows[start:start + CHUNK], batch):
                    cursor.execute(sql, record)
                    remember[plan.placeholder(index)] = cursor.lastrowid
            step()
    finally:
        cursor.close()
    return len(rows)


def _insert_staged(session: Session, plan: ImportPlan, new: list[int], step, written: dict[str, dict[int, int]]) -> int:
    """The new rows copied from where planning staged them (as stored, in order), with one INSERT … SELECT."""
    staged, target = plan.staged, plan.target
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    with staged.attached(connection) as table:
        chosen = ""
        if len(new) < len(plan.rows):  # rejected (or matched) rows are not inserted
            raw.execute("CREATE TEMP TABLE IF NOT EXISTS parkdesk_import_new (id INTEGER PRIMARY KEY)")
            raw.execute("DELETE FROM temp.parkdesk_import_new")
            raw.executemany("INSERT INTO temp.parkdesk_import_new (id) VALUES (?)", ((index,) for index in new))
            chosen = "id IN (SELECT id FROM temp.parkdesk_import_new)"
        only = f"AND {chosen}" if chosen else ""
        for key in staged.columns:  # records the workbook adds, by the ids they got
            field = target.field(key)
            if field.type != REFERENCE or field.references not in REFERENCED_RECORDS:
                continue
            ids = written.get(REFERENCED_RECORDS[field.references], {})
            known = ", ".join(str(int(placeholder)) for placeholder in ids)
            unknown = f"{key} < 0" + (f" AND {key} NOT IN ({known})" if known else "")
            if raw.execute(f"SELECT 1 FROM {table} WHERE {unknown} {only} LIMIT 1").fetchone():
                raise ExcelError("excel.stale_plan")  # a row the plan named was left out or re-planned since
            if ids:
                raw.execute(f"UPDATE {table} SET {key} = CASE {key} "
                            + " ".join(f"WHEN {int(p)} THEN {int(i)}" for p, i in ids.items())
                            + f" ELSE {key} END WHERE {key} < 0")
        for key, default in target.defaults.items():  # NOT NULL columns a new row left blank
            raw.execute(f"UPDATE {table} SET {key} = ? WHERE {key} IS NULL", (default,))
        columns = ", ".join(staged.columns)
        raw.execute(f"INSERT INTO {target.table.name} (report_id, {columns}) "
                    f"SELECT ?, {columns} FROM {table} {'WHERE ' + chosen if chosen else ''} ORDER BY id",
                    (plan.report_id,))
    for _ in range(-(-len(new) // CHUNK)):
        step()
    return len(new)


def _completed(batch: list[tuple], default_at: dict[int, object], order_at: int | None,
               next_order: int) -> tuple[list[tuple], int]:
    """New rows with the defaults of NOT NULL columns the sheet left blank, and the next places in the
    report's order where the sheet gives none."""
    completed = []
    for record in batch:
        if any(record[p] is None for p in default_at) or (order_at is not None and record[order_at] is None):
            record = list(record)
            for p, default in default_at.items():
                if record[p] is None:
                    record[p] = default
            if order_at is not None and record[order_at] is None:
                record[order_at], next_order = next_order, next_order + 1
            record = tuple(record)
        completed.append(record)
    return completed, next_order


def _update(session: Session, plan: ImportPlan, step, written: dict[str, dict[int, int]]) -> int:
    rows = plan.of(CHANGED)
    if not rows:
        return 0
    changed = [i for i, key in enumerate(plan.fields) if key in plan.target.table.c]
    table = plan.target.table.name
    sql = (f"UPDATE {table} SET {', '.join(f'{plan.fields[i]} = ?' for i in changed)} "
           f"WHERE id = ?" + (" AND report_id = ?" if "report_id" in plan.target.table.c else ""))
    tail = (plan.report_id,) if "report_id" in plan.target.table.c else ()
    convert = _storing(plan, written)
    connection = session.connection()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        batch = []
        for row in chunk:
            values = convert(row.values)
            batch.append((*(values[i] for i in changed), row.target_id, *tail))
        result = connection.exec_driver_sql(sql, batch)
        if result.rowcount != len(chunk):
            raise ExcelError("excel.stale_plan")
        step()
    return len(rows)


def _delete(session: Session, plan: ImportPlan, step) -> int:
    if not plan.deleted:
        return 0
    table = plan.target.table.name
    connection = session.connection()
    for start in range(0, len(plan.deleted), CHUNK):
        chunk = plan.deleted[start:start + CHUNK]
        connection.exec_driver_sql(f"DELETE FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", tuple(chunk))
    step()
    return len(plan.deleted)
