"""each report keeps its own park details; the park keeps who it is

Revision ID: 0007
Revises: 0006

Before: a park's district, category, level, operator and contacts lived on the
park, shared by all its reports, so editing next year's draft changed what an
accepted report showed. Now each report has its own row in park_details (with
the report's id), copied from what the park said when this migration ran,
which is what every report showed until then. Justifications and received
comments on the basic-information record move from the park's id to the
report's. The park keeps its code, name, district, whether it is one of the plan's
parks and (as JSON) the details it was registered with, which a first report
starts from; a trigger keeps its name and district those of its newest report.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

DETAIL_COLUMNS = ("domain", "category", "level", "operator_org", "contact_name", "contact_phone", "contact_email",
                  "address")

# the park's current name and district are those of its newest report
FOLLOW_NEWEST = """
CREATE TRIGGER park_follows_newest_report_{event} AFTER {event} ON park_details
WHEN NEW.id = (SELECT newest.id FROM reports AS newest
               WHERE newest.park_id = (SELECT park_id FROM reports WHERE id = NEW.id)
               ORDER BY newest.year DESC LIMIT 1)
BEGIN
    UPDATE parks SET name = NEW.name, division_code = NEW.division_code
    WHERE id = (SELECT park_id FROM reports WHERE id = NEW.id)
      AND (name IS NOT NEW.name OR division_code IS NOT NEW.division_code);
END
"""


def upgrade() -> None:
    op.create_table('park_details',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('division_code', sa.String(length=16), nullable=True),
    sa.Column('domain', sa.String(length=64), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=True),
    sa.Column('operator_org', sa.String(length=200), nullable=True),
    sa.Column('contact_name', sa.String(length=64), nullable=True),
    sa.Column('contact_phone', sa.String(length=64), nullable=True),
    sa.Column('contact_email', sa.String(length=200), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['division_code'], ['divisions.code'], name=op.f('fk_park_details_division_code_divisions')),
    sa.ForeignKeyConstraint(['id'], ['reports.id'], name=op.f('fk_park_details_id_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_park_details'))
    )
    with op.batch_alter_table('park_details', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_park_details_division_code'), ['division_code'], unique=False)

    connection = op.get_bind()
    connection.exec_driver_sql(
        "INSERT INTO park_details (id, name, code, division_code, " + ", ".join(DETAIL_COLUMNS) + ") "
        "SELECT reports.id, parks.name, parks.code, parks.division_code, "
        + ", ".join(f"parks.{c}" for c in DETAIL_COLUMNS) + " FROM reports JOIN parks ON parks.id = reports.park_id")
    for table in ("justifications", "receipt_comments"):
        rows = connection.exec_driver_sql(
            f"SELECT {table}.id, {table}.location_key, {table}.report_id FROM {table} "
            f"WHERE {table}.location_key LIKE 'basic/park/%'").fetchall()
        for row_id, key, report_id in rows:
            parts = key.split("/")
            parts[2] = str(report_id)
            connection.exec_driver_sql(f"UPDATE {table} SET location_key = ? WHERE id = ?", ("/".join(parts), row_id))
        if table == "receipt_comments":
            connection.exec_driver_sql(
                "UPDATE receipt_comments SET record_id = report_id WHERE section = 'basic' AND record = 'park'")

    with op.batch_alter_table('parks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registered', sa.Text(), nullable=True))
    connection.exec_driver_sql(
        "UPDATE parks SET registered = json_object('name', name, 'code', code, 'division_code', division_code, "
        + ", ".join(f"'{c}', {c}" for c in DETAIL_COLUMNS) + ")")
    with op.batch_alter_table('parks', schema=None) as batch_op:
        for column in DETAIL_COLUMNS:
            batch_op.drop_column(column)
    for event in ("INSERT", "UPDATE"):
        op.execute(FOLLOW_NEWEST.format(event=event))


def downgrade() -> None:
    """Back to one set of details per park: each park takes its newest report's (tests/fixtures/make_fixture.py)."""
    for event in ("INSERT", "UPDATE"):
        op.execute(f"DROP TRIGGER IF EXISTS park_follows_newest_report_{event}")
    with op.batch_alter_table('parks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('domain', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('category', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('level', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('operator_org', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('contact_name', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('contact_email', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('address', sa.Text(), nullable=True))
    newest = ("(SELECT park_details.{column} FROM park_details JOIN reports ON reports.id = park_details.id "
              "WHERE reports.park_id = parks.id ORDER BY reports.year DESC LIMIT 1)")
    op.execute("UPDATE parks SET " + ", ".join(f"{c} = {newest.format(column=c)}" for c in DETAIL_COLUMNS))
    with op.batch_alter_table('parks', schema=None) as batch_op:
        batch_op.drop_column('registered')
    with op.batch_alter_table('park_details', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_park_details_division_code'))
    op.drop_table('park_details')
