"""Swedish and English writers' place names (real Voikko, real reference data): prepositions of
place, Swedish genitives, and a municipality's name in the reader's language."""

import pytest

from bot.places import get_index


def found(text):
    return [(m.municipality.name_fi, m.matched_text) for m in get_index().find_in_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bor i esbo", [("Espoo", "esbo")]),  # lower case after a preposition of place
        ("jag bor i esbo", [("Espoo", "esbo")]),
        ("bor i borgå", [("Porvoo", "borgå")]),
        ("min mamma i Esbo kan int logga in på kela", [("Espoo", "Esbo")]),
        ("i Lovisa", [("Loviisa", "Lovisa")]),
        ("till Lovisa", [("Loviisa", "Lovisa")]),
        ("från Borgå", [("Porvoo", "Borgå")]),
        ("in helsingfors", [("Helsinki", "helsingfors")]),
        ("I moved to helsingfors", [("Helsinki", "helsingfors")]),
        ("I live in turku", [("Turku", "turku")]),
        ("im in espoo", [("Espoo", "espoo")]),
        ("near espoo", [("Espoo", "espoo")]),
        ("min mamma bor i Kimitoön", [("Kemiönsaari", "Kimitoön")]),
    ],
)
def test_a_name_after_a_swedish_or_english_preposition_is_a_place(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Esbos bibliotek", [("Espoo", "Esbos")]),
        ("Vasas stadsbibliotek", [("Vaasa", "Vasas")]),
        ("Kimitoöns bibliotek", [("Kemiönsaari", "Kimitoöns")]),
    ],
)
def test_a_capitalised_swedish_genitive_is_a_place(text, expected):
    assert found(text) == expected


def test_a_lower_case_swedish_genitive_is_not():
    assert found("esbos bibliotek") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kimitoön", [("Kemiönsaari", "kimitoön")]),
        ("kimitoön?", [("Kemiönsaari", "kimitoön")]),
        ("vasa", [("Vaasa", "vasa")]),
        ("Helsingfors", [("Helsinki", "Helsingfors")]),
    ],
)
def test_a_swedish_name_alone_answers_where(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hon heter Lovisa",  # a woman's name: Loviisa needs a preposition of place
        "Lovisa ringde mig",
        "jag ringde lovisa",
    ],
)
def test_lovisa_the_person_is_not_a_place(text):
    assert found(text) == []


def test_a_person_named_lovisa_next_to_a_place_leaves_only_the_place():
    assert found("Hon heter Lovisa och bor i Esbo") == [("Espoo", "Esbo")]


@pytest.mark.parametrize(
    "text",
    [
        # A lower-case Swedish-only name without a preposition in a longer Finnish sentence:
        # short Swedish words collide with Finnish chat, so it needs a capital.
        "asun vasa ja tarvitsen apua",
        "mun mummo asuu vasa lähellä",
        "ollaan vasa kans",
    ],
)
def test_a_lower_case_swedish_name_in_a_finnish_sentence_is_not_a_place(text):
    assert found(text) == []


def test_the_same_sentence_with_a_capital_is_a_place():
    assert found("Mun äiti asuu Vasa") == [("Vaasa", "Vasa")]


def test_both_places_of_a_swedish_correction_are_found():
    assert found("nej int Vasa, ja bor i Korsholm") == [
        ("Vaasa", "Vasa"),
        ("Mustasaari", "Korsholm"),
    ]


# ------------------------------------------------------------------ name_in


@pytest.mark.parametrize(
    ("name", "language", "shown"),
    [
        ("Espoo", "sv", "Esbo"),
        ("Espoo", "en", "Espoo"),
        ("Espoo", "fi", "Espoo"),
        ("Esbo", "fi", "Espoo"),  # a Swedish name is read too
        ("Esbo", "en", "Espoo"),
        ("helsinki", "sv", "Helsingfors"),
        ("Helsingfors", "fi", "Helsinki"),
        ("Kemiönsaari", "sv", "Kimitoön"),
        ("Hailuodossa", "sv", "Karlö"),  # an inflected name too
        ("Tampere", "sv", "Tammerfors"),
        ("Inari", "sv", "Enare"),
    ],
)
def test_name_in_gives_the_readers_name(name, language, shown):
    assert get_index().name_in(name, language) == shown


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_name_in_keeps_a_name_that_is_no_municipality(language):
    assert get_index().name_in("Tukholma", language) == "Tukholma"


@pytest.mark.parametrize(
    ("name", "language", "shown"),
    [
        ("Akaa", "sv", "Akaa"),  # the same name in both languages
        ("Maarianhamina", "sv", "Mariehamn"),
        ("Mariehamn", "en", "Maarianhamina"),  # English uses the Finnish name
        ("Pedersöre", "sv", "Pedersöre"),
        ("Pedersöre", "en", "Pedersören kunta"),  # its official Finnish name
    ],
)
def test_name_in_with_bilingual_and_swedish_named_municipalities(name, language, shown):
    assert get_index().name_in(name, language) == shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Finnish names that are also everyday words (eagle, bay, grove, pitchfork) or first names
        ("home care worker in salo. a client got a tablet", [("Salo", "salo")]),
        ("my mom lives alone in kotka and we are in canada", [("Kotka", "kotka")]),
        ("my grandma in hanko has cataract", [("Hanko", "hanko")]),
        ("she live in loviisa, me in tallinn", [("Loviisa", "loviisa")]),
        ("bills everywhere in his flat in lahdessa", [("Lahti", "lahdessa")]),
        ("min mor (84) i lovisa har aldrig haft bankkoder", [("Loviisa", "lovisa")]),
        # post office names of a municipality's towns, as written
        ("jobbar som digistödjare här i ekenäs", [("Raasepori", "ekenäs")]),
        ("the library in ekenäs", [("Raasepori", "ekenäs")]),
        ("bor i Karis", [("Raasepori", "Karis")]),
    ],
)
def test_a_preposition_of_place_settles_a_name_that_is_also_a_word(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "gave the codes to loviisa",  # a person: "to" is not "in"
        "a message from kaarina",
        "äiti kävi lahdessa uimassa",  # Finnish: a bay
        "kotka lensi ohi",
    ],
)
def test_a_name_that_is_also_a_word_needs_a_place_reading(text):
    assert found(text) == []


def test_a_swedish_name_as_its_own_last_sentence_is_where_the_writer_is():
    assert found("internet e nere hemma sen måndag, routern blinkar rött. hangö") == [
        ("Hanko", "hangö")
    ]
    assert found("routern blinkar rött hangö borde fixa") == []
