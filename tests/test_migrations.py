"""Workspaces made by every schema version open, migrate to head and keep every row they had.

The fixtures are tests/fixtures/workspace-revNNNN.sqlite, one per revision in
parkdesk/db/migrations/versions; tests/fixtures/make_fixture.py REV makes one.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from parkdesk.db.engine import make_engine
from parkdesk.db.migrate import head_revision, known_revisions
from parkdesk.db.models import Base
from parkdesk.db.workspace import open_workspace

FIXTURES = Path(__file__).parent / "fixtures"
STORED = sorted(FIXTURES.glob("workspace-rev*.sqlite"))
# filled in again on every open from parkdesk/reference and the form definitions: their rows may change
REFERENCE_TABLES = {"divisions", "indicator_definitions"}


def fixture_revision(path: Path) -> str:
    return re.fullmatch(r"workspace-rev(.+)\.sqlite", path.name).group(1)


def table_rows(path: Path) -> dict[str, dict[str, list]]:
    """Every table's rows (all columns, by rowid) as {table: {column: [values...]}}."""
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        result = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            result[table] = {column: [row[i] for row in rows] for i, column in enumerate(columns)}
    return result


def row_count(columns: dict[str, list]) -> int:
    return len(next(iter(columns.values())))


def test_every_schema_revision_has_a_fixture():
    missing = known_revisions() - {fixture_revision(p) for p in STORED}
    assert not missing, f"no fixture workspace for {sorted(missing)}: run tests/fixtures/make_fixture.py REV"


@pytest.fixture(params=STORED, ids=lambda p: p.name)
def migrated(request, tmp_path):
    """(rows before, rows after, path) of a fixture copied and opened, i.e. migrated to head."""
    path = tmp_path / request.param.name
    shutil.copy2(request.param, path)
    before = table_rows(path)
    assert before["alembic_version"]["version_num"] == [fixture_revision(request.param)]
    open_workspace(path, backups=None).close()
    return before, table_rows(path), path


def test_migration_keeps_every_row_and_value(migrated):
    before, after, _ = migrated
    assert after["alembic_version"]["version_num"] == [head_revision()]
    for table, columns in before.items():
        if table == "alembic_version":
            continue
        assert table in after, f"table {table} was lost"
        kept = [c for c in columns if c in after[table]]
        if table in REFERENCE_TABLES:
            assert row_count(after[table]) >= row_count(columns), table
            continue
        assert {c: columns[c] for c in kept} == {c: after[table][c][:len(columns[c])] for c in kept}, table
        if table != "audit_log":  # opening may add audit entries, nothing else may gain rows
            assert row_count(after[table]) == row_count(columns), table


def test_migrated_fixture_holds_the_demo_as_it_was(migrated):
    before, after, _ = migrated
    assert len(after["parks"]["id"]) == 12
    assert len(after["reports"]["id"]) == 36
    assert len(after["enterprises"]["id"]) == len(before["enterprises"]["id"]) == 156
    assert "齐鲁软件园" in after["parks"]["name"]
    assert sorted(set(after["reports"]["status"])) == ["accepted", "draft"]
    assert after["enterprises"]["uscc"] == before["enterprises"]["uscc"]
    assert sum(v or 0 for v in after["enterprises"]["revenue_wan_yuan"]) == pytest.approx(
        sum(v or 0 for v in before["enterprises"]["revenue_wan_yuan"]))
    info = dict(zip(after["workspace_info"]["key"], after["workspace_info"]["value"]))
    assert info["name"] in ("演示工作区 Demo", "演示工作区") and info["role"] == "operator"  # named in Chinese since 0011


def test_migrated_fixture_is_consistent_and_matches_the_models(migrated):
    _, _, path = migrated
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    with open_workspace(path, backups=None) as workspace, workspace.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


