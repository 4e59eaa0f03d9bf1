"""Fixtures for the provider directory: a migrated database on SQLite and on PostgreSQL.

PostgreSQL runs in a fresh schema per test (dropped afterwards), so runs never see each other's
rows. Tests marked `postgres` are skipped, with the reason, only when the server is unreachable.
"""

from __future__ import annotations

import os
import uuid
from typing import Dict, Iterator, List, Optional, Tuple

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import Engine

from bot.directory.db import create_directory_engine
from bot.directory.models import Base
from bot.ingest.importer import ProviderImporter
from bot.ingest.migrate import upgrade_to_head

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
)
_pg_problem: Optional[str] = None
_pg_checked = False


def postgres_problem() -> Optional[str]:
    """None when PostgreSQL answers, else why not (checked once per run)."""
    global _pg_checked, _pg_problem
    if not _pg_checked:
        _pg_checked = True
        try:
            probe = create_engine(POSTGRES_URL, future=True, connect_args={"connect_timeout": 3})
            with probe.connect() as connection:
                connection.execute(text("SELECT 1"))
            probe.dispose()
        except Exception as error:  # any failure means "not available here"
            _pg_problem = f"PostgreSQL at {POSTGRES_URL} unreachable: {error.__class__.__name__}"
    return _pg_problem


def _sqlite_engine(directory, migrate: bool = True) -> Engine:
    engine = create_directory_engine(f"sqlite:///{directory / 'providers.sqlite3'}")
    if migrate:
        upgrade_to_head(engine)
    return engine


def _postgres_engine(request: pytest.FixtureRequest, migrate: bool = True) -> Engine:
    problem = postgres_problem()
    if problem:
        pytest.skip(problem)
    schema = f"test_providers_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, future=True)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    request.addfinalizer(drop)
    engine = create_directory_engine(POSTGRES_URL, schema=schema)
    if migrate:
        upgrade_to_head(engine)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:
    """A migrated, empty directory database: every test using it runs on both databases."""
    if request.param == "sqlite":
        created = _sqlite_engine(tmp_path)
    else:
        created = _postgres_engine(request)
    yield created
    created.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_engine(request: pytest.FixtureRequest, tmp_path) -> Iterator[Engine]:
    """An empty database without any migration applied (both databases)."""
    if request.param == "sqlite":
        created = _sqlite_engine(tmp_path, migrate=False)
    else:
        created = _postgres_engine(request, migrate=False)
    yield created
    created.dispose()


@pytest.fixture
def sqlite_engine(tmp_path) -> Iterator[Engine]:
    created = _sqlite_engine(tmp_path)
    yield created
    created.dispose()


@pytest.fixture
def importer(engine: Engine) -> ProviderImporter:
    return ProviderImporter(engine, progress=False)


@pytest.fixture
def sample_engine(engine: Engine) -> Engine:
    """The shipped sample and national channels imported."""
    importer = ProviderImporter(engine, progress=False)
    importer.import_national_channels()
    report = importer.import_sample()
    assert not report.errors
    return engine


def snapshot(engine: Engine) -> Dict[str, List[Tuple]]:
    """Every row of every directory table, sorted: equal snapshots mean nothing changed."""
    rows: Dict[str, List[Tuple]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name == "sync_state":
                continue
            result = connection.execute(select(table))
            rows[table.name] = sorted((tuple(map(repr, row)) for row in result), key=str)
    return rows


def row_counts(engine: Engine) -> Dict[str, int]:
    return {name: len(rows) for name, rows in snapshot(engine).items()}


def table_names(engine: Engine) -> List[str]:
    return inspect(engine).get_table_names()
