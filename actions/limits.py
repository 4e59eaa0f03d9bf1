"""What helpers will not do, and what to do instead (issue 5).

- ``action_explain_limits``: after the providers, one short note: the first limit that applies
  to the topic, need level, asker and chosen provider, and "kerro lisää" for the rest; nothing
  that was already said in this conversation is said again (slot ``said_once``).
- ``action_explain_more``: "kerro lisää": the rest of the limits and alternatives.
- ``action_answer_limit_question``: answers a direct question ("voiko digitukihenkilö
  kirjautua puolestani?") about the limit(s) the latest message is about, or says in general
  what helpers do and do not do.

The rules are data (data/limits/helper_limits.yml, planned by bot.limits); the sentences are
domain responses with asker variations (domain/limits.yml). The limits file is loaded and
validated when this module is imported, so a broken file stops the action server (or the
in-process executor) at start-up instead of failing in a conversation.
"""

from __future__ import annotations

import abc
import asyncio
import logging
from typing import Any, Callable, Dict, List, Optional, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.closing import ends_with_thanks, say_closing
from actions.common import (
    NON_DIGITAL_SHOWN,
    SAID_ONCE,
    conversation_language,
    response_text,
    slots_set_since_last_user_message,
)
from actions.urgent import say_urgent_steps_if_new, say_urgent_steps_read_here
from bot.language.detect import FINNISH
from bot.limits import (
    LimitsConfig,
    Plan,
    ProviderLimitLike,
    default_limits,
    plan_for_question,
    plan_for_topic,
)
from bot.triage.labels import ASKER, NEED_LEVEL, TOPIC
from bot.triage.permission import is_permission_question
from bot.triage.questions import limits_asked_about, match_question_in

logger = logging.getLogger(__name__)

PROVIDER_ID = "provider_id"
# The label of the button that asks for the rest ("Kerro lisää"), sent as /ask_more.
MORE_BUTTON = "utter_button_more_limits"
#: A question is answered about at most this many limits (best matches first).
MAX_LIMITS_PER_ANSWER = 2
#: The responses that state a rule (the others are alternatives and introductions).
RULE_PREFIX = "utter_limit_"
# Messages in the answer to a question about what helpers may do, before "Kerro lisää".
MAX_ANSWER_MESSAGES = 5

ProviderLimitsSource = Callable[[Any], Sequence[ProviderLimitLike]]

# Fail at start-up, not in a conversation.
default_limits()


def provider_limits_from_directory(provider_id: Any) -> Sequence[ProviderLimitLike]:
    """The chosen provider's own limits from the provider directory (blocking DB call)."""
    if provider_id in (None, ""):
        return []
    from bot.directory.db import session_scope
    from bot.directory.models import get_provider_limits

    with session_scope() as session:
        return list(get_provider_limits(session, provider_id))


async def _provider_limits(source: ProviderLimitsSource, provider_id: Any) -> Sequence[Any]:
    """Provider limits, or none when the directory cannot answer.

    WHY not fail: the general rules are still right for almost every provider, and a person
    asking what a helper will do deserves that answer even when the directory is down.
    """
    if provider_id in (None, ""):
        return []
    try:
        return await asyncio.to_thread(source, provider_id)
    except Exception:
        logger.warning("Provider limits unavailable; using the general rules.", exc_info=True)
        return []


def _carries_triage(tracker: Tracker) -> bool:
    """Whether the latest message names a place or answers the question just asked."""
    from actions.triage import answers_the_question

    entities = tracker.latest_message.get("entities") or []
    places = any(e.get("entity") in ("municipality", "postal_code") for e in entities)
    return places or answers_the_question(tracker)


def _say_new(
    dispatcher: CollectingDispatcher,
    plan: Plan,
    already: Sequence[str],
    last_buttons: Optional[List[Dict[str, str]]] = None,
) -> List[str]:
    """Say the plan's responses not yet said in this conversation; all said so far.

    `last_buttons` go with the last message said (the offer to say more).
    """
    if plan.ignored_provider_keys:
        logger.debug("Provider limit keys not used: %s", plan.ignored_provider_keys)
    fresh = [planned for planned in plan.responses if planned.name not in already]
    _utter(dispatcher, fresh, last_buttons)
    return [*already, *(planned.name for planned in fresh)]


def _utter(
    dispatcher: CollectingDispatcher,
    responses: Sequence[Any],
    last_buttons: Optional[List[Dict[str, str]]] = None,
) -> None:
    """Say planned responses, `last_buttons` with the last one (the offer to say more)."""
    for index, planned in enumerate(responses):
        buttons = last_buttons if last_buttons and index == len(responses) - 1 else None
        extra: Dict[str, Any] = {"buttons": buttons} if buttons else {}
        dispatcher.utter_message(response=planned.name, **planned.variables, **extra)


