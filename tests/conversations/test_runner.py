"""The conversation runner must report every departure from the script, or its tests prove nothing."""

from bot.evaluation.dialogue import Said, TurnRecord
from tests.conversations.runner import Turn, _check

RECORD = TurnRecord(
    user="äitini ei ole koskaan käyttänyt verkkopankkia",
    stored="äitini ei ole koskaan käyttänyt verkkopankkia",
    intent="inform",
    said=[Said("utter_reflect", "Ymmärsin näin: …")],
    slots={"asker": "relative", "topic": "banking"},
)


def check(**expectations):
    return _check(Turn(user="x", **expectations), RECORD)


def test_a_turn_that_follows_the_script_passes():
    assert check(intent="inform", bot=["utter_reflect"], slots={"asker": "relative"}) == []


def test_an_intent_may_be_one_of_several():
    assert check(intent=["ask_help", "inform"]) == []
    assert check(intent=["ask_help", "correct"]) == [
        "intent 'inform', expected ask_help or correct"
    ]


def test_every_kind_of_departure_is_reported():
    problems = check(
        intent="ask_help",
        bot=["utter_ask_municipality"],
        slots={"topic": "e_services"},
        text_includes=["läheisesi"],
        stored_excludes=["verkkopankkia"],
    )
    assert len(problems) == 5
