"""Closing a conversation reads thanks and farewells in the conversation's language."""

import pytest

from actions.closing import closes_conversation, ends_with_thanks
from tests.actions.trackers import make_tracker


def tracker(text, language):
    earlier = [
        {"event": "user", "text": "hej", "parse_data": {"text": "hej"}},
        {"event": "bot", "text": "Hej!"},
    ]
    return make_tracker(text, intent="thank", slots={"language": language}, events_before=earlier)


@pytest.mark.parametrize(
    ("language", "text"),
    [("sv", "tack det var allt"), ("sv", "hej då"), ("en", "that's all thanks"), ("en", "bye")],
)
def test_a_farewell_closes_in_its_language(language, text):
    assert closes_conversation(text, tracker(text, language))
    assert ends_with_thanks(text, tracker(text, language))


def test_a_permission_question_with_thanks_does_not_close():
    text = "tack, men får jag använda mammas bankkoder"
    assert not ends_with_thanks(text, tracker(text, "sv"))


@pytest.mark.parametrize("language", [None, "fi"])
def test_finnish_conversations_close_as_before(language):
    assert closes_conversation("kiitti moi", tracker("kiitti moi", language))
    assert not closes_conversation("moi", tracker("moi", language))
