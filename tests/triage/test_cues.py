"""Level-4 cues on real Finnish, with Voikko: what must and must not count."""

import pytest

from bot.triage.cues import non_digital_cue, tokens_of


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Mun äiti asuu Kuopiossa ja sillä on alzheimer", "condition"),
        ("isällä on muistisairaus", "condition"),
        ("veli on kehitysvammainen", "condition"),
        ("Isä on sokea", "condition"),
        ("Naapurin vanha rouva ei näe enää juuri mitään", "sight"),
        ("hänellä on huono näkö", "sight"),
        ("näkö ei riitä", "sight"),
        ("Asun Inarissa enkä omista älypuhelinta tai tietokonetta", "no_device"),
        ("mulla ei oo nettiä kotona eikä älypuhelinta", "no_device"),
        ("hänellä ei ole tietokonetta eikä älypuhelinta", "no_device"),
        ("äiti ei pysty käyttämään puhelinta", "cannot_use"),
        ("saako auttaja kirjautua mummon puolesta jos mummo ei itse pysty", "cannot_use"),
    ],
)
def test_level_four_causes_are_found(text, cue):
    assert non_digital_cue(tokens_of(text)) == cue


@pytest.mark.parametrize(
    "text",
    [
        "en ole koskaan käyttänyt tietokonetta",  # level 3: no experience, not no device
        "asun Sotkamossa enkä ole ikinä ollut netissä",  # never online: level 3
        "en ole ollut koneella vuosiin",
        "en pysty kirjautumaan koska salasana ei toimi",  # a passing problem
        "tabletti ei toimi",
        "ei saa puhelinta auki",
        "käytän verkkopankkia mutta en löydä e-laskuja",
        "näin oudon viestin puhelimessa",
        "tytär sanoi et mulla pitää olla älypuhelin",  # spoken "et" = "että", no negation
        "",
    ],
)
def test_ordinary_problems_are_not_level_four(text):
    assert non_digital_cue(tokens_of(text)) is None


def test_ollenkaan_is_not_having():
    """Voikko reads "ollenkaan" as a form of "olla": a broken phone is not a missing one."""
    assert non_digital_cue(tokens_of("puhelin ei toimi ollenkaan, vanha puhelin")) is None
    assert non_digital_cue(tokens_of("mulla ei ole puhelinta ollenkaan")) == "no_device"


@pytest.mark.parametrize(
    "text",
    [
        "mä oon 88 enkä oo koskaan käyttäny tietokonetta eikä mulla oo semmosta kosketuspuhelinta",
        "isä on 86 eikä oo ikinä koskenu tietokoneeseen, sillä on vaan semmonen vanha nokia",
        "mulla on pelkkä peruspuhelin",
    ],
)
def test_no_smartphone_in_everyday_words_is_level_four(text):
    assert non_digital_cue(tokens_of(text)) == "no_device"


@pytest.mark.parametrize(
    "text", ["mulla on nokian puhelin ja se toimii", "en oo koskaan käyttäny tietokonetta"]
)
def test_a_phone_brand_or_no_experience_alone_is_not_level_four(text):
    assert non_digital_cue(tokens_of(text)) is None
