"""The channels' own replies (personal-data warning, too long, send again) in the person's
language, read from the message itself before Rasa has seen it (bot.guard.reply_language)."""

from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.domain_files import response_texts
from bot.guard import PersonalDataGuard
from bot.guard.channels import ChannelReplies, guarded_on_new_message, in_language
from bot.guard.reply_language import READ_CHARS, reply_language
from bot.guard.warning import WARNING_RESPONSE
from tests.guard.test_channels import HETU, SENDER, Collector, post, rest_channel


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
