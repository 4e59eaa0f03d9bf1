"""Is a service channel a digital-support provider, and what support does it give?

PTV does not say "digital support" on a channel. What it does say: which services the channel
is linked to, and (on the service) the service classes, e.g. P9.4 Asioinnin tukipalvelut or
P25.1 Kirjastot. The channel JSON carries only the linked services' ids and names, so the
classes come from service records fetched separately (table `ptv_service`). On top of that a
curated YAML file maps service ids, channel ids and name patterns to topics, forms and need
levels, and can add provider-specific limits or exclude a channel. A channel matched by no rule
is not a digital-support provider and is not stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Pattern, Sequence, Tuple

import yaml

from bot.auta import channel_levels
from bot.directory.vocab import FORMS, LIMIT_DIRECTIONS, LIMIT_KEYS, NEED_LEVELS, TOPICS
from bot.ingest.records import ChannelRecord, LimitRecord, OfferRecord
from bot.paths import DATA_DIR

PROVIDER_DATA_DIR = DATA_DIR / "providers"
CURATED_FILE = PROVIDER_DATA_DIR / "curated.yml"
SAMPLE_DIR = PROVIDER_DATA_DIR / "sample"
SAMPLE_CURATED_FILE = SAMPLE_DIR / "curated.yml"
DEFAULT_CURATION_FILES = (CURATED_FILE, SAMPLE_CURATED_FILE)

#: The forms a channel type can physically offer, and the one it offers when rules say nothing.
TYPE_FORMS: Dict[str, Tuple[str, ...]] = {
    "ServiceLocation": ("in_person", "home_visit", "course"),
    "Phone": ("phone",),
    "EChannel": ("remote", "course"),
}
NATURAL_FORM: Dict[str, str] = {
    "ServiceLocation": "in_person",
    "Phone": "phone",
    "EChannel": "remote",
}


@dataclass(frozen=True)
class Rule:
    topics: Tuple[str, ...] = ()
    forms: Tuple[str, ...] = ()
    levels: Tuple[str, ...] = ()
    limits: Tuple[LimitRecord, ...] = ()
    #: Only applies when the channel's or its services' names also look digital (for broad
    #: classes such as P8.4 NGO activity, which is mostly not about digital support).
    needs_keyword: bool = False
    exclude: bool = False
    #: A channel rule that replaces everything other rules say (forms are taken as written).
    override: bool = False
    sample: bool = False
    name: str = ""


@dataclass(frozen=True)
class Curation:
    service_classes: Mapping[str, Rule] = field(default_factory=dict)
    services: Mapping[str, Rule] = field(default_factory=dict)
    channels: Mapping[str, Rule] = field(default_factory=dict)
    name_patterns: Tuple[Tuple[Pattern[str], Rule], ...] = ()
    digital_keywords: Optional[Pattern[str]] = None
    sample_name_prefix: str = "ESIMERKKI"


@dataclass(frozen=True)
class Classification:
    offers: Tuple[OfferRecord, ...]
    limits: Tuple[LimitRecord, ...]
    is_sample: bool
    matched: Tuple[str, ...]  # rule names, for `providers stats` and debugging


def load_curation(paths: Sequence[Path] = DEFAULT_CURATION_FILES) -> Curation:
    """Merge curated YAML files (later files win for the same id); missing files are skipped."""
    classes: Dict[str, Rule] = {}
    services: Dict[str, Rule] = {}
    channels: Dict[str, Rule] = {}
    patterns: List[Tuple[Pattern[str], Rule]] = []
    keywords: List[str] = []
    prefix = "ESIMERKKI"
    for path in paths:
        if not Path(path).exists():
            continue
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        where = str(path)
        for code, spec in (data.get("service_classes") or {}).items():
            classes[str(code)] = parse_rule(spec, f"class {code}", where)
        for service_id, spec in (data.get("services") or {}).items():
            services[str(service_id).lower()] = parse_rule(spec, f"service {service_id}", where)
        for channel_id, spec in (data.get("channels") or {}).items():
            channels[str(channel_id).lower()] = parse_rule(spec, f"channel {channel_id}", where)
        for spec in data.get("name_patterns") or ():
            pattern = re.compile(spec["match"], re.IGNORECASE)
            patterns.append((pattern, parse_rule(spec, f"name /{spec['match']}/", where)))
        keywords.extend(data.get("digital_keywords") or ())
        prefix = data.get("sample_name_prefix", prefix)
    return Curation(
        service_classes=classes,
        services=services,
        channels=channels,
        name_patterns=tuple(patterns),
        digital_keywords=re.compile("|".join(keywords), re.IGNORECASE) if keywords else None,
        sample_name_prefix=prefix,
    )


def _choices(spec: Mapping[str, Any], key: str, allowed: Sequence[str], where: str) -> Tuple:
    value = spec.get(key) or ()
    if value == "all":
        return tuple(allowed)
    if isinstance(value, str):
        value = [value]
    unknown = [item for item in value if item not in allowed]
    if unknown:
        raise ValueError(f"{where}: unknown {key} {unknown}; allowed: {list(allowed)}")
    return tuple(value)


def parse_rule(spec: Mapping[str, Any], name: str, path: str) -> Rule:
    where = f"{path}: {name}"
    limits = []
    for limit in spec.get("limits") or ():
        if limit.get("key") not in LIMIT_KEYS or limit.get("direction") not in LIMIT_DIRECTIONS:
            raise ValueError(f"{where}: bad limit {limit}")
        limits.append(
            LimitRecord(key=limit["key"], direction=limit["direction"], note=limit.get("note"))
        )
    return Rule(
        topics=_choices(spec, "topics", TOPICS, where),
        forms=_choices(spec, "forms", FORMS, where),
        levels=_choices(spec, "levels", NEED_LEVELS, where),
        limits=tuple(limits),
        needs_keyword=bool(spec.get("needs_keyword")),
        exclude=bool(spec.get("exclude")),
        override=bool(spec.get("override")),
        sample=bool(spec.get("sample")),
        name=name,
    )


def classify(
    channel: ChannelRecord,
    curation: Curation,
    service_classes: Mapping[str, Sequence[str]] = {},
) -> Optional[Classification]:
    """What support `channel` gives, or None when it is not a digital-support provider."""
    channel_rule = curation.channels.get(channel.source_id.lower())
    if channel_rule is not None and channel_rule.exclude:
        return None
    texts = [t for t in (channel.name_fi, channel.name_sv, channel.name_en) if t]
    texts.extend(channel.service_names)
    looks_digital = curation.digital_keywords is not None and any(
        curation.digital_keywords.search(text) for text in texts
    )
    rules = (
        []
        if channel_rule is not None and channel_rule.override
        else _matching_rules(channel, curation, service_classes, texts)
    )
    if channel_rule is not None:
        rules.append(channel_rule)
    rules = [rule for rule in rules if not rule.needs_keyword or looks_digital]
    if not rules:
        return None
    exact = channel_rule is not None and channel_rule.override
    offers = _offers(channel, rules, exact_forms=exact)
    if not offers:
        return None
    is_sample = any(rule.sample for rule in rules) or channel.name_fi.upper().startswith(
        curation.sample_name_prefix
    )
    limits = channel_rule.limits if channel_rule is not None else ()
    return Classification(
        offers=offers,
        limits=limits,
        is_sample=is_sample,
        matched=tuple(rule.name for rule in rules),
    )


def _matching_rules(
    channel: ChannelRecord,
    curation: Curation,
    service_classes: Mapping[str, Sequence[str]],
    texts: Iterable[str],
) -> List[Rule]:
    rules: List[Rule] = []
    for service_id in channel.service_ids:
        if service_id in curation.services:
            rules.append(curation.services[service_id])
        for code in service_classes.get(service_id, ()):
            if code in curation.service_classes:
                rules.append(curation.service_classes[code])
    texts = list(texts)
    for pattern, rule in curation.name_patterns:
        if any(pattern.search(text) for text in texts):
            rules.append(rule)
    return rules


def _offers(
    channel: ChannelRecord, rules: Sequence[Rule], exact_forms: bool
) -> Tuple[OfferRecord, ...]:
    """One offer per topic: the union of the matching rules, fitted to the channel type."""
    by_topic: Dict[str, Tuple[set, set]] = {}
    for rule in rules:
        for topic in rule.topics:
            forms, levels = by_topic.setdefault(topic, (set(), set()))
            forms.update(rule.forms)
            levels.update(rule.levels)
    languages = tuple(channel.languages) or ("fi",)
    offers = []
    for topic in TOPICS:
        if topic not in by_topic:
            continue
        forms, levels = by_topic[topic]
        if not exact_forms:
            forms = _fit_forms(channel.channel_type, forms)
            levels = _fit_levels(channel.channel_type, levels)
        if not levels:
            continue
        offers.append(
            OfferRecord(
                topic=topic,
                forms=tuple(form for form in FORMS if form in forms),
                levels=tuple(level for level in NEED_LEVELS if level in levels),
                languages=languages,
            )
        )
    return tuple(offers)


def _fit_forms(channel_type: str, forms: Iterable[str]) -> set:
    possible = set(forms) & set(TYPE_FORMS[channel_type])
    return possible or {NATURAL_FORM[channel_type]}


def _fit_levels(channel_type: str, levels: Iterable[str]) -> set:
    """The levels the channel type can serve (bot.auta: an online-only channel never serves
    level 4 and always serves level 1)."""
    return set(channel_levels(channel_type, levels))
