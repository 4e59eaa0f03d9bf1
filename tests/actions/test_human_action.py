"""action_offer_human: a person-to-person channel that fits, never a dead end."""

from datetime import datetime

from rasa_sdk.executor import CollectingDispatcher

from actions.human import ActionOfferHuman, is_human_channel
from bot.directory.hours import HELSINKI
from bot.directory.search import ProviderHit
from bot.directory.speech import PROVIDER
from tests.actions.speech import said_by_rasa
from tests.actions.trackers import make_tracker

FRIDAY_MORNING = datetime(2025, 12, 5, 10, 0, tzinfo=HELSINKI)


class FixedClock(ActionOfferHuman):
    def now(self) -> datetime:
        return FRIDAY_MORNING


async def offer(domain, **slots):
    """The action's messages as Rasa sends them (texts said by the response generator)."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("haluan puhua ihmisen kanssa", intent="ask_human", slots=slots)
    await FixedClock().run(dispatcher, tracker, domain)
    return said_by_rasa(domain, dispatcher.messages, slots)


def hit(channel_type, forms):
    fields = dict.fromkeys(ProviderHit.__dataclass_fields__)
    fields.update(
        id=1,
        channel_type=channel_type,
        forms=forms,
        name="x",
        need_levels=[],
        languages=[],
        limits=[],
    )
    return ProviderHit(**fields)


def test_a_web_page_is_no_human_but_a_phone_line_is():
    assert not is_human_channel(hit("EChannel", []), "light_support")
    assert is_human_channel(hit("Phone", []), "non_digital")
    assert is_human_channel(hit("EChannel", ["remote"]), "light_support")


def test_chat_does_not_serve_someone_who_cannot_use_devices():
    assert not is_human_channel(hit("EChannel", ["remote"]), "non_digital")
    assert is_human_channel(hit("ServiceLocation", ["in_person"]), "non_digital")


async def test_with_a_place_it_names_a_local_channel_with_hours(domain, sample_database):
    messages = await offer(domain, topic="banking", need_level="non_digital", municipality="Oulu")
    assert messages[0]["response"] == "utter_human_intro"
    described = [m["text"] for m in messages if m.get("text")]
    assert described, messages
    assert any("ESIMERKKI" in text for text in described)  # sample data says it is a sample
    assert "utter_providers_offer_local" not in [m.get("response") for m in messages]


async def test_without_a_place_it_still_names_a_channel_and_offers_a_local_one(
    domain, sample_database
):
    messages = await offer(domain, topic="suomifi_messages", need_level="light_support")
    names = [m.get("response") for m in messages]
    assert names[0] == "utter_human_intro"
    assert names[-1] == "utter_providers_offer_local"
    assert len(messages) >= 3


async def test_someone_who_cannot_use_devices_and_gave_no_place_is_asked_for_one(
    domain, sample_database
):
    # National channels are web pages and chats: none fits level 4, so a place must be asked.
    messages = await offer(domain, topic="communication", need_level="non_digital")
    names = [m.get("response") for m in messages]
    assert names == ["utter_human_none", "utter_providers_offer_local"]


async def test_a_thank_you_after_the_help_is_a_goodbye_not_another_offer(domain):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "okei kiitti, mä soitan sinne heti",
        intent="ask_human",
        slots={"topic": "security", "urgent": "gave_secrets", "urgent_shown": True},
    )
    earlier = {"event": "user", "text": "annoin tunnukset huijarille", "parse_data": {}}
    tracker.events.insert(0, earlier)  # the conversation had begun
    assert await FixedClock().run(dispatcher, tracker, domain) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_goodbye"]


async def test_a_thank_you_that_asks_for_a_person_still_gets_one(domain, sample_database):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "kiitos, mut voisko joku soittaa mulle",
        intent="ask_human",
        slots={"topic": "banking", "municipality": "Oulu", "urgent_shown": True},
    )
    await FixedClock().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_human_intro"


async def test_the_channels_it_names_are_remembered_so_the_providers_do_not_repeat_them(
    domain, sample_database
):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        "voisko joku soittaa mulle, en jaksa kirjottaa",
        intent="ask_human",
        slots={"topic": "suomifi_messages", "need_level": "light_support", "said_once": ["x"]},
    )
    events = await FixedClock().run(dispatcher, tracker, domain)
    said = next(e["value"] for e in events if e.get("name") == "said_once")
    cards = [m for m in dispatcher.messages if m.get("response") == PROVIDER]
    assert said[0] == "x" and cards
    assert [f"provider:{m['card']['id']}" for m in cards] == said[1:]


async def test_channels_shown_before_are_only_named(domain, sample_database):
    slots = {"topic": "suomifi_messages", "need_level": "light_support"}
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("voisko joku soittaa", intent="ask_human", slots=slots)
    events = await FixedClock().run(dispatcher, tracker, domain)
    said = next(e["value"] for e in events if e.get("name") == "said_once")
    again = CollectingDispatcher()
    tracker = make_tracker(
        "voisko joku soittaa", intent="ask_human", slots={**slots, "said_once": said}
    )
    await FixedClock().run(again, tracker, domain)
    names = [m.get("response") for m in again.messages]
    assert "utter_providers_same" in names
    assert not [m for m in again.messages if m.get("response") == PROVIDER]


async def test_an_empty_directory_is_said_plainly(domain, tmp_path, monkeypatch):
    from bot.directory import db

    monkeypatch.setenv(db.DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        messages = await offer(domain, topic="banking", need_level="non_digital", asker="advisor")
        assert [m["response"] for m in messages] == ["utter_providers_directory_empty"]
        assert messages[0]["text"].startswith("Palveluhakemisto on tyhjä")  # the advisor's voice
    finally:
        db.dispose_engines()


async def test_a_person_asked_for_by_phone_gets_the_phone_line_first(domain, sample_database):
    """'toivoo että joku neuvois puhelimitse' after the Turku places: the phone line leads."""
    messages = await offer(
        domain,
        topic="communication",
        need_level="light_support",
        municipality="Turku",
        help_form="phone",
    )
    described = [m["text"] for m in messages if m.get("response") == PROVIDER]
    assert described and "digitukipuhelin" in described[0].lower(), described
