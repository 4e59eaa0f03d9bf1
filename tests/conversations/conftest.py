"""The trained assistant, loaded once for all end-to-end tests, with a private database dir."""

import asyncio

import pytest


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """(agent, loop): conversations kept in memory, providers in a temporary SQLite file."""
    import os

    os.environ["DIGITUKI_LOCAL_DIR"] = str(tmp_path_factory.mktemp("local"))
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained

    loop = asyncio.new_event_loop()
    agent = loop.run_until_complete(load(str(ensure_trained()), in_memory=True))
    yield agent, loop
    loop.close()
