"""The directory in the conversation's language: names, places, the languages line and the order.

Swedish (sv) and English (en) conversations get the providers' Swedish and English names where
the directory has them (else the Finnish name), the municipality's name in that language, a line
saying which languages a provider serves in, and providers serving in the person's language
first among comparable ones (same fit, same distance band).
"""

from datetime import datetime

import pytest

from bot.directory import present
from bot.directory.cards import provider_card
from bot.directory.hours import HELSINKI as TZ
from bot.directory.search import (
    ENGLISH_USES_SWEDISH_NAME,
    Origin,
    SearchResult,
    municipality_name,
)
from bot.directory.service import PersonQuery, find_for_person
from bot.directory.speech import PROVIDER
from bot.domain_files import load_responses
from bot.ingest.importer import ProviderImporter
from bot.ingest.ptv_v11 import parse_channel
from bot.places import get_index
from tests.providers.directory.test_present import hit
from tests.providers.directory.test_search import names, search
from tests.providers.ptv_data import HELSINKI, SERVICES, location, write_page

FRIDAY_MORNING = datetime(2025, 12, 5, 10, 0, tzinfo=TZ)
KM = 0.008993  # degrees of latitude per kilometre

#: The responses of the languages line, as staged for domain/providers.yml; the domain's own
#: texts win once they are merged there.
_STAGED = {
    "utter_provider_languages": (
        "Palvelee {languages}.",
        "Betjänar på {languages}.",
        "Serves in {languages}.",
    ),
    "utter_label_language_fi": ("suomeksi", "finska", "Finnish"),
    "utter_label_language_sv": ("ruotsiksi", "svenska", "Swedish"),
    "utter_label_language_en": ("englanniksi", "engelska", "English"),
    "utter_label_and": ("ja", "och", "and"),
}
RESPONSES = {
    **{
        name: [
            {"text": fi},
            {"condition": [{"type": "slot", "name": "language", "value": "sv"}], "text": sv},
            {"condition": [{"type": "slot", "name": "language", "value": "en"}], "text": en},
        ]
        for name, (fi, sv, en) in _STAGED.items()
    },
    **load_responses(),
}


def north(name, km, languages, **extra):
    """A service point `km` north of Helsinki's centre serving in `languages`."""
    return location(name, HELSINKI, offset=(km * KM, 0.0), languages=languages, **extra)


@pytest.fixture
def bilingual(engine, tmp_path):
    """North of Helsinki: Finnish-only places at 3 and 20 km, places serving in Swedish too at
    12 and 40 km; a Swedish name and address for the 12 km one. Plus the national channels."""
    items = [
        *SERVICES,
        north("near", 3, ["fi"], label="Lähikirjasto"),
        north(
            "bilingual",
            12,
            ["fi", "sv"],
            label="Kaksikielinen kirjasto",
            name_sv="Tvåspråkiga biblioteket",
            summary_fi="Digitukea kirjastossa.",
            summary_sv="Digistöd på biblioteket.",
            street_sv="Testgatan",
            postal_code="00100",
        ),
        north("middle", 20, ["fi"], label="Keskikirjasto"),
        north("far", 40, ["fi", "sv"], label="Kaukainen kirjasto", name_sv="Avlägsna biblioteket"),
    ]
    importer = ProviderImporter(engine, progress=False)
    report = importer.import_file(write_page(tmp_path / "bilingual.json", items))
    assert not report.errors and report.created == 4
    importer.import_national_channels()
    return engine


def from_helsinki(engine, language, **kwargs):
    return search(engine, latitude=HELSINKI[2], longitude=HELSINKI[3], language=language, **kwargs)


# --- names, summaries, addresses ---------------------------------------------------------------


def test_swedish_names_and_texts_are_shown_in_swedish(bilingual):
    result = from_helsinki(bilingual, "sv")
    assert result.language == "sv"
    (bilingual_place,) = [p for p in result.providers if p.name == "Tvåspråkiga biblioteket"]
    assert bilingual_place.summary == "Digistöd på biblioteket."
    assert bilingual_place.street_address == "Testgatan 1"
    assert bilingual_place.post_office == "Helsingfors"  # the official list's Swedish name
    assert bilingual_place.municipality_name == "Helsingfors"
    assert "Lähikirjasto" in names(result)  # no Swedish name: the Finnish one


def test_finnish_is_as_before(bilingual):
    result = from_helsinki(bilingual, "fi")
    assert names(result) == ["Lähikirjasto", "Kaksikielinen kirjasto", "Keskikirjasto"]
    assert result.providers[1].street_address == "Testikatu 1"
    assert result.providers[1].summary == "Digitukea kirjastossa."


def test_english_falls_back_to_the_finnish_name(bilingual):
    result = from_helsinki(bilingual, "en")
    assert "Kaksikielinen kirjasto" in names(result)  # no English name: Finnish, not Swedish
    assert result.providers[0].street_address == "Testikatu 1"


