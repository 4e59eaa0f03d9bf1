"""The rule-based fallback forms for names Voikko does not know."""

import pytest

from bot.places.inflection import build_form_table, inflected_forms


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Lemland", "lemlandissa"),
        ("Saltvik", "saltvikissa"),
        ("Sund", "sundiin"),
        ("Helsinki", "helsingissä"),
        ("Turku", "turussa"),
        ("Hailuoto", "hailuodossa"),
        ("Seinäjoki", "seinäjoella"),
        ("Haapavesi", "haapavedellä"),
        ("Rautalampi", "rautalammella"),
        ("Pihtipudas", "pihtiputaalla"),
        ("Nurmes", "nurmeksessa"),
        ("Alavus", "alavudella"),
        ("Ikaalinen", "ikaalisissa"),
        ("Kaustinen", "kaustisella"),
        ("Kempele", "kempeleellä"),
        ("Oulu", "oulun"),
        ("Oulu", "ouluun"),
        ("Uusikaarlepyy", "uudessakaarlepyyssä"),
        ("Isokyrö", "isossakyrössä"),
        ("Virrat", "virroilla"),
    ],
)
def test_generates_standard_form(name, form):
    assert form in inflected_forms(name)


def test_multiword_names_are_left_whole():
    assert inflected_forms("Koski Tl") == frozenset({"koski tl"})
    assert inflected_forms("") == frozenset()


def test_form_table_maps_back_to_base_names():
    table = build_form_table(["lemland", "sund"])
    assert table["lemlandissa"] == {"lemland"}
    assert table["sundissa"] == {"sund"}
