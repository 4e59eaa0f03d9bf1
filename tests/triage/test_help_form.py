"""The form of help asked for: the last wanted form wins, a refused form is never chosen."""

import pytest

from bot.triage.help_form import (
    HELP_FORMS,
    HOME_VISIT,
    IN_PERSON,
    PAPER,
    PHONE,
    REMOTE,
    help_form,
    insists_on_paper,
)


@pytest.mark.parametrize(
    "text, form",
    [
        ("haluaisin apua puhelimitse", PHONE),
        ("olis kiva jos joku sois ja neuvois", PHONE),
        ("onko joku numero mihin mä voisin soittaa", PHONE),
        ("tarviin jonkun joka näyttää kädestä pitäen", IN_PERSON),
        ("tarvis henkilökohtaista ohjausta", IN_PERSON),
        ("entä jos äiti tulee mukaan ja ne neuvoo sitä", IN_PERSON),
        ("onko täällä mitään paikkaa minne vois mennä kysymään", IN_PERSON),
        ("löytyykö teiltä chattia jossa ihminen vastaa", REMOTE),
        ("saako ne paperit vielä postissa kotiin", PAPER),
        ("voisko joku soittaa mulle", PHONE),
        ("voisitteko soittaa", PHONE),
        ("haluisin et joku soittais", PHONE),
        ("soittaa äidille", PHONE),
        ("mistä löydän numeron johon soittaa", PHONE),
        ("en osaa käyttää konetta, voisko joku soittaa mulle", PHONE),
        ("onko jotain puhelinneuvontaa", PHONE),
        ("chatissa vois kysyä", REMOTE),
        ("onko teillä chat", REMOTE),
        ("videopuhelulla olis helpointa", REMOTE),
        ("etänä kiitos", REMOTE),
        ("haluaisin kasvokkain", IN_PERSON),
        ("pääsiskö jonnekin paikan päälle kysymään", IN_PERSON),
        ("pääseekö sinne paikan päälle", IN_PERSON),
        ("voinko mennä kirjastoon käymään", IN_PERSON),
        ("kotikäynti olis hyvä", HOME_VISIT),
        ("voiko joku tulla kotiin auttamaan", HOME_VISIT),
        ("äiti tarvii kotiin tulevaa apua", HOME_VISIT),
        ("en oo varma mut kotikäynti ois kiva", HOME_VISIT),
        ("paperilla", PAPER),
        ("en osaa käyttää nettiä, haluan hoitaa asiat paperilla", PAPER),
        ("saisinko lomakkeen postitse", PAPER),
        # spoken order and forms
        ("Hän ei pysty käyttämään mitään sähköistä, tarvitsisi päätökset paperilla", PAPER),
        ("haluun puhua jonkun kanssa puhelimessa", PHONE),
        ("en oo ennen käyttäny mitään tällasta, tarviin jonkun istumaan viereen", IN_PERSON),
        ("iisalmessa, ja kottiin pitäs tulla ku en pääse liikkeelle", HOME_VISIT),
        ("ja mieluiten niin että joku kävis kotona", HOME_VISIT),
    ],
)
def test_the_form_wanted(text, form):
    assert help_form(text) == (form, ())


@pytest.mark.parametrize(
    "text",
    [
        "puhelin ei toimi",  # a device, not a wish for phone help
        "paperit tuli postissa mut en ymmärrä niitä",  # paper that came, not a wish
        "mun puhelin on rikki",
        "puhelimessa on joku outo viesti",
        "soitin jo pankkiin mutta ei auttanut",
        "sain huijaussoiton",
        "haluun apua",
        "tarviin apua pankkitunnusten kanssa",
        "tarvitsen uuden paperin tulostimeen",
        "istuin sohvalla ja puhelin kaatui",
        "",
    ],
)
def test_no_form_named(text):
    assert help_form(text) == (None, ())


@pytest.mark.parametrize(
    "text, refused",
    [
        ("ei chattia kiitos", REMOTE),
        ("mä en jaksa chattailla", REMOTE),
        ("en halua mennä paikan päälle", IN_PERSON),
        ("en todellakaan halua mennä paikan päälle", IN_PERSON),
        ("en pääse paikan päälle", IN_PERSON),
        ("ei tarvitse tulla kotiin asti", HOME_VISIT),
        ("en halua puhelimitse", PHONE),
    ],
)
def test_a_refused_form_alone_is_not_chosen(text, refused):
    assert help_form(text) == (None, (refused,))


@pytest.mark.parametrize(
    "text, form, refused",
    [
        ("en halua chattia, haluan mennä paikan päälle", IN_PERSON, (REMOTE,)),
        ("en pysty lähtemään paikan päälle, vois joku soittaa mulle", PHONE, (IN_PERSON,)),
        ("ei mitään videopuheluita, puhelimitse mieluiten", PHONE, (REMOTE,)),
        ("en halua kotikäyntiä, mutta voin tulla paikalle", IN_PERSON, (HOME_VISIT,)),
    ],
)
def test_refused_and_wanted_in_one_message(text, form, refused):
    assert help_form(text) == (form, refused)


def test_the_last_wanted_form_wins():
    assert help_form("chatissa tai sitten puhelimitse")[0] == PHONE
    assert help_form("puhelimitse tai sitten chatissa")[0] == REMOTE


def test_a_form_refused_anywhere_is_not_chosen_even_if_also_wanted():
    wanted, refused = help_form("chat käy, tai ei, en halua chattia")
    assert wanted is None
    assert refused == (REMOTE,)


def test_a_form_refused_twice_is_listed_once():
    assert help_form("en halua chattia, en todellakaan chattia") == (None, (REMOTE,))


def test_upper_case_is_read_too():
    assert help_form("HALUAN APUA PUHELIMITSE") == (PHONE, ())


def test_help_forms_are_the_five_forms():
    assert set(HELP_FORMS) == {PHONE, REMOTE, IN_PERSON, HOME_VISIT, PAPER}


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("voisko joku neuvoa mua puhelimessa, en jaksa lähtee kaupungille", "phone"),
        ("se asuu maalla, käykö joku kotona opastamassa", "home_visit"),
        ("onko jotain etätukea jonka kautta joku näkis sen ruudun", "remote"),
    ],
)
def test_wishes_said_with_the_helping_verb_first(text, form):
    assert help_form(text)[0] == form


@pytest.mark.parametrize(
    "text", ["parasta olis jos joku sois niille", "voisko joku ihminen soittaa mulle"]
)
def test_a_call_to_the_person_in_need_is_asking_for_a_person(text):
    from bot.triage.help_form import wants_a_person

    assert wants_a_person(text)


@pytest.mark.parametrize(
    ("text", "insists"),
    [
        ("isä ei oo ikinä käyttäny konetta eikä aio. se haluu kaikki paperilla", True),
        ("äiti haluaa ne edelleen paperisena", True),
        ("en oo koskaan ollu omaverossa, aina oon tehny kaiken paperilla", False),
        ("pitäis tarkistaa veroilmoitus", False),
    ],
)
def test_paper_as_the_only_way_is_not_a_habit(text, insists):
    assert insists_on_paper(text) is insists
