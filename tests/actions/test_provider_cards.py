"""Provider cards: the payload action_find_providers sends with each provider's text.

Built on the real directory (national channels and the shipped sample in a temporary SQLite
file) and the real domain, at a fixed Finnish time, as the action's own tests are.
"""

from dataclasses import replace
from datetime import datetime
from typing import Any, Dict, List

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.providers import ActionFindProviders
from bot.directory.cards import CARD_TYPE, map_url, provider_card, tel_href, web_url
from bot.directory.hours import HELSINKI
from bot.directory.present import PlannedMessage, domain_say, plan_reply
from bot.directory.service import PersonQuery, find_for_person
from bot.directory.speech import PROVIDER
from bot.domain_files import load_responses
from tests.actions.speech import said_by_rasa
from tests.actions.trackers import make_tracker

FRIDAY_EVENING = datetime(2025, 12, 5, 17, 0, tzinfo=HELSINKI)
SAMPLE_PHONE = "+358 000 0000 (esimerkki)"


class FixedClockAction(ActionFindProviders):
    def now(self) -> datetime:
        return FRIDAY_EVENING


async def provider_messages(domain, **slots) -> List[Dict[str, Any]]:
    """The action's provider messages (utter_provider) as Rasa sends them: text and card."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("apua", intent="find_provider", slots=slots)
    await FixedClockAction().run(dispatcher, tracker, domain)
    sent = said_by_rasa(domain, dispatcher.messages, slots)
    return [m for m in sent if m.get("response") == PROVIDER]


def card_of(message: Dict[str, Any]) -> Dict[str, Any]:
    custom = message["custom"]
    assert (custom["type"], custom["version"]) == (CARD_TYPE, 1)
    return custom["provider"]


async def test_each_provider_is_one_message_with_its_text_and_its_card(domain, sample_database):
    messages = await provider_messages(
        domain, topic="banking", need_level="demanding_support", municipality="Hailuoto"
    )
    (library,) = [m for m in messages if "Hailuodon kirjasto" in m["text"]]
    card = card_of(library)
    lines = library["text"].split("\n")
    assert lines[0] == card["name"] == "ESIMERKKI: Hailuodon kirjasto, digiopastus"
    assert card["is_sample"] is True
    assert "kotikäynti" in card["kinds_of_help"] and "home_visit" in card["forms"]
    assert card["municipality"] == "Hailuoto" and card["post_office"] == "Hailuoto"
    assert f"Osoite: {card['address']}, {card['post_office']}" in lines
    # Friday evening: closed, and the next opening is after the weekend and the holiday week.
    assert card["open_now"] is False and card["closes_at"] is None
    assert card["hours_text"] == "Aukeaa seuraavan kerran tiistaina 9.12. klo 10.00."
    assert card["next_opening"] == "2025-12-09T10:00:00+02:00"
    assert card["hours_text"] in lines and card["distance_text"] in lines
    assert card["distance_km"] is not None


async def test_a_samples_made_up_number_is_shown_but_never_dialable(domain, sample_database):
    messages = await provider_messages(
        domain, topic="device", need_level="demanding_support", municipality="Kuopio"
    )
    assert messages
    for message in messages:
        card = card_of(message)
        assert card["phone"] == SAMPLE_PHONE and f"Puhelin: {SAMPLE_PHONE}" in message["text"]
        assert card["tel"] is None


async def test_the_map_link_points_at_the_places_own_coordinates(domain, sample_database):
    (first, *_) = await provider_messages(
        domain, topic="device", need_level="demanding_support", municipality="Kuopio"
    )
    card = card_of(first)
    assert card["map_url"].startswith("https://www.openstreetmap.org/?mlat=62.")
    assert "&mlon=27." in card["map_url"] and "#map=17/62." in card["map_url"]
    assert card["web_url"].startswith("https://esimerkki.invalid/kuopio-")


async def test_what_a_place_does_differently_is_on_the_card_as_in_the_text(domain, sample_database):
    messages = await provider_messages(
        domain, topic="device", need_level="demanding_support", municipality="Kuopio"
    )
    (tupa,) = [m for m in messages if "digitupa" in m["text"]]
    card = card_of(tupa)
    assert card["notes"] == [
        "Lisäksi: Esimerkki: auttaa asentamaan sovelluksia puhelimeen yhdessä asiakkaan kanssa."
    ]
    assert card["notes"][0] in tupa["text"].split("\n")


async def test_accessibility_notes_come_one_per_sentence(domain, sample_database):
    messages = await provider_messages(
        domain, topic="device", need_level="light_support", municipality="Helsinki"
    )
    noted = [card_of(m) for m in messages if card_of(m)["accessibility"]]
    assert noted, "the Helsinki sample has entrances with accessibility sentences"
    assert "Esimerkki: sisäänkäynnillä on luiska." in noted[0]["accessibility"]
    assert all("\n" not in note for card in noted for note in card["accessibility"])


async def test_a_national_channel_has_no_invented_place_phone_or_map(domain, sample_database):
    messages = await provider_messages(
        domain, topic="banking", need_level="self_service", municipality="Hailuoto"
    )
    card = card_of(messages[0])
    assert card["is_sample"] is False and card["name"] in messages[0]["text"]
    for missing in ("address", "postal_code", "map_url", "distance_km", "distance_text"):
        assert card[missing] is None, missing
    assert card["phone"] is None and card["tel"] is None
    assert card["web_url"] == "https://dvv.fi/digituki"
    assert card["accessibility"] == [] and card["notes"] == []


def test_a_message_that_is_not_a_provider_has_no_card() -> None:
    say = domain_say(load_responses())
    notice = PlannedMessage(response="utter_providers_sample_notice")
    assert provider_card(say, notice.values) is None


def _kuopio_library(sample_database):
    query = PersonQuery(topic="device", need_level="demanding_support", municipality="Kuopio")
    result = find_for_person(query, now=FRIDAY_EVENING)
    return result, result.providers[0]


def test_a_point_that_is_only_the_town_centre_gives_an_address_search(sample_database) -> None:
    _, hit = _kuopio_library(sample_database)
    approximate = replace(hit, coordinates_approximate=True)
    assert map_url(approximate) == (
        "https://www.openstreetmap.org/search?query=Esimerkkikatu%2025%2C%2070100%20Kuopio"
    )
    assert map_url(replace(approximate, street_address=None)) is None
    assert map_url(replace(hit, latitude=None, longitude=None)).startswith(
        "https://www.openstreetmap.org/search?query=Esimerkkikatu"
    )


def test_a_real_looking_number_of_a_non_sample_place_becomes_a_tel_link(sample_database) -> None:
    result, hit = _kuopio_library(sample_database)
    real = replace(hit, is_sample=False, phone="+358 9 123 4567")  # a test value, no listing
    plan = plan_reply(replace(result, providers=[real]), FRIDAY_EVENING)
    (message,) = [m for m in plan if m.provider_id is not None]
    card = provider_card(domain_say(load_responses()), message.values)
    assert card is not None and card["provider"]["tel"] == "tel:+35891234567"


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("+358 9 123 4567", "tel:+35891234567"),
        ("09 123 4567", "tel:+35891234567"),
        ("+358 (0)9 123 4567", "tel:+35891234567"),
        ("+358 09-123 4567", "tel:+35891234567"),
        ("09/123 4567", "tel:+35891234567"),
        ("00 46 8 123 4567", "tel:+4681234567"),
        ("116 117", "tel:116117"),
        ("112", "tel:112"),
        ("+358 000 0000 (esimerkki)", None),  # the sample's placeholder
        ("000 0000", None),
        ("soita vaihteeseen", None),
        ("09 123 ext. 4", None),
        ("", None),
        (None, None),
        ("+358 1", None),  # too short to be a number
    ],
)
def test_tel_href(written, href) -> None:
    assert tel_href(written) == href


@pytest.mark.parametrize(
    ("written", "url"),
    [
        ("https://dvv.fi/digituki", "https://dvv.fi/digituki"),
        ("www.kirjasto.fi", "https://www.kirjasto.fi"),
        ("javascript:alert(1)", None),
        ("ftp://tiedostot.fi", None),
        ("www.kirjasto.fi:8080/digi", "https://www.kirjasto.fi:8080/digi"),
        ("https://kaksi sanaa.fi", None),
        (None, None),
    ],
)
def test_web_url(written, url) -> None:
    assert web_url(written) == url
