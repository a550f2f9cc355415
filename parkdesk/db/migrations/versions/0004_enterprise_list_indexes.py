"""indexes for sorting and filtering the enterprise list in SQLite

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# a copy, not an import: a migration must keep meaning what it meant when it was written
SORTED_COLUMNS = ("role", "status", "established", "employees", "revenue_wan_yuan", "service_exports_wan_usd",
                  "distinctions", "chain_link_id", "contact_name", "contact_phone")


def upgrade() -> None:
    op.create_index("ix_enterprises_report", "enterprises", ["report_id"])
    for column in SORTED_COLUMNS:
        op.create_index(f"ix_enterprises_report_{column}", "enterprises", ["report_id", column])


def downgrade() -> None:
    for column in reversed(SORTED_COLUMNS):
        op.drop_index(f"ix_enterprises_report_{column}", table_name="enterprises")
    op.drop_index("ix_enterprises_report", table_name="enterprises")
