"""How one message changes the triage, and what the assistant should ask next.

Kept free of Rasa so the conversation logic can be tested directly: the actions only translate
between trackers and these values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from enum import Enum
from typing import Any, Dict, Iterable, List, Mapping, Optional

# What a need level or a wished form means for the place is bot.auta's to say; the names stay
# importable from here for the dialogue's other readers.
from bot.auta import DISTANCE_FORMS as DISTANCE_FORMS
from bot.auta import IN_PERSON_LEVELS as IN_PERSON_LEVELS
from bot.auta import PLACE_FORMS as PLACE_FORMS
from bot.auta import needs_a_place
from bot.triage.labels import ASKER, MUNICIPALITY, NEED_LEVEL, TOPIC
from bot.triage.words import NEGATIONS

# A need level that comes from the person's abilities or circumstances, not from the service
# at hand, so it still holds when the conversation moves to another topic.
TOPIC_INDEPENDENT_LEVELS = frozenset({"non_digital"})
CORRECTION_INTENTS = frozenset({"correct"})
# Only these say "a new problem": an answer ("inform"), a yes or a no that happens to name a
# service keeps the topic the conversation is about.
TOPIC_CHANGING_INTENTS = frozenset({"ask_help", "correct", "find_provider"})
# An acknowledgement ("Hyvä. Voinko auttaa vielä?") fits only a yes or a thank-you.
ACKNOWLEDGEABLE_INTENTS = frozenset({"affirm", "thank"})


@dataclass(frozen=True)
class Triage:
    topic: Optional[str] = None
    need_level: Optional[str] = None
    asker: Optional[str] = None
    municipality: Optional[str] = None

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> Triage:
        return cls(**{field.name: slots.get(field.name) for field in fields(cls)})

    def as_dict(self) -> Dict[str, Optional[str]]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


# A negation word (bot.triage.words.NEGATIONS, the one list) just before a place name says the
# person is NOT there: "ei Helsinki vaan Espoo", "asun Rovaniemellä en Kemissä", "ei se oo Lahti
# vaan Hollola".
NEGATION_WINDOW = 3
# Swedish and English say it the same way: "int Vasa, ja bor i Korsholm", "Espoo not Helsinki".
# ("nej" and "no" answer the question before; they do not negate the name after them.)
PLACE_NEGATIONS = NEGATIONS | frozenset({"inte", "int", "icke", "not", "never"})
# A negation does not reach past these: "ei Helsinki VAAN Espoo", "not Vasa BUT Korsholm".
CLAUSE_BREAKS = frozenset({"vaan", "mutta", "kun", "koska", "ja", "utan", "men", "but", "och"})


def is_negated(text: str, start: int) -> bool:
    """Whether one of the few words before `start`, in the same clause, negates what follows."""
    clause = re.split(r"[,.;:!?]", text[:start].lower())[-1]
    preceding = re.findall(r"\w+", clause)[-NEGATION_WINDOW:]
    for word in reversed(preceding):
        if word in CLAUSE_BREAKS:
            return False
        if word in PLACE_NEGATIONS:
            return True
    return False


#: Who lives or is at a place, in the few words before it: the writer ("mä asun", "i'm in",
#: "ja bor i") or someone else ("isä asuu", "she lives in", "hon bor i").
_WRITER_AT = re.compile(
    r"\b(?:asun|asutaan|oon|olen|opiskelen|(?:mä|mää|minä)\s+\w+|(?:jag|ja|vi)\s+(?:bor|e|är|"
    r"studerar|jobbar)|i'?m|im|i\s+(?:live|study|work|am)|we\s+live|me)(?:\s+\w+){0,2}\s*$"
)
_OTHER_AT = re.compile(r"\b(?:asuu|asuvat|hän|\w+\s+bor|lives?|she|he|they)(?:\s+\w+){0,2}\s*$")


def _someone_elses_place(text: str, places: List[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """Of a writer's own place and someone else's ("mä asun seinäjoela mut isä asuu
    alavudella", "i'm in Helsinki, she lives in Oulu"), the other person's: help is for them.
    A message with no such pair keeps all its places."""
    if len(places) < 2:
        return places
    lower = text.lower()

    def before(entity: Mapping[str, Any]) -> str:
        start = int(entity.get("start") or 0)
        return re.split(r"[,.;:!?]|\b(?:mut|mutta|ja|and|but|men|och)\b", lower[:start])[-1]

    writers = [e for e in places if _WRITER_AT.search(before(e))]
    others = [e for e in places if _OTHER_AT.search(before(e)) and e not in writers]
    return others if writers and others else places


def understood_from_entities(entities: Iterable[Mapping[str, Any]], text: str = "") -> Triage:
    """The triage values one message states: the first entity of each kind wins.

    A place the message negates ("ei Helsinki vaan Espoo") is passed over when another place
    is given, so a correction lands on the right municipality; so is the writer's own place
    beside the place of the person the help is for.
    """
    entities = list(entities)
    places = [entity for entity in entities if entity.get("entity") == MUNICIPALITY]
    affirmed = [e for e in places if not is_negated(text, int(e.get("start") or 0))]
    affirmed = _someone_elses_place(text, affirmed)
    skipped = [id(e) for e in places if e not in affirmed] if affirmed else []
    values: Dict[str, str] = {}
    for entity in entities:
        kind = entity.get("entity")
        if kind in (TOPIC, NEED_LEVEL, ASKER, MUNICIPALITY) and kind not in values:
            value = entity.get("value")
            if isinstance(value, str) and value and id(entity) not in skipped:
                values[kind] = value
    return Triage(**values)


def merge(
    previous: Triage,
    stated: Triage,
    intent: Optional[str],
    *,
    sticky_topic: bool = False,
    explicit_correction: bool = False,
) -> Triage:
    """What is known after a message that stated `stated`.

    New statements replace old ones, with exceptions that keep the conversation coherent:
    the model guesses `self` for any plain request, so that guess never overrides a relative or
    an advisor already known unless the person is correcting us; a known topic changes only
    when the message brings a new problem (`topic_may_change`), and a change of topic drops a
    need level that was about the previous service, unless the message states a new one.
    """
    merged = previous
    if (
        stated.topic
        and stated.topic != previous.topic
        and topic_may_change(
            previous.topic, intent, sticky=sticky_topic, explicit=explicit_correction
        )
    ):
        keep_level = previous.need_level in TOPIC_INDEPENDENT_LEVELS
        merged = replace(
            merged,
            topic=stated.topic,
            need_level=previous.need_level if keep_level else None,
        )
    if stated.need_level:
        merged = replace(merged, need_level=stated.need_level)
    if stated.asker and _may_set_asker(previous.asker, stated.asker, intent):
        merged = replace(merged, asker=stated.asker)
    if stated.municipality:
        merged = replace(merged, municipality=stated.municipality)
    return merged


# Words that make a correction explicit: "eiku", "ei vaan", "tarkoitin", "siis se on kela".
EXPLICIT_CORRECTION = re.compile(
    r"\b(?:eiku|ei\s+ku(?:n)?|ei\s+vaan|tarkoitin|tarkotin|korjaan|väärin|"
    r"itse\s*asiassa|itseasiassa|oikeestaan|oikeastaan)\b|\bei\b[^.?!]{0,40}\bvaan\b"
)


def corrects_explicitly(text: str) -> bool:
    return EXPLICIT_CORRECTION.search(text.lower()) is not None


def topic_may_change(
    previous: Optional[str], intent: Optional[str], *, sticky: bool, explicit: bool = False
) -> bool:
    """A passing word in an answer, a yes or a no does not replace the topic; a new request or
    a correction does. `sticky` (a scam in progress, an answer to the question just asked)
    yields only to an explicit correction ("eiku se on kela"), whatever the intent."""
    if previous is None:
        return True
    if sticky:
        return explicit
    return intent in TOPIC_CHANGING_INTENTS or explicit


def _may_set_asker(previous: Optional[str], stated: str, intent: Optional[str]) -> bool:
    """A relative or an advisor stays one unless corrected: "se" in a later message ("se on
    peloissaan") does not turn an advisor into a relative."""
    if previous in (None, "self"):
        return True
    return intent in CORRECTION_INTENTS


class Step(str, Enum):
    """What the assistant does next in the triage."""

    NOT_UNDERSTOOD = "not_understood"
    ASK_CORRECTION = "ask_correction"
    ASK_TOPIC = "ask_topic"
    ASK_NEED_LEVEL = "ask_need_level"
    ASK_LOCATION = "ask_location"
    COMPLETE = "complete"
    NOTHING_NEW = "nothing_new"


def next_step(
    triage: Triage,
    *,
    intent: Optional[str],
    changed: bool,
    has_location: bool,
    already_completed: bool,
    help_form: Optional[str] = None,
    level_passed_over: bool = False,
) -> Step:
    """The one thing still needed, asked one question at a time.

    `has_location` counts a municipality, a postal code or coordinates; `already_completed`
    says providers were already shown for exactly this triage, so a "kyllä" or "kiitos" does not
    repeat them. `level_passed_over` says the need level was asked and the person answered
    with something else the search can use (a place, a form of help): the question is not
    asked again word for word, the help is looked up without the level.
    """
    if intent == "nlu_fallback" and not changed:
        return Step.NOT_UNDERSTOOD
    if intent == "deny" and not changed:
        return Step.ASK_CORRECTION
    if triage.topic is None:
        return Step.ASK_TOPIC
    if triage.need_level is None and not level_passed_over:
        return Step.ASK_NEED_LEVEL
    wants_place = needs_a_place(triage.need_level, help_form) or intent == "find_provider"
    if wants_place and not has_location:
        return Step.ASK_LOCATION
    if already_completed and not changed and intent != "find_provider":
        # Nothing new: a yes or a thank-you is acknowledged; anything else was not understood.
        return Step.NOTHING_NEW if intent in ACKNOWLEDGEABLE_INTENTS else Step.NOT_UNDERSTOOD
    return Step.COMPLETE


def fingerprint(
    triage: Triage, location: Optional[str] = None, help_form: Optional[str] = None
) -> str:
    """A stable key of a completed triage, to notice when nothing has changed since."""
    parts = [*(value or "-" for value in triage.as_dict().values()), location or "-"]
    if help_form:
        parts.append(help_form)
    return "|".join(parts)
