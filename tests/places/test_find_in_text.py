"""find_in_text on real Finnish sentences (real Voikko, real reference data)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.places import get_index


def found(text):
    return [(m.municipality.name_fi, m.matched_text, m.via) for m in get_index().find_in_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asun Hailuodossa ja tarvitsen apua", [("Hailuoto", "Hailuodossa", "name")]),
        ("mun äiti asuu vantaalla", [("Vantaa", "vantaalla", "name")]),
        ("Olen Lahdessa", [("Lahti", "Lahdessa", "name")]),
        ("asun lahdessa", [("Lahti", "lahdessa", "name")]),  # place context: "asua"
        # living a few words before a locative: "asua" + fillers
        ("mä asun nykyään kyllä kotkassa", [("Kotka", "kotkassa", "name")]),
        ("mummo asuu siellä vanhassa talossa salossa", [("Salo", "salossa", "name")]),
        ("salon kaupungin palvelut", [("Salo", "salon", "name")]),  # context: "kaupunki"
        ("helsingissä", [("Helsinki", "helsingissä", "name")]),
        (
            "tampereella ja oulussa",
            [("Tampere", "tampereella", "name"), ("Oulu", "oulussa", "name")],
        ),
        ("asun turussa", [("Turku", "turussa", "name")]),
        ("Mänttä-Vilppulassa", [("Mänttä-Vilppula", "Mänttä-Vilppulassa", "name")]),
        ("Pedersören kunnassa", [("Pedersören kunta", "Pedersören kunnassa", "name")]),
        ("Pedersöressä", [("Pedersören kunta", "Pedersöressä", "name")]),
        ("Koski Tl on pieni", [("Koski Tl", "Koski Tl", "name")]),
        ("bor i Vasa", [("Vaasa", "Vasa", "name")]),
        ("Helsingfors och Esbo", [("Helsinki", "Helsingfors", "name"), ("Espoo", "Esbo", "name")]),
        ("Maarianhaminassa", [("Maarianhamina", "Maarianhaminassa", "name")]),
        ("Uudessakaupungissa", [("Uusikaupunki", "Uudessakaupungissa", "name")]),
        ("Valtimossa", [("Nurmes", "Valtimossa", "name")]),
        ("Lemlandissa", [("Lemland", "Lemlandissa", "name")]),
        ("Virroilla", [("Virrat", "Virroilla", "name")]),
        ("Haukiputaalla", [("Oulu", "Haukiputaalla", "post_office")]),
        ("Halikossa", [("Salo", "Halikossa", "post_office")]),
        ("Asun Nokialla", [("Nokia", "Nokialla", "name")]),
        ("Oulun kirjasto", [("Oulu", "Oulun", "name")]),
        ("asun Ii:ssä", [("Ii", "Ii:ssä", "name")]),
        ("Asun Kaarinassa", [("Kaarina", "Kaarinassa", "name")]),
        ("Simon kunta", [("Simo", "Simon", "name")]),
        ("Lahti", [("Lahti", "Lahti", "name")]),  # a one-word answer is a place
        ("kotka", [("Kotka", "kotka", "name")]),
        ("salo 24100", [("Salo", "salo", "name"), ("Salo", "24100", "postal_code")]),
        ("Asun oulussa.tarvitsen apua", [("Oulu", "oulussa", "name")]),
        ("ASUN OULUSSA", [("Oulu", "OULUSSA", "name")]),
        ("asun jarvenpaassa", [("Järvenpää", "jarvenpaassa", "name")]),  # no umlauts typed
        ("Hameenlinnassa", [("Hämeenlinna", "Hameenlinnassa", "name")]),
        ("90100", [("Oulu", "90100", "postal_code")]),
        ("postinumero on 00100", [("Helsinki", "00100", "postal_code")]),
        (
            "90100 Oulu",
            [("Oulu", "90100", "postal_code"), ("Oulu", "Oulu", "name")],
        ),
        (
            "postinumerot 90100, 00100",
            [("Oulu", "90100", "postal_code"), ("Helsinki", "00100", "postal_code")],
        ),
    ],
)
def test_finds(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "järven lahdessa on mökki",
        "kotkassa on pesä",
        "asun mökillä kesät ja kalastan lahdessa",  # living, but too far from the bay
        "kalastan lahdessa",
        "me asutaan mökillä joen lahdessa",  # the bay of a river
        "koskella kalastin",
        "salon sohva",
        "kolarissa meni auto rikki",
        "Mulla on Nokia ja Samsung",
        "Nokian puhelin",
        "II maailmansota",
        "Kaarinalla on uusi kone",  # Kaarina the person
        "Olen Simon kanssa",
        "Inarin kanssa soitin",
        "info@oulu.fi",
        "katso www.salo.fi tai oulu.fi",
        "En osaa käyttää verkkopankkia",
        "Sain viestin Kelalta eikä se aukea",
        "Miten kirjaudun OmaKantaan?",
        "Mä en tiiä miten tää toimii",
        "Mobiilivarmenne ei toimi",
        "Tarvitsen jonkun joka tulee kotiin auttamaan",
        "soita 040 123 4567",
        "Puhelinnumero +358 40 12345",
        "040 12345",
        "Tilinumero FI21 1234 5600 0007 85",
        "Tilaus 123456789",
        "Hinta 12345,50 euroa",
        "Päivämäärä 12.10.2023",
        "Hetu 131052-308T",
        "12345",  # five digits but not a postal code
        "koodi 00000",
        "🙂🙂🙂",
    ],
)
def test_finds_nothing(text):
    assert found(text) == []


def test_offsets_point_into_the_text():
    text = "Äitini asuu Hailuodossa, minä Oulussa (90100)."
    for match in get_index().find_in_text(text):
        assert text[match.start : match.end] == match.matched_text
    assert [m.municipality.name_fi for m in get_index().find_in_text(text)] == [
        "Hailuoto",
        "Oulu",
        "Oulu",
    ]


def test_matches_are_in_text_order():
    matches = get_index().find_in_text("Oulusta muutin Espooseen, sitten Vantaalle")
    assert [m.municipality.name_fi for m in matches] == ["Oulu", "Espoo", "Vantaa"]
    assert [m.start for m in matches] == sorted(m.start for m in matches)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_text_is_safe_and_offsets_are_consistent(text):
    for match in get_index().find_in_text(text):
        assert text[match.start : match.end] == match.matched_text
        assert match.via in ("name", "postal_code", "post_office")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Asun", "Oulussa", "ja", "90100", "mä", "lahdessa", ",", "Vantaalla"]),
        max_size=8,
    )
)
def test_random_word_salad(words):
    text = " ".join(words)
    for match in get_index().find_in_text(text):
        assert text[match.start : match.end] == match.matched_text


def test_a_municipal_institution_makes_a_first_name_a_place():
    from bot.places import get_index

    found = get_index().find_in_text("Loviisan kirjastosta moi, asiakas tarvitsee apua")
    assert [match.municipality.name_fi for match in found] == ["Loviisa"]
    assert get_index().find_in_text("Loviisan puhelin on rikki") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sosiaalityöntekijä inarista. asiakkaalla muistisairaus", "Inari"),  # inner locative
        ("asiakas 82v, ei verkkopankkia, tampre, taso 3", "Tampere"),  # a typo Voikko corrects
        ("asun rovaniemmellä", "Rovaniemi"),
    ],
)
def test_lower_case_person_name_places_and_corrected_typos_are_found(text, name):
    assert [m.municipality.name_fi for m in get_index().find_in_text(text)] == [name]


@pytest.mark.parametrize(
    "text",
    ["kaarinalla on uus kone", "salla sano et", "kirjottaa on vaikeeta", "mä en tiiä mitää"],
)
def test_people_and_unknown_chat_words_are_not_places(text):
    assert get_index().find_in_text(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no mistä mä sit kysyn, asun jkl:ssä", "Jyväskylä"),
        ("isä asuu tku:ssa", "Turku"),
        ("asun tre", "Tampere"),
        ("hki", "Helsinki"),
        ("oon stadissa töissä", "Helsinki"),
        ("mansessa asutaan", "Tampere"),
    ],
)
def test_the_cities_chat_shorthand_is_a_place(text, expected):
    assert [name for name, _, _ in found(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "jag har tre barn",  # Swedish for three
        "tre kertaa yritin",  # a bare code with no place context
        "jkl-yliopiston sivuilla",  # a code inside a compound is not a place
    ],
)
def test_a_bare_letter_code_needs_a_place_context(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nokialla asuu. miten se valtuutus sit tehään", "Nokia"),
        ("salossa asutaan molemmat", "Salo"),
        ("lahdessa asuu isä", "Lahti"),
    ],
)
def test_a_name_that_is_also_a_word_is_a_place_before_a_verb_of_living(text, expected):
    assert [name for name, _, _ in found(text)] == [expected]


@pytest.mark.parametrize("text", ["nokialla on hyvät puhelimet", "lahdessa uin kesällä"])
def test_without_living_the_word_stays_a_word(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("asutaan rovanimellä", [("Rovaniemi", "rovanimellä", "name")]),  # a letter dropped
        ("mä asun seinäjoela", [("Seinäjoki", "seinäjoela", "name")]),
        ("okei, osaan kyl itekin, asun hesas", [("Helsinki", "hesas", "name")]),  # slang
        (
            "asiakas ei saa liitettä auki, taso 2, tku",
            [("Turku", "tku", "name")],
        ),  # a list's last item
    ],
)
def test_typos_slang_and_shorthand_of_finnish_places(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["kotona kirjottamaan", "puhelimella soitellaan", "tku-kortti"])
def test_a_word_one_letter_from_a_place_form_is_not_always_a_place(text):
    assert found(text) == []
