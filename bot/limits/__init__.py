"""What digital-support helpers cannot do, and the safe alternative for each.

Public API:

- :func:`load_limits` (validating loader; raises :class:`LimitsConfigError`) and
  :func:`default_limits` (the project's file, loaded and validated once per process)
- :func:`explain` ``(topic, need_level, asker, provider_limits) -> list of response names``
- :func:`match_question` ``(text_or_lemmas) -> list of limit keys`` for direct questions
- :func:`plan_for_topic` / :func:`plan_for_question` when the response variables
  (a provider's note) are needed too (the actions use these)
"""

from __future__ import annotations

import threading
from typing import Iterable, List, Optional, Sequence, Union

from bot.limits.config import (
    LIMITS_FILE,
    LimitsConfig,
    LimitsConfigError,
    LimitSpec,
    Situation,
    load_limits,
)
from bot.limits.planner import (
    Plan,
    PlannedResponse,
    ProviderLimitLike,
    plan_for_question,
    plan_for_topic,
)

_DEFAULT: Optional[LimitsConfig] = None
_LOCK = threading.Lock()


def default_limits() -> LimitsConfig:
    """data/limits/helper_limits.yml checked against domain/*.yml (cached after the first call).

    Call it at start-up so a broken file stops the assistant before the first conversation.
    """
    global _DEFAULT
    if _DEFAULT is None:
        with _LOCK:
            if _DEFAULT is None:
                _DEFAULT = load_limits()
    return _DEFAULT


def explain(
    topic: Optional[str],
    need_level: Optional[str],
    asker: Optional[str],
    provider_limits: Sequence[ProviderLimitLike] = (),
    config: Optional[LimitsConfig] = None,
) -> List[str]:
    """Response names that explain the limits of ``topic`` in this situation, in order."""
    return plan_for_topic(
        config or default_limits(), topic, need_level, asker, provider_limits
    ).names


def match_question(
    text_or_lemmas: Union[str, Iterable[str]], config: Optional[LimitsConfig] = None
) -> List[str]:
    """Limit keys a direct question is about, best first (empty: no limit recognised)."""
    # Imported here so that `import bot.limits` (e.g. by the guard) does not load Voikko.
    from bot.limits.questions import match_question as _match_question

    return _match_question(text_or_lemmas, config or default_limits())


__all__ = [
    "LIMITS_FILE",
    "LimitSpec",
    "LimitsConfig",
    "LimitsConfigError",
    "Plan",
    "PlannedResponse",
    "ProviderLimitLike",
    "Situation",
    "default_limits",
    "explain",
    "load_limits",
    "match_question",
    "plan_for_question",
    "plan_for_topic",
]
