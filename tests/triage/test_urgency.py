"""Urgent situations on chat Finnish: a story of giving secrets or losing money counts, a
question about what might happen does not."""

import pytest

from bot.triage.urgency import CALLER_ASKING, GAVE_SECRETS, MONEY_GONE, urgent_situation


@pytest.mark.parametrize(
    "text",
    [
        "annoin pankkitunnukset puhelimessa jollekin miehelle",
        "isä oli jo ehtiny avata linkin ja näppäillä tunnusluvut ennen ku kysy multa",
        "mä olin jo ehtinyt klikata sitä ja syöttää kortin tiedot",
        "mä annoin mun tunnukset jollekin",
        "Hei! Annoin äsken verkkopankkitunnukseni eräälle soittajalle, mitä teen?",
        "äiti antanu tunnusluvut huijarille",
        "oon antanu mun tunnukset jollekin",
        "isä on antanut tunnuslukunsa jollekin",
        "mummo antoi korttinumeron puhelimessa",
        "annoin mun pankkitunnarit huijarille",
        "laitoin kortin numeron johonkin sivulle",
        "laitoin kortin tiedot nettisivulle",
        "mummo on laittanu tunnukset jollekin sivulle",
        "näppäilin pin-koodin sivulle",
        "syötin korttinumeron ja cvc:n sivulle",
        "oon syöttäny kortin tiedot johonkin",
        "kerroin salasanan soittajalle",
        "kirjoitin salasanan tekstiviestin linkkiin",
        "lähetin kortin numeron viestillä",
    ],
)
def test_secrets_given_or_typed_in_the_past(text):
    assert urgent_situation(text) == GAVE_SECRETS


@pytest.mark.parametrize(
    "text",
    [
        "painoin linkkiä ja laitoin tiedot",
        "avasin tekstiviestin linkin ja syötin pankkitunnukset",
        "vastasin viestiin ja annoin tietoni",
    ],
)
def test_details_typed_after_a_link_or_message(text):
    assert urgent_situation(text) == GAVE_SECRETS


def test_details_without_a_link_are_not_secrets():
    assert urgent_situation("laitoin tiedot lomakkeeseen") is None


@pytest.mark.parametrize(
    "text",
    [
        "tililtä hävis rahat",
        "rahat on viety tililtä",
        "tililtä on lähtenyt rahaa",
        "tililtä lähti rahaa",
        "mun tililtä on viety 500 euroa",
        "tililtä on hävinnyt 300 e",
        "rahaa on siirretty tililtä jonnekin",
        "huijari vei mun rahat",
        "mua huijattiin ja rahat on menny",
    ],
)
def test_money_gone_from_the_account(text):
    assert urgent_situation(text) == MONEY_GONE


@pytest.mark.parametrize(
    "text",
    [
        "joku soittaa ja kysyy tunnuslukuja",
        "joku soitti ja kysyi pankkitunnuksia",
        "puhelimessa joku pyytää mun pankkitunnuksia",
        "soittaja vaatii pin-koodia",
        "soittaja kysyi pin koodia",
        "ne kysy mun tunnuksia puhelimessa",
    ],
)
def test_a_caller_asking_for_codes_in_any_tense(text):
    assert urgent_situation(text) == CALLER_ASKING


