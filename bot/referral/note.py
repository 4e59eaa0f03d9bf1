"""The referral note of one conversation, built from its slots at the moment it is asked for.

The note says what an advisor passes on: the need level (AUTA number and plain name), the
topic, who told it, the municipality, the chosen provider, what that provider will not do and
the next steps. It is built from slot values only, so it cannot carry anything the person
typed: no free text, no names; the slots hold closed values (topic, level, asker), a
municipality's name from the places index and a provider id.

The wording is the assistant's own: labels and values come from the domain's responses in the
advisor's voice (the staff script, ``asker: advisor``), so a reviewer finds every sentence in
domain/*.yml. Two small changes are made to them, both because the note is read by whoever
receives the referral, not said to the client: the script's "Kerro asiakkaalle:" in front of
a statement is left out, and the level label's "(taso 3)" becomes the note's "Taso 3 – ".

The note is in the conversation's language (slot ``language``): the responses' variations for
it, the form labels for it (bot.referral.labels) and, in Swedish, the municipality's Swedish
name ("Esbo"), as the assistant names it in a Swedish conversation. Finnish when unset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.auta import DISTANCE_FORMS, IN_PERSON_LEVELS
from bot.directory.present import Responses, choose_variant
from bot.directory.service import PersonQuery
from bot.language.detect import SWEDISH
from bot.limits import LimitsConfig, plan_for_topic
from bot.referral.labels import FINNISH, NoteLabels, labels_for
from bot.referral.provider import ChosenProvider
from bot.triage.labels import NEED_LEVELS

#: The voice of every text in the note: the staff script's.
VOICE = "advisor"
_SCRIPT_PREFIX = re.compile(r"^(?:Kerro asiakkaalle|Berätta för kunden|Tell the client):\s*")
_LEVEL_SUFFIX = re.compile(r"\s*\((?:taso|nivå|level) \d\)\s*$")


@dataclass(frozen=True)
class Section:
    """One heading of the note and its lines; no lines means not known yet."""

    key: str
    label: str
    items: Tuple[str, ...] = ()

    def as_json(self) -> Dict[str, Any]:
        return {"key": self.key, "label": self.label, "items": list(self.items)}


@dataclass(frozen=True)
class ReferralNote:
    day: date
    #: AUTA level 1-4, None while not known.
    level: Optional[int]
    #: The chosen provider is invented sample data (its name says "ESIMERKKI" too).
    sample: bool
    sections: Tuple[Section, ...] = field(default_factory=tuple)
    labels: NoteLabels = FINNISH

    @property
    def date_text(self) -> str:
        return f"{self.day.day}.{self.day.month}.{self.day.year}"

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def as_json(self) -> Dict[str, Any]:
        return {
            "title": self.labels.title,
            "date": self.day.isoformat(),
            "date_label": self.labels.date,
            "date_text": self.date_text,
            "level": self.level,
            "sample": self.sample,
            "not_known": self.labels.not_known,
            "sections": [section.as_json() for section in self.sections],
        }


class NoteTexts:
    """Domain responses rendered as the note says them (advisor voice, values filled in)."""

    def __init__(self, responses: Responses, slots: Mapping[str, Any]) -> None:
        self._responses = responses
        # The variations are chosen as for an advisor in this situation (e.g. `urgent`).
        self._slots = {**slots, "asker": VOICE}

    def has(self, name: str) -> bool:
        return name in self._responses

    def raw(self, name: str, **values: Any) -> str:
        text = str(choose_variant(self._responses[name], self._slots)["text"]).strip()
        return text.format(**values) if values else text

    def statement(self, name: str, **values: Any) -> str:
        """A sentence of the script as a statement: "Kerro asiakkaalle: tukihenkilö ei ..." ->
        "Tukihenkilö ei ..."."""
        return _capitalised(_SCRIPT_PREFIX.sub("", self.raw(name, **values)))


def build_note(
    slots: Mapping[str, Any],
    provider: Optional[ChosenProvider],
    responses: Responses,
    limits: LimitsConfig,
    facts: Mapping[str, str],
    day: date,
) -> ReferralNote:
    """The note for a conversation whose slots are ``slots`` (Rasa's current values);
    ``facts`` are the urgent steps' facts (bot.triage.urgent_steps), ``day`` the note's date."""
    texts = NoteTexts(responses, slots)
    labels = labels_for(slots.get("language"))
    topic, need_level = _known(slots, "topic"), _known(slots, "need_level")
    level = NEED_LEVELS.index(need_level) + 1 if need_level in NEED_LEVELS else None
    refusals, alternatives, does_more = _limits(texts, limits, topic, need_level, provider)
    level_line = _level_line(texts, labels, need_level, level)
    asker = labels.askers.get(_known(slots, "asker") or "")
    sections = (
        Section("need_level", labels.need_level, level_line),
        Section("topic", labels.topic, _label(texts, "utter_label_topic_", topic)),
        Section("asker", labels.asker, _one(asker)),
        Section("municipality", labels.municipality, _one(_municipality(slots))),
        Section("provider", labels.provider, _provider_lines(texts, provider, does_more)),
        Section("limits", labels.limits, tuple(refusals)),
        Section("next_steps", labels.next_steps, _next_steps(texts, slots, alternatives, facts)),
    )
    return ReferralNote(day, level, bool(provider and provider.is_sample), sections, labels)


def _known(slots: Mapping[str, Any], name: str) -> Optional[str]:
    value = slots.get(name)
    return value if isinstance(value, str) and value.strip() else None


def _one(value: Optional[str]) -> Tuple[str, ...]:
    return (value,) if value else ()


def _municipality(slots: Mapping[str, Any]) -> Optional[str]:
    """The slot holds the Finnish name; a Swedish note names it as a Swedish reader knows it
    ("Espoo" -> "Esbo"), the way the assistant does (actions.triage.municipality_name)."""
    name = _known(slots, "municipality")
    if name is None or slots.get("language") != SWEDISH:
        return name
    from bot.places import get_index  # the index only for the Swedish notes that need it

    return get_index().name_in(name, SWEDISH)


def _label(texts: NoteTexts, prefix: str, value: Optional[str]) -> Tuple[str, ...]:
    if value is None or not texts.has(prefix + value):
        return ()
    return (_capitalised(texts.raw(prefix + value)),)


def _level_line(
    texts: NoteTexts, labels: NoteLabels, need_level: Optional[str], level: Optional[int]
) -> Tuple[str, ...]:
    response = f"utter_label_need_level_{need_level}"
    if level is None or not texts.has(response):
        return ()
    name = _LEVEL_SUFFIX.sub("", texts.raw(response))
    return (labels.level.format(number=level, name=name),)


def _provider_lines(
    texts: NoteTexts, provider: Optional[ChosenProvider], does_more: Sequence[str]
) -> Tuple[str, ...]:
    """Name and contacts in the lines the chat shows them in; the sample notice for a sample."""
    if provider is None:
        return ()
    lines = [provider.name]
    for response, variable, value in (
        ("utter_provider_address", "address", provider.address),
        ("utter_provider_phone", "phone", provider.phone),
        ("utter_provider_web", "url", provider.web),
    ):
        if value:
            lines.append(texts.raw(response, **{variable: value}))
    lines += does_more
    if provider.is_sample:
        lines.append(texts.raw("utter_providers_sample_notice"))
    return tuple(lines)


def _limits(
    texts: NoteTexts,
    config: LimitsConfig,
    topic: Optional[str],
    need_level: Optional[str],
    provider: Optional[ChosenProvider],
) -> Tuple[List[str], List[str], List[str]]:
    """(what the provider will not do, what to do instead, what this provider does more).

    The same plan the assistant says after the providers (bot.limits), with the chosen
    provider's own limits; nothing before the topic is known.
    """
    if topic is None or topic not in config.topics:
        return [], [], []
    plan = plan_for_topic(config, topic, need_level, VOICE, provider.limits if provider else ())
    refusals = {spec.response for spec in config.limits.values()}
    refusals |= {config.provider_topic_not_covered, config.provider_note}
    more = {spec.provider_does_more for spec in config.limits.values()}
    will_not, instead, does_more = [], [], []
    for planned in plan.responses:
        if planned.name in (config.intro, config.general):
            continue
        text = texts.statement(planned.name, **planned.variables)
        if planned.name in refusals:
            will_not.append(text)
        elif planned.name in more:
            does_more.append(text)
        else:
            instead.append(text)
    return will_not, instead, does_more


def _next_steps(
    texts: NoteTexts,
    slots: Mapping[str, Any],
    alternatives: Sequence[str],
    urgent_facts: Mapping[str, str],
) -> Tuple[str, ...]:
    """Urgent steps first, then what is still to be asked, the way without the net for level 4,
    and what to do instead of what helpers will not do."""
    steps: List[str] = []
    if _known(slots, "urgent"):
        steps.append(texts.raw("utter_urgent_steps", **urgent_facts))
    topic, need_level = _known(slots, "topic"), _known(slots, "need_level")
    if topic is None:
        steps.append(texts.raw("utter_ask_topic"))
    if need_level is None:
        steps.append(texts.raw("utter_ask_need_level"))
    at_a_distance = _known(slots, "help_form") in DISTANCE_FORMS
    if need_level in IN_PERSON_LEVELS and not at_a_distance and not _has_place(slots):
        steps.append(texts.raw("utter_ask_municipality"))
    if need_level == "non_digital":
        route = f"utter_non_digital_{topic}"
        steps.append(texts.statement(route if texts.has(route) else "utter_non_digital_general"))
        steps.append(texts.statement("utter_non_digital_someone_else"))
    steps += [text for text in alternatives if text not in steps]
    return tuple(steps)


def _has_place(slots: Mapping[str, Any]) -> bool:
    return PersonQuery.from_slots(slots).has_location


def _capitalised(text: str) -> str:
    """First letter up, the rest untouched ("Suomi.fi", "OmaKanta" keep their capitals)."""
    return text[:1].upper() + text[1:]
