"""The pipeline reads one message per language before the process is ready (bot.runtime.warm_up)."""

import logging

import pytest

from bot.runtime.warm_up import WARM_UP_MESSAGES, warm_up


class CountingProcessor:
    def __init__(self, fail: bool = False) -> None:
        self.parsed = []
        self.fail = fail

    def _parse_message_with_graph(self, message, tracker):
        if self.fail:
            raise RuntimeError("no graph")
        self.parsed.append((message.text, tracker.sender_id))
        return {}


class FakeAgent:
    def __init__(self, processor) -> None:
        from rasa.shared.core.domain import Domain

        self.processor = processor
        self.domain = Domain.empty()


def test_each_language_is_read_once_and_nothing_is_kept():
    processor = CountingProcessor()
    assert warm_up(FakeAgent(processor)) >= 0.0
    assert [text for text, _ in processor.parsed] == list(WARM_UP_MESSAGES)
    assert {sender for _, sender in processor.parsed} == {"warm-up"}


def test_a_failing_warm_up_is_logged_and_never_stops_the_start(caplog):
    with caplog.at_level(logging.WARNING):
        assert warm_up(FakeAgent(CountingProcessor(fail=True))) == 0.0
    assert "first message will be slower" in caplog.text


def test_no_model_nothing_to_warm():
    assert warm_up(FakeAgent(None)) == 0.0


@pytest.mark.slow
async def test_the_trained_pipeline_is_warm_after_it():
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained

    agent = await load(str(ensure_trained()), in_memory=True)
    assert warm_up(agent) > 0.0
    parsed = await agent.parse_message("min pappa kan inte logga in på kela")
    assert parsed["intent"]["name"]
