"""workbook row ids (ref) for the chain map, milestones and platforms; the enterprise list's sort indexes on demand

Revision ID: 0010
Revises: 0009

ref: each chain segment, chain link, milestone and platform gets a number that
stays with it within its report (1, 2, 3 … in the report's order; a trigger
numbers new rows), shown as the workbook's 编号(ID) column: a row renamed in a
workbook keeps its number and is imported as an edit, not as a new row.

The ten (report_id, column) indexes of 0004 that sort the enterprise list are
dropped: they made every insert into the list three times as costly. The list
builds each one the first time it is sorted by that column
(parkdesk.db.enterprise_table.ensure_sort_index); a bulk import drops them again.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# copies, not imports: a migration must keep meaning what it meant when it was written
SORTED_COLUMNS = ("role", "status", "established", "employees", "revenue_wan_yuan", "service_exports_wan_usd",
                  "distinctions", "chain_link_id", "contact_name", "contact_phone")
REPORT_OF = {  # SQL giving the report of NEW, and the rows of the same report
    "chain_segments": ("NEW.report_id", "SELECT ref FROM chain_segments WHERE report_id = {report}"),
    "milestones": ("NEW.report_id", "SELECT ref FROM milestones WHERE report_id = {report}"),
    "platforms": ("NEW.report_id", "SELECT ref FROM platforms WHERE report_id = {report}"),
    "chain_links": ("(SELECT report_id FROM chain_segments WHERE id = NEW.segment_id)",
                    "SELECT l.ref FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
                    "WHERE s.report_id = {report}"),
}
NUMBERED = {  # the order the existing rows are numbered in, per report
    "chain_segments": "SELECT id, row_number() OVER (PARTITION BY report_id ORDER BY sort_order, id) AS n "
                      "FROM chain_segments",
    "milestones": "SELECT id, row_number() OVER (PARTITION BY report_id ORDER BY sort_order, id) AS n FROM milestones",
    "platforms": "SELECT id, row_number() OVER (PARTITION BY report_id ORDER BY id) AS n FROM platforms",
    "chain_links": "SELECT l.id, row_number() OVER (PARTITION BY s.report_id ORDER BY s.sort_order, s.id, "
                   "l.sort_order, l.id) AS n FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id",
}


def upgrade() -> None:
    for column in SORTED_COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_enterprises_report_{column}")
    for table, (report, same_report) in REPORT_OF.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('ref', sa.Integer(), nullable=True))
        op.execute(f"UPDATE {table} SET ref = (SELECT n FROM ({NUMBERED[table]}) AS numbered "
                   f"WHERE numbered.id = {table}.id)")
        op.execute(f"""
CREATE TRIGGER {table}_numbered AFTER INSERT ON {table} WHEN NEW.ref IS NULL
BEGIN
    UPDATE {table} SET ref = (SELECT coalesce(max(ref), 0) + 1 FROM ({same_report.format(report=report)}))
    WHERE id = NEW.id;
END""")


def downgrade() -> None:
    for table in reversed(REPORT_OF):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_numbered")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('ref')
    for column in SORTED_COLUMNS:
        op.create_index(f"ix_enterprises_report_{column}", "enterprises", ["report_id", column])
