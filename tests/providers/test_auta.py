"""bot.auta says what each AUTA need level means for the forms of help; every other part asks it."""

from __future__ import annotations

import ast
from itertools import product
from pathlib import Path

import pytest

from bot import auta
from bot.directory.search import fits_need_level
from bot.directory.vocab import FORM_BITS, encode_mask
from bot.paths import PROJECT_ROOT
from bot.triage.labels import NEED_LEVELS
from bot.triage.state import Step, Triage, next_step

CHANNEL_TYPES = ("ServiceLocation", "Phone", "EChannel")
#: The parts that used to decide for themselves (issue 12): the dialogue, the search, the
#: presentation, the offer of a human, the import, and the actions and ordering around them.
ASKERS_OF_AUTA = (
    "bot/triage/state.py",
    "bot/directory/search.py",
    "bot/directory/present.py",
    "bot/directory/forms.py",
    "bot/ingest/classify.py",
    "actions/human.py",
    "actions/providers.py",
)


@pytest.mark.parametrize("path", ASKERS_OF_AUTA)
def test_no_other_part_names_a_need_level_to_decide_on_forms(path):
    tree = ast.parse(Path(PROJECT_ROOT / path).read_text(encoding="utf-8"))
    named = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in NEED_LEVELS
    ]
    allowed = {"bot/triage/state.py": ["non_digital"]}  # a level that outlives a topic change
    assert named == allowed.get(path, []), f"{path} decides by level itself: {named}"


def test_the_levels_and_their_forms():
    assert auta.FITTING_FORMS["self_service"] == {"remote"}
    assert auta.FITTING_FORMS["light_support"] == {"remote", "phone", "in_person"}
    assert auta.FITTING_FORMS["demanding_support"] == {"in_person", "home_visit", "course"}
    assert auta.FITTING_FORMS["non_digital"] == {"phone", "in_person", "home_visit"}
    assert auta.REMOTE_LEVELS | auta.IN_PERSON_LEVELS == set(NEED_LEVELS)
    assert not auta.REMOTE_LEVELS & auta.IN_PERSON_LEVELS


def test_an_online_only_channel_serves_level_1_always_and_level_4_never():
    assert auta.fits("self_service", "EChannel", [])
    assert not auta.fits("non_digital", "EChannel", ["phone"])
    assert auta.fits("non_digital", "Phone", ["phone"])
    assert auta.channel_levels("EChannel", ["non_digital", "light_support"]) == {
        "self_service",
        "light_support",
    }
    assert auta.channel_levels("Phone", ["non_digital"]) == {"non_digital"}
    with pytest.raises(ValueError):
        auta.fits("level_five", "Phone", [])


@pytest.mark.parametrize("level", [None, *NEED_LEVELS])
def test_the_search_asks_auta_for_every_channel_and_set_of_forms(level):
    for channel_type, size in product(CHANNEL_TYPES, range(1 << len(FORM_BITS))):
        forms = [form for i, form in enumerate(FORM_BITS) if size & (1 << i)]
        mask = encode_mask(forms, FORM_BITS)
        assert fits_need_level(level, channel_type, mask) == auta.fits(level, channel_type, forms)


@pytest.mark.parametrize(
    ("level", "form", "place", "distance"),
    [
        ("demanding_support", None, True, False),
        ("non_digital", "phone", False, True),
        ("non_digital", "paper", True, False),
        ("light_support", None, False, True),
        ("self_service", "in_person", True, True),
        ("light_support", "home_visit", True, True),
        (None, None, False, False),
        (None, "remote", False, True),
    ],
)
def test_when_a_place_is_needed(level, form, place, distance):
    assert auta.needs_a_place(level, form) is place
    assert auta.helped_at_a_distance(level, form) is distance


@pytest.mark.parametrize(("level", "form"), product([None, *NEED_LEVELS], [None, "phone", "paper",
                                                                           "in_person"]))  # fmt: skip
def test_the_dialogue_asks_for_a_place_when_auta_says_so(level, form):
    step = next_step(
        Triage(topic="banking", need_level=level),
        intent="inform",
        changed=True,
        has_location=False,
        already_completed=False,
        help_form=form,
        level_passed_over=level is None,
    )
    assert (step == Step.ASK_LOCATION) is auta.needs_a_place(level, form)


def test_a_person_answers_in_a_form_that_fits():
    assert auta.person_forms("non_digital") == {"phone", "in_person", "home_visit"}
    assert auta.person_forms("light_support") == {"phone", "remote", "in_person", "home_visit"}
    assert auta.forms_when_far("demanding_support") == ("phone", "home_visit")
    assert auta.forms_when_far("light_support") == ()
    assert auta.online_extra_fits(None) and not auta.online_extra_fits("non_digital")
