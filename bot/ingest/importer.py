"""One handle on the ingest wing for an operator's command, the benchmark and the tests.

Each job lives in its own module; this class only holds the parts for one database and names
the jobs:

- `pipeline.py`: parse, classify, assemble, validate and write items in batches;
- `files.py`: PTV files (page objects, lists, JSON Lines);
- `shipped.py`: the curated national channels and the ESIMERKKI sample;
- `sync.py` with `sync_state.py`: full and incremental API syncs that resume.

It keeps no state between calls beyond what the database holds.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

from sqlalchemy.engine import Engine

from bot.directory.db import get_engine
from bot.directory.models import SyncState
from bot.ingest import files, shipped
from bot.ingest.assemble import NATIONAL_CHANNELS_FILE, CentreLookup
from bot.ingest.classify import Curation
from bot.ingest.pipeline import DEFAULT_BATCH_SIZE, Clock, RecordPipeline, utc_now
from bot.ingest.report import ImportReport
from bot.ingest.sync import ApiSync


def show_progress(progress: Optional[bool]) -> bool:
    return sys.stderr.isatty() if progress is None else progress


class ProviderImporter:
    """Imports into one database (`engine`, default: DATABASE_URL); see the module docstring."""

    def __init__(
        self,
        engine: Optional[Engine] = None,
        *,
        curation: Optional[Curation] = None,
        centre_of: Optional[CentreLookup] = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Optional[bool] = None,
        clock: Clock = utc_now,
    ) -> None:
        self.pipeline = RecordPipeline(
            engine or get_engine(),
            curation=curation,
            centre_of=centre_of,
            batch_size=batch_size,
            clock=clock,
        )
        self.progress = show_progress(progress)
        self.api = ApiSync(self.pipeline, progress=self.progress)

    @property
    def engine(self) -> Engine:
        return self.pipeline.engine

    def import_file(self, path: Path) -> ImportReport:
        return files.import_file(self.pipeline, path, progress=self.progress)

    def import_national_channels(self, path: Path = NATIONAL_CHANNELS_FILE) -> ImportReport:
        return shipped.import_national_channels(self.pipeline, path)

    def import_sample(self) -> ImportReport:
        return shipped.import_sample(self.pipeline, progress=self.progress)

    def remove_sample(self) -> int:
        return shipped.remove_sample(self.pipeline)

    def ensure_populated(self, with_sample: bool = False) -> bool:
        return shipped.populate_if_empty(self.pipeline, with_sample=with_sample)

    async def sync(self, base_url: str, **options: Any) -> ImportReport:
        """A full or incremental API sync; the options are ApiSync.run's."""
        return await self.api.run(base_url, **options)

    def sync_state(self, name: str) -> Optional[SyncState]:
        return self.api.states.get(name)
