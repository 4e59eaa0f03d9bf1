"""What Rasa sends for an action's messages: each response said by the project's response
generator (bot/directory/nlg.py, as endpoints.yml configures it) with the conversation's slots,
so the tests read the texts and cards people get."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from bot.directory.nlg import DirectoryNLG

#: What rasa_sdk adds to every message besides the response's values.
_NOT_VALUES = ("response", "template")


def said_by_rasa(
    domain: Mapping[str, Any],
    messages: Sequence[Mapping[str, Any]],
    slots: Optional[Mapping[str, Any]] = None,
) -> List[Dict[str, Any]]:
    """The messages with the generated `text` (and a provider's `custom` card) filled in."""
    nlg = DirectoryNLG(responses=dict(domain["responses"]))
    out = []
    for message in messages:
        if not message.get("response"):
            out.append(dict(message))
            continue
        values = {key: value for key, value in message.items() if key not in _NOT_VALUES}
        generated = nlg.generate_from_slots(
            message["response"], dict(slots or {}), "rest", **values
        )
        assert generated is not None, message["response"]
        out.append({**message, **{key: value for key, value in generated.items() if value}})
    return out
