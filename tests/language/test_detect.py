"""Which language a message is written in, or asks for (real Lingua, real place index)."""

import pytest

from bot.language.detect import (
    LANGUAGES,
    LanguageReading,
    normalise,
    read_language,
    requested_language,
    without_names,
    written_language,
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jag behöver hjälp med nätbanken", "sv"),
        ("Min pappa kan inte använda bankkoderna", "sv"),
        ("hej jag behöver hjälp", "sv"),
        ("I need help with my online bank", "en"),
        ("My mother cannot use her bank codes", "en"),
        ("Hello, can you help me with Suomi.fi messages?", "en"),
        ("Tarvitsen apua verkkopankin kanssa", "fi"),
        ("äitini ei osaa käyttää pankkitunnuksia", "fi"),
    ],
)
def test_a_clear_sentence_is_read_in_its_language(text, language):
    assert written_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Finnish place and service names would make Lingua read these as Finnish.
        ("I live in turku", "en"),
        ("im in espoo and need help", "en"),
        ("kela online doesn't work for me", "en"),
        ("min mamma i Esbo kan int logga in på kela", "sv"),
        ("Jag bor i Vasa och behöver hjälp", "sv"),
    ],
)
def test_finnish_place_and_service_names_do_not_make_a_message_finnish(text, language):
    assert written_language(text) == language


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("I live in turku", "I live in"),
        ("min mamma i Esbo kan int logga in på kela", "min mamma i kan int logga in på"),
        ("Hello, can you help me with Suomi.fi messages?", "Hello, can you help me with messages?"),
    ],
)
def test_names_and_addresses_are_taken_out_before_lingua_reads(text, left):
    assert without_names(text) == left


@pytest.mark.parametrize("text", ["ok", "ja", "no", "Helsinki", "", "!!", "kela", "Esbo?"])
def test_a_short_or_ambiguous_message_says_nothing(text):
    assert written_language(text) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hej", "sv"),
        ("Hejsan!", "sv"),
        ("tack så mycket", "sv"),
        ("kiitos", "fi"),
        ("Moi", "fi"),
        ("thanks", "en"),
        ("Thank you!", "en"),
    ],
)
def test_unambiguous_one_word_openers_and_thanks_count_alone(text, language):
    assert written_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("på svenska", "sv"),
        ("kan du svara på svenska?", "sv"),
        ("svenska", "sv"),  # the answer to "which language?"
        ("voitko puhua ruotsia", "sv"),
        ("in English please", "en"),
        ("English?", "en"),
        ("svara på engelska", "en"),
        ("englanniksi kiitos", "en"),
        ("puhu suomea", "fi"),
        ("suomeksi kiitos", "fi"),
        ("vastaa suomeksi", "fi"),
        ("kan du prata finska?", "fi"),
        ("Suomi.fi-meddelanden på svenska", "sv"),
    ],
)
def test_a_short_request_asks_for_its_language(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "My grandmother only speaks Swedish and she got a letter from Kela that she cannot read "
        "and now she is worried about it",
        "the Swedish name of the town",  # a mention, no request word
        "ei suomeksi vaan ruotsiksi",  # two languages: left to the written language
        "hej",
        "I need help with my online bank",
        # The service Suomi.fi is not the Finnish language.
        "suomi.fi",
        "Suomi.fi?",
        "suomi.fi please",
        "kan du hjälpa mig med suomi.fi",
        "Suomi.fi-viestit",
    ],
)
def test_a_mention_or_a_service_name_is_not_a_request(text):
    assert requested_language(text) is None


def test_a_request_is_stronger_than_the_language_it_is_written_in():
    reading = read_language("voitko puhua ruotsia")
    assert reading == LanguageReading(requested="sv", written="fi")
    assert reading.language == "sv"


def test_the_written_language_counts_when_nothing_is_requested():
    assert read_language("Jag behöver hjälp med nätbanken").language == "sv"
    assert read_language("ok").language is None


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("sv-FI", "sv"),
        ("sv_FI", "sv"),
        ("EN", "en"),
        ("en-GB", "en"),
        (" fi ", "fi"),
        ("fi", "fi"),
        ("de", None),
        ("", None),
        ("swedish", None),
        (5, None),
        (None, None),
        (["sv"], None),
    ],
)
def test_normalise_keeps_only_our_languages(code, language):
    assert normalise(code) == language


def test_the_languages_are_finnish_swedish_and_english():
    assert set(LANGUAGES) == {"fi", "sv", "en"}


@pytest.mark.parametrize(("language", "other"), [("sv", "en"), ("en", "sv")])
def test_the_held_out_messages_are_read_in_their_language(language, other):
    """Real people's messages (tests/heldout): nearly all read in their language, none in the
    other foreign one (a Finnish reading is possible: "moi", a quoted Finnish term)."""
    from bot.evaluation.heldout import HELDOUT_FILES, load_heldout

    readings = [written_language(m.text) for m in load_heldout(HELDOUT_FILES[language])]
    assert other not in readings
    assert readings.count(language) >= 0.9 * len(readings)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mitt personnummer är [henkilötunnus poistettu], kan du hjälpa mej med nätbanken", "sv"),
        ("my card is [kortin numero poistettu] and someone used it, what do i do now", "en"),
    ],
)
def test_the_guards_placeholders_are_not_the_persons_words(text, language):
    """The guard's Finnish placeholder would otherwise turn a Swedish conversation Finnish."""
    assert read_language(text).language == language


def test_a_message_that_is_only_a_placeholder_says_nothing():
    assert read_language("[henkilötunnus poistettu]").language is None
