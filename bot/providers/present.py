"""What the bot says about a search result, as domain responses and their variables.

The action and the CLI (`providers near --json`) use the same plan, so the command line shows
exactly what the bot would say. Nothing here is Finnish prose: every sentence is a response in
domain/providers.yml. Whole messages (the intro that names the scope, the sample notice) are
uttered as responses, so Rasa applies the `asker` variations; each provider is one message
composed of short neutral fragments ("Osoite: {address}", "Auki nyt, klo {time} asti.") so that
lines without data are simply left out. The fragments are kept by kind (ProviderParts) because the
same parts also fill the provider's card (bot/providers/cards.py), which places them by kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.providers.hours import as_helsinki
from bot.providers.search import (
    SCOPE_MUNICIPALITY,
    SCOPE_NATIONAL,
    SCOPE_NEARBY,
    ProviderHit,
    SearchResult,
)

ASK_LOCATION = "utter_ask_municipality"
SAMPLE_NOTICE = "utter_providers_sample_notice"
# AUTA levels 1 and 2 are helped at a distance; an unknown level may well be too, so it also
# gets the national online service as an extra.
REMOTE_LEVELS = ("self_service", "light_support")
ONLINE_LEVELS = (None, *REMOTE_LEVELS)
REMOTE_INTRO = "utter_providers_remote"
OFFER_LOCAL_HELP = "utter_providers_offer_local"


@dataclass(frozen=True)
class Fragment:
    """One line of a composed message: a domain response with values, or a data value as is."""

    response: Optional[str] = None
    values: Mapping[str, Any] = field(default_factory=dict)
    data: Optional[str] = None  # a provider's own name, shown verbatim


@dataclass(frozen=True)
class ProviderParts:
    """One provider's message by kind of line: the text joins them, the card places them."""

    name: str
    address: Optional[Fragment] = None
    distance: Optional[Fragment] = None
    forms: Optional[Fragment] = None
    phone: Optional[Fragment] = None
    web: Optional[Fragment] = None
    hours: Optional[Fragment] = None
    notes: Tuple[Fragment, ...] = ()

    @property
    def lines(self) -> List[Fragment]:
        """The text's lines, in the order the bot has always said them."""
        kept = (self.address, self.distance, self.forms, self.phone, self.web, self.hours)
        return [Fragment(data=self.name), *(line for line in kept if line), *self.notes]


@dataclass(frozen=True)
class PlannedMessage:
    response: Optional[str] = None
    values: Mapping[str, Any] = field(default_factory=dict)
    lines: Sequence[Fragment] = ()
    provider_id: Optional[int] = None
    #: A provider's message: the hit and its parts, from which the card is built.
    provider: Optional[ProviderHit] = field(default=None, compare=False, repr=False)
    parts: Optional[ProviderParts] = field(default=None, compare=False, repr=False)

    def to_dict(self) -> Dict[str, Any]:
        if self.response:
            return {"response": self.response, "values": dict(self.values)}
        return {
            "provider_id": self.provider_id,
            "lines": [
                {"data": f.data} if f.data is not None else {"response": f.response, **f.values}
                for f in self.lines
            ],
        }


def format_km(distance: float) -> str:
    """Finnish number style: "0,4", "12"."""
    if distance < 10:
        return f"{distance:.1f}".replace(".", ",")
    return f"{distance:.0f}"


def format_time(moment: datetime) -> str:
    """Finnish clock time: "9.00", "16.30"."""
    return f"{moment.hour}.{moment.minute:02d}"


def format_date(moment: datetime) -> str:
    return f"{moment.day}.{moment.month}."


def remote_help_will_do(result: SearchResult) -> bool:
    """Levels 1 and 2 are served by links, chat and phone: no place is needed to answer them."""
    return (
        not result.location_known and result.need_level in REMOTE_LEVELS and bool(result.providers)
    )


def plan_reply(
    result: SearchResult, now: datetime, *, place_required: bool = True, with_intro: bool = True
) -> List[PlannedMessage]:
    """The messages for `result`; asks for a place when none is known and one is needed.

    `place_required=False` answers with what was found even without a place (a person asking
    for a human gets a phone line at once); `with_intro=False` leaves the intro to the caller.
    Without a place, the reply ends by offering local help once a place is given.
    """
    if not result.location_known and place_required and not remote_help_will_do(result):
        return [PlannedMessage(response=ASK_LOCATION)]
    if not result.providers:
        return [PlannedMessage(response="utter_providers_none")]
    messages = [_intro(result)] if with_intro else []
    now = as_helsinki(now)
    for hit in result.providers:
        parts = _provider_parts(hit, result, now)
        messages.append(
            PlannedMessage(lines=parts.lines, provider_id=hit.id, provider=hit, parts=parts)
        )
    if result.national and result.need_level in ONLINE_LEVELS:
        extra = result.national[0]
        if extra.web:
            messages.append(
                PlannedMessage(
                    response="utter_providers_also_online",
                    values={"name": extra.name, "url": extra.web},
                )
            )
    if result.any_sample:
        messages.append(PlannedMessage(response=SAMPLE_NOTICE))
    if not result.location_known:
        messages.append(PlannedMessage(response=OFFER_LOCAL_HELP))
    return messages


def _intro(result: SearchResult) -> PlannedMessage:
    origin = result.origin
    if not result.location_known:
        return PlannedMessage(response=REMOTE_INTRO)
    values: Dict[str, Any] = {"place": origin.municipality_name or ""}
    if result.scope == SCOPE_MUNICIPALITY:
        return PlannedMessage(response="utter_providers_in_municipality", values=values)
    if result.scope == SCOPE_NEARBY:
        values["radius_km"] = format_km(result.radius_km or 0)
        if origin.municipality_name:
            return PlannedMessage(response="utter_providers_nearby", values=values)
        return PlannedMessage(response="utter_providers_near_location", values=values)
    if result.scope == SCOPE_NATIONAL:
        return PlannedMessage(response="utter_providers_national_fallback", values=values)
    raise ValueError(f"no intro for scope {result.scope!r}")