def test_national_channels_have_their_official_names():
    from bot.ingest.assemble import load_national_channels

    channels = {r.channel.source_id: r.channel for r in load_national_channels()}
    citizens_advice = channels["kansalaisneuvonta"]
    assert (citizens_advice.name_sv, citizens_advice.name_en) == (
        "Medborgarrådgivningen",
        "Citizens' Advice",
    )


def test_swedish_language_versions_are_read_from_ptv():
    channel = parse_channel(
        north(
            "x",
            1,
            ["fi", "sv"],
            name_sv="Biblioteket",
            name_en="The library",
            summary_sv="Hjälp.",
            summary_en="Help.",
            street_sv="Testgatan",
            post_office="HELSINKI",
            post_office_sv="HELSINGFORS",
            postal_code="00100",
        )
    )
    assert (channel.name_sv, channel.name_en) == ("Biblioteket", "The library")
    assert (channel.summary_sv, channel.summary_en) == ("Hjälp.", "Help.")
    assert (channel.street_address, channel.street_address_sv) == ("Testikatu 1", "Testgatan 1")
    assert (channel.post_office, channel.post_office_sv) == ("HELSINKI", "HELSINGFORS")


# --- order -------------------------------------------------------------------------------------


def test_swedish_speakers_get_places_serving_in_swedish_first(bilingual):
    result = from_helsinki(bilingual, "sv")
    assert result.scope == "nearby" and result.radius_km == 25.0
    assert names(result) == ["Tvåspråkiga biblioteket", "Lähikirjasto", "Keskikirjasto"]


def test_swedish_never_jumps_a_distance_band(bilingual):
    """The Swedish-speaking place at 40 km stays behind the Finnish-only one at 20 km."""
    result = from_helsinki(bilingual, "sv", limit=4)
    assert result.radius_km == 60.0
    assert names(result) == [
        "Tvåspråkiga biblioteket",
        "Lähikirjasto",
        "Keskikirjasto",
        "Avlägsna biblioteket",
    ]


def test_english_speakers_get_channels_serving_in_english_first(bilingual):
    finnish = search(bilingual, topic="suomifi_messages", need_level="self_service", limit=3)
    english = search(
        bilingual, topic="suomifi_messages", need_level="self_service", limit=3, language="en"
    )
    assert finnish.scope == english.scope == "national"
    assert names(finnish)[0] == "Kansalaisneuvonta"
    assert names(english)[0] == "Suomi.fi – Instructions and support"
    assert "Citizens' Advice" in names(english)


# --- places ------------------------------------------------------------------------------------


def test_place_names_in_the_conversation_language(bilingual):
    for language, expected in (("fi", "Helsinki"), ("sv", "Helsingfors"), ("en", "Helsinki")):
        result = search(bilingual, municipality_code="091", language=language)
        assert result.origin.municipality_name == expected
    index = get_index()
    assert municipality_name(index.by_code("905"), "sv") == "Vasa"
    assert municipality_name(index.by_code("905"), "en") == "Vaasa"
    assert ENGLISH_USES_SWEDISH_NAME == {"478"}
    assert municipality_name(index.by_code("478"), "en") == "Mariehamn"
    assert municipality_name(index.by_code("478"), "fi") == "Maarianhamina"


def test_the_swedish_intro_names_the_place_in_swedish(sample_engine):
    query = PersonQuery(
        topic="banking", need_level="demanding_support", municipality="Hailuoto", language="sv"
    )
    result = find_for_person(query, now=FRIDAY_MORNING, engine=sample_engine)
    said = render(result, "sv")
    assert "(Karlö)" in said[0] and "Hailuoto" not in said[0]


def test_the_language_comes_from_the_slot():
    assert PersonQuery.from_slots({"language": "sv"}).language == "sv"
    assert PersonQuery.from_slots({"language": "EN"}).language == "en"
    assert PersonQuery.from_slots({"language": None}).language == "fi"
    assert PersonQuery.from_slots({"language": "de"}).language == "fi"
    assert PersonQuery.from_slots({}).language == "fi"


# --- what is said ------------------------------------------------------------------------------


def result_of(hits, language, scope="municipality"):
    origin = Origin("municipality", 60.17, 24.94, "091", "Helsingfors")
    return SearchResult(scope, origin, "banking", "light_support", hits, language=language)


def render(result, language, asker=None):
    plan = present.plan_reply(result, FRIDAY_MORNING)
    return present.render_plan(RESPONSES, plan, {"language": language, "asker": asker})


def provider_lines(language, **changes):
    said = render(result_of([hit(**changes)], language), language)
    return said[1].splitlines()


@pytest.mark.parametrize(
    "language, line",
    [
        ("sv", "Betjänar på finska och svenska."),
        ("en", "Serves in Finnish and Swedish."),
    ],
)
def test_the_languages_line(language, line):
    lines = provider_lines(language, languages=["sv", "fi"])
    assert line in lines
    assert lines.index(line) == 4  # after the name, address, distance and forms


