"""The enterprise list as a table view needs it: ids in order, then rows a screenful at a time.

Filtering, searching and sorting happen in SQLite, over the report's rows
only; Python holds the ordered ids (8 bytes each) and the rows on screen,
never an ORM object per enterprise.

Sorting by a column uses a (report_id, column) index that is built the first
time the list is sorted by that column (`ensure_sort_index`, a few hundred
milliseconds for 100,000 rows) and kept; a bulk import drops them all
(`drop_sort_indexes`), since keeping ten indexes up to date made every insert
three times as costly.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from parkdesk.db.engine import WRITE

from parkdesk.db.queries import enterprise_rows_of
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.distinctions import DISTINCTION_BY_KEY

ENTERPRISE = RECORD_BY_KEY["enterprise"]
COLUMNS: tuple[str, ...] = tuple(field.key for field in ENTERPRISE.fields)
NO_LINK = 0  # filter value: enterprises not placed on any chain link


@dataclass(frozen=True)
class EnterpriseFilter:
    role: str | None = None
    status: str | None = None
    chain_link_id: int | None = None  # NO_LINK for "not on any link"
    distinction: str | None = None  # a distinction key
    search: str = ""  # part of the name, credit code or contact

    def is_empty(self) -> bool:
        return self == EnterpriseFilter()

    def where(self) -> tuple[str, list]:
        """SQL conditions (after the report's own) and their parameters."""
        clauses, params = [], []
        if self.role:
            clauses.append("role = ?")
            params.append(self.role)
        if self.status:
            clauses.append("status = ?")
            params.append(self.status)
        if self.chain_link_id == NO_LINK:
            clauses.append("chain_link_id IS NULL")
        elif self.chain_link_id is not None:
            clauses.append("chain_link_id = ?")
            params.append(self.chain_link_id)
        if self.distinction:
            clauses.append("(distinctions & ?) != 0")
            params.append(DISTINCTION_BY_KEY[self.distinction].bit)
        needle = self.search.strip()
        if needle:
            pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            columns = ["name", "contact_name"] + (["uscc"] if needle.isascii() else [])  # codes are ASCII
            clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [pattern, pattern] + ([pattern.upper()] if needle.isascii() else [])
        return " AND ".join(clauses) or "1", params


def _numbered(clause: str) -> str:
    """Positional `?` placeholders as named ones (:p0, :p1 …), to combine with named scopes."""
    parts = clause.split("?")
    return "".join(part + (f":p{i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))


SORT_INDEX = "ix_enterprises_report_{column}"


def _sortable(column: str) -> bool:
    return column in COLUMNS and column not in ("name", "uscc")  # those two have indexes of the schema's own


def has_sort_index(session: Session, column: str) -> bool:
    """True when sorting by `column` needs no index to be built first."""
    if not _sortable(column):
        return True
    with session.get_bind().connect() as connection:
        return connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                                          (SORT_INDEX.format(column=column),)).first() is not None


def ensure_sort_index(session: Session, column: str) -> bool:
    """Build the index the list is sorted by `column` with, unless it exists; False when it cannot be
    (a workspace opened read-only, or busy): the sort then runs without it, only slower.

    Call it before `session` reads anything: a transaction begun earlier does not see the new index.
    """
    if has_sort_index(session, column):
        return True
    try:
        with session.get_bind().connect().execution_options(**{WRITE: True}) as connection, connection.begin():
            connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {SORT_INDEX.format(column=column)} "
                                       f"ON enterprises (report_id, {column})")
    except OperationalError:
        return False
    return True


def drop_sort_indexes(connection) -> list[str]:
    """Drop the list's sort indexes (inside the caller's transaction) before a bulk insert; their names."""
    names = [name for (name,) in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enterprises'").fetchall()
        if name in {SORT_INDEX.format(column=c) for c in COLUMNS if _sortable(c)}]
    for name in names:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    return names


def _order_by(sort: str | None, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    if sort is None:
        return "id"
    if sort not in COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}")
    return f"{sort} {direction}, id {direction}"


def _cursor(session: Session):
    return session.connection().connection.dbapi_connection.cursor()


def enterprise_ids(session: Session, report_id: int, where: EnterpriseFilter = EnterpriseFilter(),
                   sort: str | None = None, descending: bool = False) -> array:
    """Ids of the report's enterprises that pass the filter, in display order."""
    if sort is not None:
        ensure_sort_index(session, sort)  # before the session's transaction begins, so that it sees the index
    clause, params = where.where()
    if where.is_empty():
        scope = "report_id = :report_id"  # the (report_id, column) index hands the ids over in order
    else:
        scope = enterprise_rows_of(session, report_id)  # one sequential pass, then a sort if asked for
    named = {f"p{i}": value for i, value in enumerate(params)}
    clause = _numbered(clause)
    if sort == "chain_link_id":
        return _ids_by_chain_position(session, report_id, f"{scope} AND {clause}", named, descending)
    cursor = _cursor(session)
    try:
        cursor.execute(f"SELECT id FROM enterprises WHERE {scope} AND {clause} "
                       f"ORDER BY {_order_by(sort, descending)}", {"report_id": report_id, **named})
        ids = array("q")
        while chunk := cursor.fetchmany(20_000):
            ids.extend(row[0] for row in chunk)
        return ids
    finally:
        cursor.close()


def _ids_by_chain_position(session: Session, report_id: int, where: str, params: dict, descending: bool) -> array:
    """Sorted as the links stand in the chain map (upstream first), not by their ids or names.

    SQLite hands the (link, id) pairs over in index order; Python orders the
    few link groups by their place in the chain, keeping ids in order within each.
    """
    rank = {link_id: place for place, link_id in enumerate(chain_link_names(session, report_id))}
    cursor = _cursor(session)
    try:
        cursor.execute(f"SELECT chain_link_id, id FROM enterprises WHERE {where} ORDER BY chain_link_id, id",
                       {"report_id": report_id, **params})
        pairs = cursor.fetchall()
    finally:
        cursor.close()
    pairs.sort(key=lambda pair: rank.get(pair[0], -1), reverse=descending)
    ids = array("q", (pair[1] for pair in pairs))
    if descending:  # within a link too
        ids = array("q", _reverse_within_groups(pairs))
    return ids


def _reverse_within_groups(pairs) -> list[int]:
    ordered, start = [], 0
    while start < len(pairs):
        end = start
        while end < len(pairs) and pairs[end][0] == pairs[start][0]:
            end += 1
        ordered += [pair[1] for pair in reversed(pairs[start:end])]
        start = end
    return ordered


def enterprise_rows(session: Session, ids) -> dict[int, dict]:
    """The rows with these ids (a screenful), typed as the ORM would type them."""
    from parkdesk.db.models import Enterprise
    from sqlalchemy import select

    ids = list(ids)
    rows: dict[int, dict] = {}
    columns = [Enterprise.__table__.c.id] + [Enterprise.__table__.c[key] for key in COLUMNS]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in session.execute(select(*columns).where(Enterprise.__table__.c.id.in_(chunk))).mappings():
            rows[row["id"]] = dict(row)
    return rows


def chain_link_names(session: Session, report_id: int) -> dict[int, str]:
    cursor = _cursor(session)
    try:
        cursor.execute("SELECT l.id, l.name FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
                       "WHERE s.report_id = ? ORDER BY s.sort_order, l.sort_order, l.id", (report_id,))
        return dict(cursor.fetchall())
    finally:
        cursor.close()
