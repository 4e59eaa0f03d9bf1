"""action_find_providers inside a conversation: real domain, real SQLite with the sample."""

from datetime import datetime

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.providers import ActionFindProviders
from bot.directory.hours import HELSINKI
from bot.directory.present import render_response
from bot.directory.speech import PROVIDER
from tests.actions.speech import said_by_rasa
from tests.actions.trackers import make_tracker

FRIDAY_EVENING = datetime(2025, 12, 5, 17, 0, tzinfo=HELSINKI)


class FixedClockAction(ActionFindProviders):
    def now(self) -> datetime:
        return FRIDAY_EVENING


async def run(domain, **slots):
    """The action's messages as Rasa sends them (texts said by the response generator)."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("apua", intent="find_provider", slots=slots)
    events = await FixedClockAction().run(dispatcher, tracker, domain)
    return said_by_rasa(domain, dispatcher.messages, slots), events


def responses_of(messages):
    return [m.get("response") for m in messages]


async def test_hailuoto_banking_in_person(domain, sample_database):
    messages, events = await run(
        domain,
        topic="banking",
        need_level="demanding_support",
        asker="self",
        municipality="Hailuoto",
    )
    assert responses_of(messages) == [
        "utter_providers_in_municipality",
        PROVIDER,
        PROVIDER,
        "utter_providers_sample_notice",
    ]
    assert messages[0]["place"] == "Hailuoto"
    library = messages[1]["text"]
    assert library.startswith("ESIMERKKI: Hailuodon kirjasto")
    assert (
        "kotikäynti" in library and "Aukeaa seuraavan kerran tiistaina 9.12. klo 10.00" in library
    )
    assert "(esimerkki)" in library  # the fake number says it is fake
    assert events and events[0]["event"] == "slot" and events[0]["name"] == "provider_id"


async def test_relative_is_told_about_the_family_member(domain, sample_database):
    messages, _ = await run(
        domain,
        topic="device",
        need_level="demanding_support",
        asker="relative",
        municipality="Oulu",
    )
    first = messages[0]
    text = render_response(domain["responses"], first["response"], first, {"asker": "relative"})
    assert text.startswith("Läheisesi saa apua") and "Hän voi" in text


async def test_neighbouring_municipality_is_said_honestly(domain, sample_database):
    messages, _ = await run(
        domain, topic="banking", need_level="demanding_support", municipality="Espoo"
    )
    assert messages[0]["response"] == "utter_providers_nearby" and messages[0]["place"] == "Espoo"
    assert "km kunnan keskustasta" in messages[1]["text"]


async def test_national_channels_when_nothing_near_fits(domain, sample_database):
    messages, events = await run(
        domain, topic="banking", need_level="self_service", municipality="Hailuoto"
    )
    assert messages[0]["response"] == "utter_providers_national_fallback"
    assert "Digituki" in messages[1]["text"] and "https://dvv.fi/digituki" in messages[1]["text"]
    assert "utter_providers_sample_notice" not in responses_of(messages)  # real channels
    pid = events[0]["value"]
    assert events == [SlotSet("provider_id", pid), SlotSet("said_once", [f"provider:{pid}"])]


async def test_without_any_place_in_person_help_asks_for_one(domain, sample_database):
    messages, events = await run(domain, topic="banking", need_level="demanding_support")
    assert responses_of(messages) == ["utter_ask_municipality"] and events == []


async def test_without_any_place_light_support_gets_remote_help_and_an_offer(
    domain, sample_database
):
    messages, events = await run(domain, topic="banking", need_level="light_support")
    names = responses_of(messages)
    assert names[0] == "utter_providers_remote"
    assert names[-1] == "utter_providers_offer_local"
    assert len(messages) >= 3  # intro, at least one national channel, the offer
    assert events and events[0]["name"] == "provider_id"


async def test_postal_code_and_coordinates(domain, sample_database):
    by_postal_code, _ = await run(domain, topic="security", postal_code="90100")
    assert by_postal_code[0]["response"] == "utter_providers_in_municipality"
    assert by_postal_code[0]["place"] == "Oulu"
    by_location, _ = await run(domain, topic="security", latitude=65.02, longitude=25.47)
    assert by_location[0]["response"] == "utter_providers_near_location"
    assert "Matkaa noin" in by_location[1]["text"]


async def test_every_response_it_uses_exists_in_the_domain(domain, sample_database):
    used = set()
    for slots in (
        {"topic": "banking", "need_level": "demanding_support", "municipality": "Hailuoto"},
        {"topic": "banking", "need_level": "self_service", "municipality": "Hailuoto"},
        {"topic": "banking", "need_level": "light_support", "municipality": "Espoo"},
        {"topic": "banking"},
    ):
        messages, _ = await run(domain, **slots)
        used.update(m["response"] for m in messages if m.get("response"))
    assert used <= set(domain["responses"])


async def test_the_sample_notice_is_said_once_per_conversation(domain, sample_database):
    slots = {"topic": "banking", "need_level": "demanding_support", "municipality": "Oulu"}
    first, events = await run(domain, **slots)
    assert "utter_providers_sample_notice" in responses_of(first)
    said = events[-1]["value"]
    again, _ = await run(domain, **slots, said_once=said)
    assert "utter_providers_sample_notice" not in responses_of(again)


async def test_a_provider_shown_before_is_named_not_shown_again(domain, sample_database):
    slots = {"topic": "banking", "need_level": "demanding_support", "municipality": "Oulu"}
    first, events = await run(domain, **slots)
    cards = [m for m in first if m.get("response") == PROVIDER]
    again, _ = await run(domain, **slots, said_once=events[-1]["value"])
    assert not [m for m in again if m.get("response") == PROVIDER]
    (same,) = [m for m in again if m.get("response") == "utter_providers_same"]
    assert same["names"].count("ESIMERKKI") == len(cards)
    # Every provider was shown already: no intro or "also online" line again either.
    assert responses_of(again) == ["utter_providers_same"]


async def test_a_phone_wish_needs_no_place_and_gets_a_phone_line(domain, sample_database):
    messages, _ = await run(
        domain, topic="identification", need_level="demanding_support", help_form="phone"
    )
    names = responses_of(messages)
    assert "utter_ask_municipality" not in names and "utter_providers_none" not in names
    cards = [m["text"] for m in messages if m.get("response") == PROVIDER]
    assert cards and "puhelinneuvonta" in cards[0]


async def test_a_new_place_with_the_same_providers_keeps_its_intro(domain, sample_database):
    slots = {"topic": "banking", "need_level": "demanding_support", "municipality": "Kuopio"}
    _, events = await run(domain, **slots)
    dispatcher = CollectingDispatcher()
    moved = {**slots, "municipality": "Siilinjärvi", "said_once": events[-1]["value"]}
    tracker = make_tracker(
        "eiku se asuu siilinjärvellä",
        intent="correct",
        slots=moved,
        events_after_user=[{"event": "slot", "name": "municipality", "value": "Siilinjärvi"}],
    )
    await FixedClockAction().run(dispatcher, tracker, domain)
    names = responses_of(dispatcher.messages)
    assert names[0] != "utter_providers_same" and "utter_providers_same" in names


async def test_an_empty_directory_is_said_plainly(domain, tmp_path, monkeypatch):
    """Nobody has imported providers (nor set the database up): no guess, no dead silence."""
    from bot.directory import db

    monkeypatch.setenv(db.DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        slots = {"topic": "banking", "need_level": "demanding_support", "municipality": "Oulu"}
        messages, events = await run(domain, **slots)
        assert responses_of(messages) == ["utter_providers_directory_empty"]
        assert messages[0]["text"].startswith("Palveluhakemisto on vielä tyhjä")
        assert [e["name"] for e in events] == ["said_once"]
    finally:
        db.dispose_engines()
