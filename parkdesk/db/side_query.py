"""Run a read-only query on a second connection while Python keeps working.

SQLite releases the GIL while it steps through a query, so a long scan on a
second read-only connection overlaps with Python work on the first: on two
cores, validation of a large list takes the longer of the two instead of
their sum. Only committed data is visible to the second connection, so when
the session holds uncommitted writes the query runs on the session itself.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parkdesk-side-query")


def first_row_beside(session: Session, sql: str, params: dict) -> Future:
    """A future of the first row of `sql`; concurrent when that reads the same data."""
    raw = session.connection().connection.dbapi_connection
    database = session.get_bind().url.database
    if raw.in_transaction or not database or database == ":memory:":
        done: Future = Future()
        done.set_result(tuple(session.execute(text(sql), params).one()))
        return done
    return _POOL.submit(_first_row, database, sql, params)


def _first_row(database: str, sql: str, params: dict) -> tuple:
    connection = sqlite3.connect(Path(database).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return tuple(connection.execute(sql, params).fetchone())
    finally:
        connection.close()
