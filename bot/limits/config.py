"""Loader and validator of data/limits/helper_limits.yml.

The limits are data so that support staff and coordinators can review them without reading
code. Data can break silently, so everything is checked when it is loaded (at start-up and in
the tests): a missing topic, an unknown limit key or a response name that no domain file
defines raises :class:`LimitsConfigError` naming the file and the entry, instead of the
assistant quietly saying nothing at the moment a person needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Set, Tuple

import yaml

from bot.domain_files import DomainFilesError, response_sources
from bot.paths import DATA_DIR, DOMAIN_DIR
from bot.triage.labels import ASKERS, NEED_LEVELS, TOPICS

LIMITS_FILE: Path = DATA_DIR / "limits" / "helper_limits.yml"

#: Keys a situation's `when` may test, with their allowed values (None: checked elsewhere).
_WHEN_VALUES: Dict[str, Optional[Tuple[str, ...]]] = {
    "topic": TOPICS,
    "need_level": NEED_LEVELS,
    "asker": ASKERS,
    "limit": None,
}
_LIMIT_FIELDS = ("response", "provider_does_more", "default_alternatives", "cues")


class LimitsConfigError(ValueError):
    """The limits file is inconsistent with itself, with the triage labels or with the domain."""


@dataclass(frozen=True)
class LimitSpec:
    """One thing helpers do not do."""

    key: str
    response: str
    provider_does_more: str
    default_alternatives: Tuple[str, ...]
    cues: Tuple[str, ...]


@dataclass(frozen=True)
class Situation:
    """Extra alternatives for a situation (e.g. level 4 -> paper and phone channels).

    Each ``when`` key holds the accepted values; ``None`` among them means "not known" (e.g. a
    direct question asked before the topic was found out).
    """

    when: Mapping[str, Tuple[Optional[str], ...]]
    add: Tuple[str, ...]

    @property
    def limit(self) -> Optional[str]:
        limits = self.when.get("limit")
        return limits[0] if limits else None

    def matches(
        self,
        topic: Optional[str],
        need_level: Optional[str],
        asker: Optional[str],
        limit: Optional[str] = None,
    ) -> bool:
        actual = {"topic": topic, "need_level": need_level, "asker": asker, "limit": limit}
        return all(actual[key] in values for key, values in self.when.items())


@dataclass(frozen=True)
class LimitsConfig:
    source: Path
    intro: str
    general: str
    provider_note: str
    provider_topic_not_covered: str
    limits: Mapping[str, LimitSpec]
    #: topic -> (limit key -> alternatives), both in the file's order
    topics: Mapping[str, Mapping[str, Tuple[str, ...]]]
    situations: Tuple[Situation, ...]

    def references(self) -> Iterator[Tuple[str, str]]:
        """(where in the file, response name) for every response the file refers to."""
        yield "intro", self.intro
        yield "general", self.general
        yield "provider_note", self.provider_note
        yield "provider_topic_not_covered", self.provider_topic_not_covered
        for key, spec in self.limits.items():
            yield f"limits.{key}.response", spec.response
            yield f"limits.{key}.provider_does_more", spec.provider_does_more
            for name in spec.default_alternatives:
                yield f"limits.{key}.default_alternatives", name
        for topic, limits in self.topics.items():
            for key, alternatives in limits.items():
                for name in alternatives:
                    yield f"topics.{topic}.{key}", name
        for index, situation in enumerate(self.situations):
            for name in situation.add:
                yield f"situations[{index}].add", name


def load_limits(path: Path = LIMITS_FILE, domain_dir: Path = DOMAIN_DIR) -> LimitsConfig:
    """Read and validate the limits file against the triage labels and the domain responses."""
    raw = _read_yaml(path)
    config = _parse(path, raw)
    _check_references(config, domain_dir)
    return config


def _fail(path: Path, where: str, problem: str) -> LimitsConfigError:
    return LimitsConfigError(f"{path}: {where}: {problem}")


def _read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise LimitsConfigError(f"{path}: file not found") from error
    except yaml.YAMLError as error:
        raise LimitsConfigError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(content, dict):
        raise LimitsConfigError(f"{path}: top level must be a mapping")
    return content


def _name(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"expected a response name, got {value!r}")
    return value.strip()


def _names(path: Path, where: str, value: Any) -> Tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(path, where, f"expected a list of response names, got {value!r}")
    return tuple(_name(path, where, item) for item in value)


def _mapping(path: Path, where: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, where, f"expected a mapping, got {value!r}")
    return value


def _parse(path: Path, raw: Mapping[str, Any]) -> LimitsConfig:
    limits = _parse_limits(path, _mapping(path, "limits", raw.get("limits")))
    topics = _parse_topics(path, _mapping(path, "topics", raw.get("topics")), limits)
    situations = _parse_situations(path, raw.get("situations") or [], limits)
    return LimitsConfig(
        source=path,
        intro=_name(path, "intro", raw.get("intro")),
        general=_name(path, "general", raw.get("general")),
        provider_note=_name(path, "provider_note", raw.get("provider_note")),
        provider_topic_not_covered=_name(
            path, "provider_topic_not_covered", raw.get("provider_topic_not_covered")
        ),
        limits=limits,
        topics=topics,
        situations=situations,
    )


def _parse_limits(path: Path, raw: Mapping[str, Any]) -> Dict[str, LimitSpec]:
    if not raw:
        raise _fail(path, "limits", "no limits defined")
    limits: Dict[str, LimitSpec] = {}
    for key, entry in raw.items():
        where = f"limits.{key}"
        entry = _mapping(path, where, entry)
        missing = [f for f in _LIMIT_FIELDS if f not in entry]
        if missing:
            raise _fail(path, where, f"missing {', '.join(missing)}")
        unknown = sorted(set(entry) - set(_LIMIT_FIELDS))
        if unknown:
            raise _fail(path, where, f"unknown field(s) {', '.join(unknown)}")
        cues = entry["cues"]
        if not isinstance(cues, list) or not cues or not all(isinstance(c, str) for c in cues):
            raise _fail(path, f"{where}.cues", "expected a non-empty list of words")
        limits[str(key)] = LimitSpec(
            key=str(key),
            response=_name(path, f"{where}.response", entry["response"]),
            provider_does_more=_name(
                path, f"{where}.provider_does_more", entry["provider_does_more"]
            ),
            default_alternatives=_names(
                path, f"{where}.default_alternatives", entry["default_alternatives"]
            ),
            cues=tuple(c.strip().lower() for c in cues),
        )
    return limits


def _parse_topics(
    path: Path, raw: Mapping[str, Any], limits: Mapping[str, LimitSpec]
) -> Dict[str, Dict[str, Tuple[str, ...]]]:
    missing = [t for t in TOPICS if t not in raw]
    if missing:
        raise _fail(path, "topics", f"missing topic(s) {', '.join(missing)}")
    unknown = sorted(set(raw) - set(TOPICS))
    if unknown:
        raise _fail(
            path, "topics", f"unknown topic(s) {', '.join(unknown)}; allowed: {', '.join(TOPICS)}"
        )
    topics: Dict[str, Dict[str, Tuple[str, ...]]] = {}
    for topic in TOPICS:
        entry = _mapping(path, f"topics.{topic}", raw[topic])
        if not entry:
            raise _fail(path, f"topics.{topic}", "lists no limits")
        topics[topic] = {}
        for key, alternatives in entry.items():
            where = f"topics.{topic}.{key}"
            if key not in limits:
                raise _fail(path, where, f"unknown limit key '{key}'; known: {', '.join(limits)}")
            topics[topic][str(key)] = _names(path, where, alternatives)
    return topics


def _parse_situations(
    path: Path, raw: Any, limits: Mapping[str, LimitSpec]
) -> Tuple[Situation, ...]:
    if not isinstance(raw, list):
        raise _fail(path, "situations", "expected a list")
    situations: List[Situation] = []
    for index, entry in enumerate(raw):
        where = f"situations[{index}]"
        entry = _mapping(path, where, entry)
        when = _mapping(path, f"{where}.when", entry.get("when"))
        if not when:
            raise _fail(
                path, f"{where}.when", "must test at least one of " + ", ".join(_WHEN_VALUES)
            )
        accepted: Dict[str, Tuple[Optional[str], ...]] = {}
        for key, value in when.items():
            if key not in _WHEN_VALUES:
                raise _fail(path, f"{where}.when", f"unknown key '{key}'")
            values = tuple(value) if isinstance(value, list) else (value,)
            if key == "limit" and len(values) != 1:
                raise _fail(path, f"{where}.when.limit", "must name exactly one limit")
            allowed = _WHEN_VALUES[key] or tuple(limits)
            for item in values:
                if item is not None and item not in allowed or item is None and key == "limit":
                    raise _fail(
                        path, f"{where}.when.{key}", f"unknown value {item!r}; allowed: {allowed}"
                    )
            accepted[key] = values
        situations.append(
            Situation(when=accepted, add=_names(path, f"{where}.add", entry.get("add")))
        )
    return tuple(situations)


def _check_references(config: LimitsConfig, domain_dir: Path) -> None:
    try:
        defined: Set[str] = set(response_sources(domain_dir))
    except DomainFilesError as error:
        raise LimitsConfigError(f"{config.source}: cannot read the domain: {error}") from error
    for where, name in config.references():
        if name not in defined:
            raise _fail(
                config.source,
                where,
                f"response '{name}' is not defined in any domain file under {domain_dir}",
            )
