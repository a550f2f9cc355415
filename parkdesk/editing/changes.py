"""Edits as small values with an exact inverse, so undo and redo are just more edits.

A change names rows by table and id. Deleting restores what the database
would otherwise lose on undo: rows removed by ON DELETE CASCADE come back,
and references cleared by ON DELETE SET NULL are set again — both found from
the schema's foreign keys, not listed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from parkdesk.db.models import Base


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


@dataclass(frozen=True)
class SetValues:
    """New values for some columns of one row; `old` holds what they were."""

    table: str
    row_id: int
    new: dict
    old: dict

    def apply(self, session: Session) -> "SetValues":
        if self.new:
            table = table_of(self.table)
            session.execute(update(table).where(table.c.id == self.row_id).values(self.new))
        return self

    def inverse(self) -> "SetValues":
        return SetValues(self.table, self.row_id, self.old, self.new)

    def rows_touched(self) -> int:
        return 1


@dataclass(frozen=True)
class InsertRows:
    """Rows to add; after `apply` every row carries its id, so the inverse deletes exactly them."""

    table: str
    rows: tuple[dict, ...]

    def apply(self, session: Session) -> "InsertRows":
        table = table_of(self.table)
        placed = []
        for row in self.rows:
            row_id = session.execute(insert(table).values(row).returning(table.c.id)).scalar_one()
            placed.append({**row, "id": row_id})
        return InsertRows(self.table, tuple(placed))

    def inverse(self) -> "DeleteRows":
        return DeleteRows(self.table, tuple(row["id"] for row in self.rows))

    def rows_touched(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class DeleteRows:
    """Rows to remove by id; `apply` returns the change with everything needed to put them back."""

    table: str
    ids: tuple[int, ...]
    snapshot: tuple["InsertRows | SetColumn", ...] = field(default=())

    def apply(self, session: Session) -> "DeleteRows":
        restore = _snapshot_before_delete(session, table_of(self.table), self.ids)
        table = table_of(self.table)
        for chunk in _chunks(self.ids):
            session.execute(delete(table).where(table.c.id.in_(chunk)))
        return DeleteRows(self.table, self.ids, tuple(restore))

    def inverse(self) -> "Batch":
        return Batch(self.snapshot)

    def rows_touched(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class SetColumn:
    """One column set per row (id → value): how SET NULL references come back on undo."""

    table: str
    column: str
    values: dict[int, object]
    previous: dict[int, object] | None = None  # filled in by apply

    def apply(self, session: Session) -> "SetColumn":
        table = table_of(self.table)
        previous = {}
        for chunk in _chunks(self.values):
            previous.update(session.execute(select(table.c.id, table.c[self.column]).where(table.c.id.in_(chunk))).all())
        for row_id, value in self.values.items():
            session.execute(update(table).where(table.c.id == row_id).values({self.column: value}))
        return SetColumn(self.table, self.column, self.values, previous)

    def inverse(self) -> "SetColumn":
        if self.previous is None:
            raise ValueError("only an applied SetColumn has an inverse")
        return SetColumn(self.table, self.column, {row_id: self.previous.get(row_id) for row_id in self.values})

    def rows_touched(self) -> int:
        return len(self.values)


@dataclass(frozen=True)
class Batch:
    """Changes applied in order, undone in reverse order."""

    changes: tuple

    def apply(self, session: Session) -> "Batch":
        return Batch(tuple(change.apply(session) for change in self.changes))

    def inverse(self) -> "Batch":
        return Batch(tuple(change.inverse() for change in reversed(self.changes)))

    def rows_touched(self) -> int:
        return sum(change.rows_touched() for change in self.changes)


def _chunks(ids, size: int = 500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _snapshot_before_delete(session: Session, table: Table, ids) -> list:
    """Changes that recreate the rows and what deleting them takes along, in the order to apply them."""
    if not ids:
        return []
    rows = []
    for chunk in _chunks(ids):
        rows += [dict(row) for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings()]
    restore: list = [InsertRows(table.name, tuple(sorted(rows, key=lambda r: r["id"])))]
    for child_table, foreign_key in _references_to(table):
        column = foreign_key.parent
        for chunk in _chunks(ids):
            if foreign_key.ondelete and foreign_key.ondelete.upper() == "CASCADE":
                child_ids = list(session.scalars(select(child_table.c.id).where(column.in_(chunk))))
                restore += _snapshot_before_delete(session, child_table, child_ids)
            elif foreign_key.ondelete and foreign_key.ondelete.upper() == "SET NULL":
                pairs = dict(session.execute(select(child_table.c.id, column).where(column.in_(chunk))).all())
                if pairs:
                    restore.append(SetColumn(child_table.name, column.name, pairs))
    return restore


def _references_to(table: Table):
    for other in Base.metadata.sorted_tables:
        for foreign_key in other.foreign_keys:
            if foreign_key.column.table is table and foreign_key.column.name == "id":
                yield other, foreign_key


def tables_touched(change) -> set[str]:
    """Names of the tables a change writes to."""
    if isinstance(change, Batch):
        return set().union(*(tables_touched(part) for part in change.changes))
    return {change.table}
