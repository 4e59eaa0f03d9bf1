"""Alembic environment for the provider directory, driven from bot.ingest.migrate.

Normally `migrate.upgrade_to_head` passes an open connection in `config.attributes`. When Alembic's
own command line is pointed here (`alembic -c <ini>` with script_location set to this folder)
the database comes from DATABASE_URL / the default SQLite file instead.
"""

from __future__ import annotations

from alembic import context

from bot.directory.db import create_directory_engine, database_url
from bot.directory.models import Base
from bot.ingest.migrate import VERSION_TABLE


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite can only ALTER tables by recreating them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_directory_engine(database_url())
    with engine.begin() as fresh:
        _run(fresh)
