"""The triage merge and next-question logic, without Rasa."""

import pytest

from bot.triage.state import Step, Triage, fingerprint, merge, next_step, understood_from_entities


def entity(kind, value):
    return {"entity": kind, "value": value}


def test_first_entity_of_each_kind_wins_and_unknown_kinds_are_ignored():
    stated = understood_from_entities(
        [
            entity("topic", "banking"),
            entity("topic", "device"),
            entity("asker", "relative"),
            entity("postal_code", "90100"),
            entity("municipality", "Oulu"),
        ]
    )
    assert stated == Triage(topic="banking", asker="relative", municipality="Oulu")


def test_new_statements_replace_old_ones():
    before = Triage(topic="banking", need_level="light_support", municipality="Oulu")
    after = merge(before, Triage(need_level="demanding_support", municipality="Kemi"), "inform")
    assert after == Triage(topic="banking", need_level="demanding_support", municipality="Kemi")


def test_a_guessed_self_does_not_overwrite_a_relative():
    before = Triage(topic="banking", asker="relative")
    assert merge(before, Triage(asker="self"), "ask_help").asker == "relative"


def test_an_explicit_correction_can_turn_a_relative_back_into_self():
    before = Triage(topic="banking", asker="relative")
    assert merge(before, Triage(asker="self"), "correct").asker == "self"


def test_a_correction_to_relative_replaces_self():
    assert merge(Triage(asker="self"), Triage(asker="relative"), "correct").asker == "relative"


def test_topic_change_drops_a_service_specific_need_level():
    before = Triage(topic="banking", need_level="light_support")
    after = merge(before, Triage(topic="suomifi_messages"), "ask_help")
    assert after == Triage(topic="suomifi_messages")


def test_topic_change_keeps_a_level_that_comes_from_the_person():
    before = Triage(topic="banking", need_level="non_digital")
    after = merge(before, Triage(topic="e_services"), "ask_help")
    assert after.need_level == "non_digital"


def test_topic_change_with_a_new_level_takes_the_new_level():
    before = Triage(topic="banking", need_level="non_digital")
    after = merge(before, Triage(topic="device", need_level="light_support"), "ask_help")
    assert after == Triage(topic="device", need_level="light_support")


@pytest.mark.parametrize(
    "triage, intent, has_location, expected",
    [
        (Triage(), "ask_help", False, Step.ASK_TOPIC),
        (Triage(asker="relative"), "ask_help", False, Step.ASK_TOPIC),
        (Triage(topic="banking"), "ask_help", False, Step.ASK_NEED_LEVEL),
        (Triage(topic="banking", need_level="self_service"), "ask_help", False, Step.COMPLETE),
        (Triage(topic="banking", need_level="light_support"), "ask_help", False, Step.COMPLETE),
        (
            Triage(topic="banking", need_level="demanding_support"),
            "ask_help",
            False,
            Step.ASK_LOCATION,
        ),
        (Triage(topic="device", need_level="non_digital"), "inform", False, Step.ASK_LOCATION),
        (Triage(topic="device", need_level="non_digital"), "inform", True, Step.COMPLETE),
        (
            Triage(topic="device", need_level="light_support"),
            "find_provider",
            False,
            Step.ASK_LOCATION,
        ),
    ],
)
def test_next_step_asks_only_what_is_still_missing(triage, intent, has_location, expected):
    step = next_step(
        triage, intent=intent, changed=True, has_location=has_location, already_completed=False
    )
    assert step is expected


def test_a_bare_no_asks_what_to_correct():
    triage = Triage(topic="banking", need_level="light_support")
    step = next_step(
        triage, intent="deny", changed=False, has_location=False, already_completed=True
    )
    assert step is Step.ASK_CORRECTION


def test_a_no_with_a_correction_goes_on():
    triage = Triage(topic="banking", need_level="light_support", asker="relative")
    step = next_step(
        triage, intent="deny", changed=True, has_location=False, already_completed=False
    )
    assert step is Step.COMPLETE


def test_nothing_is_repeated_when_nothing_changed():
    triage = Triage(topic="banking", need_level="light_support")
    step = next_step(
        triage, intent="affirm", changed=False, has_location=False, already_completed=True
    )
    assert step is Step.NOTHING_NEW


def test_fingerprint_distinguishes_place():
    triage = Triage(topic="banking", need_level="non_digital")
    assert fingerprint(triage, "Oulu") != fingerprint(triage, "Kemi")
    assert fingerprint(triage, "Oulu") == fingerprint(Triage(**triage.as_dict()), "Oulu")


@pytest.mark.parametrize(
    "text, places, expected",
    [
        ("ei Helsinki vaan Espoo", [("Helsinki", 3), ("Espoo", 17)], "Espoo"),
        ("asun Rovaniemellä en Kemissä", [("Rovaniemi", 5), ("Kemi", 21)], "Rovaniemi"),
        ("ei se oo Lahti vaan Hollola", [("Lahti", 9), ("Hollola", 20)], "Hollola"),
        ("en tiedä, asun Oulussa", [("Oulu", 15)], "Oulu"),
        ("ei oo Lahti", [("Lahti", 7)], "Lahti"),
        # spoken "et" is "että", not a negation
        ("sanoin et Espoossa ja isä asuu Vantaalla", [("Espoo", 10), ("Vantaa", 31)], "Espoo"),
    ],
)
def test_a_negated_place_gives_way_to_the_affirmed_one(text, places, expected):
    entities = [
        {"entity": "municipality", "value": value, "start": start} for value, start in places
    ]
    assert understood_from_entities(entities, text).municipality == expected


def test_an_unsure_intent_that_carried_nothing_is_not_understood():
    step = next_step(
        Triage(), intent="nlu_fallback", changed=False, has_location=False, already_completed=False
    )
    assert step is Step.NOT_UNDERSTOOD


def test_an_unsure_intent_that_carried_a_topic_goes_on():
    step = next_step(
        Triage(topic="device"),
        intent="nlu_fallback",
        changed=True,
        has_location=False,
        already_completed=False,
    )
    assert step is Step.ASK_NEED_LEVEL


def test_a_level_question_answered_with_a_place_is_not_asked_again():
    triage = Triage(topic="identification", municipality="Vaasa")
    kwargs = dict(intent="inform", changed=True, has_location=True, already_completed=False)
    assert next_step(triage, **kwargs) is Step.ASK_NEED_LEVEL
    assert next_step(triage, **kwargs, level_passed_over=True) is Step.COMPLETE


def test_a_passed_over_level_still_needs_a_place_for_a_visit():
    triage = Triage(topic="identification")
    step = next_step(
        triage,
        intent="inform",
        changed=True,
        has_location=False,
        already_completed=False,
        help_form="in_person",
        level_passed_over=True,
    )
    assert step is Step.ASK_LOCATION
