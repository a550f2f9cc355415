"""Alembic, driven from code: the workspace's schema revision and upgrades."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from parkdesk.resources import migrations_dir


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return script_directory().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
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
