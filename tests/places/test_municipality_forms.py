"""Every municipality name, in its standard locative form, must be found in a sentence.

The forms come from a hand-written table (locative_forms.py), not from the code's own rules.
"""

import pytest

from bot.places import get_index
from tests.places.locative_forms import LOCATIVES, SUCCESSORS


def _expected(name):
    return SUCCESSORS.get(name, name)


def test_table_covers_every_municipality_in_the_reference_file():
    import json

    from bot.paths import REFERENCE_DIR

    with (REFERENCE_DIR / "Municipality.json").open(encoding="utf-8") as handle:
        names = {
            next(n["name"] for n in m["names"] if n["language"] == "fi") for m in json.load(handle)
        }
    assert set(LOCATIVES) == names
    assert len(LOCATIVES) == 311


@pytest.mark.parametrize(("name", "form"), sorted(LOCATIVES.items()))
def test_capitalised_locative_round_trips(name, form):
    matches = get_index().find_in_text(f"Asun {form}.")
    assert [(m.municipality.name_fi, m.matched_text) for m in matches] == [(_expected(name), form)]


def test_lower_case_locatives_with_place_context_all_round_trip():
    index = get_index()
    failures = [
        name
        for name, form in LOCATIVES.items()
        if [m.municipality.name_fi for m in index.find_in_text(f"asun {form.lower()}")]
        != [_expected(name)]
    ]
    assert failures == []


def test_lower_case_without_context_needs_an_unambiguous_name():
    """Lower case with no context: only names that are not everyday words are accepted."""
    index = get_index()
    accepted = {
        name
        for name, form in LOCATIVES.items()
        if index.find_in_text(f"{form.lower()} on kaunista")
    }
    for name in ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Jyväskylä", "Rovaniemi"]:
        assert name in accepted
    for name in ["Lahti", "Kotka", "Salo", "Kolari", "Aura", "Nokia", "Koski Tl"]:
        assert name not in accepted
    assert len(accepted) >= 275  # 280 when written
