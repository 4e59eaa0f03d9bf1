"""/webhooks/health/live and /ready on a real Sanic server, checking real stores."""

import aiohttp
import pytest
from sqlalchemy import create_engine

from bot.runtime.agent import tracker_store_config
from bot.runtime.dependencies import OpenDependencies, open_tracker_store
from bot.runtime.health import HealthChannel
from bot.runtime.lock_store import RedisConversationLockStore
from tests.runtime.services import fresh_redis_prefix


async def _nobody(message):
    raise AssertionError("the health channel receives no messages")


@pytest.fixture
def opened(tmp_path):
    store = open_tracker_store(tracker_store_config(f"sqlite:///{tmp_path / 'tracker.sqlite3'}"))
    engine = create_engine(f"sqlite:///{tmp_path / 'providers.sqlite3'}", future=True)
    with fresh_redis_prefix() as prefix:
        lock_store = RedisConversationLockStore(host="127.0.0.1", key_prefix=prefix)
        yield OpenDependencies(store, lock_store, engine)
    engine.dispose()
    store.engine.dispose()


async def _get(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return response.status, await response.json()


async def test_live_answers_while_the_process_serves(serve):
    base, _server = await serve(HealthChannel(), _nobody)
    assert await _get(f"{base}/webhooks/health/live") == (200, {"status": "up"})


async def test_not_ready_before_the_agent_and_dependencies_are_in_place(serve):
    base, _server = await serve(HealthChannel(), _nobody)
    status, body = await _get(f"{base}/webhooks/health/ready")
    assert status == 503
    assert body == {
        "status": "not_ready",
        "checks": {
            "model": "down",
            "tracker_store": "down",
            "lock_store": "down",
            "provider_directory": "down",
        },
    }


async def test_each_dependency_is_checked_and_named(serve, opened):
    base, server = await serve(HealthChannel(), _nobody)
    server.app.ctx.dependencies = opened
    status, body = await _get(f"{base}/webhooks/health/ready")
    assert status == 503  # no model in this test server
    assert body["checks"] == {
        "model": "down",
        "tracker_store": "up",
        "lock_store": "up",
        "provider_directory": "up",
    }


async def test_a_dependency_that_does_not_answer_is_down(serve, opened, tmp_path):
    base, server = await serve(HealthChannel(), _nobody)
    opened.lock_store = RedisConversationLockStore(host="127.0.0.1", port=1, socket_timeout=1)
    server.app.ctx.dependencies = opened
    _status, body = await _get(f"{base}/webhooks/health/ready")
    assert body["checks"]["lock_store"] == "down"
    assert body["checks"]["tracker_store"] == "up"
    assert "127.0.0.1" not in str(body)  # states only: no addresses, no error texts


async def test_without_redis_the_lock_is_not_configured_and_does_not_block_readiness(serve, opened):
    base, server = await serve(HealthChannel(), _nobody)
    opened.lock_store = None
    server.app.ctx.dependencies = opened
    _status, body = await _get(f"{base}/webhooks/health/ready")
    assert body["checks"]["lock_store"] == "not_configured"
