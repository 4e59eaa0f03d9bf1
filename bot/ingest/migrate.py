"""The directory's schema: Alembic migrations, applied only when asked.

The migration scripts live beside this module (bot/ingest/migrations) and Alembic is configured
in code, so no alembic.ini is needed. `bot run` applies them at start-up and `providers import`
before it writes (bot/ingest/prepare.py); the directory wing only reads, so a lookup never
changes the schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: Our own version table name, so the directory can share a database with other tools.
VERSION_TABLE = "providers_alembic_version"


def alembic_config(connection: Optional[Connection] = None) -> Config:
    """Alembic's configuration built in code; `connection` is used by migrations/env.py."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every migration the database does not have yet (no-op when it is current)."""
    with engine.begin() as connection:
        if current_revision(connection) == head_revision():
            return
        command.upgrade(alembic_config(connection), "head")


def current_revision(connection: Connection) -> Optional[str]:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def head_revision() -> Optional[str]:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
