"""decisions apply to what they decided on, in order: package content digests, roll-up sequences

Revision ID: 0008
Revises: 0007

signed_packages.content_sha256: the digest of the report's content a package
carried, so a receipt applies only while the report still says that.
built_rollups: the roll-ups a district built, numbered per year (the number
travels in the roll-up). received_rollups.sequence: the city keeps the newest
roll-up of each district and year and refuses older ones.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('signed_packages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_sha256', sa.String(length=64), nullable=True))
    with op.batch_alter_table('received_rollups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sequence', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('replaced_by_id', sa.Integer(), nullable=True))
    op.create_table('built_rollups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rollup_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=260), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('parks', sa.Text(), nullable=False),
    sa.Column('built_by', sa.String(length=128), nullable=False),
    sa.Column('built_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_built_rollups')),
    sa.UniqueConstraint('rollup_id', name=op.f('uq_built_rollups_rollup_id')),
    sa.UniqueConstraint('year', 'sequence', name=op.f('uq_built_rollups_year'))
    )


def downgrade() -> None:
    op.drop_table('built_rollups')
    with op.batch_alter_table('received_rollups', schema=None) as batch_op:
        batch_op.drop_column('replaced_by_id')
        batch_op.drop_column('sequence')
    with op.batch_alter_table('signed_packages', schema=None) as batch_op:
        batch_op.drop_column('content_sha256')
