"""Every response in every language: the check behind the validator's language rule.

A Swedish or English speaker must never get a Finnish sentence because a translation was
forgotten, nor a sentence that drops a value ({place}) the Finnish one gives. So each Finnish
variation (no `language` condition) needs a Swedish and an English twin: the same conditions
plus `language`, and the same placeholders. A translation without a Finnish original is an
error too: it would never be the most specific choice it was meant to be.
"""

from __future__ import annotations

import re
from typing import Any, Dict, FrozenSet, List, Mapping, Sequence, Tuple

from bot.domain_files import LANGUAGE_SLOT, variation_language

#: The languages every response must have besides Finnish.
TRANSLATED: Tuple[str, ...] = ("sv", "en")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")

Conditions = FrozenSet[Tuple[str, str]]


def _conditions(variation: Mapping[str, Any]) -> Conditions:
    """The variation's conditions other than the language, as comparable pairs."""
    return frozenset(
        (str(c.get("name")), str(c.get("value")))
        for c in variation.get("condition") or []
        if c.get("name") != LANGUAGE_SLOT
    )


def _placeholders(variation: Mapping[str, Any]) -> FrozenSet[str]:
    return frozenset(_PLACEHOLDER.findall(str(variation.get("text") or "")))


def _describe(conditions: Conditions) -> str:
    return ", ".join(f"{name}={value}" for name, value in sorted(conditions)) or "no condition"


def missing_translations(responses: Mapping[str, Sequence[Mapping[str, Any]]]) -> List[str]:
    """One problem per missing, extra or mismatched translation, naming the response."""
    problems: List[str] = []
    for name, variations in sorted(responses.items()):
        by_language: Dict[str, Dict[Conditions, FrozenSet[str]]] = {}
        for variation in variations:
            table = by_language.setdefault(variation_language(variation), {})
            table[_conditions(variation)] = _placeholders(variation)
        finnish = by_language.get("fi", {})
        for language in TRANSLATED:
            translated = by_language.get(language, {})
            for conditions, placeholders in finnish.items():
                if conditions not in translated:
                    problems.append(
                        f"Response '{name}' has no '{language}' variation for "
                        f"{_describe(conditions)}."
                    )
                elif translated[conditions] != placeholders:
                    problems.append(
                        f"Response '{name}' ({language}, {_describe(conditions)}) has the "
                        f"values {sorted(translated[conditions])}, the Finnish "
                        f"{sorted(placeholders)}."
                    )
            for conditions in translated.keys() - finnish.keys():
                problems.append(
                    f"Response '{name}' has a '{language}' variation for "
                    f"{_describe(conditions)} but no Finnish one."
                )
        for language in by_language.keys() - {"fi", *TRANSLATED}:
            problems.append(
                f"Response '{name}' has variations in an unknown language {language!r}."
            )
    return problems
