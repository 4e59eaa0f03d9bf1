"""The referral note built from a conversation's slots (bot.referral), on the real domain texts,
the real limits file and a real provider directory with the shipped sample."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import Engine

from bot.domain_files import default_text, load_responses
from bot.limits import default_limits
from bot.paths import DOMAIN_DIR
from bot.referral import (
    ChosenProvider,
    ReferralNote,
    build_note,
    chosen_provider,
    labels,
    note_as_text,
)
from bot.triage.urgent_steps import urgent_facts
from tests.web.referral_directory import (
    NATIONAL_ADVICE,
    OULU_LIBRARY,
    VANTAA_VOLUNTEERS,
    provider_id,
    sample_directory,
)

DAY = date(2025, 3, 4)
RESPONSES = load_responses()


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = sample_directory(tmp_path_factory.mktemp("directory"))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(DOMAIN_DIR))


def note_for(slots: Mapping[str, Any], provider: Optional[ChosenProvider] = None) -> ReferralNote:
    return build_note(slots, provider, RESPONSES, default_limits(), urgent_facts(), DAY)


def items(note: ReferralNote, key: str) -> List[str]:
    return list(note.section(key).items)


def slots_after(domain: Domain, events: List[Any]) -> Dict[str, Any]:
    """The slot values Rasa restores for a conversation with these events."""
    tracker = DialogueStateTracker.from_events("neuvoja-testi-0001", events, domain.slots)
    return tracker.current_slot_values()


@pytest.mark.parametrize(
    ("need_level", "number", "name"),
    [
        ("self_service", 1, "osaa käyttää, ohje riittää"),
        ("light_support", 2, "käyttää, tarvitsee vähän tukea"),
        ("demanding_support", 3, "ei vielä käytä, tarvitsee opastusta"),
        ("non_digital", 4, "ei pysty käyttämään, tarvitsee muun kuin sähköisen palvelun"),
    ],
)
def test_each_need_level_is_its_auta_number_and_plain_name(
    need_level: str, number: int, name: str
) -> None:
    note = note_for({"topic": "banking", "need_level": need_level, "asker": "advisor"})
    assert note.level == number
    assert items(note, "need_level") == [f"Taso {number} – {name}"]
    assert items(note, "topic") == ["Verkkopankki ja laskut"]
    assert items(note, "asker") == ["neuvoja asiakkaan kanssa"]


def test_level_four_leads_with_the_way_without_the_net() -> None:
    note = note_for({"topic": "banking", "need_level": "non_digital", "municipality": "Oulu"})
    steps = items(note, "next_steps")
    assert steps[0] == default_text("utter_non_digital_banking", DOMAIN_DIR)
    assert steps[1].startswith("Läheinen voi asioida asiakkaan puolesta Suomi.fi-valtuudella")
    assert any("puhelinpalvelussa, palvelupisteessä tai paperilomakkeella" in s for s in steps)


def test_a_topic_without_its_own_route_gets_the_general_one_at_level_four() -> None:
    note = note_for({"topic": "device", "need_level": "non_digital", "municipality": "Oulu"})
    assert items(note, "next_steps")[0] == default_text("utter_non_digital_general", DOMAIN_DIR)


def test_levels_one_to_three_lead_with_what_to_do_instead() -> None:
    note = note_for({"topic": "banking", "need_level": "light_support", "asker": "advisor"})
    steps = items(note, "next_steps")
    assert not any("ilman nettiä" in step for step in steps)
    assert steps == [
        "Jos läheinen hoitaa hänen pankkiasioitaan, siitä sovitaan pankissa (tilin "
        "käyttöoikeus tai valtakirja). Suomi.fi-valtuus ei koske pankkeja.",
        "Tunnuksista, tunnusluvuista ja pankin sovelluksesta auttaa hänen oma pankkinsa. "
        "Pankki ei koskaan kysy tunnuslukuja.",
    ]


def test_what_the_provider_will_not_do_is_the_topics_limits_in_the_staff_voice() -> None:
    note = note_for({"topic": "banking", "need_level": "demanding_support"})
    assert items(note, "limits") == [
        "Tukihenkilö ei kirjaudu asiakkaan puolesta eikä käytä hänen tunnuksiaan. Asiakas "
        "tekee itse, tukihenkilö neuvoo vieressä.",
        "Tukihenkilö ei katso eikä käytä asiakkaan tunnuksia, tunnuslukuja tai salasanoja, "
        "eikä tunnistaudu hänen puolestaan. Asiakas näppäilee koodit itse.",
    ]
    assert not any("Kerro asiakkaalle" in text for text in note_as_text(note).splitlines())


def test_an_empty_conversation_is_not_known_yet_everywhere_but_the_questions_to_ask() -> None:
    note = note_for({})
    for key in ("need_level", "topic", "asker", "municipality", "provider", "limits"):
        assert items(note, key) == [], key
    assert note.level is None and note.sample is False
    assert items(note, "next_steps") == [
        "Kysy asiakkaalta: Missä asiassa tarvitset apua?",
        "Kysy asiakkaalta: Käytätkö tätä palvelua jo itse? Kirjaa tuen taso.",
    ]
    text = note_as_text(note)
    assert "Tuen tarve: ei vielä tiedossa" in text
    assert "Tukipaikka: ei vielä tiedossa" in text
    assert "Mitä tukipaikka ei tee: ei vielä tiedossa" in text


def test_an_in_person_level_without_a_place_asks_for_the_municipality() -> None:
    note = note_for({"topic": "e_services", "need_level": "demanding_support"})
    assert "Kysy asiakkaalta: Missä kunnassa asut? Kirjaa kunta tai postinumero." in items(
        note, "next_steps"
    )
    by_phone = note_for(
        {"topic": "e_services", "need_level": "demanding_support", "help_form": "phone"}
    )
    assert not any("Missä kunnassa" in step for step in items(by_phone, "next_steps"))


def test_a_sample_provider_is_marked_as_invented(directory: Engine) -> None:
    provider = chosen_provider(provider_id(directory, OULU_LIBRARY), directory)
    assert provider is not None
    note = note_for(
        {"topic": "banking", "need_level": "demanding_support", "municipality": "Oulu"}, provider
    )
    lines = items(note, "provider")
    assert note.sample is True
    assert lines[0] == "ESIMERKKI: Oulun pääkirjasto, digiopastus"
    assert "Osoite: Esimerkkikatu 9, Oulu" in lines
    assert lines[-1] == default_text("utter_providers_sample_notice", DOMAIN_DIR)
    assert note.as_json()["sample"] is True


def test_a_real_national_channel_is_not_marked(directory: Engine) -> None:
    provider = chosen_provider(provider_id(directory, NATIONAL_ADVICE), directory)
    assert provider is not None and not provider.is_sample
    note = note_for({"topic": "e_services", "need_level": "light_support"}, provider)
    assert items(note, "provider") == [
        "Kansalaisneuvonta",
        "Verkossa: https://www.kansalaisneuvonta.fi",
    ]
    assert note.sample is False


def test_the_providers_own_limit_is_added_with_its_note(directory: Engine) -> None:
    provider = chosen_provider(provider_id(directory, VANTAA_VOLUNTEERS), directory)
    note = note_for({"topic": "device", "need_level": "demanding_support"}, provider)
    will_not = items(note, "limits")
    assert will_not[0].startswith("Tukihenkilö ei korjaa, päivitä eikä asenna laitteita")
    assert any(text.startswith("Tukihenkilö ei kirjaudu asiakkaan puolesta") for text in will_not)
    assert "Esimerkki: vapaaehtoiset eivät asioi kenenkään puolesta." in " ".join(will_not)


def test_a_provider_no_longer_in_the_directory_is_not_known(directory: Engine) -> None:
    assert chosen_provider("999999", directory) is None
    assert chosen_provider(None, directory) is None
    assert chosen_provider("ei-numero", directory) is None


def test_a_scam_in_progress_puts_the_urgent_steps_first() -> None:
    note = note_for({"topic": "security", "need_level": "light_support", "urgent": "money_gone"})
    first = items(note, "next_steps")[0]
    assert first.startswith("Kiireellinen: 1) Asiakas sulkee kortin ja pankkitunnukset heti")
    assert urgent_facts()["blocking_phone"] in first


def test_nothing_the_person_typed_reaches_the_note(domain: Domain, directory: Engine) -> None:
    typed = (
        "asiakkaani Aino Virtanen 131052-308T on 80-vuotias eikä osaa käyttää verkkopankkia, "
        "asuu Oulussa osoitteessa Rantakatu 5, puhelin 040 123 4567"
    )
    slots = slots_after(
        domain,
        [
            ActionExecuted("action_listen"),
            UserUttered(typed, intent={"name": "ask_help", "confidence": 1.0}),
            SlotSet("topic", "banking"),
            SlotSet("need_level", "demanding_support"),
            SlotSet("asker", "advisor"),
            SlotSet("municipality", "Oulu"),
            SlotSet("postal_code", "90100"),
            SlotSet("latitude", 65.012),
            SlotSet("longitude", 25.468),
            SlotSet("provider_id", provider_id(directory, OULU_LIBRARY)),
            BotUttered("Asiakkaan tilanne: aihe: verkkopankki ja laskut."),
        ],
    )
    provider = chosen_provider(slots["provider_id"], directory)
    note = note_for(slots, provider)
    everything = json.dumps(note.as_json(), ensure_ascii=False) + note_as_text(note)
    for personal in ("Aino", "Virtanen", "131052", "80-vuotias", "Rantakatu", "040 123", "90100"):
        assert personal not in everything
    assert "65.012" not in everything and "25.468" not in everything
    assert items(note, "municipality") == ["Oulu"]


def test_the_plain_text_is_one_heading_per_line_with_dashes_for_lists() -> None:
    note = note_for(
        {
            "topic": "banking",
            "need_level": "demanding_support",
            "asker": "advisor",
            "municipality": "Oulu",
        }
    )
    lines = note_as_text(note).splitlines()
    assert lines[:6] == [
        labels.FINNISH.title,
        "Päivämäärä: 4.3.2025",
        "Tuen tarve: Taso 3 – ei vielä käytä, tarvitsee opastusta",
        "Asia: Verkkopankki ja laskut",
        "Kuka kysyy: neuvoja asiakkaan kanssa",
        "Kunta: Oulu",
    ]
    assert "Mitä tukipaikka ei tee:" in lines
    start = lines.index("Mitä tukipaikka ei tee:")
    assert lines[start + 1].startswith("- Tukihenkilö ei kirjaudu")


def test_the_json_note_lists_every_section_in_order() -> None:
    data = note_for({"topic": "device", "need_level": "self_service"}).as_json()
    assert [section["key"] for section in data["sections"]] == [
        "need_level",
        "topic",
        "asker",
        "municipality",
        "provider",
        "limits",
        "next_steps",
    ]
    assert data["date"] == "2025-03-04" and data["date_text"] == "4.3.2025"
    assert data["not_known"] == "ei vielä tiedossa"


def test_the_note_holds_no_file_paths_or_python_reprs() -> None:
    text = note_as_text(note_for({"topic": "communication", "need_level": "light_support"}))
    assert "None" not in text and "{" not in text and str(Path.cwd()) not in text


# ---- the conversation's language -------------------------------------------------------------

SWEDISH_SLOTS = {
    "topic": "banking",
    "need_level": "demanding_support",
    "asker": "relative",
    "municipality": "Espoo",
    "language": "sv",
}


def test_a_swedish_conversation_gets_a_swedish_note() -> None:
    note = note_for(SWEDISH_SLOTS)
    assert items(note, "need_level") == ["Nivå 3 – använder inte ännu, behöver handledning"]
    assert items(note, "asker") == ["kundens närstående"]
    assert items(note, "municipality") == ["Esbo"]  # as a Swedish reader names it
    lines = note_as_text(note).splitlines()
    assert lines[:7] == [
        "Remiss till digistöd",
        "Datum: 4.3.2025",
        "Stödbehov: Nivå 3 – använder inte ännu, behöver handledning",
        "Ärende: Nätbank och räkningar",
        "Vem frågar: kundens närstående",
        "Kommun: Esbo",
        "Stödställe: inte känt ännu",
    ]
    assert lines[7] == "Vad stödstället inte gör:"
    assert lines[8].startswith("- Stödpersonen loggar inte in åt kunden")
    assert "Nästa steg:" in lines


def test_an_english_conversation_gets_an_english_note() -> None:
    note = note_for({**SWEDISH_SLOTS, "language": "en", "asker": "advisor"})
    assert items(note, "need_level") == ["Level 3 – does not use it yet, needs guidance"]
    assert items(note, "asker") == ["an advisor with the client"]
    assert items(note, "municipality") == ["Espoo"]  # English uses the Finnish name
    data = note.as_json()
    assert (data["title"], data["date_label"], data["not_known"]) == (
        "Referral to digital support",
        "Date",
        "not known yet",
    )
    headings = [section["label"] for section in data["sections"]]
    assert headings == [
        "Support needed",
        "Topic",
        "Who is asking",
        "Municipality",
        "Support place",
        "What the support place does not do",
        "Next steps",
    ]
    assert "Support place: not known yet" in note_as_text(note)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_scripts_tell_the_client_is_left_out_in_every_language(language: str) -> None:
    note = note_for({"topic": "banking", "need_level": "non_digital", "language": language})
    text = note_as_text(note)
    assert "Berätta för kunden" not in text and "Tell the client" not in text
    assert items(note, "next_steps")[0][:1].isupper()


@pytest.mark.parametrize("language", [None, "", "fi", "de", 3])
def test_an_unset_or_unknown_language_gets_the_finnish_note(language: Any) -> None:
    note = note_for({**SWEDISH_SLOTS, "language": language})
    assert note.labels is labels.FINNISH
    assert items(note, "municipality") == ["Espoo"]
    assert note_as_text(note).startswith("Lähete digitukeen\nPäivämäärä: 4.3.2025\n")


def test_every_language_names_every_asker() -> None:
    for language, found in labels.BY_LANGUAGE.items():
        assert set(found.askers) == set(labels.FINNISH.askers), language
        assert "{number}" in found.level and "{name}" in found.level, language
    assert labels.labels_for("sv") is labels.SWEDISH and labels.labels_for("en") is labels.ENGLISH