def _provider_parts(hit: ProviderHit, result: SearchResult, now: datetime) -> ProviderParts:
    address = distance = forms = None
    if hit.forms:
        forms = Fragment("utter_provider_forms", {"forms": _FormList(hit.forms)})
    if hit.street_address:
        place = ", ".join(p for p in (hit.street_address, hit.post_office) if p)
        address = Fragment("utter_provider_address", {"address": place})
    if hit.distance_km is not None:
        from_centre = result.origin.kind in ("municipality", "postal_code")
        distance = Fragment(
            "utter_provider_distance_from_centre" if from_centre else "utter_provider_distance",
            {"km": format_km(hit.distance_km)},
        )
    notes = tuple(
        Fragment(
            "utter_provider_does_less" if limit.does_less else "utter_provider_does_more",
            {"note": limit.note},
        )
        for limit in hit.limits
        if limit.note and _concerns(limit.key, result.topic)
    )
    return ProviderParts(
        name=hit.name,
        address=address,
        distance=distance,
        forms=forms,
        phone=Fragment("utter_provider_phone", {"phone": hit.phone}) if hit.phone else None,
        web=Fragment("utter_provider_web", {"url": hit.web}) if hit.web else None,
        hours=_hours_line(hit, now),
        notes=notes,
    )


#: The topic a general limit matters most for; other keys are topics themselves.
LIMIT_TOPIC = {
    "act_on_behalf": "authorizations",
    "handle_credentials": "identification",
    "application_content": "e_services",
    "device_repair": "device",
}


def _concerns(limit_key: str, topic: Optional[str]) -> bool:
    """Mention a provider's own limit only where it matters for the person's question."""
    return topic is None or LIMIT_TOPIC.get(limit_key, limit_key) == topic


class _FormList(list):
    """Marker: a list of form keys to be rendered with the domain's form labels."""


def _hours_line(hit: ProviderHit, now: datetime) -> Optional[Fragment]:
    if not hit.hours_known:
        return None
    if hit.open_now:
        if hit.closes_at is None:
            return Fragment("utter_provider_open_always")
        return Fragment("utter_provider_open_now", {"time": format_time(hit.closes_at)})
    if hit.next_opening is None:
        return Fragment("utter_provider_no_opening_soon")
    opens = as_helsinki(hit.next_opening)
    values = {"time": format_time(opens), "date": format_date(opens)}
    if opens.date() == now.date():
        return Fragment("utter_provider_opens_today", values)
    if opens.date() == now.date() + timedelta(days=1):
        return Fragment("utter_provider_opens_tomorrow", values)
    values["weekday"] = _Weekday(opens.weekday())
    return Fragment("utter_provider_opens_later", values)


class _Weekday(int):
    """Marker: a weekday number to be rendered with the domain's weekday label."""


# --- rendering (the action, the CLI and tests) ----------------------------------------------


Responses = Mapping[str, List[Mapping[str, Any]]]


def choose_variant(
    variants: Sequence[Mapping[str, Any]], slots: Mapping[str, Any]
) -> Mapping[str, Any]:
    """Rasa's rule: a variant whose slot conditions all hold, else an unconditional one."""
    for variant in variants:
        conditions = variant.get("condition") or []
        if conditions and all(
            slots.get(condition["name"]) == condition["value"] for condition in conditions
        ):
            return variant
    for variant in variants:
        if not variant.get("condition"):
            return variant
    raise KeyError("no variant applies")


def render_response(
    responses: Responses,
    name: str,
    values: Mapping[str, Any],
    slots: Optional[Mapping[str, Any]] = None,
) -> str:
    text = str(choose_variant(responses[name], slots or {})["text"])
    return text.format(**_rendered_values(responses, values))


def form_labels(responses: Responses, forms: Iterable[str]) -> List[str]:
    """The domain's Finnish labels of form keys: "kotikäynti", "puhelinneuvonta"."""
    return [render_response(responses, f"utter_label_form_{form}", {}) for form in forms]


def _rendered_values(responses: Responses, values: Mapping[str, Any]) -> Dict[str, Any]:
    rendered: Dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, _FormList):
            value = ", ".join(form_labels(responses, value))
        elif isinstance(value, _Weekday):
            value = render_response(responses, f"utter_label_weekday_{int(value)}", {})
        rendered[key] = value
    return rendered


def render_fragment(responses: Responses, fragment: Fragment) -> str:
    """One line: a data value as is, or its response filled in."""
    if fragment.data is not None:
        return fragment.data
    assert fragment.response is not None
    return render_response(responses, fragment.response, fragment.values)


def render_lines(responses: Responses, lines: Iterable[Fragment]) -> str:
    """One provider's message: its fragments, one per line."""
    return "\n".join(render_fragment(responses, line) for line in lines)


def render_plan(
    responses: Responses, plan: Sequence[PlannedMessage], slots: Mapping[str, Any]
) -> List[str]:
    """The texts the bot would send, for the CLI and tests."""
    texts = []
    for message in plan:
        if message.response:
            texts.append(render_response(responses, message.response, message.values, slots))
        else:
            texts.append(render_lines(responses, message.lines))
    return texts


def message_values(responses: Responses, message: PlannedMessage) -> Dict[str, Any]:
    """A whole message's values with labels resolved (what the action passes to Rasa)."""
    return _rendered_values(responses, message.values)
