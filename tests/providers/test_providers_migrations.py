"""Migrations create exactly the models' schema, on SQLite and PostgreSQL, and rerun safely."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bot.providers.db import VERSION_TABLE, current_revision, head_revision, upgrade_to_head
from bot.providers.models import Base
from tests.providers.conftest import table_names


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_is_idempotent_and_at_head(engine):
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    assert set(Base.metadata.tables) | {VERSION_TABLE} == set(table_names(engine))


def test_default_database_is_created_on_first_use(tmp_path, monkeypatch):
    from bot.providers import db

    monkeypatch.delenv(db.DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv("DIGITUKI_LOCAL_DIR", str(tmp_path / "local"))
    url = db.database_url()
    assert url.endswith("local/providers.sqlite3")
    engine = db.get_engine(url)
    try:
        assert (tmp_path / "local" / "providers.sqlite3").exists()
        assert "provider_location" in table_names(engine)
    finally:
        db.dispose_engines()


def test_database_url_from_the_environment(monkeypatch):
    from bot.providers import db

    monkeypatch.setenv(db.DATABASE_URL_ENV, "postgresql+psycopg2://u@h/d")
    assert db.database_url() == "postgresql+psycopg2://u@h/d"
