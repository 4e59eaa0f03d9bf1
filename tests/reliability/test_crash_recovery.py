"""kill -9 of a server process: nothing answered is lost, a message in flight is asked for again.

The message in flight is made to be in flight for real: the provider directory's tables are
locked in PostgreSQL, so the turn that searches for providers stops inside its action, after
the person's message was stored and before any answer. Then the process is killed.
"""

from __future__ import annotations

import threading
import time
import uuid
from contextlib import contextmanager
from typing import Callable, Dict, Iterator, List, Optional

import pytest
import requests
from sqlalchemy import create_engine, text

from bot.domain_files import default_text
from tests.reliability.conftest import Cluster, user_texts
from tests.reliability.servers import ServerProcess

pytestmark = [pytest.mark.reliability, pytest.mark.slow, pytest.mark.postgres]

TOPIC = "tarvitsen apua suomi.fi-viestien kanssa"
LEVEL = '/inform{"need_level": "demanding_support"}'
PLACE = "asun Hailuodossa"  # this turn searches the provider directory
MORE = "kerro lisää"
RESEND = default_text("utter_resend_message")
#: Seconds to wait for the in-flight message to reach the store (a state, polled for).
STORED_TIMEOUT = 60


def _sender() -> str:
    return f"crash-{uuid.uuid4().hex}"


def _restart(process: ServerProcess) -> ServerProcess:
    """Start the killed process again at once; callers wait for it only when they need it."""
    return process.start()


def test_a_process_killed_between_turns_loses_nothing(cluster: Cluster):
    sender = _sender()
    assert cluster.a.say(sender, TOPIC)
    assert cluster.a.say(sender, LEVEL)
    cluster.a.kill()
    _restart(cluster.a)
    assert cluster.b.say(sender, PLACE)  # the other process carries on meanwhile
    cluster.a.wait_until_ready()
    print(f"\nrestart after kill -9: ready in {cluster.a.start_seconds:.1f} s")
    assert cluster.a.say(sender, MORE)

    events = cluster.events(sender)
    assert user_texts(events) == [TOPIC, LEVEL, PLACE, MORE]
    slots = cluster.slots(sender)
    assert (slots["topic"], slots["need_level"], slots["municipality"]) == (
        "suomifi_messages",
        "demanding_support",
        "Hailuoto",
    )


def test_a_message_in_flight_when_the_process_dies_is_asked_for_again(cluster: Cluster):
    sender = _sender()
    assert cluster.b.say(sender, TOPIC)
    assert cluster.b.say(sender, LEVEL)
    cluster.a.wait_until_ready()

    answer: Dict[str, Optional[List[str]]] = {}
    with _directory_locked(cluster.database_url) as release:
        in_flight = threading.Thread(target=_send_catching, args=(cluster.a, sender, answer))
        in_flight.start()
        _wait_until_stored(cluster, sender, PLACE)
        assert in_flight.is_alive(), "the turn finished although the directory is locked"
        cluster.a.kill()
        release()
    in_flight.join()
    assert answer["replies"] is None  # the person got no answer: the request died
    _restart(cluster.a)

    # The person writes something else: told first that the last message was not handled.
    replies = cluster.b.say(sender, "kiitos")
    assert replies[0] == RESEND
    # ... and sends it again: it is answered as if it had never been lost.
    assert cluster.b.say(sender, PLACE)

    events = cluster.events(sender)
    assert user_texts(events) == [TOPIC, LEVEL, PLACE, "kiitos", PLACE]
    lost = [e["event"] for e in events if e["event"] in ("user", "rewind")]
    assert lost[2:4] == ["user", "rewind"]  # the lost message is kept, and reverted
    assert cluster.slots(sender)["municipality"] == "Hailuoto"
    cluster.a.wait_until_ready()  # whole again for the other tests


def _send_catching(process: ServerProcess, sender: str, answer: Dict) -> None:
    try:
        answer["replies"] = process.say(sender, PLACE)
    except requests.RequestException:
        answer["replies"] = None


def _wait_until_stored(cluster: Cluster, sender: str, text_sent: str) -> None:
    deadline = time.monotonic() + STORED_TIMEOUT
    while time.monotonic() < deadline:
        if text_sent in user_texts(cluster.events(sender)):
            return
        time.sleep(0.2)
    raise AssertionError(f"{text_sent!r} never reached the store:\n{cluster.a.log_tail()}")


@contextmanager
def _directory_locked(database_url: str) -> Iterator[Callable[[], None]]:
    """Hold ACCESS EXCLUSIVE locks on the directory's search tables; yields the release."""
    engine = create_engine(database_url, future=True)
    with engine.connect() as connection:
        transaction = connection.begin()
        connection.execute(
            text("LOCK TABLE support_offer, provider_location IN ACCESS EXCLUSIVE MODE")
        )

        def release() -> None:
            if transaction.is_active:
                transaction.rollback()

        try:
            yield release
        finally:
            release()
    engine.dispose()