@pytest.mark.parametrize("fixture", [p for p in STORED if fixture_revision(p) < "0007"], ids=lambda p: p.name)
def test_each_report_keeps_the_park_details_it_showed(fixture, tmp_path):
    """0007 moved the park's details into each report: every report shows what it showed before."""
    path = tmp_path / fixture.name
    shutil.copy2(fixture, path)
    with sqlite3.connect(path) as connection:
        columns = ("name", "code", "division_code", "domain", "category", "level", "operator_org", "contact_name",
                   "contact_phone", "contact_email", "address")
        before = connection.execute(f"SELECT reports.id, {', '.join('parks.' + c for c in columns)} "
                                    "FROM reports JOIN parks ON parks.id = reports.park_id ORDER BY reports.id").fetchall()
    open_workspace(path, backups=None).close()
    with sqlite3.connect(path) as connection:
        after = connection.execute(f"SELECT id, {', '.join(columns)} FROM park_details ORDER BY id").fetchall()
        registered = connection.execute("SELECT count(*) FROM parks WHERE registered IS NOT NULL").fetchone()[0]
    assert after == before and len(after) == 36
    assert registered == 12


@pytest.mark.parametrize("fixture", [p for p in STORED if fixture_revision(p) < "0010"], ids=lambda p: p.name)
def test_rows_get_their_workbook_ids_numbered_per_report_in_order(fixture, tmp_path):
    """0010 numbers each report's segments, links, milestones and platforms 1, 2, 3 … in the report's order
    (the workbook's 编号(ID)), and a trigger numbers rows added later."""
    path = tmp_path / fixture.name
    shutil.copy2(fixture, path)
    open_workspace(path, backups=None).close()
    with sqlite3.connect(path) as connection:
        for table, order in (("chain_segments", "sort_order, id"), ("milestones", "sort_order, id"),
                             ("platforms", "id")):
            for (report_id,) in connection.execute(f"SELECT DISTINCT report_id FROM {table}").fetchall():
                refs = [ref for (ref,) in connection.execute(
                    f"SELECT ref FROM {table} WHERE report_id = ? ORDER BY {order}", (report_id,))]
                assert refs == list(range(1, len(refs) + 1)), (table, report_id)
        links = connection.execute("SELECT l.ref FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
                                   "WHERE s.report_id = 1 ORDER BY s.sort_order, s.id, l.sort_order, l.id").fetchall()
        assert [ref for (ref,) in links] == list(range(1, len(links) + 1))
        segment = connection.execute("SELECT id FROM chain_segments WHERE report_id = 1 LIMIT 1").fetchone()[0]
        connection.execute("INSERT INTO chain_links (segment_id, name, action, state, sort_order) "
                           "VALUES (?, '新环节', 'fill', 'missing', 99)", (segment,))
        connection.execute("INSERT INTO milestones (report_id, stage_year, title, status, sort_order) "
                           "VALUES (1, 2024, '新里程碑', 'planned', 99)")
        assert connection.execute("SELECT ref FROM chain_links WHERE name = '新环节'").fetchone()[0] == len(links) + 1
        last = connection.execute("SELECT max(ref) FROM milestones WHERE report_id = 1 AND title != '新里程碑'")
        assert connection.execute("SELECT ref FROM milestones WHERE title = '新里程碑'").fetchone()[0] == \
            last.fetchone()[0] + 1


def test_the_quick_reading_of_revisions_agrees_with_alembic(tmp_path):
    """Opening a workspace reads the revisions without importing Alembic; they must be Alembic's."""
    from alembic.runtime.migration import MigrationContext

    from parkdesk.db.migrate import current_revision, head_revision, known_revisions, script_directory

    directory = script_directory()
    assert head_revision() == directory.get_current_head()
    assert known_revisions() == {rev.revision for rev in directory.walk_revisions()}
    for fixture in STORED:
        path = tmp_path / fixture.name
        shutil.copy2(fixture, path)
        engine = make_engine(path)
        with engine.connect() as connection:
            assert current_revision(connection) == MigrationContext.configure(connection).get_current_revision()
        engine.dispose()
