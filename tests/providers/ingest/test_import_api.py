"""API sync against a real local aiohttp server: paging, retries, resuming, incremental sync."""

import asyncio
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from bot.directory.models import ProviderLocation
from bot.ingest.http import ApiError, RetryPolicy, retry_after_seconds
from bot.ingest.importer import ProviderImporter
from tests.providers.fake_ptv import FakePtv
from tests.providers.ptv_data import (
    HELSINKI,
    LIBRARY_SERVICE,
    OULU,
    SERVICES,
    channel_id,
    location,
)

FAST = RetryPolicy(max_attempts=5, base_delay=0.01, max_delay=60.0)
CODES = ["091", "564"]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 3, 6, 0)

    def __call__(self) -> datetime:
        return self.now


class Sleeps:
    """Records the waits the client asks for instead of waiting (the server is local)."""

    def __init__(self) -> None:
        self.delays = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


def ptv_channels():
    helsinki = [
        location(f"hki{i}", HELSINKI, offset=(0.002 * i, 0), service=LIBRARY_SERVICE)
        for i in range(5)
    ]
    oulu = [location(f"oulu{i}", OULU, offset=(0.002 * i, 0)) for i in range(2)]
    return {"091": helsinki, "564": oulu}


@pytest.fixture
async def ptv():
    fake = FakePtv(ptv_channels(), SERVICES, page_size=2)
    fake.base_url = await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def api_importer(engine, clock):
    return ProviderImporter(engine, progress=False, clock=clock)


def stored_ids(engine):
    with engine.connect() as connection:
        return set(connection.scalars(select(ProviderLocation.source_id)))


def state_name(ptv):
    return f"{ptv.base_url}|{','.join(CODES)}"


async def sync(importer, ptv, sleeps=None, **options):
    return await importer.sync(
        ptv.base_url, municipalities=CODES, retry=FAST, sleep=sleeps or Sleeps(), **options
    )


async def test_full_sync_pages_politely_and_retries(api_importer, engine, ptv):
    ptv.trouble = {"muni:091:2": [429, 503, 503], "services": [500]}
    sleeps = Sleeps()
    report = await sync(api_importer, ptv, sleeps)

    assert report.mode == "full" and report.completed
    assert report.created == 7 and not report.errors
    assert report.pages == 3 + 1
    assert report.retries == 4
    assert ptv.keys("muni:091:2") == ["muni:091:2"] * 4
    assert 7.0 in sleeps.delays  # Retry-After honoured
    assert all(0 < delay <= 60 for delay in sleeps.delays)
    assert ptv.max_in_flight <= 2
    assert stored_ids(engine) == {c["id"] for c in ptv.all_channels().values()}
    state = api_importer.sync_state(state_name(ptv))
    assert state.last_full_completed_at is not None and state.full_progress is None


async def test_interrupted_full_sync_resumes_after_the_last_completed_page(
    api_importer, engine, ptv
):
    ptv.hold = "muni:091:3"
    task = asyncio.ensure_future(sync(api_importer, ptv))
    await asyncio.wait_for(ptv.reached_hold.wait(), timeout=10)
    task.cancel()  # "kill" the sync while page 3 is in flight
    with pytest.raises(asyncio.CancelledError):
        await task

    state = api_importer.sync_state(state_name(ptv))
    assert json.loads(state.full_progress)["091"] == 2
    first_pages = {c["id"] for c in ptv.channels["091"][:4]}
    assert first_pages <= stored_ids(engine)
    first_run = len(ptv.requests)

    ptv.hold = None
    report = await sync(api_importer, ptv)
    second_run = [key for key, _ in ptv.requests[first_run:] if key.startswith("muni:091")]
    assert report.mode == "full" and report.completed
    assert second_run == ["muni:091:3"]
    assert stored_ids(engine) == {c["id"] for c in ptv.all_channels().values()}


async def test_incremental_sync_updates_adds_and_deletes(api_importer, engine, ptv, clock):
    await sync(api_importer, ptv)
    full_started = clock.now
    clock.now += timedelta(days=1)

    changed = ptv.channels["091"][0]
    changed["serviceChannelNames"] = [{"language": "fi", "value": "Uusi kirjasto", "type": "Name"}]
    removed = ptv.channels["091"].pop(1)
    added = location("new", OULU, offset=(0.01, 0.01))
    ptv.channels["564"].append(added)
    ptv.changed_ids = [changed["id"], removed["id"], added["id"]]
    before = len(ptv.requests)

    report = await sync(api_importer, ptv)

    assert report.mode == "incremental" and report.completed
    assert (report.created, report.updated, report.deleted) == (1, 1, 1)
    assert not [key for key, _ in ptv.requests[before:] if key.startswith("muni:")]
    since = [query["date"] for key, query in ptv.requests[before:] if key.startswith("changed")]
    expected = full_started - timedelta(minutes=5)
    assert since == [expected.replace(tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")]
    assert removed["id"] not in stored_ids(engine) and added["id"] in stored_ids(engine)
    state = api_importer.sync_state(state_name(ptv))
    assert state.last_incremental_at == clock.now - timedelta(minutes=5)


async def test_full_sync_again_after_seven_days(api_importer, ptv, clock):
    await sync(api_importer, ptv)
    clock.now += timedelta(days=6)
    assert (await sync(api_importer, ptv)).mode == "incremental"
    clock.now += timedelta(days=1, minutes=1)
    assert (await sync(api_importer, ptv)).mode == "full"


async def test_client_errors_fail_at_once(api_importer, ptv):
    ptv.trouble = {"muni:091:1": [404]}
    with pytest.raises(ApiError) as error:
        await sync(api_importer, ptv)
    assert error.value.status == 404
    assert ptv.keys("muni:091") == ["muni:091:1"]


async def test_gives_up_after_max_attempts(api_importer, ptv):
    ptv.trouble = {"muni:091:1": [503] * 10}
    with pytest.raises(ApiError, match="gave up after 5 attempts"):
        await sync(api_importer, ptv)
    assert ptv.keys("muni:091:1") == ["muni:091:1"] * 5


async def test_full_sync_of_all_municipalities_removes_channels_ptv_dropped(
    api_importer, engine, ptv, tmp_path, clock
):
    from tests.providers.ptv_data import write_page

    stale = location("stale", OULU)
    api_importer.import_file(write_page(tmp_path / "old.json", [stale]))
    assert channel_id("stale") in stored_ids(engine)
    clock.now += timedelta(hours=1)
    ptv.delay = 0
    report = await api_importer.sync(ptv.base_url, retry=FAST, sleep=Sleeps(), concurrency=4)
    assert report.completed and report.deleted == 1
    assert stored_ids(engine) == {c["id"] for c in ptv.all_channels().values()}


def test_retry_after_header_forms():
    assert retry_after_seconds("12") == 12.0
    now = datetime(2025, 1, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("Wed, 01 Jan 2025 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_backoff_grows_exponentially_with_bounded_jitter():
    policy = RetryPolicy(base_delay=1.0, max_delay=30.0, jitter=0.5)
    assert policy.backoff(1, rng=lambda: 0.0) == 1.0
    assert policy.backoff(4, rng=lambda: 0.0) == 8.0
    assert policy.backoff(4, rng=lambda: 1.0) == 4.0
    assert policy.backoff(10, rng=lambda: 0.0) == 30.0
