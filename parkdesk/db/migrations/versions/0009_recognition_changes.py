"""the city's records: recognition changes (动态认定), third-party evaluation results, the district section

Revision ID: 0009
Revises: 0008

recognition_changes: a park's new category or level as the city recognised it
(date, document number). third_party_results: the grade the third-party
evaluator gave a park for a year, which takes precedence over parkdesk's own
score. received_rollups.district_report: the year-end district section a
roll-up carried (progress, next year's planned new parks), as JSON.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recognition_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('document_number', sa.String(length=128), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=True),
    sa.Column('level', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('recorded_by', sa.String(length=128), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_recognition_changes_park_id_parks'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_changes'))
    )
    with op.batch_alter_table('recognition_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_changes_park_id'), ['park_id'], unique=False)
    op.create_table('third_party_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('park_id', sa.Integer(), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('score', sa.String(length=16), nullable=True),
    sa.Column('evaluator', sa.String(length=200), nullable=False),
    sa.Column('document_number', sa.String(length=128), nullable=True),
    sa.Column('recorded_by', sa.String(length=128), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['park_id'], ['parks.id'], name=op.f('fk_third_party_results_park_id_parks'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_third_party_results')),
    sa.UniqueConstraint('year', 'park_id', name=op.f('uq_third_party_results_year'))
    )
    with op.batch_alter_table('third_party_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_third_party_results_park_id'), ['park_id'], unique=False)
    with op.batch_alter_table('received_rollups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('district_report', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('received_rollups', schema=None) as batch_op:
        batch_op.drop_column('district_report')
    with op.batch_alter_table('third_party_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_third_party_results_park_id'))
    op.drop_table('third_party_results')
    with op.batch_alter_table('recognition_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recognition_changes_park_id'))
    op.drop_table('recognition_changes')
