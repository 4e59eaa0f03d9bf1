"""Read the responses of the domain files without loading Rasa.

WHY not rasa's Domain.load: the limits validator runs at start-up and in fast unit tests, the
guarded channels need one warning sentence before any model exists, and the provider CLI
renders replies without a model. Parsing the YAML gives
exactly what both need (which responses exist, and their texts) and reports the file that
defines each one, which makes error messages point at the right place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

import yaml

from bot.paths import DOMAIN_DIR

Variation = Mapping[str, Any]


class DomainFilesError(ValueError):
    """A domain file cannot be read or a response is missing."""


def domain_files(domain_dir: Path = DOMAIN_DIR) -> List[Path]:
    """All YAML files Rasa merges into the domain (the directory, recursively)."""
    if not domain_dir.is_dir():
        raise DomainFilesError(f"{domain_dir}: domain directory not found")
    return sorted(p for p in domain_dir.rglob("*") if p.suffix in (".yml", ".yaml"))


def load_responses(domain_dir: Path = DOMAIN_DIR) -> Dict[str, List[Variation]]:
    """Every response name -> its variations, merged over all domain files."""
    return {
        name: variations for name, (variations, _) in _responses_with_source(domain_dir).items()
    }


def response_sources(domain_dir: Path = DOMAIN_DIR) -> Dict[str, Path]:
    """Every response name -> the domain file that defines it."""
    return {name: source for name, (_, source) in _responses_with_source(domain_dir).items()}


def _responses_with_source(domain_dir: Path) -> Dict[str, tuple]:
    found: Dict[str, tuple] = {}
    for path in domain_files(domain_dir):
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise DomainFilesError(f"{path}: not valid YAML: {error}") from error
        if not isinstance(content, dict):
            continue
        responses = content.get("responses") or {}
        if not isinstance(responses, dict):
            raise DomainFilesError(f"{path}: 'responses' must be a mapping")
        for name, variations in responses.items():
            found[str(name)] = (list(variations or []), path)
    return found


#: The slot whose value selects a response's language (domain/language.yml).
LANGUAGE_SLOT = "language"
#: The languages every response is written in (bot.language.coverage checks it).
RESPONSE_LANGUAGES = ("fi", "sv", "en")


def unconditional_text(variations: Sequence[Variation]) -> Optional[str]:
    """The text of the first variation without slot conditions: what every asker may hear."""
    return next(
        (v.get("text") for v in variations if not v.get("condition") and v.get("text")), None
    )


def variation_language(variation: Variation) -> str:
    """The language a variation is written in: its `language` slot condition, else Finnish."""
    for condition in variation.get("condition") or []:
        if condition.get("name") == LANGUAGE_SLOT:
            return str(condition.get("value"))
    return "fi"


def language_text(variations: Sequence[Variation], language: str) -> Optional[str]:
    """The text every asker may hear in `language`: Finnish is unconditional, Swedish and
    English variations carry the single condition `language`."""
    if language == "fi":
        return unconditional_text(variations)
    only_language = [{"type": "slot", "name": LANGUAGE_SLOT, "value": language}]
    texts = (v.get("text") for v in variations if v.get("condition") == only_language)
    return next((text for text in texts if text), None)


def default_text(name: str, domain_dir: Path = DOMAIN_DIR) -> str:
    """The text of a response's unconditional variation (the first one if there are several)."""
    variations = load_responses(domain_dir).get(name)
    if not variations:
        raise DomainFilesError(f"{domain_dir}: response '{name}' is not defined in any file")
    text = unconditional_text(variations)
    if not text:
        raise DomainFilesError(f"{domain_dir}: response '{name}' has no unconditional text")
    return str(text).strip()


def response_texts(name: str, domain_dir: Path = DOMAIN_DIR) -> Dict[str, str]:
    """The text of response ``name`` in each of the assistant's languages (fi, sv, en).

    Finnish is the unconditional variation (as ``default_text`` reads it), Swedish and English
    the variations whose only condition is that language (bot.domain_files.language_text).
    """
    variations = load_responses(domain_dir).get(name)
    if not variations:
        raise DomainFilesError(f"{domain_dir}: response '{name}' is not defined in any file")
    texts = {"fi": default_text(name, domain_dir)}
    for language in RESPONSE_LANGUAGES:
        if language in texts:
            continue
        text = language_text(variations, language)
        if not text:
            raise DomainFilesError(f"{domain_dir}: response '{name}' has no '{language}' text")
        texts[language] = str(text).strip()
    return texts
