"""An import's enterprise rows, staged once: checked there by SQL while planning, inserted from there when applied.

The rows go into an in-memory database of this process (shared-cache
SQLite, kept alive by a connection of its own for as long as the plan
lives), in the enterprise table's shape and as the workspace stores them.
Planning attaches it to its connection and runs validation's SQL screen over
it; applying attaches it to the writing connection and copies the new rows
with one INSERT … SELECT, in C, instead of binding 100,000 rows again. The
workspace file itself is never touched before the import is applied.
Attached databases are detached when their connection goes back to the pool
(parkdesk.db.engine).
"""

from __future__ import annotations

import sqlite3
import uuid
import weakref
from contextlib import contextmanager
from datetime import date
from typing import Iterator

from sqlalchemy.engine import Connection

from parkdesk.db.engine import STAGING_PREFIX

ROWS = "rows"
# a date is staged as the workspace stores it: ISO text, as SQLAlchemy's Date does on SQLite (and as Python's own
# adapter, deprecated since 3.12, did)
sqlite3.register_adapter(date, date.isoformat)


class StagedRows:
    """Rows with an `id` (their index in the plan) and `columns`, typed like the workspace table's columns."""

    def __init__(self, connection: Connection, table: str, columns: tuple[str, ...]):
        self.name = STAGING_PREFIX + uuid.uuid4().hex
        self.uri = f"file:{self.name}?mode=memory&cache=shared"
        self.columns = columns
        keeper = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
        weakref.finalize(self, keeper.close)
        types = {row[1]: row[2] for row in connection.exec_driver_sql(f"PRAGMA main.table_info({table})")}
        keeper.execute(f"CREATE TABLE {ROWS} (id INTEGER PRIMARY KEY, "
                       + ", ".join(f"{column} {types[column]}" for column in columns) + ")")
        keeper.commit()
        self._keeper = keeper

    @property
    def rows(self) -> str:
        return f"{self.name}.{ROWS}"

    @contextmanager
    def attached(self, connection: Connection) -> Iterator[str]:
        """The staged table's qualified name on `connection` (attached until the connection is checked in)."""
        raw = connection.connection.dbapi_connection
        if not any(row[1] == self.name for row in raw.execute("PRAGMA database_list")):
            raw.execute("ATTACH DATABASE ? AS " + self.name, (self.uri,))
        yield self.rows

    def fill(self, rows: list[tuple]) -> None:
        """Stage `rows` (values in `columns` order, as stored), numbered 0, 1, 2 … as given; committed at once
        (the planning session's own transaction ends without a commit)."""
        keeper = self._keeper
        keeper.execute(f"DELETE FROM {ROWS}")
        keeper.executemany(f"INSERT INTO {ROWS} (id, {', '.join(self.columns)}) "
                           f"VALUES ({', '.join('?' * (len(self.columns) + 1))})",
                           ((index, *row) for index, row in enumerate(rows)))
        keeper.commit()
