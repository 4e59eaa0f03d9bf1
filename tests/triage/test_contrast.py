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


def kept(text):
    """The message as the classifier reads it: without what a contrast rejects."""
    from bot.triage.contrast import outside, rejected_spans

    spans = rejected_spans(text)
    return " ".join(
        "".join(char for i, char in enumerate(text) if outside(spans, i)).split()
    ).strip(" ,")


@pytest.mark.parametrize(
    "text, rest",
    [
        ("ei se ole pankki vaan kela", "kela"),
        ("mun äiti ei tarvii pankkia vaan kelan asiat", "mun äiti kelan asiat"),
        (
            "en tarvitse pankkia vaan apua kelan kanssa. asun oulussa",
            "apua kelan kanssa. asun oulussa",
        ),
        ("ei kun itelle, ei äidille", "itelle"),
        ("ei kun itelle, ei äidille. asun porissa", "itelle. asun porissa"),
        ("ei kun kyse on isästä eikä minusta", "kyse on isästä"),
        ("eikun Espoossa", "Espoossa"),
    ],
)
def test_only_the_rejected_part_is_dropped(text, rest):
    assert kept(text) == rest


@pytest.mark.parametrize(
    "text",
    [
        "äiti ei osaa käyttää verkkopankkia",
        "ei vain pankki vaan myös kela ei toimi",
        "ei, osaan kyllä, tarvitsen vaan linkin",
        "ei kun",
    ],
)
def test_nothing_is_rejected_without_a_contrast(text):
    from bot.triage.contrast import rejected_spans

    assert rejected_spans(text) == []
