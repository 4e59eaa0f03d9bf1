"""Start-up sets the directory up (migrate, fill once); the sample only when it is asked for."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.directory import db
from bot.directory.models import ProviderLocation
from bot.ingest.prepare import SAMPLE_ENV, prepare_directory, sample_wanted
from tests.providers.conftest import table_names


def sources(engine) -> dict:
    with db.reading(engine) as session:
        query = select(ProviderLocation.source, func.count()).group_by(ProviderLocation.source)
        return dict(session.execute(query).all())


@pytest.mark.parametrize(
    ("value", "wanted"),
    [(None, False), ("", False), ("0", False), ("no", False), ("1", True), ("true", True),
     ("Yes", True), ("on", True)],
)  # fmt: skip
def test_the_sample_is_off_unless_asked_for(value, wanted):
    environ = {} if value is None else {SAMPLE_ENV: value}
    assert sample_wanted(environ) is wanted


def test_a_deployment_gets_the_national_channels_and_no_sample(empty_engine, monkeypatch):
    monkeypatch.delenv(SAMPLE_ENV, raising=False)
    assert prepare_directory(empty_engine)
    assert "provider_location" in table_names(empty_engine)
    assert sources(empty_engine) == {"curated": 3}


def test_development_asks_for_the_sample(empty_engine, monkeypatch):
    monkeypatch.setenv(SAMPLE_ENV, "1")
    assert prepare_directory(empty_engine)
    assert sources(empty_engine) == {"curated": 3, "sample": 32}
    assert not prepare_directory(empty_engine)  # a directory with data is left as it is


def test_bot_runs_start_up_sets_the_directory_up(tmp_path, monkeypatch):
    """`bot run` (and every command that loads the assistant) opens the directory this way."""
    from bot.runtime.dependencies import open_provider_directory

    monkeypatch.delenv(db.DATABASE_URL_ENV, raising=False)
    monkeypatch.delenv(SAMPLE_ENV, raising=False)
    monkeypatch.setenv("DIGITUKI_LOCAL_DIR", str(tmp_path))
    try:
        engine = open_provider_directory()
        assert sources(engine) == {"curated": 3}
    finally:
        db.dispose_engines()
