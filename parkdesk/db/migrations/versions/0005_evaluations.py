"""stored yearly evaluations (scheme, fingerprint, result)

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('scheme_name', sa.String(length=200), nullable=False),
    sa.Column('scheme_json', sa.Text(), nullable=False),
    sa.Column('scheme_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('result_json', sa.Text(), nullable=False),
    sa.Column('result_sha256', sa.String(length=64), nullable=False),
    sa.Column('park_count', sa.Integer(), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluations'))
    )
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluations_scheme_fingerprint'), ['scheme_fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluations_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluations_year'))
        batch_op.drop_index(batch_op.f('ix_evaluations_scheme_fingerprint'))

    op.drop_table('evaluations')