@pytest.mark.parametrize(
    "text",
    [
        # what was given is the permission; the codes belong to the question before it
        "voinko käyttää isän tunnuksia sen pankissa? hän on antanut siihen luvan",
        # negated stories
        "en antanut tunnuksia",
        "en antanu tunnuksia kenellekään",
        "en oo antanu tunnuksia",
        "en mä antanut tunnuksia kenellekään",
        "ei se antanut pin-koodia",
        "en missään nimessä antanut pin-koodia",
        "en laittanut tietoja sivulle",
        "rahat ei hävinneet mihinkään",
        "raha ei lähtenyt tililtä",
        "soittaja ei kysynyt tunnuksia",
        "joku soitti mutta ei kysynyt mitään tunnuksia",
        # questions about what might happen or what to do
        "onko tää viesti huijaus",
        "voiko huijari viedä rahat jos annan tunnukset",
        "annanko tunnukset jos pankki kysyy",
        "pitäisikö mun antaa pin-koodi soittajalle",
        "mun pitää antaa tunnukset",
        "voiko rahat kadota tililtä",
        "mistä tiedän onko soittaja oikeasti pankista",
        # ordinary problems with codes, cards and calls
        "tarviin apua pankkitunnusten kanssa",
        "unohdin pankkitunnusten tunnusluvun",
        "miten vaihdan salasanan",
        "mistä saa uudet pankkitunnukset",
        "kortti meni rikki",
        "pankki soitti mulle",
        "sain viestin jossa pyydetään tunnuksia",
        "",
    ],
)
def test_not_urgent(text):
    assert urgent_situation(text) is None


@pytest.mark.parametrize(
    "text",
    ["rahat on tallessa mutta lompakko hävis", "rahat on tallessa. kortti hävis"],
)
def test_money_and_a_loss_in_different_clauses_are_not_money_gone(text):
    assert urgent_situation(text) is None


def test_giving_secrets_comes_before_money_gone():
    text = "annoin tunnukset ja nyt tililtä on viety rahaa"
    assert urgent_situation(text) == GAVE_SECRETS


def test_a_negated_giving_does_not_hide_money_gone():
    assert urgent_situation("en antanut tunnuksia mutta rahat on viety") == MONEY_GONE


def test_a_caller_asking_after_a_denied_giving():
    text = "en antanut tunnuksia mutta joku soittaa ja kysyy niitä"
    assert urgent_situation(text) == CALLER_ASKING


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("soitin ja mies käski asentaa jonku anydeskin ja se on nyt mun koneella", True),
        ("asensin teamviewerin kun microsoftilta muka soitettiin", True),
        ("voiko anydeskin asentaa turvallisesti", False),
        ("mistä saan teamviewerin ladattua että poika voi auttaa", False),
        ("en asentanut mitään anydeskiä, suljin puhelun", False),
        ("soitti joku microsoftilta ja pyys asentaan ohjelman että ne korjaa viruksen", True),
        ("soitin operaattorille ja ne neuvoi asentaan uuden sovelluksen", False),
        ("joku soitti ja kysyi haluanko asentaa ohjelman, en asentanut", False),
    ],
)
def test_a_remote_control_program_installed_for_a_stranger_is_urgent(text, urgent):
    assert (urgent_situation(text) is not None) is urgent


@pytest.mark.parametrize(
    "text",
    [
        "asiakkaan sähköposti kaapattu, salasana vaihdettu eikä pääse sisään",
        "mun whatsapp on kaapattu!! miten saan sen takas",
        "facebook-tili hakkeroitiin eilen",
        "joku kaappas isän fb:n ja pyytää kavereilta rahaa",
        "äidin sähköpostiin on murtauduttu",
    ],
)
def test_an_account_taken_over_is_a_secret_in_someone_elses_hands(text):
    assert urgent_situation(text) == GAVE_SECRETS


@pytest.mark.parametrize(
    "text",
    [
        "onko mun whatsapp kaapattu?",  # wondered about
        "miten estän ettei mun tiliä kaapata",  # prevention
        "pelkään että joku kaappaa mun tilin",  # a fear
        "mun tiliä ei oo kaapattu mut outoja viestejä tulee",  # negated
    ],
)
def test_a_takeover_feared_or_denied_is_not_urgent(text):
    assert urgent_situation(text) is None


def test_money_paid_in_time_to_a_scammer_is_money_gone_in_a_scam_conversation():
    text = "no nyt selvis et isä ehti jo maksaa sille 800 euroa tänä aamuna"
    assert urgent_situation(text, scam_context=True) == MONEY_GONE
    assert urgent_situation("isä ehti jo maksaa laskun 80 euroa") is None