def _short(plan: Plan, config: LimitsConfig) -> Plan:
    """The note that fits a phone screen: what the chosen provider's own data says first, then
    the plan's first refusal (its alternatives and the intro are left to "kerro lisää")."""
    if not plan.limits:
        return plan
    names = plan.names
    start = names.index(config.limits[plan.limits[0]].response)
    provider_first = [r for r in plan.responses[:start] if r.name != config.intro]
    short = Plan(limits=plan.limits[:1])
    short.responses = [*provider_first, plan.responses[start]]
    return short


def more_button(domain: Dict[str, Any], language: str = FINNISH) -> List[Dict[str, str]]:
    """The "Kerro lisää" button: its label is a domain text in the conversation's language, its
    payload the ask_more intent."""
    return [{"title": response_text(domain, MORE_BUTTON, language), "payload": "/ask_more"}]


class _LimitsAction(Action, abc.ABC):
    """Shared by the two limits actions; abstract, so rasa_sdk does not register it."""

    @abc.abstractmethod
    def name(self) -> str: ...

    def __init__(
        self,
        provider_limits_source: Optional[ProviderLimitsSource] = None,
        config: Optional[LimitsConfig] = None,
    ) -> None:
        self._source = provider_limits_source or provider_limits_from_directory
        self._config = config

    @property
    def config(self) -> LimitsConfig:
        return self._config or default_limits()

    async def _situation(self, tracker: Tracker) -> Dict[str, Any]:
        return {
            "topic": tracker.get_slot(TOPIC),
            "need_level": tracker.get_slot(NEED_LEVEL),
            "asker": tracker.get_slot(ASKER),
            "provider_limits": await _provider_limits(self._source, tracker.get_slot(PROVIDER_ID)),
        }


class ActionExplainLimits(_LimitsAction):
    def name(self) -> str:
        return "action_explain_limits"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        if slots_set_since_last_user_message(tracker).get(NON_DIGITAL_SHOWN):
            return []  # the way without the net, just said, named who may act instead
        situation = await self._situation(tracker)
        plan = plan_for_topic(self.config, **situation)
        short = _short(plan, self.config)
        before = list(tracker.get_slot(SAID_ONCE) or [])
        more = len(plan.responses) > len(short.responses)
        said = _say_new(
            dispatcher,
            short,
            before,
            more_button(domain, conversation_language(tracker)) if more else None,
        )
        return [SlotSet(SAID_ONCE, said)]


class ActionExplainMore(_LimitsAction):
    """ "kerro lisää": the limits and alternatives not yet said for this situation."""

    def name(self) -> str:
        return "action_explain_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        urgent = say_urgent_steps_read_here(dispatcher, tracker)
        if urgent:
            return urgent  # "…ja se pyytää lisää" after money was taken: the steps, nothing else
        if ends_with_thanks(text, tracker):
            say_closing(dispatcher, text, tracker)
            return []
        situation = await self._situation(tracker)
        plan = plan_for_topic(self.config, **situation)
        before = list(tracker.get_slot(SAID_ONCE) or [])
        said = _say_new(dispatcher, plan, before)
        if len(said) == len(before):
            dispatcher.utter_message(response="utter_nothing_more")
        return [SlotSet(SAID_ONCE, said)]


class ActionAnswerLimitQuestion(_LimitsAction):
    def name(self) -> str:
        return "action_answer_limit_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        urgent = say_urgent_steps_if_new(dispatcher, tracker)
        text = tracker.latest_message.get("text") or ""
        if not urgent and ends_with_thanks(text, tracker):
            say_closing(dispatcher, text, tracker)
            return []
        # Limits named by an act or a credential first: a device word alone ("puhelimessa")
        # does not add the repair rule to a question about bank codes.
        language = conversation_language(tracker)
        keys = (
            limits_asked_about(text, self.config, language)
            or match_question_in(text, self.config, language)
        )[:MAX_LIMITS_PER_ANSWER]
        if not keys and not is_permission_question(text, language) and _carries_triage(tracker):
            # "asun raahessa jos sillä on väliä": an answer, not a question about limits.
            from actions.triage import triage_turn

            return [*urgent, *await triage_turn(dispatcher, tracker, domain)]
        situation = await self._situation(tracker)
        plan = plan_for_question(self.config, keys, **situation)
        # A question is answered even if its rule was said before, but on one phone screen:
        # the rule and its first alternatives, the rest behind "Kerro lisää". Alternatives
        # already said are not said again: the rule is the answer to the new question
        # ("entäs jos äiti näyttää ite ne koodit, saanko mä sit naputella ne").
        said = list(tracker.get_slot(SAID_ONCE) or [])
        fresh = [
            planned
            for planned in plan.responses
            if planned.name.startswith(RULE_PREFIX) or planned.name not in said
        ] or list(plan.responses[:1])
        shown = fresh[:MAX_ANSWER_MESSAGES]
        more = (
            more_button(domain, conversation_language(tracker)) if len(fresh) > len(shown) else None
        )
        _utter(dispatcher, shown, more)
        said += [planned.name for planned in shown if planned.name not in said]
        return [*urgent, SlotSet(SAID_ONCE, said)]
