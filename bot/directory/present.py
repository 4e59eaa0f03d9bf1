"""What the bot says about a search result, as domain responses and their variables.

The action and the CLI (`providers near --json`) use the same plan, so the command line shows
exactly what the bot would say. Nothing here is Finnish prose: every sentence is a response in
domain/providers.yml, said by Rasa's response generator. Whole messages (the intro that names
the scope, the sample notice) are responses with values, so Rasa applies the `asker`
variations; each provider is one message, the response `utter_provider` with the provider's
data: its name, its lines (short neutral responses such as "Osoite: {address}", only for the
values it has) and its card's data; bot/directory/speech.py says how that becomes one text and
one card. What a need level means (is a place needed, is the online extra worth adding) is
bot.auta's to say.

Language: the search result is in the conversation's language (names, places, order: see
search.py), the responses have a variation per language (slot `language`), and the values
that are not words follow the language's conventions here (0,4 km in Finnish and Swedish,
0.4 km and 9:00 in English). A provider's languages line ("Palvelee suomeksi ja ruotsiksi")
is said when it tells the person something: in a Swedish or English conversation always, in a
Finnish one only when the provider does not list Finnish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.auta import helped_at_a_distance, online_extra_fits
from bot.directory.cards import card_data
from bot.directory.hours import as_helsinki
from bot.directory.search import (
    SCOPE_MUNICIPALITY,
    SCOPE_NATIONAL,
    SCOPE_NEARBY,
    ProviderHit,
    SearchResult,
)
from bot.directory.speech import PROVIDER, Say, provider_text, with_labels
from bot.directory.vocab import ENGLISH, FINNISH, LANGUAGES

ASK_LOCATION = "utter_ask_municipality"
SAMPLE_NOTICE = "utter_providers_sample_notice"
REMOTE_INTRO = "utter_providers_remote"
OFFER_LOCAL_HELP = "utter_providers_offer_local"
#: The directory holds nothing yet: said plainly instead of a search result.
DIRECTORY_EMPTY = "utter_providers_directory_empty"
#: The languages a provider serves in: `languages` holds codes of LANGUAGES, said as labels.
LANGUAGES_LINE = "utter_provider_languages"


@dataclass(frozen=True)
class Fragment:
    """One line of a provider's message: a domain response with its values."""

    response: str
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProviderParts:
    """One provider's lines by kind: the text says them in order, the card places them."""

    name: str
    address: Optional[Fragment] = None
    distance: Optional[Fragment] = None
    forms: Optional[Fragment] = None
    languages: Optional[Fragment] = None
    phone: Optional[Fragment] = None
    web: Optional[Fragment] = None
    hours: Optional[Fragment] = None
    notes: Tuple[Fragment, ...] = ()

    def lines(self) -> List[Dict[str, Any]]:
        """The lines after the name, in the order the bot has always said them."""
        kinds = ("address", "distance", "forms", "languages", "phone", "web", "hours")
        kept = [(kind, getattr(self, kind)) for kind in kinds if getattr(self, kind)]
        kept += [("note", note) for note in self.notes]
        return [
            {"kind": kind, "response": line.response, "values": dict(line.values)}
            for kind, line in kept
        ]


@dataclass(frozen=True)
class PlannedMessage:
    """One message: a domain response and its values (JSON-ready: the action sends them)."""

    response: str
    values: Mapping[str, Any] = field(default_factory=dict)
    #: Set for a provider's message (response PROVIDER).
    provider_id: Optional[int] = None

    @property
    def name(self) -> Optional[str]:
        """A provider's name; None for other messages."""
        return self.values.get("name") if self.provider_id is not None else None

    def to_dict(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"response": self.response, "values": dict(self.values)}
        if self.provider_id is not None:
            data["provider_id"] = self.provider_id
        return data


def format_km(distance: float, language: str = FINNISH) -> str:
    """A decimal comma in Finnish and Swedish ("0,4", "12"), a point in English ("0.4")."""
    if distance < 10:
        text = f"{distance:.1f}"
        return text if language == ENGLISH else text.replace(".", ",")
    return f"{distance:.0f}"


