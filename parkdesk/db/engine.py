"""SQLAlchemy engines on a workspace file: foreign keys on, WAL, synchronous FULL, sane timeouts.

Durability. Every GUI edit is one transaction, committed at once. In WAL mode
a commit appends to the -wal file before it returns, so the edit survives the
process being killed (SIGKILL, a crash) with any `synchronous` setting: the
operating system still holds the written pages. A power cut or a pulled USB
stick is different: with `synchronous=NORMAL` the WAL is only flushed to the
device at checkpoints, so the last transactions before the cut may roll back
(the file stays consistent). With `FULL` each commit flushes the WAL, so a
committed edit survives power loss too. Measured on the development VM (200
one-field edits through ReportEditor, noisy 2-core machine): median 0.9-1.5 ms
per edit with NORMAL, 4.0 ms with FULL; edits are paced by a person and bulk
writes (paste, import) are one transaction each, so FULL costs nothing a user
can notice. Slow USB sticks may take tens of ms per flush; still per edit.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import QueuePool

from parkdesk.db.sqlite_files import sqlite_uri

BUSY_TIMEOUT_SECONDS = 5
STAGING_PREFIX = "parkdesk_staging_"  # in-memory databases an import attaches (parkdesk.excel.staging)
# an execution option: transactions on connections that carry it begin with BEGIN IMMEDIATE
WRITE = "parkdesk_write"
_CHANGES_AT_BEGIN = "parkdesk_changes_at_begin"


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin(connection: Connection) -> None:
    """Transactions start here, not lazily in pysqlite: a write transaction takes the write lock first.

    pysqlite begins a transaction only at the first INSERT/UPDATE, so a
    check-then-write (is the report still editable? is it valid?) would read
    under no lock and another process could commit in between. A transaction
    opened for writing (`Workspace.writing()`) starts with BEGIN IMMEDIATE:
    it waits for (at most the busy timeout) and then holds the write lock
    before it reads anything.
    """
    options = connection.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITE) else "BEGIN")
    connection.info[_CHANGES_AT_BEGIN] = connection.connection.dbapi_connection.total_changes


def _detach_staging(dbapi_connection, _record) -> None:
    """A connection going back to the pool leaves the staging databases an import attached to it."""
    if dbapi_connection is None or dbapi_connection.in_transaction:
        return
    for row in dbapi_connection.execute("PRAGMA database_list").fetchall():
        if row[1].startswith(STAGING_PREFIX):
            dbapi_connection.execute(f"DETACH DATABASE {row[1]}")


def has_uncommitted_writes(connection: Connection) -> bool:
    """Whether the transaction on `connection` has changed rows that other connections cannot see yet."""
    raw = connection.connection.dbapi_connection
    return raw.in_transaction and raw.total_changes != connection.info.get(_CHANGES_AT_BEGIN, -1)


def make_engine(path: Path) -> Engine:
    uri = sqlite_uri(path, "rwc")

    def connect() -> sqlite3.Connection:
        # isolation_level=None: pysqlite emits no BEGIN of its own; `_begin` does
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False,
                               isolation_level=None)

    # the URL only names the file (side queries open it again); `connect` is what opens it
    url = URL.create("sqlite+pysqlite", database=str(Path(path).resolve()))
    # hide_parameters: an error never carries a report's values (names, phones) into a message or the log
    engine = create_engine(url, creator=connect, poolclass=QueuePool, hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "checkin", _detach_staging)
    return engine
