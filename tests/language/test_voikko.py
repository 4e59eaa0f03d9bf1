"""FinnishAnalyzer with the real Voikko dictionary."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language import FinnishAnalyzer, get_analyzer
from bot.language.colloquial import COLLOQUIAL_FORMS, truncated_locative_candidates
from bot.language.distance import damerau_levenshtein
from bot.language.special_tokens import special_base
from bot.language.umlauts import restore_umlauts


@pytest.fixture(scope="module")
def analyzer() -> FinnishAnalyzer:
    return get_analyzer()


def test_shared_instance():
    assert get_analyzer() is get_analyzer()


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("pankkitunnuksillani", "pankkitunnus"),
        ("verkkopankkia", "verkkopankki"),
        ("tietokoneella", "tietokone"),
        ("Hailuodossa", "Hailuoto"),  # proper noun keeps its capital
        ("Lahdessa", "Lahti"),  # capitalised: the city
        ("lahdessa", "lahti"),  # lower case: the bay
        ("Olen", "olla"),  # sentence-initial capital on a common word
        ("tuen", "tuki"),  # hand-picked reading
        ("voisi", "voida"),  # not "your butter"
        ("viestit", "viesti"),
    ],
)
def test_base_form(analyzer, word, base):
    assert analyzer.base_form(word) == base


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("mä", "minä"),
        ("Mä", "minä"),
        ("sä", "sinä"),
        ("mie", "minä"),
        ("mulla", "minä"),
        ("mul", "minä"),
        ("sun", "sinä"),
        ("oon", "olla"),
        ("oot", "olla"),
        ("oo", "olla"),
        ("tiiä", "tietää"),
        ("tarttee", "tarvita"),
        ("tunnarit", "tunnus"),
        ("koneel", "kone"),  # truncated adessive
        ("puhelimes", "puhelin"),  # truncated inessive
        ("tarvitsis", "tarvita"),  # conditional without its final i
        ("maksanu", "maksanut"),  # past participle without its t
        ("ollu", "olla"),  # ... and then the hand-picked base of "ollut"
        ("ootko", "olla"),
        ("moikka", "moikka"),  # its own word: it opens and closes conversations
        ("postinro", "postinumero"),
        ("kayttaa", "käyttää"),  # umlauts typed as a/o
        ("tyoton", "työtön"),
    ],
)
def test_colloquial_forms(analyzer, word, base):
    assert analyzer.base_form(word) == base


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("Suomi.fi", "suomi.fi"),
        ("suomifi", "suomi.fi"),
        ("Suomi.fi-viestit", "suomi.fi-viesti"),
        ("Suomi.fi-viesteihin", "suomi.fi-viesti"),
        ("suomifi-viestejä", "suomi.fi-viesti"),
        ("OmaKanta", "omakanta"),
        ("Omakanta", "omakanta"),
        ("OmaKantaan", "omakanta"),
        ("Kela", "kela"),
        ("Kelalta", "kela"),
        ("Kelaan", "kela"),
        ("OmaVero", "omavero"),
        ("OmaVerossa", "omavero"),
        ("WhatsApp", "whatsapp"),
        ("Whatsappia", "whatsapp"),
        ("whatsappiin", "whatsapp"),
        ("mobiilivarmenne", "mobiilivarmenne"),
        ("mobiilivarmenteella", "mobiilivarmenne"),
        ("BankID", "bankid"),
        ("BankID:llä", "bankid"),
    ],
)
def test_special_tokens(analyzer, word, base):
    assert analyzer.base_form(word) == base


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("pankkitunnuksillani", ["pankki", "tunnus"]),
        ("verkkopankkia", ["verkko", "pankki"]),
        ("käyttäjätunnus", ["käyttäjä", "tunnus"]),
        ("sähköpostiin", ["sähkö", "posti"]),
        ("mobiilivarmenteella", ["mobiili", "varmenne"]),
        ("kalasteluviesti", ["kalastelu", "viesti"]),
        ("Suomi.fi-viesteihin", ["suomi.fi", "viesti"]),
        ("asiointi", []),  # a derivation, not a compound
        ("kuuluu", []),  # the verb, not "moon" + "bone"
        ("pankki", []),
        ("xyzzyq", []),
        ("", []),
    ],
)
def test_compound_parts(analyzer, word, parts):
    assert analyzer.compound_parts(word) == parts


def test_spelling_suggestion_only_when_close(analyzer):
    assert analyzer.suggest("pankkitunnkset") == "pankkitunnukset"
    assert analyzer.base_form("pankkitunnkset", correct_spelling=True) == "pankkitunnus"
    assert analyzer.base_form("pankkitunnkset") == "pankkitunnkset"  # not corrected by default
    assert analyzer.suggest("oon") is None  # colloquial, known
    assert analyzer.suggest("jees") is None  # too short to correct safely
    assert analyzer.suggest("pankki") is None  # already correct
    assert analyzer.suggest("qwrtzxvbnm") is None  # nothing close


def test_is_known(analyzer):
    assert analyzer.is_known("verkkopankkia")
    assert analyzer.is_known("mä")
    assert analyzer.is_known("Suomi.fi")
    assert not analyzer.is_known("pankkitunnkset")
    assert not analyzer.is_known("")


@pytest.mark.parametrize(
    "word", ["", " ", "123", "90100", "😀", "...", "?!", "a" * 5000, "\x00", "-", "--a--", ":"]
)
def test_odd_input_never_crashes(analyzer, word):
    assert isinstance(analyzer.base_form(word), str)
    assert isinstance(analyzer.base_form(word, correct_spelling=True), str)
    assert isinstance(analyzer.compound_parts(word), list)
    assert analyzer.suggest(word) is None or isinstance(analyzer.suggest(word), str)
    assert isinstance(analyzer.analyses(word), list)


def test_digits_and_unknown_words_come_back_normalised(analyzer):
    assert analyzer.base_form("90100") == "90100"
    assert analyzer.base_form("Xyzzyq") == "xyzzyq"
    assert analyzer.base_form("  pankki ") == "pankki"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_safe(word):
    analyzer = get_analyzer()
    assert isinstance(analyzer.base_form(word, correct_spelling=True), str)
    assert isinstance(analyzer.compound_parts(word), list)


def test_analyses_are_copies(analyzer):
    first = analyzer.analyses("pankki")
    first[0]["BASEFORM"] = "rikki"
    assert analyzer.analyses("pankki")[0]["BASEFORM"] == "pankki"


def test_concurrent_use_gives_same_answers(analyzer):
    words = ["verkkopankkia", "Hailuodossa", "mulla", "tietokoneella", "viesteihin"] * 40
    expected = [analyzer.base_form(w) for w in words]
    fresh = FinnishAnalyzer()
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(fresh.base_form, words))
    assert got == expected


def test_every_colloquial_replacement_is_a_word_voikko_knows(analyzer):
    unknown = [v for v in COLLOQUIAL_FORMS.values() if not analyzer.analyses(v)]
    assert unknown == []


def test_truncated_endings_need_a_long_word():
    assert truncated_locative_candidates("koneel") == ["koneella"]
    assert truncated_locative_candidates("puhelimes") == ["puhelimessa", "puhelimesi"]
    assert truncated_locative_candidates("ollu") == ["ollut"]
    assert truncated_locative_candidates("sil") == []


def test_umlauts_are_restored_only_when_unambiguous():
    known = {"käyttää", "mitä", "tämä", "tama"}.__contains__
    assert restore_umlauts("kayttaa", known) == "käyttää"
    assert restore_umlauts("mita", known) == "mitä"
    assert restore_umlauts("käyttaa", known) is None  # writer has umlauts: other typo
    assert restore_umlauts("xyz", known) is None
    assert restore_umlauts("a" * 7, known) is None  # too many combinations to try
    assert restore_umlauts("sama", {"sämä", "samä"}.__contains__) is None  # ambiguous


def test_special_base_needs_a_case_ending_after_the_stem():
    assert special_base("kelasta") == "kela"
    assert special_base("kelaaja") is None


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("abc", "", 3), ("tunnus", "tunnsu", 1), ("kissa", "kassi", 2), ("ab", "ba", 1)],
)
def test_damerau_levenshtein(a, b, distance):
    assert damerau_levenshtein(a, b) == distance
