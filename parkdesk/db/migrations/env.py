"""Alembic environment: parkdesk hands over an open connection.

For developers generating a revision:
    alembic -c parkdesk/db/migrations/alembic.ini revision --autogenerate -m "..."
with sqlalchemy.url pointing at a workspace migrated to head.
"""

from alembic import context
from sqlalchemy import create_engine

from parkdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        run(conn)
