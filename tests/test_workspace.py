"""Workspace files: schema matches the models, upgrades are safe, bad files are refused untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

import parkdesk.db.workspace as workspace_module
import parkdesk.db.migrate as migrate_module
from parkdesk.db.migrate import head_revision
from parkdesk.db.models import AuditEntry, Base, Division, IndicatorDefinition, Park
from parkdesk.db.workspace import create_workspace, open_workspace
from parkdesk.errors import WorkspaceError
from parkdesk.forms.indicators import INDICATORS

FIXTURES = Path(__file__).parent / "fixtures"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrated_schema_matches_the_models(workspace_path):
    with open_workspace(workspace_path) as workspace, workspace.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diffs == []


def test_new_workspace_has_pragmas_reference_data_and_info(workspace_path):
    with open_workspace(workspace_path) as workspace:
        with workspace.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        with workspace.session() as session:
            assert session.scalar(select(Division.name).where(Division.code == "370104")) == "槐荫区"
            keys = set(session.scalars(select(IndicatorDefinition.key)))
        assert keys == {i.key for i in INDICATORS}
        assert workspace.info()["role"] == "operator"


def test_reopening_does_not_duplicate_reference_data(workspace_path):
    for _ in range(2):
        open_workspace(workspace_path).close()
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        assert session.query(IndicatorDefinition).count() == len(INDICATORS)


def test_foreign_keys_are_enforced(workspace_path):
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        session.add(Park(code="X", name="X园", division_code="999999"))
        with pytest.raises(Exception, match="FOREIGN KEY"):
            session.commit()


def test_orm_changes_are_audited_with_old_and_new(workspace_path):
    with open_workspace(workspace_path, actor="tester") as workspace:
        with workspace.session() as session:
            park = Park(code="T1", name="测试园区")
            session.add(park)
            session.commit()
            park.name = "测试园区二期"
            session.commit()
            session.delete(park)
            session.commit()
        with workspace.session() as session:
            entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "parks")
                                      .order_by(AuditEntry.id)).all()
    actions = [(e.action, e.field) for e in entries]
    assert actions == [("insert", None), ("update", "name"), ("delete", None)]
    assert entries[1].old_value == "测试园区" and entries[1].new_value == "测试园区二期"
    assert all(e.actor == "tester" for e in entries)


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "keep.sqlite"
    path.write_text("precious")
    with pytest.raises(WorkspaceError) as info:
        create_workspace(path)
    assert info.value.message_key == "ws.exists"
    assert path.read_text() == "precious"


# --- bad files ------------------------------------------------------------------------------

def _expect_refusal(path: Path, key: str) -> WorkspaceError:
    before = sha256(path) if path.is_file() else None
    with pytest.raises(WorkspaceError) as info:
        open_workspace(path)
    assert info.value.message_key == key
    assert str(path) in info.value.message("zh") and str(path) in info.value.message("en")
    if before is not None:
        assert sha256(path) == before, "a refused file must be left unchanged"
    return info.value


def test_missing_file(tmp_path):
    _expect_refusal(tmp_path / "nope.sqlite", "ws.missing")
    assert not (tmp_path / "nope.sqlite").exists()


def test_directory(tmp_path):
    _expect_refusal(tmp_path, "ws.is_directory")


@pytest.mark.parametrize("content", [b"", b"hello, this is text\n", os.urandom(4096), b"PK\x03\x04" + bytes(100)])
def test_not_sqlite(tmp_path, content):
    path = tmp_path / "w.sqlite"
    path.write_bytes(content)
    error = _expect_refusal(path, "ws.not_sqlite")
    assert "不是 parkdesk 工作区" in error.message("zh")


def test_sqlite_but_not_parkdesk(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (x)")
    _expect_refusal(path, "ws.not_parkdesk")


def test_truncated_workspace(demo_path):
    size = demo_path.stat().st_size
    with open(demo_path, "r+b") as handle:
        handle.truncate(size // 3)
    _expect_refusal(demo_path, "ws.corrupt")


def test_garbage_pages(demo_path):
    with open(demo_path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(os.urandom(4096 * 20))
    _expect_refusal(demo_path, "ws.corrupt")


def test_locked_by_another_program(workspace_path):
    holder = sqlite3.connect(workspace_path)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        _expect_refusal(workspace_path, "ws.locked")
    finally:
        holder.rollback()
        holder.close()


def test_read_only(workspace_path, monkeypatch):
    # root may write to any file, so the permission check itself is simulated
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    _expect_refusal(workspace_path, "ws.read_only")


def test_newer_schema_is_refused(workspace_path):
    with sqlite3.connect(workspace_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    error = _expect_refusal(workspace_path, "ws.newer")
    assert "f00dfeed" in error.message("en")


# --- upgrades ----------------------------------------------------------------------------------

@pytest.fixture
def older_schema(monkeypatch):
    """Pretend the program's head is one revision past the workspace's."""
    current = head_revision()
    monkeypatch.setattr(workspace_module, "head_revision", lambda: "9999")
    monkeypatch.setattr(workspace_module, "known_revisions", lambda: {current, "9999"})
    return current


def test_upgrade_backs_up_then_replaces(workspace_path, older_schema, monkeypatch):
    original = sha256(workspace_path)

    def upgrade(connection):
        connection.execute(text("CREATE TABLE upgraded_marker (x INTEGER)"))
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))

    monkeypatch.setattr(migrate_module, "upgrade_to_head", upgrade)
    with open_workspace(workspace_path) as workspace:
        backup = workspace.backup_path
        with workspace.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM upgraded_marker").scalar() == 0
    assert backup is not None and backup.parent == workspace_path.parent
    assert f"rev{older_schema}" in backup.name
    with sqlite3.connect(backup) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        parks_in_backup = connection.execute("SELECT count(*) FROM parks").fetchone()[0]
    assert "upgraded_marker" not in tables and "parks" in tables
    assert parks_in_backup == 0  # the empty workspace as it was
    assert sha256(workspace_path) != original  # the original was replaced by the upgraded copy


def test_failed_upgrade_leaves_the_original_untouched(workspace_path, older_schema, monkeypatch):
    original = sha256(workspace_path)

    def broken_upgrade(connection):
        connection.execute(text("DROP TABLE audit_log"))
        raise RuntimeError("migration step 2 failed")

    monkeypatch.setattr(migrate_module, "upgrade_to_head", broken_upgrade)
    with pytest.raises(WorkspaceError) as info:
        open_workspace(workspace_path)
    assert info.value.message_key == "ws.migration_failed"
    backup = info.value.params["backup"]
    assert Path(backup).exists()
    assert str(backup) in info.value.message("zh")
    assert sha256(workspace_path) == original
    assert not list(workspace_path.parent.glob("*.upgrading*"))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("workspace-rev*.sqlite")), ids=lambda p: p.name)
def test_stored_workspaces_of_every_schema_version_open(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy2(fixture, path)
    with sqlite3.connect(path) as connection:
        stored_revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        enterprises_before = connection.execute("SELECT count(*) FROM enterprises").fetchone()[0]
    with open_workspace(path) as workspace, workspace.session() as session:
        assert (workspace.backup_path is not None) == (stored_revision != head_revision())
        assert session.query(Park).count() == 12
        assert session.query(IndicatorDefinition).count() == len(INDICATORS)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM enterprises").fetchone()[0] == enterprises_before > 0
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
