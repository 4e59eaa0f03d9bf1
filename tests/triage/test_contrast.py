"""Which part of a contrast is affirmed: corrections must land on what the person means."""

import pytest

from bot.triage.contrast import affirmed_span


def affirmed(text):
    span = affirmed_span(text)
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    "text, part",
    [
        ("ei se ole pankki vaan kela", "kela"),
        ("Ei se ole pankki, vaan Kela.", "Kela"),
        ("en kysy äidille vaan itselleni", "itselleni"),
        ("ei vaan isälle", "isälle"),
        ("en mä vaan isä", "isä"),
        ("ei kun itelle, ei äidille", "itelle"),
        ("eikun Espoossa", "Espoossa"),
        ("ei kun kyse on isästä eikä minusta", "kyse on isästä"),
        ("ei se oo huijaus vaan ihan oikee viesti suomi.fi:stä", "ihan oikee viesti suomi.fi:stä"),
        ("en tarvitse pankkia vaan apua kelan kanssa. asun oulussa", "apua kelan kanssa"),
    ],
)
def test_the_affirmed_part(text, part):
    assert affirmed(text) == part


@pytest.mark.parametrize(
    "text",
    [
        "äiti ei osaa käyttää verkkopankkia",
        "hänellä ei ole tietokonetta eikä älypuhelinta",
        "ei vain pankki vaan myös kela ei toimi",  # not only ... but also: both hold
        "ei, osaan kyllä, tarvitsen vaan linkin",  # spoken "vaan" = only
        "kone ei käynnisty ollenkaan musta ruutu vaan, oon Hyvinkäältä",
        "ei tarvitse opastusta, kerro vaan mistä ohjelma ladataan",
        "En tiedä. Vaan kela ei toimi",  # the negation is in another sentence
        "ei kun",
    ],
)
def test_no_contrast(text):
    assert affirmed_span(text) is None
