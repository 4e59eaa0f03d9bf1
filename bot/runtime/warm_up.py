"""One message in each language through the pipeline before the process says it is ready.

WHY: the first message a fresh process reads pays for everything loaded lazily: TensorFlow's
first call of the classifier, Lingua's language models, the Swedish and English base-form
dictionaries, Voikko and the place index. Measured in process on a quiet machine, the first
Finnish message took 1.6 s and the first Swedish one 0.95 s, against 0.03-0.2 s after; on a
busy machine that grows to more than the chat page waits (20 s) and the first person to write
is told the guide did not answer. Reading three messages while starting costs those seconds
once, before readiness turns green, instead of in a person's first turn.

The messages are parsed only: nothing is stored, no action runs, no tracker is kept.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Sequence

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

#: A need, a person and a place in each language, so each lazily loaded part is touched.
WARM_UP_MESSAGES: Sequence[str] = (
    "äitini ei osaa käyttää verkkopankkia, hän asuu Oulussa",
    "min mamma kan inte använda nätbanken, hon bor i Vasa",
    "my mum cannot use the online bank, she lives in Vaasa",
)


def warm_up(agent: Any, messages: Sequence[str] = WARM_UP_MESSAGES) -> float:
    """Seconds spent parsing `messages` with the agent's pipeline; 0.0 when it has none.

    A failure is logged and never stops the start-up: the first person then pays the cost.
    """
    processor = getattr(agent, "processor", None)
    if processor is None:
        return 0.0
    started = time.perf_counter()
    try:
        for text in messages:
            tracker = DialogueStateTracker("warm-up", agent.domain.slots)
            # Rasa's own synchronous parse (MessageProcessor.parse_message awaits only this);
            # a start-up listener must not await, so that no request is handled before it.
            processor._parse_message_with_graph(UserMessage(text, sender_id="warm-up"), tracker)
    except Exception:
        logger.warning(
            "Warming up the pipeline failed; the first message will be slower", exc_info=True
        )
        return 0.0
    seconds = time.perf_counter() - started
    logger.info("Pipeline warmed up in %.1f s (%d messages)", seconds, len(messages))
    return seconds
