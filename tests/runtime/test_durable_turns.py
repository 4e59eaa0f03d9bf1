"""The durable-turn processor in the real agent (trained model, in-process actions, SQLite store).

What a kill -9 leaves behind is a stored conversation that ends with the person's message (the
message is saved before the turn runs); the tests build exactly that state in the store and
then talk to the agent. The kill itself is exercised in tests/reliability.
"""

import asyncio
import shutil
import uuid

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered

from bot.domain_files import default_text
from bot.runtime.agent import tracker_store_config
from bot.runtime.dependencies import open_tracker_store
from bot.runtime.startup import harden_agent
from bot.runtime.turns import DurableTurnProcessor, unfinished_message

pytestmark = pytest.mark.slow

RESEND = default_text("utter_resend_message")
TOPIC = "tarvitsen apua suomi.fi-viestien kanssa"
PLACE = "asun Hailuodossa"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    """(agent, store, run): the agent hardened as `bot run` does, on a temporary SQLite file."""
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained

    local = tmp_path_factory.mktemp("local")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIGITUKI_LOCAL_DIR", str(local))
        loop = asyncio.new_event_loop()
        agent = loop.run_until_complete(load(str(ensure_trained()), in_memory=True))
        store = open_tracker_store(tracker_store_config(f"sqlite:///{local / 'tracker.sqlite3'}"))
        harden_agent(agent, store)
        yield agent, store, loop.run_until_complete
        loop.close()


def _say(assistant, sender, text, channel=None):
    agent, _store, run = assistant
    channel = channel or CollectingOutputChannel()
    run(agent.handle_message(UserMessage(text, channel, sender)))
    return [message.get("text") for message in channel.messages]


def _stored(assistant, sender):
    _agent, store, run = assistant
    return run(store.retrieve(sender))


def _leave_unfinished(assistant, sender, text):
    """The store as a process killed mid-turn leaves it: the message saved, no answer."""
    _agent, store, run = assistant
    tracker = _stored(assistant, sender)
    tracker.update(UserUttered(text, {"name": "inform", "confidence": 1.0}))
    run(store.save(tracker))
    assert unfinished_message(_stored(assistant, sender)).text == text


def _sender():
    return f"durable-{uuid.uuid4().hex}"


def test_the_agent_runs_the_durable_processor_on_the_unwrapped_store(assistant):
    agent, store, _run = assistant
    assert isinstance(agent.processor, DurableTurnProcessor)
    assert agent.processor.tracker_store is store is agent.tracker_store


def test_a_turn_is_stored_once_and_ends_listening(assistant):
    sender = _sender()
    assert _say(assistant, sender, TOPIC)
    tracker = _stored(assistant, sender)
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == [TOPIC]
    assert unfinished_message(tracker) is None
    assert tracker.events[-1].action_name == "action_listen"
    assert tracker.get_slot("topic") == "suomifi_messages"


def test_after_a_crash_the_person_is_asked_to_resend_and_the_lost_turn_is_undone(assistant):
    sender = _sender()
    _say(assistant, sender, TOPIC)
    _leave_unfinished(assistant, sender, "tarvitsen paljon apua")
    replies = _say(assistant, sender, "kiitos")
    assert replies[0] == RESEND
    tracker = _stored(assistant, sender)
    texts = [e.text for e in tracker.events if isinstance(e, UserUttered)]
    assert texts == [TOPIC, "tarvitsen paljon apua", "kiitos"]  # nothing deleted
    assert tracker.latest_message.text == "kiitos"
    assert tracker.get_slot("need_level") is None  # the lost message changed nothing
    notices = [e for e in tracker.events if isinstance(e, BotUttered) and e.text == RESEND]
    assert len(notices) == 1


def test_the_same_message_sent_again_is_simply_answered(assistant):
    sender = _sender()
    _say(assistant, sender, TOPIC)
    _leave_unfinished(assistant, sender, PLACE)
    replies = _say(assistant, sender, PLACE)
    assert RESEND not in replies
    assert replies
    tracker = _stored(assistant, sender)
    assert tracker.get_slot("municipality") == "Hailuoto"
    applied = [e.text for e in tracker.applied_events() if isinstance(e, UserUttered)]
    assert applied == [TOPIC, PLACE]  # the lost copy is reverted, the resent one counts


def test_a_store_that_stays_away_fails_the_turn_and_says_so(assistant, tmp_path, caplog):
    agent, _store, run = assistant
    directory = tmp_path / "store"
    directory.mkdir()
    store = open_tracker_store(tracker_store_config(f"sqlite:///{directory / 'tracker.sqlite3'}"))
    store.domain = agent.domain
    processor = DurableTurnProcessor(agent.processor, tracker_store=store)
    sender = _sender()
    channel = CollectingOutputChannel()
    run(processor.handle_message(UserMessage(TOPIC, channel, sender)))
    shutil.rmtree(directory)  # the database is gone for longer than the retries last

    channel = CollectingOutputChannel()
    warning = {"recipient_id": sender, "text": "sent before the turn, e.g. the guard's warning"}
    channel.messages.append(warning)
    run(processor.handle_message(UserMessage(PLACE, channel, sender)))
    assert [message["text"] for message in channel.messages] == [warning["text"], RESEND]
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert any("conversation store cannot be reached (TRACKER_DATABASE_URL)" in e for e in errors)