def format_time(moment: datetime, language: str = FINNISH) -> str:
    """Clock time: "9.00", "16.30" in Finnish and Swedish (as written in Finland), "9:00" in
    English."""
    separator = ":" if language == ENGLISH else "."
    return f"{moment.hour}{separator}{moment.minute:02d}"


def format_date(moment: datetime, language: str = FINNISH) -> str:
    """Day and month, "9.12.", the same in every language (no month names to translate)."""
    return f"{moment.day}.{moment.month}."


def remote_help_will_do(result: SearchResult) -> bool:
    """Levels 1 and 2 are served by links, chat and phone: no place is needed to answer them."""
    return (
        not result.location_known
        and helped_at_a_distance(result.need_level)
        and bool(result.providers)
    )


def plan_reply(
    result: SearchResult, now: datetime, *, place_required: bool = True, with_intro: bool = True
) -> List[PlannedMessage]:
    """The messages for `result`; asks for a place when none is known and one is needed.

    `place_required=False` answers with what was found even without a place (a person asking
    for a human gets a phone line at once); `with_intro=False` leaves the intro to the caller.
    Without a place, the reply ends by offering local help once a place is given.
    """
    if result.directory_empty:
        return [PlannedMessage(response=DIRECTORY_EMPTY)]
    if not result.location_known and place_required and not remote_help_will_do(result):
        return [PlannedMessage(response=ASK_LOCATION)]
    if not result.providers:
        return [PlannedMessage(response="utter_providers_none")]
    messages = [_intro(result)] if with_intro else []
    now = as_helsinki(now)
    messages += [
        provider_message(hit, _provider_parts(hit, result, now)) for hit in result.providers
    ]
    if result.national and online_extra_fits(result.need_level):
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


def provider_message(hit: ProviderHit, parts: ProviderParts) -> PlannedMessage:
    """A provider's message: its name, its lines and its card's data (see speech.py)."""
    values = {"name": parts.name, "lines": parts.lines(), "card": card_data(hit)}
    return PlannedMessage(response=PROVIDER, values=values, provider_id=hit.id)


def _intro(result: SearchResult) -> PlannedMessage:
    origin = result.origin
    if not result.location_known:
        return PlannedMessage(response=REMOTE_INTRO)
    values: Dict[str, Any] = {"place": origin.municipality_name or ""}
    if result.scope == SCOPE_MUNICIPALITY:
        return PlannedMessage(response="utter_providers_in_municipality", values=values)
    if result.scope == SCOPE_NEARBY:
        values["radius_km"] = format_km(result.radius_km or 0, result.language)
        if origin.municipality_name:
            return PlannedMessage(response="utter_providers_nearby", values=values)
        return PlannedMessage(response="utter_providers_near_location", values=values)
    if result.scope == SCOPE_NATIONAL:
        return PlannedMessage(response="utter_providers_national_fallback", values=values)
    raise ValueError(f"no intro for scope {result.scope!r}")


def _provider_parts(hit: ProviderHit, result: SearchResult, now: datetime) -> ProviderParts:
    language = result.language
    address = distance = forms = None
    if hit.forms:
        forms = Fragment("utter_provider_forms", {"forms": list(hit.forms)})
    if hit.street_address:
        place = ", ".join(p for p in (hit.street_address, hit.post_office) if p)
        address = Fragment("utter_provider_address", {"address": place})
    if hit.distance_km is not None:
        from_centre = result.origin.kind in ("municipality", "postal_code")
        distance = Fragment(
            "utter_provider_distance_from_centre" if from_centre else "utter_provider_distance",
            {"km": format_km(hit.distance_km, language)},
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
        languages=languages_line(hit.languages, language),
        phone=Fragment("utter_provider_phone", {"phone": hit.phone}) if hit.phone else None,
        web=Fragment("utter_provider_web", {"url": hit.web}) if hit.web else None,
        hours=_hours_line(hit, now, language),
        notes=notes,
    )


