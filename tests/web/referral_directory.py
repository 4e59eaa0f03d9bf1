"""A real provider directory for the referral tests: SQLite in a temporary folder, with the
national channels and the shipped sample imported as start-up does with the sample asked for."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.directory.db import create_directory_engine, session_scope
from bot.directory.models import ProviderLocation
from bot.ingest.importer import ProviderImporter
from bot.ingest.migrate import upgrade_to_head

#: Sample channels (data/providers/sample/ptv_sample_channels.json) the tests choose.
OULU_LIBRARY = "28960da7-87fd-5eff-8719-950b29294c83"  # ESIMERKKI: Oulun pääkirjasto
VANTAA_VOLUNTEERS = "e6ff3667-6839-5ade-84bf-126f293e4166"  # never acts for the person
#: A real national channel (data/providers/national_channels.yml).
NATIONAL_ADVICE = "kansalaisneuvonta"


def sample_directory(folder: Path) -> Engine:
    engine = create_directory_engine(f"sqlite:///{folder / 'providers.sqlite3'}")
    upgrade_to_head(engine)
    assert ProviderImporter(engine, progress=False).ensure_populated(with_sample=True)
    return engine


def provider_id(engine: Engine, source_id: str) -> str:
    """The slot value the search would have set for this channel (its id as a string)."""
    with session_scope(engine) as session:
        found = session.scalar(
            select(ProviderLocation.id).where(ProviderLocation.source_id == source_id)
        )
    assert found is not None, source_id
    return str(found)
