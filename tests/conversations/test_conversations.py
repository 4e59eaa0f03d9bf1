"""Scripted conversations through the trained assistant; any departure fails the build."""

import pytest

from bot.paths import PROJECT_ROOT
from tests.conversations.runner import load_conversations, run_conversation

CONVERSATIONS = load_conversations(PROJECT_ROOT / "tests" / "conversations")


@pytest.mark.slow
@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: c.name)
def test_conversation(assistant, conversation):
    agent, loop = assistant
    problems = loop.run_until_complete(
        run_conversation(agent, conversation, sender_id=f"test-{conversation.name}")
    )
    assert not problems, "\n".join(problems)
