"""issued_certificates: the operator certificates a district issued

Revision ID: 0011
Revises: 0010

A district office issues its parks' operator certificates (签发). Each one is
recorded — serial, park code, subject, fingerprint, expiry, the district
identity that signed it, who and when — so the district can list them and
knows its parks, including those that have sent nothing yet.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('issued_certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=40), nullable=False),
    sa.Column('park_code', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=95), nullable=False),
    sa.Column('not_after', sa.DateTime(), nullable=False),
    sa.Column('issuer', sa.String(length=100), nullable=False),
    sa.Column('issued_by', sa.String(length=128), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_certificates')),
    sa.UniqueConstraint('serial', name=op.f('uq_issued_certificates_serial'))
    )
    with op.batch_alter_table('issued_certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_certificates_park_code'), ['park_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('issued_certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_certificates_park_code'))
    op.drop_table('issued_certificates')