def languages_line(languages: Sequence[str], language: str) -> Optional[Fragment]:
    """The languages a provider serves in, when worth saying (see the module docstring).

    Only the bot's own languages have labels (utter_label_language_*); a provider listing none
    of them gets no line.
    """
    said = [code for code in LANGUAGES if code in languages]
    if not said or (language == FINNISH and FINNISH in said):
        return None
    return Fragment(LANGUAGES_LINE, {"languages": said})


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


def _hours_line(hit: ProviderHit, now: datetime, language: str = FINNISH) -> Optional[Fragment]:
    if not hit.hours_known:
        return None
    if hit.open_now:
        if hit.closes_at is None:
            return Fragment("utter_provider_open_always")
        return Fragment("utter_provider_open_now", {"time": format_time(hit.closes_at, language)})
    if hit.next_opening is None:
        return Fragment("utter_provider_no_opening_soon")
    opens = as_helsinki(hit.next_opening)
    values = {"time": format_time(opens, language), "date": format_date(opens, language)}
    if opens.date() == now.date():
        return Fragment("utter_provider_opens_today", values)
    if opens.date() == now.date() + timedelta(days=1):
        return Fragment("utter_provider_opens_tomorrow", values)
    values["weekday"] = opens.weekday()
    return Fragment("utter_provider_opens_later", values)


# --- saying a plan over the domain files (the CLI, the referral note and tests) -------------


Responses = Mapping[str, List[Mapping[str, Any]]]


def suitable_variants(
    variants: Sequence[Mapping[str, Any]], slots: Mapping[str, Any]
) -> List[Mapping[str, Any]]:
    """The variations the bot's response generator chooses from, without loading Rasa.

    Rasa's rule (the variations whose slot conditions all hold, else the unconditional ones),
    narrowed to the most specific as bot/language/variations.py does: with the slots
    language=sv and asker=relative the Swedish relative's variation, not the Finnish one.
    """
    matching = [
        variant
        for variant in variants
        if variant.get("condition")
        and all(_holds(condition, slots) for condition in variant["condition"])
    ]
    if matching:
        most = max(len(variant["condition"]) for variant in matching)
        return [variant for variant in matching if len(variant["condition"]) == most]
    return [variant for variant in variants if not variant.get("condition")]


def _holds(condition: Mapping[str, Any], slots: Mapping[str, Any]) -> bool:
    """Rasa's comparison: strings without regard to case, other values as they are."""
    value, wanted = slots.get(condition["name"]), condition["value"]
    if isinstance(value, str) and isinstance(wanted, str):
        return value.casefold() == wanted.casefold()
    return value == wanted


def choose_variant(
    variants: Sequence[Mapping[str, Any]], slots: Mapping[str, Any]
) -> Mapping[str, Any]:
    """The first of the suitable variations (suitable_variants): deterministic, for the CLI,
    the referral note and tests; the bot's response generator picks one of them at random."""
    suitable = suitable_variants(variants, slots)
    if not suitable:
        raise KeyError("no variant applies")
    return suitable[0]


def domain_say(responses: Responses, slots: Optional[Mapping[str, Any]] = None) -> Say:
    """Say a response as Rasa's template generator does, straight from the domain files."""

    def say(name: str, values: Mapping[str, Any]) -> str:
        return str(choose_variant(responses[name], slots or {})["text"]).format(**values)

    return say


def render_response(
    responses: Responses,
    name: str,
    values: Mapping[str, Any],
    slots: Optional[Mapping[str, Any]] = None,
) -> str:
    """One message's text: a provider's whole message, or a response with its labels said."""
    say = domain_say(responses, slots)
    if name == PROVIDER:
        return provider_text(say, values)
    return say(name, with_labels(say, values))


def render_plan(
    responses: Responses, plan: Sequence[PlannedMessage], slots: Mapping[str, Any]
) -> List[str]:
    """The texts the bot would send, for the CLI and tests."""
    return [render_response(responses, m.response, m.values, slots) for m in plan]
