"""Run a read-only query on a second connection while Python keeps working.

SQLite releases the GIL while it steps through a query, so a long scan on a
second read-only connection overlaps with Python work on the first: on two
cores, validation of a large list takes the longer of the two instead of
their sum. A workspace file is opened a second time, read-only; an
in-memory database (the scratch workspace a package is checked in) is
copied into a second one, which takes a millisecond or two per 10 MB.
Only committed data is visible to a second connection, so when the session
holds uncommitted writes the query runs on the session itself.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import text
from sqlalchemy.orm import Session

from parkdesk.db.engine import has_uncommitted_writes
from parkdesk.db.sqlite_files import connect_file

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="parkdesk-side-query")  # a scan and a GROUP BY


def rows_beside(session: Session, queries: list[tuple[str, dict]]) -> list[Future]:
    """A future of every row (tuples) of each (sql, params); concurrent when a second connection sees the same data.

    An in-memory database is copied once for all the queries.
    """
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    database = session.get_bind().url.database
    if has_uncommitted_writes(connection):
        return [_done([tuple(row) for row in session.execute(text(sql), params)]) for sql, params in queries]
    if not database or database == ":memory:":
        image = raw.serialize()
        return [_POOL.submit(_rows_in_copy, image, sql, params) for sql, params in queries]
    return [_POOL.submit(_rows_in_file, database, sql, params) for sql, params in queries]


def _done(rows: list[tuple]) -> Future:
    done: Future = Future()
    done.set_result(rows)
    return done


def _rows_in_file(database: str, sql: str, params: dict) -> list[tuple]:
    connection = connect_file(database, "ro")
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _rows_in_copy(image: bytes, sql: str, params: dict) -> list[tuple]:
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(image)
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()
