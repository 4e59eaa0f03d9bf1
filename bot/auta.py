"""What each AUTA need level means for the forms of help: the one place that says it.

AUTA sorts a person's need into four levels (bot.triage.labels.NEED_LEVELS): 1 self_service (a
link will do), 2 light_support (a little help, at a distance or at a drop-in), 3
demanding_support (guidance beside them: in person, a home visit, a course) and 4 non_digital
(someone who does not use the net: a voice or a face). The forms of help are the directory's
kinds of help (in_person, remote = chat or video, phone, home_visit, course); the person's own
wish (bot/triage/help_form.py) can also be paper, which is served by phone or in person.

The dialogue (whether to ask for a place), the search (which providers fit), the presentation
(whether a place is needed, the online extra), the offer of a human and the import (which
levels an online-only channel serves) all ask this module, so a change of policy is made once.
No Rasa, no database: plain values and small functions.
"""

from __future__ import annotations

from typing import FrozenSet, Iterable, Mapping, Optional, Tuple

from bot.triage.labels import NEED_LEVELS

SELF_SERVICE, LIGHT_SUPPORT, DEMANDING_SUPPORT, NON_DIGITAL = NEED_LEVELS

#: The directory's kinds of help, in the order they are listed to people.
FORMS: Tuple[str, ...] = ("in_person", "remote", "phone", "home_visit", "course")

#: Levels 1 and 2 are helped at a distance: links, chat and phone serve wherever the person is.
REMOTE_LEVELS = frozenset({SELF_SERVICE, LIGHT_SUPPORT})
#: Levels 3 and 4 call for a person nearby: in-person guidance, home visits, a visit.
IN_PERSON_LEVELS = frozenset({DEMANDING_SUPPORT, NON_DIGITAL})
#: Served by a link: a place in another town is not what they need, national links are.
LINK_LEVELS = frozenset({SELF_SERVICE})

#: Wished forms that need no place (a call or a chat serves anywhere) and those that do.
DISTANCE_FORMS = frozenset({"phone", "remote"})
PLACE_FORMS = frozenset({"in_person", "home_visit"})
#: What serves levels 3 and 4 first when the nearest in-person help is far away.
FORMS_WHEN_FAR: Tuple[str, ...] = ("phone", "home_visit")

#: The forms that fit each level.
FITTING_FORMS: Mapping[str, FrozenSet[str]] = {
    SELF_SERVICE: frozenset({"remote"}),
    LIGHT_SUPPORT: frozenset({"remote", "phone", "in_person"}),
    DEMANDING_SUPPORT: frozenset({"in_person", "home_visit", "course"}),
    NON_DIGITAL: frozenset({"phone", "in_person", "home_visit"}),
}
#: Forms in which a person answers: a call, a chat or video call, a visit, a home visit.
PERSON_FORMS = frozenset({"phone", "remote", "in_person", "home_visit"})

#: A channel that exists only online (PTV's e-channel): it always serves level 1, whatever its
#: forms (a direct link is exactly what self-service needs), and never level 4.
ONLINE_CHANNEL = "EChannel"
ONLINE_CHANNEL_ALWAYS = frozenset({SELF_SERVICE})
ONLINE_CHANNEL_NEVER = frozenset({NON_DIGITAL})

assert set(FITTING_FORMS) == set(NEED_LEVELS), "need levels changed in bot.triage.labels"


def _known(level: str) -> str:
    if level not in FITTING_FORMS:
        raise ValueError(f"unknown need level {level!r}")
    return level


def fits(level: Optional[str], channel_type: str, forms: Iterable[str]) -> bool:
    """Whether a channel of `channel_type` offering `forms` fits the need level (None: any)."""
    if level is None:
        return True
    _known(level)
    if channel_type == ONLINE_CHANNEL:
        if level in ONLINE_CHANNEL_ALWAYS:
            return True
        if level in ONLINE_CHANNEL_NEVER:
            return False
    return bool(FITTING_FORMS[level].intersection(forms))


def channel_levels(channel_type: str, levels: Iterable[str]) -> FrozenSet[str]:
    """The levels a channel serves, given the levels its rules name (see ONLINE_CHANNEL)."""
    served = set(levels)
    if channel_type == ONLINE_CHANNEL:
        served -= ONLINE_CHANNEL_NEVER
        served |= ONLINE_CHANNEL_ALWAYS
    return frozenset(served)


def person_forms(level: Optional[str]) -> FrozenSet[str]:
    """Where a person answers, for someone asking for a human: level 4 needs a voice or a face."""
    return FITTING_FORMS[NON_DIGITAL] if level == NON_DIGITAL else PERSON_FORMS


def needs_a_place(level: Optional[str], wished_form: Optional[str]) -> bool:
    """Whether help must be looked for near the person: levels 3-4 unless they wished for a
    call or a chat, and anyone who wished for a visit or a home visit."""
    return (
        level in IN_PERSON_LEVELS and wished_form not in DISTANCE_FORMS
    ) or wished_form in PLACE_FORMS


def helped_at_a_distance(level: Optional[str], wished_form: Optional[str] = None) -> bool:
    """Whether an answer can be given without a place: levels 1-2, or a call or chat wished."""
    return level in REMOTE_LEVELS or wished_form in DISTANCE_FORMS


def online_extra_fits(level: Optional[str]) -> bool:
    """Whether a national online service is worth adding: levels 1-2, and an unknown level."""
    return level is None or level in REMOTE_LEVELS


def forms_when_far(level: Optional[str]) -> Tuple[str, ...]:
    """The forms to put first when in-person help is far: phone and home visits for levels 3-4."""
    return FORMS_WHEN_FAR if level in IN_PERSON_LEVELS else ()
