"""Which limits and alternatives to say in a given situation.

Input: topic, need level, asker and the chosen provider's own limits. Output: response names in
the order they are said (with the variables a response needs). The order is: the intro, then
for each limit of the topic its refusal followed by its alternatives and the situations tied to
it, then the situations not tied to a limit (e.g. paper and phone for level 4). A response is
said once.

A provider's own data takes precedence over the general rules: where it does MORE than digital
support usually does (``does_more=True``, e.g. home visits that include setting up a device),
the refusal and its alternatives are replaced by a sentence saying the provider helps with it;
where it does LESS (``does_more=False`` for a limit the topic does not list), that limit is
added. A provider's note, if any, is quoted after the limit it concerns. A provider limit whose
key is a TOPIC (bot.directory.vocab.LIMIT_KEYS allows both) with ``does_more=False`` means the
provider does not advise on that topic at all; for the current topic that is said first.
Other keys are ignored (and reported in ``Plan.ignored_provider_keys``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Protocol, Sequence, Tuple

from bot.limits.config import LimitsConfig
from bot.triage.labels import TOPICS

PROVIDER_NOTE_VARIABLE = "provider_note"


class ProviderLimitLike(Protocol):
    """What the planner needs of ``bot.directory.models.ProviderLimitInfo``."""

    key: str
    does_more: bool
    note: Optional[str]


@dataclass(frozen=True)
class PlannedResponse:
    name: str
    variables: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Plan:
    responses: List[PlannedResponse] = field(default_factory=list)
    #: limit keys whose refusal is said, in order
    limits: List[str] = field(default_factory=list)
    ignored_provider_keys: List[str] = field(default_factory=list)

    @property
    def names(self) -> List[str]:
        return [r.name for r in self.responses]

    def add(self, name: str, variables: Optional[Mapping[str, str]] = None) -> None:
        planned = PlannedResponse(name, dict(variables or {}))
        if planned not in self.responses:
            self.responses.append(planned)


def plan_for_topic(
    config: LimitsConfig,
    topic: Optional[str],
    need_level: Optional[str],
    asker: Optional[str],
    provider_limits: Sequence[ProviderLimitLike] = (),
) -> Plan:
    """Everything to say about limits for this topic (action_explain_limits)."""
    if topic not in config.topics:
        plan = Plan()
        plan.add(config.general)
        _add_general_situations(config, plan, topic, need_level, asker)
        return plan
    limits = list(config.topics[topic].items())
    return _plan(config, limits, topic, need_level, asker, provider_limits, intro=True)


def plan_for_question(
    config: LimitsConfig,
    limit_keys: Sequence[str],
    topic: Optional[str],
    need_level: Optional[str],
    asker: Optional[str],
    provider_limits: Sequence[ProviderLimitLike] = (),
) -> Plan:
    """The answer to a direct question about ``limit_keys`` (action_answer_limit_question).

    The topic's own alternatives are used when the topic lists the limit, the limit's default
    alternatives otherwise. No match: what helpers do and do not do in general.
    """
    keys = [k for k in dict.fromkeys(limit_keys) if k in config.limits]
    if not keys:
        plan = Plan()
        plan.add(config.general)
        _add_general_situations(config, plan, topic, need_level, asker)
        return plan
    topic_limits = config.topics.get(topic or "", {})
    limits = [(k, topic_limits.get(k, config.limits[k].default_alternatives)) for k in keys]
    return _plan(
        config, limits, topic, need_level, asker, provider_limits, intro=False, only_asked=True
    )


def _plan(
    config: LimitsConfig,
    limits: List[Tuple[str, Tuple[str, ...]]],
    topic: Optional[str],
    need_level: Optional[str],
    asker: Optional[str],
    provider_limits: Sequence[ProviderLimitLike],
    intro: bool,
    only_asked: bool = False,
) -> Plan:
    plan = Plan()
    provider: Dict[str, ProviderLimitLike] = {}
    for info in provider_limits:
        if info.key in config.limits:
            provider[info.key] = info
        elif info.key == topic and not info.does_more:
            plan.add(config.provider_topic_not_covered)
            if info.note and info.note.strip():
                plan.add(config.provider_note, {PROVIDER_NOTE_VARIABLE: info.note.strip()})
        elif info.key not in TOPICS:
            plan.ignored_provider_keys.append(info.key)
    if not only_asked:
        present = {key for key, _ in limits}
        for key, info in provider.items():
            if not info.does_more and key not in present:
                limits.append((key, config.limits[key].default_alternatives))
    if intro and any(not _does_more(provider, key) for key, _ in limits):
        plan.add(config.intro)
    for key, alternatives in limits:
        spec = config.limits[key]
        info = provider.get(key)
        if _does_more(provider, key):
            plan.add(spec.provider_does_more)
        else:
            plan.limits.append(key)
            plan.add(spec.response)
            for name in alternatives:
                plan.add(name)
            for situation in config.situations:
                if situation.limit == key and situation.matches(topic, need_level, asker, key):
                    for name in situation.add:
                        plan.add(name)
        if info is not None and info.note and info.note.strip():
            plan.add(config.provider_note, {PROVIDER_NOTE_VARIABLE: info.note.strip()})
    _add_general_situations(config, plan, topic, need_level, asker)
    return plan


def _does_more(provider: Mapping[str, ProviderLimitLike], key: str) -> bool:
    info = provider.get(key)
    return info is not None and bool(info.does_more)


def _add_general_situations(
    config: LimitsConfig,
    plan: Plan,
    topic: Optional[str],
    need_level: Optional[str],
    asker: Optional[str],
) -> None:
    for situation in config.situations:
        if situation.limit is None and situation.matches(topic, need_level, asker):
            for name in situation.add:
                plan.add(name)
