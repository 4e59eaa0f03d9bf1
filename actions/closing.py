"""Ending a conversation well: a thank-you or a farewell is answered as one, whatever intent
the classifier gave it ("ok mä soitan nyt sinne, kiitos" after the urgent steps is no request).

Thanks, farewells and permission questions are read in the conversation's language (the
`language` slot: "fi", "sv", "en"; None is Finnish): "tack det var allt", "thats all thanks".
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import NON_DIGITAL_SHOWN, SAID_ONCE, conversation_language
from bot.triage.farewell import is_farewell, is_thanks
from bot.triage.permission import is_permission_question

# Slots that show the person has been given help already.
HELP_GIVEN_SLOTS = ("triage_completed", "urgent_shown", SAID_ONCE, NON_DIGITAL_SHOWN)


def conversation_started(tracker: Tracker) -> bool:
    """Whether the person said anything before the latest message."""
    return sum(1 for event in tracker.events if event.get("event") == "user") > 1


def help_given(tracker: Tracker) -> bool:
    return any(tracker.get_slot(name) for name in HELP_GIVEN_SLOTS)


def closes_conversation(text: str, tracker: Tracker) -> bool:
    """A farewell, or a thank-you once the conversation has begun."""
    started = conversation_started(tracker)
    language = conversation_language(tracker)
    return is_farewell(text, started, language) or (started and is_thanks(text, language))


def ends_with_thanks(text: str, tracker: Tracker) -> bool:
    """A thank-you or goodbye heard as a question about limits or as "kerro lisää" ("no ok, sit
    mä soitan sinne ite. kiitos", "tänks"): it closes, unless it asks what someone may do."""
    return closes_conversation(text, tracker) and not is_permission_question(
        text, conversation_language(tracker)
    )


def say_closing(dispatcher: CollectingDispatcher, text: str, tracker: Tracker) -> None:
    """A farewell ends it; a thank-you after the help was given ends it too, else "ole hyvä"."""
    ends = is_farewell(
        text, conversation_started(tracker), conversation_language(tracker)
    ) or help_given(tracker)
    dispatcher.utter_message(response="utter_goodbye" if ends else "utter_you_are_welcome")
