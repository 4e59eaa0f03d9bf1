"""Sync from the PTV v11 API: full (every municipality's listing) or incremental (changes).

A full sync pages through the municipality listing; an incremental one through the change
listing since the last run, fetching the changed channels by id. Both go politely (see
http.py), store their progress after every page (sync_state.py), so an interrupted sync resumes
where it stopped, and fetch the services a channel links to when their classes are not fresh.
Only a full sync notices a changed link between a service and a channel, and a full sync of
all municipalities removes channels that PTV no longer lists.
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Set

from sqlalchemy import select
from tqdm import tqdm

from bot.directory.models import ProviderLocation, SyncState
from bot.ingest import ptv_v11 as ptv
from bot.ingest.http import PoliteClient, RetryPolicy
from bot.ingest.pipeline import Keep, RecordPipeline
from bot.ingest.records import ChannelRecord
from bot.ingest.report import ImportReport
from bot.ingest.store import delete_providers, services_seen_since
from bot.ingest.sync_state import FULL_SYNC_EVERY, SyncStates, choose_mode, state_name

#: Changes made while a sync runs must not be missed by the next one.
INCREMENTAL_OVERLAP = timedelta(minutes=5)
DONE = "done"
DEFAULT_RETRY = RetryPolicy()
#: Since when an incremental sync reads changes when nothing says otherwise.
BEGINNING = datetime(2000, 1, 1)


class ApiSync:
    """Runs syncs into the pipeline's database; keeps nothing between runs but `sync_state`."""

    def __init__(self, pipeline: RecordPipeline, *, progress: bool = False) -> None:
        self.pipeline = pipeline
        self.states = SyncStates(pipeline.sessions, pipeline.clock)
        self.progress = progress

    async def run(
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
        """Full or incremental sync; `mode` is auto, full or incremental."""
        codes = sorted(municipalities) if municipalities else None
        keep = _in_areas(set(codes)) if codes else None
        state = self.states.load(state_name(base_url, codes))
        chosen = choose_mode(mode, state, self.pipeline.clock(), full_sync_every)
        report = ImportReport(mode=chosen, completed=False)
        started = time.perf_counter()
        try:
            async with PoliteClient(
                base_url, concurrency=concurrency, retry=retry, report=report, sleep=sleep
            ) as client:
                if chosen == "full":
                    await self._full(client, state, codes, keep, report)
                else:
                    await self._incremental(client, state, keep, report)
            report.completed = True
        finally:
            report.seconds = time.perf_counter() - started
        return report

    async def _full(
        self,
        client: PoliteClient,
        state: SyncState,
        codes: Optional[Sequence[str]],
        keep: Optional[Keep],
        report: ImportReport,
    ) -> None:
        clock = self.pipeline.clock
        progress: Dict[str, Any] = json.loads(state.full_progress or "{}")
        if not state.full_progress:  # a new full sync, not a resumed one
            state.last_full_started_at = clock()
            self.states.save(state, full_progress=progress)
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
                    self.pipeline.import_items(items, report, touch_seen=True, keep=keep)
                    last = page >= ptv.page_count(payload)
                    progress[code] = DONE if last else page
                    self.states.save(state, full_progress=progress)
                    if last:
                        break
                    page += 1
                bar.update(1)

            await _run_all(one(code) for code in pending)
        if codes is None:
            report.deleted += self._delete_unseen(started_at)
        self.pipeline.refresh_statistics(report)
        self.states.save(
            state,
            full_progress=None,
            last_full_completed_at=clock(),
            last_incremental_at=started_at - INCREMENTAL_OVERLAP,
        )

    async def _incremental(
        self,
        client: PoliteClient,
        state: SyncState,
        keep: Optional[Keep],
        report: ImportReport,
    ) -> None:
        since = state.last_incremental_at or state.last_full_started_at or BEGINNING
        progress: Dict[str, Any] = json.loads(state.incremental_progress or "{}")
        if progress.get("since") != since.isoformat():
            started = self.pipeline.clock().isoformat()
            progress = {"since": since.isoformat(), "run_started": started, "page": 0}
            self.states.save(state, incremental_progress=progress)
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
                    self.pipeline.import_items(items, report, removals=gone, keep=keep)
                progress["page"] = page
                self.states.save(state, incremental_progress=progress)
                bar.update(1)
                if page >= ptv.page_count(payload):
                    break
                page += 1
        self.states.save(
            state,
            incremental_progress=None,
            last_incremental_at=run_started - INCREMENTAL_OVERLAP,
        )

    async def _ensure_services(
        self, client: PoliteClient, items: Sequence[Any], fresh_since: Optional[datetime]
    ) -> None:
        """Fetch the linked services whose classes we have not stored since `fresh_since`."""
        wanted: Set[str] = {sid for item in items for sid in ptv.linked_service_ids(item)}
        if not wanted:
            return
        session = self.pipeline.sessions()
        try:
            with session.begin():
                known = services_seen_since(session, wanted, fresh_since or BEGINNING)
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
            self.pipeline.import_items(services, ImportReport(), touch_seen=True)

    def _delete_unseen(self, started_at: datetime) -> int:
        session = self.pipeline.sessions()
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


def _in_areas(codes: Set[str]) -> Keep:
    """Keep nationwide channels and those serving one of `codes` (address or PTV area)."""

    def keep(channel: ChannelRecord) -> bool:
        areas = {code for code in (channel.municipality_code, *channel.area_municipalities)}
        return channel.is_nationwide or bool(codes & areas)

    return keep


def _all_municipality_codes() -> List[str]:
    from bot.places import get_index

    return sorted(municipality.code for municipality in get_index().all())