def test_three_languages_are_a_list():
    lines = provider_lines("en", languages=["fi", "sv", "en"])
    assert "Serves in Finnish, Swedish and English." in lines


def test_finnish_says_the_languages_only_when_finnish_is_not_among_them():
    assert not any(
        line.startswith("Palvelee") for line in provider_lines("fi", languages=["fi", "sv"])
    )
    assert "Palvelee ruotsiksi." in provider_lines("fi", languages=["sv"])
    assert not any(line.startswith("Serves") for line in provider_lines("en", languages=[]))
    assert not any(line.startswith("Serves") for line in provider_lines("en", languages=["ru"]))


def test_a_swedish_speaker_hears_about_a_finnish_only_place():
    assert "Betjänar på finska." in provider_lines("sv", languages=["fi"])


def test_swedish_answer_from_start_to_end():
    said = render(result_of([hit(languages=["fi", "sv"])], "sv"), "sv")
    assert said[0] == "Här kan du få hjälp (Helsingfors):"
    assert said[1].splitlines() == [
        "ESIMERKKI: Paikka",
        "Adress: Esimerkkikatu 1, Oulu",
        "Cirka 0,4 km från kommunens centrum.",
        "Hjälp: handledning på plats, hembesök",
        "Betjänar på finska och svenska.",
        "Telefon: +358 000 0000 (esimerkki)",
        "Öppet nu, till kl. 16.00.",
    ]


def test_a_swedish_relative_gets_the_swedish_relative_voice():
    said = render(result_of([hit()], "sv"), "sv", asker="relative")
    assert said[0].startswith("Din närstående kan få hjälp")


def test_english_numbers_and_times():
    lines = provider_lines("en", distance_km=2.46)
    assert "About 2.5 km from the centre of the municipality." in lines
    assert "Open now, until 16:00." in lines
    assert present.format_km(2.46, "sv") == "2,5" and present.format_km(2.46, "en") == "2.5"
    assert present.format_time(datetime(2025, 1, 1, 9, 5), "en") == "9:05"
    assert present.format_time(datetime(2025, 1, 1, 9, 5), "sv") == "9.05"


def test_the_card_carries_the_languages():
    result = result_of([hit(languages=["fi", "sv"])], "sv")
    (message,) = [m for m in present.plan_reply(result, FRIDAY_MORNING) if m.response == PROVIDER]
    say = present.domain_say(RESPONSES, {"language": "sv"})
    card = provider_card(say, message.values)["provider"]
    assert card["languages"] == ["fi", "sv"]
    assert card["languages_text"] == "Betjänar på finska och svenska."
    assert card["kinds_of_help"] == ["handledning på plats", "hembesök"]


def test_variations_most_specific_first():
    variants = [
        {"condition": [{"type": "slot", "name": "asker", "value": "relative"}], "text": "fi rel"},
        {"text": "fi"},
        {
            "condition": [
                {"type": "slot", "name": "language", "value": "sv"},
                {"type": "slot", "name": "asker", "value": "relative"},
            ],
            "text": "sv rel",
        },
        {"condition": [{"type": "slot", "name": "language", "value": "sv"}], "text": "sv"},
    ]
    choose = present.choose_variant
    assert choose(variants, {"language": "sv", "asker": "relative"})["text"] == "sv rel"
    assert choose(variants, {"language": "sv", "asker": "self"})["text"] == "sv"
    assert choose(variants, {"language": None, "asker": "relative"})["text"] == "fi rel"
    assert choose(variants, {})["text"] == "fi"


def test_the_response_generator_says_it_in_the_conversation_language():
    from bot.directory.nlg import DirectoryNLG

    result = result_of([hit(languages=["fi", "sv"])], "sv")
    (message,) = [m for m in present.plan_reply(result, FRIDAY_MORNING) if m.response == PROVIDER]
    nlg = DirectoryNLG(responses=RESPONSES)
    slots = {"language": "sv", "asker": "relative"}
    said = nlg.generate_from_slots(PROVIDER, slots, "rest", **message.values)
    assert "Betjänar på finska och svenska." in said["text"].split("\n")
    assert "Hjälp: handledning på plats, hembesök" in said["text"].split("\n")
    assert said["custom"]["provider"]["languages_text"] == "Betjänar på finska och svenska."


def test_a_web_page_in_the_conversation_language_comes_first():
    from types import SimpleNamespace

    from bot.directory.search import first_contact

    pages = [
        SimpleNamespace(kind="web", value="https://x.invalid/fi", language="fi", id=1),
        SimpleNamespace(kind="web", value="https://x.invalid/sv", language="sv", id=2),
        SimpleNamespace(kind="web", value="https://x.invalid/", language=None, id=3),
    ]
    location = SimpleNamespace(contacts=pages)
    assert first_contact(location, "web").value.endswith("/fi")
    assert first_contact(location, "web", "sv").value.endswith("/sv")
    assert first_contact(location, "web", "en").value.endswith("/fi")
