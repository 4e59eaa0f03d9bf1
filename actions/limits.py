"""What helpers will not do, and what to do instead (issue 5).

- ``action_explain_limits``: for the current topic, need level, asker and chosen provider,
  says the limits that apply and the safe alternative for each.
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
from rasa_sdk.executor import CollectingDispatcher

from bot.limits import (
    LimitsConfig,
    Plan,
    ProviderLimitLike,
    default_limits,
    match_question,
    plan_for_question,
    plan_for_topic,
)
from bot.triage.labels import ASKER, NEED_LEVEL, TOPIC

logger = logging.getLogger(__name__)

PROVIDER_ID = "provider_id"
#: A question is answered about at most this many limits (best matches first).
MAX_LIMITS_PER_ANSWER = 2

ProviderLimitsSource = Callable[[Any], Sequence[ProviderLimitLike]]

# Fail at start-up, not in a conversation.
default_limits()


def provider_limits_from_directory(provider_id: Any) -> Sequence[ProviderLimitLike]:
    """The chosen provider's own limits from the provider directory (blocking DB call)."""
    if provider_id in (None, ""):
        return []
    from bot.providers.db import session_scope
    from bot.providers.models import get_provider_limits

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


def _utter(dispatcher: CollectingDispatcher, plan: Plan) -> None:
    if plan.ignored_provider_keys:
        logger.debug("Provider limit keys not used: %s", plan.ignored_provider_keys)
    for planned in plan.responses:
        dispatcher.utter_message(response=planned.name, **planned.variables)


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
        situation = await self._situation(tracker)
        _utter(dispatcher, plan_for_topic(self.config, **situation))
        return []


class ActionAnswerLimitQuestion(_LimitsAction):
    def name(self) -> str:
        return "action_answer_limit_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        keys = match_question(text, self.config)[:MAX_LIMITS_PER_ANSWER]
        situation = await self._situation(tracker)
        _utter(dispatcher, plan_for_question(self.config, keys, **situation))
        return []
