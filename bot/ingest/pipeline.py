"""From source items to stored providers: parse, classify, assemble, validate, write in batches.

Every import (files, the shipped sample, the API sync) feeds its items through one
`RecordPipeline`. Items may be channels or services: services (with their classes) are stored
first within each batch, so a batch can carry both and a channel finds its services' classes.
Every record is parsed and validated before anything is written; malformed records are reported
in the ImportReport with their id and reason and skipped. What to keep is an argument of the
call (`keep`), never state of the pipeline, so two imports through one pipeline cannot leak
into each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from tqdm import tqdm

from bot.directory.db import session_factory
from bot.directory.models import Base
from bot.ingest import ptv_v11 as ptv
from bot.ingest.assemble import CentreLookup, places_centre_lookup, provider_record
from bot.ingest.classify import Curation, classify, load_curation
from bot.ingest.records import ChannelRecord, ProviderRecord, RecordError, ServiceRecord
from bot.ingest.report import ImportReport
from bot.ingest.store import service_classes, validate, write_batch, write_services

DEFAULT_BATCH_SIZE = 500
#: Refresh planner statistics after imports that wrote at least this many providers.
ANALYZE_AFTER = 1000

Clock = Callable[[], datetime]
#: Which channels an import keeps (e.g. those of the municipalities a sync was asked for).
Keep = Callable[[ChannelRecord], bool]


def utc_now() -> datetime:
    """Naive UTC, the way the database stores times."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass
class _Batch:
    channels: List[ChannelRecord] = field(default_factory=list)
    services: List[ServiceRecord] = field(default_factory=list)
    removals: List[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.channels) + len(self.services) + len(self.removals)


class RecordPipeline:
    """Writes items into one database, `batch_size` records per transaction."""

    def __init__(
        self,
        engine: Engine,
        *,
        curation: Optional[Curation] = None,
        centre_of: Optional[CentreLookup] = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        clock: Clock = utc_now,
    ) -> None:
        self.engine = engine
        self.sessions: sessionmaker = session_factory(engine)
        self.curation = curation or load_curation()
        self._centre_of = centre_of
        self.batch_size = batch_size
        self.clock = clock

    @property
    def centre_of(self) -> CentreLookup:
        """Municipality centres, loaded on first need (a cache, not import state)."""
        if self._centre_of is None:
            self._centre_of = places_centre_lookup()
        return self._centre_of

    def import_items(
        self,
        items: Iterable[Any],
        report: ImportReport,
        *,
        touch_seen: bool = False,
        removals: Sequence[str] = (),
        keep: Optional[Keep] = None,
        bar: Optional[tqdm] = None,
    ) -> None:
        """Parse, classify, validate and write `items` (channels or services) in batches.

        `removals` are ids of channels the source no longer publishes; they are deleted.
        `keep` (None: every channel) drops the channels it refuses before classification.
        """
        batch = _Batch(removals=list(removals))
        for item in items:
            _parse_into(batch, item, report)
            if len(batch) >= self.batch_size:
                self._flush(batch, report, touch_seen=touch_seen, keep=keep)
                if bar is not None:
                    bar.update(len(batch))
                batch = _Batch()
        if len(batch):
            self._flush(batch, report, touch_seen=touch_seen, keep=keep)
            if bar is not None:
                bar.update(len(batch))

    def refresh_statistics(self, report: ImportReport) -> None:
        """After a large import, let the query planner see the new row counts (ANALYZE).

        Without statistics PostgreSQL and SQLite guess, and a guess can turn a 5 ms nearest-
        provider query into a scan. Both understand `ANALYZE <table>`.
        """
        if report.written + report.deleted < ANALYZE_AFTER:
            return
        with self.engine.begin() as connection:
            for table in Base.metadata.sorted_tables:
                connection.execute(text(f"ANALYZE {table.name}"))

    def _flush(
        self, batch: _Batch, report: ImportReport, *, touch_seen: bool, keep: Optional[Keep]
    ) -> None:
        now = self.clock()
        session: Session = self.sessions()
        try:
            if batch.services:
                with session.begin():
                    report.services += write_services(
                        session, batch.services, now, touch_seen=touch_seen
                    )
            with session.begin():
                classes = service_classes(
                    session, {sid for channel in batch.channels for sid in channel.service_ids}
                )
            records, removals = self._records(batch.channels, classes, report, keep)
            write_batch(
                session,
                records,
                report,
                now=now,
                removals=[*batch.removals, *removals],
                touch_seen=touch_seen,
            )
        finally:
            session.close()

    def _records(
        self,
        channels: Sequence[ChannelRecord],
        classes: Dict[str, Sequence[str]],
        report: ImportReport,
        keep: Optional[Keep],
    ) -> Tuple[List[ProviderRecord], List[str]]:
        """The provider records of `channels`, and the ids of channels that are no provider."""
        records: List[ProviderRecord] = []
        removals: List[str] = []
        for channel in channels:
            if keep is not None and not keep(channel):
                report.not_support += 1
                continue
            classification = classify(channel, self.curation, classes)
            if classification is None:
                report.not_support += 1
                removals.append(channel.source_id)  # it may have been a provider before
                continue
            record = provider_record(channel, classification, "ptv", self.centre_of)
            try:
                validate(record)
            except RecordError as error:
                report.error(channel.source_id, str(error))
                continue
            records.append(record)
        return records, removals


def _parse_into(batch: _Batch, item: Any, report: ImportReport) -> None:
    kind = ptv.item_kind(item)
    try:
        if kind == "service":
            batch.services.append(ptv.parse_service(item))
        elif kind == "channel":
            channel = ptv.parse_channel(item)
            if channel.is_published:
                batch.channels.append(channel)
            else:
                batch.removals.append(channel.source_id)
        else:
            report.error(ptv.item_id(item), "neither a service channel nor a service")
    except ptv.UnsupportedRecord:
        report.unsupported += 1
    except RecordError as error:
        report.error(ptv.item_id(item), str(error))
