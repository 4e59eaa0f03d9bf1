"""The channels' own replies (personal-data warning, too long, send again) in the person's
language, read from the message itself before Rasa has seen it, else the conversation's
(bot.guard.reply_language)."""

from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.domain_files import response_texts
from bot.guard import PersonalDataGuard
from bot.guard.channels import ChannelReplies, deliver_turn, guarded_on_new_message, in_language
from bot.guard.findings import PLACEHOLDER_IDENTITY_CODE
from bot.guard.reply_language import READ_CHARS, reply_language
from bot.guard.warning import WARNING_RESPONSE
from bot.web.incoming import ChatTurn
from tests.guard.test_channels import HETU, SENDER, Collector, post, rest_channel

FINNISH_REQUEST = "mun henkilötunnus on tämä, auttaisitko verkkopankin kanssa"


@pytest.mark.parametrize(
    ("text", "metadata", "language"),
    [
        ("mitt personnummer är det här, kan du hjälpa mej med nätbanken", None, "sv"),
        ("my id number is this one, can you help me with the bank", None, "en"),
        ("mun henkilötunnus on tämä, auttaisitko verkkopankin kanssa", None, "fi"),
        ("kan du svara på svenska", None, "sv"),  # a request beats the words it is in
        (HETU, {"language": "sv-FI"}, "sv"),  # says nothing itself: the page's language
        (HETU, {"language": "de"}, "fi"),
        (HETU, ["not", "a", "mapping"], "fi"),
        ("", None, "fi"),
    ],
)
def test_the_reply_language_is_the_messages_then_the_pages_then_finnish(text, metadata, language):
    assert reply_language(text, metadata) == language


@pytest.mark.parametrize(
    ("text", "metadata", "conversation", "language"),
    [
        (HETU, None, "sv", "sv"),  # says nothing itself: the conversation's language
        (HETU, {"language": "en"}, "sv", "sv"),  # the conversation beats the page
        (FINNISH_REQUEST, {"language": "en"}, "sv", "fi"),  # the message beats the conversation
        ("kan du svara på svenska", None, "en", "sv"),
        (HETU, {"language": "en"}, None, "en"),  # no conversation known: the page's
        (HETU, {"language": "en"}, "de", "en"),  # a value that is no language of ours says nothing
        (HETU, None, None, "fi"),
    ],
)
def test_the_conversations_language_ranks_between_the_messages_and_the_pages(
    text, metadata, conversation, language
):
    assert reply_language(text, metadata, conversation) == language


def test_the_guards_placeholders_are_not_read_as_the_persons_finnish():
    """A replayed turn's warning reads the stored, redacted text again."""
    assert reply_language(PLACEHOLDER_IDENTITY_CODE, None, "sv") == "sv"
    swedish = f"mitt personnummer är {PLACEHOLDER_IDENTITY_CODE}, kan du hjälpa mej med nätbanken"
    assert reply_language(swedish) == "sv"


def test_only_the_start_of_a_long_message_is_read():
    text = "jag behöver hjälp med nätbanken och koderna " * 3 + "a " * 100_000
    assert len(text) > 100 * READ_CHARS
    assert reply_language(text) == "sv"


def test_the_replies_are_read_in_every_language_with_the_limit_filled_in():
    replies = ChannelReplies.from_domain(1000)
    assert (
        set(replies.too_long) == set(replies.warning) == set(replies.resend) == {"fi", "sv", "en"}
    )
    assert all("1000" in text and "{limit}" not in text for text in replies.too_long.values())
    assert len(set(replies.warning.values())) == 3  # three different sentences
    assert in_language(replies.warning, "de") == replies.warning["fi"]
    assert in_language("one text", "sv") == "one text"  # a test's single warning


async def test_a_swedish_speaker_is_warned_in_swedish() -> None:
    warnings = response_texts(WARNING_RESPONSE)
    handle = guarded_on_new_message(Collector(), PersonalDataGuard(), warnings)
    output = CollectingOutputChannel()
    text = f"mitt personnummer är {HETU}, kan du hjälpa mej med nätbanken"
    await handle(UserMessage(text, output, "sender-sv", input_channel="rest"))
    assert [m["text"] for m in output.messages] == [warnings["sv"]]


async def test_an_over_long_english_message_is_refused_in_english(serve: Any) -> None:
    collector = Collector(reply="answer")
    base, _ = await serve(rest_channel(), collector)
    long_text = "please help me with my online bank, i cannot log in anymore " * 40
    status, replies = await post(
        f"{base}/webhooks/rest/webhook", json={"sender": SENDER, "message": long_text}
    )
    assert status == 200 and collector.messages == []
    assert [r["text"] for r in replies] == [ChannelReplies.from_domain(1000).too_long["en"]]


async def test_the_warning_follows_the_conversation_the_channel_passes_on() -> None:
    replies = ChannelReplies.from_domain(1000)
    handle = guarded_on_new_message(Collector(), PersonalDataGuard(), replies.warning)
    for conversation, language in (("sv", "sv"), (None, "fi")):  # None: the REST channel's
        output = CollectingOutputChannel()
        await deliver_turn(ChatTurn(SENDER, HETU), output, handle, "rest", replies, conversation)
        assert [m["text"] for m in output.messages] == [replies.warning[language]]
