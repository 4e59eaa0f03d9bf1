"""Migrations create exactly the models' schema, on SQLite and PostgreSQL, and rerun safely."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from bot.directory.models import Base
from bot.ingest.migrate import (
    VERSION_TABLE,
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
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


def test_the_default_database_is_set_up_by_start_up_never_by_the_directory(tmp_path, monkeypatch):
    from bot.directory import db
    from bot.ingest.prepare import prepare_directory

    monkeypatch.delenv(db.DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv("DIGITUKI_LOCAL_DIR", str(tmp_path / "local"))
    url = db.database_url()
    assert url.endswith("local/providers.sqlite3")
    engine = db.get_engine(url)
    try:
        assert table_names(engine) == []  # handing out an engine changes nothing
        assert prepare_directory(engine, with_sample=False)
        assert (tmp_path / "local" / "providers.sqlite3").exists()
        assert "provider_location" in table_names(engine)
        assert not prepare_directory(engine, with_sample=False)  # filled once only
    finally:
        db.dispose_engines()


def test_database_url_from_the_environment(monkeypatch):
    from bot.directory import db

    monkeypatch.setenv(db.DATABASE_URL_ENV, "postgresql+psycopg2://u@h/d")
    assert db.database_url() == "postgresql+psycopg2://u@h/d"


def test_0002_backfills_the_search_projection_of_existing_offers(empty_engine):
    with empty_engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO provider_location (id, source, source_id, channel_type, name_fi,"
                " latitude, longitude, coordinates_approximate, is_nationwide, is_sample,"
                " last_imported_at, content_hash) VALUES (7, 'ptv', 'x', 'ServiceLocation',"
                " 'Kirjasto', 65.0, 25.5, false, false, false, '2025-01-01 00:00:00', 'h')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO support_offer (provider_id, topic, forms_mask, levels_mask,"
                " languages) VALUES (7, 'banking', 1, 2, 'fi')"
            )
        )
    upgrade_to_head(empty_engine)
    with empty_engine.connect() as connection:
        row = connection.execute(
            text("SELECT channel_type, latitude, longitude FROM support_offer")
        ).one()
    assert tuple(row) == ("ServiceLocation", 65.0, 25.5)


def test_0003_adds_empty_language_versions_that_fall_back_to_finnish(empty_engine):
    from sqlalchemy.orm import Session

    from bot.directory.models import ProviderLocation, in_language

    with empty_engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        connection.execute(
            text(
                "INSERT INTO provider_location (id, source, source_id, channel_type, name_fi,"
                " summary_fi, street_address, post_office, coordinates_approximate,"
                " is_nationwide, is_sample, last_imported_at, content_hash) VALUES (7, 'ptv',"
                " 'x', 'ServiceLocation', 'Kirjasto', 'Apua.', 'Kirjastokatu 1', 'VAASA', false,"
                " false, false, '2025-01-01 00:00:00', 'h')"
            )
        )
    upgrade_to_head(empty_engine)
    with Session(empty_engine, future=True) as session:
        location = session.get(ProviderLocation, 7)
        assert (location.summary_sv, location.street_address_sv, location.post_office_sv) == (
            None,
            None,
            None,
        )
        assert in_language(location, "name", "sv") == "Kirjasto"
        assert in_language(location, "summary", "en") == "Apua."
        assert in_language(location, "street_address", "sv") == "Kirjastokatu 1"
