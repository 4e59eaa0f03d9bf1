"""Import service channels from PTV (API or files) into the provider directory.

File import reads a page object {pageNumber, pageSize, pageCount, itemList}, a JSON list, one
object, or JSON Lines (one object per line, also page objects), streaming and in batches of
`batch_size` records per transaction, so a 50 000-location file is never held twice in memory
and costs no quadratic work. Items may be channels or services: services (with their classes)
are stored first within each batch, so a file can carry both.

API sync pages through the municipality listing (full sync) or the change listing since the last
run (incremental), politely (see http.py). Progress is stored after every page in `sync_state`,
so an interrupted sync resumes where it stopped. As DVV advises, a full sync runs when the last
one is older than `full_sync_every` (7 days) and incremental syncs in between; only a full sync
notices a changed link between a service and a channel, and a full sync of all municipalities
removes channels that PTV no longer lists.

Every record is parsed and validated before anything is written; malformed records are reported
in the ImportReport with their id and reason and skipped.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Set

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from tqdm import tqdm

from bot.providers import ptv_v11 as ptv
from bot.providers.assemble import (
    CURATED_SOURCE,
    NATIONAL_CHANNELS_FILE,
    CentreLookup,
    load_national_channels,
    places_centre_lookup,
    provider_record,
)
from bot.providers.classify import SAMPLE_DIR, Curation, classify, load_curation
from bot.providers.db import get_engine, session_factory
from bot.providers.http import PoliteClient, RetryPolicy
from bot.providers.models import Base, ProviderLocation, SyncState
from bot.providers.records import ChannelRecord, ProviderRecord, RecordError, ServiceRecord
from bot.providers.report import ImportReport
from bot.providers.store import (
    delete_providers,
    service_classes,
    services_seen_since,
    validate,
    write_batch,
    write_services,
)

DEFAULT_BATCH_SIZE = 500
FULL_SYNC_EVERY = timedelta(days=7)
#: Changes made while a sync runs must not be missed by the next one.
INCREMENTAL_OVERLAP = timedelta(minutes=5)
SAMPLE_FILES = (SAMPLE_DIR / "ptv_sample_services.json", SAMPLE_DIR / "ptv_sample_channels.json")
DONE = "done"
#: Refresh planner statistics after imports that wrote at least this many providers.
ANALYZE_AFTER = 1000
DEFAULT_RETRY = RetryPolicy()

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Naive UTC, the way the database stores times."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def show_progress(progress: Optional[bool]) -> bool:
    return sys.stderr.isatty() if progress is None else progress


@dataclass
class _Batch:
    channels: List[ChannelRecord] = field(default_factory=list)
    services: List[ServiceRecord] = field(default_factory=list)
    removals: List[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.channels) + len(self.services) + len(self.removals)


class ProviderImporter:
    """Imports into one database; see the module docstring for what each entry point does."""

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
        self.engine = engine or get_engine()
        self.sessions = session_factory(self.engine)
        self.curation = curation or load_curation()
        self._centre_of = centre_of
        self.batch_size = batch_size
        self.progress = show_progress(progress)
        self.clock = clock
        #: Restricts which channels are kept (None: all); set by `sync(municipalities=...)`.
        self._area_filter: Optional[Set[str]] = None

    @property
    def centre_of(self) -> CentreLookup:
        if self._centre_of is None:
            self._centre_of = places_centre_lookup()
        return self._centre_of

    # --- files --------------------------------------------------------------------------------

    def import_file(self, path: Path) -> ImportReport:
        report = ImportReport(mode="file")
        started = time.perf_counter()
        with tqdm(
            desc=Path(path).name, unit=" records", disable=not self.progress, leave=False
        ) as bar:
            self.import_items(_iter_file(Path(path), report), report, bar=bar)
        self._refresh_statistics(report)
        report.seconds = time.perf_counter() - started
        return report

    def _refresh_statistics(self, report: ImportReport) -> None:
        """After a large import, let the query planner see the new row counts (ANALYZE).

        Without statistics PostgreSQL and SQLite guess, and a guess can turn a 5 ms nearest-
        provider query into a scan. Both understand `ANALYZE <table>`.
        """
        if report.written + report.deleted < ANALYZE_AFTER:
            return
        with self.engine.begin() as connection:
            for table in Base.metadata.sorted_tables:
                connection.execute(text(f"ANALYZE {table.name}"))

    def import_items(
        self,
        items: Iterable[Any],
        report: ImportReport,
        *,
        touch_seen: bool = False,
        removals: Sequence[str] = (),
        bar: Optional[tqdm] = None,
    ) -> None:
        """Parse, classify, validate and write `items` (channels or services) in batches.

        `removals` are ids of channels the source no longer publishes; they are deleted.
        """
        batch = _Batch(removals=list(removals))
        for item in items:
            self._parse_into(batch, item, report)
            if len(batch) >= self.batch_size:
                self._flush(batch, report, touch_seen=touch_seen)
                if bar is not None:
                    bar.update(len(batch))
                batch = _Batch()
        if len(batch):
            self._flush(batch, report, touch_seen=touch_seen)
            if bar is not None:
                bar.update(len(batch))

    def _parse_into(self, batch: _Batch, item: Any, report: ImportReport) -> None:
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

    def _flush(self, batch: _Batch, report: ImportReport, *, touch_seen: bool) -> None:
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
            records, removals = self._records(batch, classes, report)
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
        self, batch: _Batch, classes: Dict[str, Sequence[str]], report: ImportReport
    ) -> tuple:
        records: List[ProviderRecord] = []
        removals: List[str] = []
        for channel in batch.channels:
            if self._area_filter is not None and not (
                channel.is_nationwide or self._area_filter & _areas(channel)
            ):
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

    # --- curated national channels and the shipped sample --------------------------------------

    def import_national_channels(self, path: Path = NATIONAL_CHANNELS_FILE) -> ImportReport:
        """(Re)load data/providers/national_channels.yml; entries removed there are deleted."""
        report = ImportReport(mode="national")
        records = load_national_channels(path)
        for record in records:
            validate(record)
        session = self.sessions()
        try:
            write_batch(session, records, report, now=self.clock())
            keep = {record.channel.source_id for record in records}
            with session.begin():
                stale = [
                    row_id
                    for row_id, source_id in session.execute(
                        select(ProviderLocation.id, ProviderLocation.source_id).where(
                            ProviderLocation.source == CURATED_SOURCE
                        )
                    )
                    if source_id not in keep
                ]
                report.deleted += delete_providers(session, stale)
        finally:
            session.close()
        return report

    def import_sample(self) -> ImportReport:
        report = ImportReport(mode="sample")
        for path in SAMPLE_FILES:
            report.merge_counts(self.import_file(path))
        return report

    def remove_sample(self) -> int:
        session = self.sessions()
        try:
            with session.begin():
                ids = list(
                    session.scalars(select(ProviderLocation.id).where(ProviderLocation.is_sample))
                )
                return delete_providers(session, ids)
        finally:
            session.close()

    def ensure_populated(self, with_sample: bool = True) -> bool:
        """On an empty directory, load the national channels (and the sample); True if loaded.

        This makes a fresh checkout answer with something honest at once. Every sample record
        is marked as sample and the bot says so; `providers remove-sample` drops them.
        """
        session = self.sessions()
        try:
            count = session.scalar(select(func.count()).select_from(ProviderLocation))
        finally:
            session.close()
        if count:
            return False
        self.import_national_channels()
        if with_sample:
            self.import_sample()
        return True

    # --- API ----------------------------------------------------------------------------------

    async def sync(
        self,
        base_url: str,
        *,
        municipalities: Optional[Sequence[str]] = None,
        mode: str = "auto",
        concurrency: int = 2,
        retry: RetryPolicy = DEFAULT_RETRY,
        full_sync_every: timedelta = FULL_SYNC_EVERY,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> ImportReport:
        """Full or incremental sync from a PTV v11 API; `mode` is auto, full or incremental."""
        codes = sorted(municipalities) if municipalities else None
        self._area_filter = set(codes) if codes else None
        state_name = f"{base_url.rstrip('/')}|{','.join(codes) if codes else 'all'}"
        state = self._load_state(state_name)
        chosen = _choose_mode(mode, state, self.clock(), full_sync_every)
        report = ImportReport(mode=chosen, completed=False)
        started = time.perf_counter()
        try:
            async with PoliteClient(
                base_url, concurrency=concurrency, retry=retry, report=report, sleep=sleep
            ) as client:
                if chosen == "full":
                    await self._full_sync(client, state, codes, report)
                else:
                    await self._incremental_sync(client, state, report)
            report.completed = True
        finally:
            report.seconds = time.perf_counter() - started
            self._area_filter = None
        return report

    async def _full_sync(
        self,
        client: PoliteClient,
        state: SyncState,
        codes: Optional[Sequence[str]],
        report: ImportReport,
    ) -> None:
        progress: Dict[str, Any] = json.loads(state.full_progress or "{}")
        if not state.full_progress:  # a new full sync, not a resumed one
            state.last_full_started_at = self.clock()
            self._save_state(state, full_progress=progress)
        started_at = state.last_full_started_at
        all_codes = list(codes) if codes else _all_municipality_codes()
        pending = [code for code in all_codes if progress.get(code) != DONE]
        with tqdm(
            total=len(pending), desc="municipalities", unit="", disable=not self.progress
        ) as bar:

            async def one(code: str) -> None:
                page = int(progress.get(code, 0)) + 1
                while True:
                    payload = await client.get_json(
                        ptv.municipality_channels_path(code), ptv.page_params(page)
                    )
                    report.pages += 1
                    items = ptv.page_items(payload)
                    await self._ensure_services(client, items, started_at)
                    self.import_items(items, report, touch_seen=True)
                    last = page >= ptv.page_count(payload)
                    progress[code] = DONE if last else page
                    self._save_state(state, full_progress=progress)
                    if last:
                        break
                    page += 1
                bar.update(1)

            await _run_all(one(code) for code in pending)
        if codes is None:
            report.deleted += self._delete_unseen(started_at)
        self._refresh_statistics(report)
        self._save_state(
            state,
            full_progress=None,
            last_full_completed_at=self.clock(),
            last_incremental_at=started_at - INCREMENTAL_OVERLAP,
        )

    async def _incremental_sync(
        self, client: PoliteClient, state: SyncState, report: ImportReport
    ) -> None:
        since = state.last_incremental_at or state.last_full_started_at or datetime(2000, 1, 1)
        progress: Dict[str, Any] = json.loads(state.incremental_progress or "{}")
        if progress.get("since") != since.isoformat():
            progress = {"since": since.isoformat(), "run_started": self.clock().isoformat()}
            progress["page"] = 0
            self._save_state(state, incremental_progress=progress)
        run_started = datetime.fromisoformat(progress["run_started"])
        page = int(progress["page"]) + 1
        with tqdm(desc="changed channels", unit=" pages", disable=not self.progress) as bar:
            while True:
                payload = await client.get_json(
                    ptv.changed_channels_path(),
                    ptv.page_params(page, since.replace(tzinfo=timezone.utc)),
                )
                report.pages += 1
                ids = ptv.changed_ids(payload)
                for start in range(0, len(ids), ptv.MAX_GUIDS_PER_REQUEST):
                    chunk = ids[start : start + ptv.MAX_GUIDS_PER_REQUEST]
                    items = ptv.page_items(
                        await client.get_json(ptv.channels_by_ids_path(), ptv.guid_params(chunk))
                    )
                    await self._ensure_services(client, items, since)
                    returned = {ptv.item_id(item).lower() for item in items}
                    gone = [i for i in chunk if i.lower() not in returned]
                    self.import_items(items, report, removals=gone)
                progress["page"] = page
                self._save_state(state, incremental_progress=progress)
                bar.update(1)
                if page >= ptv.page_count(payload):
                    break
                page += 1
        self._save_state(
            state,
            incremental_progress=None,
            last_incremental_at=run_started - INCREMENTAL_OVERLAP,
        )

    async def _ensure_services(
        self, client: PoliteClient, items: Sequence[Any], fresh_since: Optional[datetime]
    ) -> None:
        """Fetch the linked services whose classes we have not stored since `fresh_since`."""
        wanted: Set[str] = set()
        for item in items:
            if ptv.item_kind(item) == "channel":
                for link in item.get("services") or ():
                    service = link.get("service") if isinstance(link, dict) else None
                    if isinstance(service, dict) and isinstance(service.get("id"), str):
                        wanted.add(service["id"].lower())
        if not wanted:
            return
        session = self.sessions()
        try:
            with session.begin():
                known = services_seen_since(session, wanted, fresh_since or datetime(2000, 1, 1))
        finally:
            session.close()
        missing = sorted(wanted - known)
        services: List[Any] = []
        for start in range(0, len(missing), ptv.MAX_GUIDS_PER_REQUEST):
            chunk = missing[start : start + ptv.MAX_GUIDS_PER_REQUEST]
            services.extend(
                ptv.page_items(
                    await client.get_json(ptv.services_by_ids_path(), ptv.guid_params(chunk))
                )
            )
        if services:
            self.import_items(services, ImportReport(), touch_seen=True)

    def _delete_unseen(self, started_at: datetime) -> int:
        session = self.sessions()
        try:
            with session.begin():
                ids = list(
                    session.scalars(
                        select(ProviderLocation.id).where(
                            ProviderLocation.source == "ptv",
                            ProviderLocation.last_seen_at < started_at,
                        )
                    )
                )
                return delete_providers(session, ids)
        finally:
            session.close()

    # --- sync state ---------------------------------------------------------------------------

    def _load_state(self, name: str) -> SyncState:
        session = self.sessions()
        try:
            with session.begin():
                state = session.get(SyncState, name)
                if state is None:
                    state = SyncState(name=name, updated_at=self.clock())
                    session.add(state)
            session.expunge(state)
            return state
        finally:
            session.close()

    def _save_state(self, state: SyncState, **changes: Any) -> None:
        for key, value in changes.items():
            if key.endswith("_progress") and value is not None:
                value = json.dumps(value, sort_keys=True)
            setattr(state, key, value)
        state.updated_at = self.clock()
        session = self.sessions()
        try:
            with session.begin():
                session.merge(state)
        finally:
            session.close()

    def sync_state(self, name: str) -> Optional[SyncState]:
        session = self.sessions()
        try:
            return session.get(SyncState, name)
        finally:
            session.close()


def _choose_mode(mode: str, state: SyncState, now: datetime, every: timedelta) -> str:
    if mode in ("full", "incremental"):
        if (
            mode == "incremental"
            and state.last_full_completed_at is None
            and not (state.last_incremental_at)
        ):
            return "full"  # nothing to be incremental from
        return mode
    if mode != "auto":
        raise ValueError(f"mode must be auto, full or incremental, not {mode!r}")
    if state.full_progress:
        return "full"  # resume the interrupted full sync
    last_full = state.last_full_completed_at
    return "full" if last_full is None or now - last_full >= every else "incremental"


async def _run_all(coroutines: Iterable[Any]) -> None:
    """Run coroutines concurrently; on the first failure cancel the rest and re-raise."""
    tasks = [asyncio.ensure_future(coroutine) for coroutine in coroutines]
    if not tasks:
        return
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for task in done:
        if task.exception() is not None:
            raise task.exception()


def _areas(channel: ChannelRecord) -> Set[str]:
    return {code for code in (channel.municipality_code, *channel.area_municipalities) if code}


def _all_municipality_codes() -> List[str]:
    from bot.places import get_index

    return sorted(municipality.code for municipality in get_index().all())


def _iter_file(path: Path, report: ImportReport) -> Iterator[Any]:
    """Items of a JSON / JSON Lines file (page objects are unwrapped)."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except ValueError as error:
                    report.error(f"{path.name}:{number}", f"not valid JSON: {error}")
                    continue
                yield from _unwrap(value)
        return
    with path.open(encoding="utf-8-sig") as handle:
        yield from _unwrap(json.load(handle))


def _unwrap(value: Any) -> Iterator[Any]:
    if ptv.is_page(value) or isinstance(value, list):
        yield from ptv.page_items(value)
    else:
        yield value


def import_file(path: Path, engine: Optional[Engine] = None, **options: Any) -> ImportReport:
    """Convenience: import one file with a default importer."""
    return ProviderImporter(engine, **options).import_file(path)
