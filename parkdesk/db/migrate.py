"""Alembic, driven from code: the workspace's schema revision and upgrades.

Opening a workspace only needs to know the revisions (read from the migration files' `revision =` and
`down_revision =` lines, and from the workspace's alembic_version table); Alembic itself (a quarter of a
second to import) is imported only when a workspace is upgraded. tests/test_migrations.py checks that
the quick reading agrees with Alembic's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy.engine import Connection, Engine

from parkdesk.resources import migrations_dir

_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*['\"]?([\w]+)['\"]?", re.M)


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@lru_cache(maxsize=1)
def _revision_links() -> dict[str, str | None]:
    """Each revision of the migration files and the one it revises (None for the first)."""
    links = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        found = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            links[found["revision"]] = None if down in (None, "None") else down
    return links


def head_revision() -> str:
    """The revision no other revises (the migrations form one line)."""
    links = _revision_links()
    heads = set(links) - set(links.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_links())


def current_revision(connection: Connection) -> str | None:
    """The workspace's revision as Alembic records it (None for a workspace Alembic never touched)."""
    table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
    if table is None:
        return None
    versions = [row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")]
    if len(versions) > 1:
        raise RuntimeError(f"the workspace records {len(versions)} schema revisions: {versions}")
    return versions[0] if versions else None


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def migrate_to_head(engine: Engine) -> None:
    """Upgrade the workspace of `engine` in one transaction, foreign keys off while tables are rebuilt.

    SQLite's advice for schema changes: with foreign keys on, the DROP TABLE
    that Alembic's batch mode runs to rebuild a table deletes the rows that
    refer to it (ON DELETE CASCADE). They are switched off before the
    transaction (the pragma is ignored inside one) and checked at its end.
    """
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                upgrade_to_head(connection)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the upgrade broke {len(broken)} references, first: {broken[0]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
