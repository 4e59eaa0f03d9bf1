"""The triage conversation: update what is known, then say what comes first and ask what is missing.

Order of what the assistant does with a message (issue 9):
1. a scam or compromise in progress: the urgent steps, before anything else (actions/urgent.py);
2. a question about what someone may do: the rule (action_answer_limit_question);
3. otherwise the triage: reflect what changed, the level-4 route once, then the one question
   still open (topic, need level, place) or the providers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.closing import closes_conversation, help_given, say_closing
from actions.common import (
    LOCATION_SLOTS,
    NON_DIGITAL_SHOWN,
    conversation_language,
    latest_intent,
    response_text,
    slots_set_since_last_user_message,
)
from actions.urgent import URGENT_SHOWN, URGENT_SLOT, say_urgent_steps_if_new
from bot.language.detect import FINNISH
from bot.limits import default_limits
from bot.places import get_index
from bot.triage.answers import (
    AWAIT_NEED_LEVEL,
    AWAIT_PLACE,
    AWAIT_TOPIC,
    DEMANDING,
    LIGHT,
    NON_DIGITAL,
    SELF_SERVICE,
    explicit_level,
    need_level_answer,
    says_cannot,
    story_level,
)
from bot.triage.asker_evidence import weigh_asker
from bot.triage.foreign import foreign_language
from bot.triage.foreign_asker import weigh_foreign_asker
from bot.triage.help_form import help_form as stated_help_form
from bot.triage.help_form import insists_on_paper, wants_a_person
from bot.triage.permission import is_permission_question
from bot.triage.places import place_answer
from bot.triage.questions import limits_asked_about
from bot.triage.state import (
    Step,
    Triage,
    corrects_explicitly,
    fingerprint,
    merge,
    next_step,
    understood_from_entities,
)
from bot.triage.topic_evidence import named_topics, weigh_topic
from bot.triage.urgency import urgent_situation

TRIAGE_SLOTS = tuple(Triage().as_dict())
COMPLETED_SLOT = "triage_completed"
AWAITING_SLOT = "awaiting"
HELP_FORM_SLOT = "help_form"
REFLECTED_SLOTS = ("topic", "need_level", "asker")
# Slots whose change makes a completed triage worth answering again.
ANSWER_CHANGING_SLOTS = (*TRIAGE_SLOTS, HELP_FORM_SLOT, "postal_code")
# What the provider search can use in place of the need level: a place or a form of help.
SEARCH_SLOTS = ("municipality", "postal_code", HELP_FORM_SLOT)
AWAITED = {
    Step.ASK_TOPIC: AWAIT_TOPIC,
    Step.ASK_NEED_LEVEL: AWAIT_NEED_LEVEL,
    Step.ASK_LOCATION: AWAIT_PLACE,
}


class ActionUpdateTriage(Action):
    """Folds what the latest message says into the slots, reading it first as the answer to
    the question just asked."""

    def name(self) -> str:
        return "action_update_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        previous = Triage.from_slots(tracker.slots)
        message = tracker.latest_message
        text = message.get("text") or ""
        intent = latest_intent(tracker)
        entities = message.get("entities") or []
        language = conversation_language(tracker)
        stated = weighed(
            previous, understood_from_entities(entities, text), entities, text, language
        )
        awaited = awaited_answer(tracker)
        answered = bool(awaited)
        stated = replace(stated, **awaited)
        level = explicit_level(text, language)  # "taso 2" means level 2 whatever was asked
        if not level and not previous.need_level and tracker.get_slot(COMPLETED_SLOT):
            # Help was shown with the level passed over: "vähän apua riittää" said now is the
            # answer to that question, as if it had just been asked.
            level = need_level_answer(text, language)
        if not level and not stated.need_level and not previous.need_level:
            level = story_level(text, language)  # AUTA's phrasings when the classifier said none
        if level:
            stated = replace(stated, need_level=level)
        events: List[EventType] = []
        scam = previous.topic == "security" or stated.topic == "security"
        situation = (
            None if tracker.get_slot(URGENT_SHOWN) else urgent_situation(text, scam, language)
        )
        if situation:
            stated = replace(stated, topic="security")
            events.append(SlotSet(URGENT_SLOT, situation))
        form, refused = stated_help_form(text, language)
        if form and previous.need_level and not level:
            # "could someone call me instead, I manage with the phone" tells how to be helped,
            # not a new level: the skill it names is the phone's, not the service's.
            stated = replace(stated, need_level=previous.need_level)
        # An answer, or a wish about how to be helped, is no new problem: passing words in it
        # ("puhelimessa se pärjää") leave the topic alone.
        sticky = (
            answered
            or form is not None
            or (previous.topic == "security" and bool(tracker.get_slot(URGENT_SHOWN)))
        )
        updated = merge(
            previous,
            stated,
            intent,
            sticky_topic=sticky and not situation,
            explicit_correction=corrects_explicitly(text),
        )
        events += [
            SlotSet(name, value)
            for name, value in updated.as_dict().items()
            if value != getattr(previous, name)
        ]
        current_form = tracker.get_slot(HELP_FORM_SLOT)
        if form and form != current_form:
            events.append(SlotSet(HELP_FORM_SLOT, form))
        elif current_form in refused:
            events.append(SlotSet(HELP_FORM_SLOT, None))
        return events


def weighed(
    previous: Triage,
    stated: Triage,
    entities: List[Dict[str, Any]],
    text: str,
    language: str = FINNISH,
) -> Triage:
    """What the message states once the services and people it names are weighed in
    (bot.triage.topic_evidence, bot.triage.asker_evidence), and a level 1 it contradicts."""
    confidence = next(
        (float(e.get("confidence") or 0.0) for e in entities if e.get("entity") == "topic"), 0.0
    )
    topic = weigh_topic(previous.topic, stated.topic, confidence, named_topics(text, language))
    level = stated.need_level
    if level == SELF_SERVICE and says_cannot(text, language):
        level = None  # "a link is enough" cannot stand beside "en osaa": ask instead
    if level == LIGHT and foreign_language(language) and story_level(text, language) == DEMANDING:
        # "she has never used a computer": AUTA's own words for level 3, which the smaller
        # Swedish and English training sets lose to the words around them.
        level = DEMANDING
    if level == DEMANDING and not foreign_language(language) and insists_on_paper(text):
        # "ei oo ikinä käyttäny konetta eikä aio, haluu kaikki paperilla": the service wanted
        # is not digital at all (level 4), not guidance in a digital one. A habit ("aina oon
        # tehny kaiken paperilla") is not that. Finnish only, as its cue is.
        level = NON_DIGITAL
    return replace(
        stated,
        topic=topic,
        need_level=level,
        asker=weigh_foreign_asker(
            previous.asker, weigh_asker(previous.asker, stated.asker, text), text, language
        ),
    )


def awaited_answer(tracker: Tracker) -> Dict[str, str]:
    """The slot the latest message fills as the answer to the question just asked, if any."""
    message = tracker.latest_message
    text = message.get("text") or ""
    awaiting = tracker.get_slot(AWAITING_SLOT)
    if awaiting == AWAIT_NEED_LEVEL:
        level = need_level_answer(text, conversation_language(tracker))
        return {"need_level": level} if level else {}
    if awaiting == AWAIT_PLACE:
        entities = message.get("entities") or []
        named = understood_from_entities(entities, text).municipality  # a negated place skipped
        if named:
            return {"municipality": named}
        if any(e.get("entity") == "postal_code" for e in entities):
            return {}
        place = place_answer(text)
        return {"municipality": place} if place else {}
    return {}


def answers_the_question(tracker: Tracker) -> bool:
    """Whether the latest message answers the question just asked (a level, a place)."""
    message = tracker.latest_message
    has_postal_code = any(e.get("entity") == "postal_code" for e in message.get("entities") or [])
    return bool(awaited_answer(tracker)) or (
        tracker.get_slot(AWAITING_SLOT) == AWAIT_PLACE and has_postal_code
    )


async def triage_turn(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> List[EventType]:
    """Update and next step in one action, for an answer another intent's rule caught
    ("vähän apua riittää" read as a goodbye, "asun raahessa" as a limits question)."""
    update = await ActionUpdateTriage().run(dispatcher, tracker, domain)
    updated = tracker.copy()
    updated.add_slots(update)
    return [*update, *await ActionTriageNext().run(dispatcher, updated, domain)]


class ActionTriageNext(Action):
    """Urgent steps first, a question answered as a question, else the next triage step."""

    def name(self) -> str:
        return "action_triage_next"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        urgent = say_urgent_steps_if_new(dispatcher, tracker)
        text = tracker.latest_message.get("text") or ""
        language = conversation_language(tracker)
        if urgent:
            # "…nyt tuli veloitus! voitteko perua sen maksun": the steps, then the answer.
            answer = (
                [FollowupAction("action_answer_limit_question")]
                if asks_permission(text, language)
                else []
            )
            return [*urgent, SlotSet(AWAITING_SLOT, None), *answer]
        if asks_permission(text, language):
            return [FollowupAction("action_answer_limit_question")]
        set_now = slots_set_since_last_user_message(tracker)
        changed = any(name in ANSWER_CHANGING_SLOTS for name in set_now)
        if (not changed or help_given(tracker)) and closes_conversation(text, tracker):
            say_closing(dispatcher, text, tracker)
            return [SlotSet(AWAITING_SLOT, None)]
        if wants_a_person(text, language):
            return [FollowupAction("action_offer_human")]
        triage = Triage.from_slots(tracker.slots)
        location = _location_key(tracker)
        done_key = fingerprint(triage, location, tracker.get_slot(HELP_FORM_SLOT))
        step = next_step(
            triage,
            # An answer to the question asked is an answer, whatever intent it was heard as
            # ("minä osaa itse..." as find_provider would ask for a place it does not need).
            intent="inform" if answers_the_question(tracker) else latest_intent(tracker),
            changed=changed,
            has_location=location is not None,
            already_completed=tracker.get_slot(COMPLETED_SLOT) == done_key,
            help_form=tracker.get_slot(HELP_FORM_SLOT),
            # After the urgent steps the assistant asked only for the place ("Kerro silloin,
            # missä kunnassa asut"): the place given is enough to look for help. So it is once
            # help was shown without the level: "ei kun ylöjärvellä se asuu" or "mieluummin meen
            # paikan päälle" looks again, it does not start asking the level now.
            level_passed_over=(
                tracker.get_slot(AWAITING_SLOT) == AWAIT_NEED_LEVEL
                or bool(tracker.get_slot(URGENT_SHOWN))
                or tracker.get_slot(COMPLETED_SLOT) is not None
            )
            and any(name in SEARCH_SLOTS for name in set_now),
        )
        understood = summary(domain, triage, language)
        # A place alone is echoed by the providers' intro ("apua näistä paikoista (Oulu)").
        reflect = any(name in REFLECTED_SLOTS for name in set_now)
        # An advisor's completed triage ends with the summary to copy: the same, said once.
        summarised = step is Step.COMPLETE and triage.asker == "advisor"
        quiet = (Step.ASK_CORRECTION, Step.NOT_UNDERSTOOD)
        route = triage.need_level == "non_digital" and not tracker.get_slot(NON_DIGITAL_SHOWN)
        # The level-4 route says what was understood in its own words ("ilman nettiä").
        if reflect and understood and step not in quiet and not summarised and not route:
            dispatcher.utter_message(response="utter_reflect", summary=_capitalised(understood))
        events: List[EventType] = [SlotSet(AWAITING_SLOT, AWAITED.get(step))]
        if route:
            say_non_digital_route(dispatcher, triage, domain)
            events.append(SlotSet(NON_DIGITAL_SHOWN, True))
        return events + _carry_out(step, triage, understood, done_key, dispatcher)


def asks_permission(text: str, language: str = FINNISH) -> bool:
    """A yes/no question about what someone may do, which the limits catalogue can answer.

    A question about the form of help ("saako sen hakemuksen paperilla", "voiko korjaukset
    tehdä puhelimella soittamalla") is a wish, answered by the triage, not a permission.
    """
    if not is_permission_question(text, language) or stated_help_form(text, language)[0]:
        return False
    return bool(limits_asked_about(text, default_limits(), language))


def say_non_digital_route(
    dispatcher: CollectingDispatcher, triage: Triage, domain: DomainDict
) -> None:
    """Level 4: how the matter is handled without the net, and who may act for the person.

    A topic with a route of its own in the domain gets it; the others the general one."""
    dispatcher.utter_message(response="utter_non_digital_intro")
    topical = f"utter_non_digital_{triage.topic}"
    has_own = triage.topic and topical in (domain.get("responses") or {})
    dispatcher.utter_message(response=topical if has_own else "utter_non_digital_general")
    dispatcher.utter_message(response="utter_non_digital_someone_else")


def _carry_out(
    step: Step,
    triage: Triage,
    understood: str,
    done_key: str,
    dispatcher: CollectingDispatcher,
) -> List[EventType]:
    questions = {
        Step.NOT_UNDERSTOOD: "utter_not_understood",
        Step.ASK_CORRECTION: "utter_ask_correction",
        Step.ASK_TOPIC: "utter_ask_topic",
        Step.ASK_NEED_LEVEL: "utter_ask_need_level",
        Step.ASK_LOCATION: "utter_ask_municipality",
        Step.NOTHING_NEW: "utter_anything_else",
    }
    if step in questions:
        dispatcher.utter_message(response=questions[step])
        return []
    if triage.asker == "advisor":
        dispatcher.utter_message(response="utter_advisor_summary", summary=understood)
    return [SlotSet(COMPLETED_SLOT, done_key), FollowupAction("action_find_providers")]


def municipality_name(name: str, language: str) -> str:
    """The municipality's name in the conversation's language."""
    return get_index().name_in(name, language)


def summary(domain: DomainDict, triage: Triage, language: str = FINNISH) -> str:
    """ "aihe: …, tuen tarve: …, kunta: …" from the domain's labels, for what is known, in the
    conversation's language (a Swedish speaker reads "kommun: Esbo")."""
    labels: Dict[str, Any] = {
        "topic": triage.topic
        and response_text(domain, f"utter_label_topic_{triage.topic}", language),
        "need_level": triage.need_level
        and response_text(domain, f"utter_label_need_level_{triage.need_level}", language),
        "municipality": triage.municipality and municipality_name(triage.municipality, language),
    }
    return ", ".join(
        response_text(domain, f"utter_summary_{name}", language, label=label)
        for name, label in labels.items()
        if label
    )


def _capitalised(text: str) -> str:
    """First letter up, the rest untouched ("Suomi.fi", "OmaKanta" keep their capitals)."""
    return text[:1].upper() + text[1:]


def _location_key(tracker: Tracker) -> Any:
    """Whatever place the person has given, as one comparable value (None if nothing)."""
    values = [tracker.get_slot(name) for name in LOCATION_SLOTS]
    return "/".join(str(value) for value in values) if any(values) else None
