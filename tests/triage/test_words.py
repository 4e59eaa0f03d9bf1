"""Words of a message on real Finnish through Voikko: bases, past tense, negation, clauses."""

import pytest

from bot.triage.words import NEGATIONS, analyse_word, clauses, negated, words_of


@pytest.mark.parametrize(
    "surface, base",
    [
        ("annoin", "antaa"),
        ("laitoin", "laittaa"),
        ("syötin", "syöttää"),
        ("kysyi", "kysyä"),
        ("hävis", "hävitä"),  # chat form Voikko does not know: the normaliser's base
        ("antanu", "antanut"),
        ("tililtä", "tili"),
        ("tunnarit", "tunnus"),  # slang for bank codes
        ("oon", "olla"),
        ("mun", "minä"),
    ],
)
def test_a_word_carries_its_base_forms(surface, base):
    assert base in analyse_word(surface).bases


def test_compound_parts_are_bases_too():
    bases = analyse_word("pankkitunnukset").bases
    assert {"pankkitunnus", "pankki", "tunnus"} <= bases


@pytest.mark.parametrize(
    "surface", ["annoin", "antoi", "kysyi", "lähti", "vei", "viety", "annettu", "kävi"]
)
def test_past_tense_and_past_participles_are_past(surface):
    word = analyse_word(surface)
    assert word.past
    assert word.verb


@pytest.mark.parametrize("surface", ["antanu", "laittanu", "hävis", "nähny", "syöttäny"])
def test_colloquial_past_forms_voikko_does_not_know_are_past(surface):
    word = analyse_word(surface)
    assert word.past
    assert word.verb


@pytest.mark.parametrize("surface", ["annan", "antaa", "kysyy", "laitan", "syötän", "soittaa"])
def test_present_tense_is_not_past(surface):
    word = analyse_word(surface)
    assert not word.past
    assert word.verb


@pytest.mark.parametrize("surface", ["tililtä", "pankkitunnukset", "kallis", "lasi", "mies"])
def test_nouns_and_adjectives_are_neither_past_nor_verbs(surface):
    word = analyse_word(surface)
    assert not word.past
    assert not word.verb


def test_is_matches_surface_or_base_from_any_iterable():
    word = analyse_word("annoin")
    assert word.is_({"antaa"})
    assert word.is_(["antaa", "viedä"])  # a list works as well as a set
    assert word.is_(("annoin",))  # the surface itself
    assert not word.is_({"viedä", "laittaa"})


def test_starts_with_looks_at_surface_and_bases():
    word = analyse_word("pankkitunnuksia")
    assert word.starts_with(("pankkitun",))
    assert analyse_word("annoin").starts_with(("ant",))  # through the base "antaa"
    assert not word.starts_with(("salas", "kortti"))


def test_words_of_lower_cases_and_keeps_hyphenated_words_and_numbers():
    words = words_of("Mä ANNOIN 2 kertaa pin-koodin, ok?")
    assert [w.surface for w in words] == ["mä", "annoin", "2", "kertaa", "pin-koodin", "ok"]
    assert words[1].past


@pytest.mark.parametrize("text", ["", "   ", "?!...", "\n"])
def test_words_of_without_words_is_empty(text):
    assert words_of(text) == []


@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("en antanut tunnuksia", 1, True),
        ("en antanut tunnuksia", 0, False),  # nothing before the negation itself
        ("en mä oo antanu tunnuksia", 3, True),  # within three words
        ("en mä oo antanu tunnuksia", 4, False),  # the object is four words away
        ("ei se antanut pin-koodia", 2, True),
        ("enkä mä laittanut mitään", 2, True),
        ("annoin tunnukset en tiedä miksi", 0, False),  # a negation after does not count
        ("et annoit tunnukset", 1, False),  # chat "et" is "että"
        ("tytär sanoi et mä annoin ne", 4, False),
    ],
)
def test_negated_looks_at_the_words_before(text, index, expected):
    assert negated(words_of(text), index) is expected


def test_negated_window_can_be_narrowed():
    words = words_of("en oo kyllä antanut")
    assert negated(words, 3)
    assert not negated(words, 3, window=2)


def test_et_is_not_a_negation_word():
    assert "et" not in NEGATIONS
    assert {"ei", "en", "eikä", "enkä"} <= NEGATIONS


def _parts(text):
    return [part.strip() for part in clauses(text) if part.strip()]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Annoin tunnukset. Rahat on tallessa!", ["annoin tunnukset", "rahat on tallessa"]),
        ("rahat on tallessa mutta lompakko hävis", ["rahat on tallessa", "lompakko hävis"]),
        ("en antanu mut joku soitti", ["en antanu", "joku soitti"]),
        ("ei tililtä vaan kortilta", ["ei tililtä", "kortilta"]),
        ("eka rivi\ntoka rivi; kolmas?", ["eka rivi", "toka rivi", "kolmas"]),
        ("mutterit ja mutka vaani", ["mutterit ja mutka vaani"]),  # only whole words cut
        ("yksi lause ilman rajaa", ["yksi lause ilman rajaa"]),
    ],
)
def test_clauses_cut_at_punctuation_and_but(text, expected):
    assert _parts(text) == expected


@pytest.mark.parametrize("text", ["", "...", "!?"])
def test_clauses_of_punctuation_only_are_empty(text):
    assert clauses(text) == []
