"""Whole conversations through the live assistant, scored as the person would judge them.

Single messages are triaged well; people talk in conversations. Each scripted conversation in
`evaluation/conversations/*.yml` (format in its README) is driven turn by turn through the real
assistant, and scored on:

- **reached**: every kind of help it expects was shown, the limits it expects were said and the
  slots hold the expected values at the end;
- **turns**: the turn after which all the expected help had been shown;
- properties that must hold in every conversation: the urgent steps in the first reply of an
  urgent case with no triage question before them; a question about what someone may do
  answered with the rule, never acknowledged; nothing acknowledged that was not understood; a
  farewell answered as a farewell; every text in the asker's voice; answers that fit a phone
  screen; nothing long said twice.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

import yaml

from bot.domain_files import load_responses, variation_language
from bot.evaluation.dialogue import Dialogue, TurnRecord
from bot.paths import PROJECT_ROOT, RESULTS_DIR
from bot.triage.labels import ASKERS, LABEL_VALUES

CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations"
#: A second set written apart from the first, for checking that a fix generalises (report only:
#: it has no floors, so tuning against it would show up as a gap between the two sets).
DEV_CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations_dev"
#: A third set, written apart as a blind set; its first figure was recorded blind (18/45), and it
#: has since been used to find what fails, like the dev set.
DEV2_CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations_dev2"
#: A fourth set, written apart as a blind set; its last blind figure was 26/45, and it has since
#: been used to find what fails, like the dev sets.
DEV3_CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations_dev3"
#: The fifth set, written apart as a blind set; its last blind figure is in the issue 9 notes, and
#: it has since been used to find what fails, like the dev sets.
DEV4_CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations_dev4"
#: The sixth set, written apart as a blind set; its blind figure was 33/45, and it has since been
#: used to find what fails, like the dev sets.
DEV5_CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations_dev5"
#: The seventh set, blind: written apart from all the others and never looked at to choose a fix,
#: so its figure is the honest estimate of how the assistant does with conversations nobody tuned
#: against. Once it is used to choose a fix it becomes a dev set, and a new blind set is written.
BLIND_CONVERSATIONS_DIR = PROJECT_ROOT / "evaluation" / "conversations_blind7"
#: Swedish and English conversations (issue 13), written apart from the training data; they have
#: floors of their own (LANGUAGE_FLOORS) and every reply must be in the conversation's language.
LANGUAGE_SETS = {
    "sv": PROJECT_ROOT / "evaluation" / "conversations_sv",
    "en": PROJECT_ROOT / "evaluation" / "conversations_en",
}
#: The report-only sets by their `--set` name.
REPORT_ONLY_SETS = {
    "dev": DEV_CONVERSATIONS_DIR,
    "dev2": DEV2_CONVERSATIONS_DIR,
    "dev3": DEV3_CONVERSATIONS_DIR,
    "dev4": DEV4_CONVERSATIONS_DIR,
    "dev5": DEV5_CONVERSATIONS_DIR,
    "blind": BLIND_CONVERSATIONS_DIR,
    # Swedish and English conversations written apart from the sets above, blind (issue 13).
    "sv_blind": PROJECT_ROOT / "evaluation" / "conversations_sv_blind",
    "en_blind": PROJECT_ROOT / "evaluation" / "conversations_en_blind",
}
HELP_KINDS = ("urgent", "providers", "human", "rule", "non_digital")
HELP_FORMS = ("phone", "remote", "in_person", "home_visit", "paper")
LIMIT_KEYS = (
    "act_on_behalf",
    "handle_credentials",
    "application_content",
    "device_repair",
    "fraud_response",
)
SLOT_VALUES: Dict[str, Sequence[str]] = {**LABEL_VALUES, "help_form": HELP_FORMS}

# Which responses show which kind of help.
PROVIDER_INTROS = frozenset(
    {
        "utter_providers_in_municipality",
        "utter_providers_nearby",
        "utter_providers_near_location",
        "utter_providers_national_fallback",
        "utter_providers_remote",
        "utter_providers_far",
        "utter_providers_far_phone_first",
    }
)
HUMAN_RESPONSES = frozenset({"utter_human_intro", "utter_human_none"})
TRIAGE_QUESTIONS = frozenset({"utter_ask_topic", "utter_ask_need_level", "utter_ask_municipality"})
ACKNOWLEDGEMENTS = frozenset({"utter_anything_else"})
# An acknowledgement fits only these: the person agreed or thanked.
ACKNOWLEDGEABLE_INTENTS = frozenset({"affirm", "thank"})
FAREWELLS = frozenset({"utter_goodbye"})
GREETINGS = frozenset({"utter_greet"})
# A reply that fits a phone screen; a longer text said twice is a repetition.
MAX_REPLY_CHARS = 1500
MAX_REPLY_BUBBLES = 7
REPEAT_MIN_CHARS = 80

# What the issue asks (targets) and what the build guards (floors). Measured at the issue-9
# stop: reached 0.847 (72/85), median 2 turns; the floor sits six conversations under that,
# since a retrain from scratch moves a few first-message classifications.
TARGETS = {"reached": 0.90, "median_turns": 3.0}
FLOORS = {"reached": 0.78, "median_turns": 3.0}
# Properties that must hold in every conversation (zero failures allowed).
ZERO_TOLERANCE = ("urgent_first", "question_answered", "no_false_acknowledgement", "in_language")
# The Swedish and English sets (issue 13): floors under the figures of the third round
# (2026-12-01: sv 10/14, en 9/14; targets as for Finnish). Every question is now answered with
# its rule in both, so the same properties as in Finnish must hold in every conversation.
LANGUAGE_FLOORS = {"reached": 0.57, "median_turns": 3.0}
LANGUAGE_ZERO_TOLERANCE = ZERO_TOLERANCE


class ConversationDataError(ValueError):
    """A conversation file is malformed; the message names the file and the conversation."""


@dataclass(frozen=True)
class Expectation:
    help: Sequence[str] = ()
    slots: Mapping[str, Any] = field(default_factory=dict)
    limits: Sequence[str] = ()
    urgent: bool = False
    questions: Sequence[int] = ()
    farewell: Optional[int] = None


@dataclass(frozen=True)
class ScriptedConversation:
    id: str
    asker: str
    tags: Sequence[str]
    turns: Sequence[str]
    expect: Expectation
    source: str
    #: The language every reply must be in, from turn `language_from` on (one may open in
    #: Finnish and then ask for Swedish).
    language: str = "fi"
    language_from: int = 1


@dataclass
class ConversationResult:
    conversation: ScriptedConversation
    records: List[TurnRecord]
    reached: bool
    turns_to_help: Optional[int]
    misses: List[str]  # why the right help was not reached
    failures: Dict[str, List[str]]  # property -> what went wrong

    def as_dict(self) -> Dict[str, Any]:
        return {
            "id": self.conversation.id,
            "reached": self.reached,
            "turns_to_help": self.turns_to_help,
            "misses": self.misses,
            "failures": self.failures,
        }


def load_conversations(directory: Path = CONVERSATIONS_DIR) -> List[ScriptedConversation]:
    conversations: List[ScriptedConversation] = []
    seen: Dict[str, str] = {}
    for path in sorted(directory.glob("*.yml")):
        try:
            items = (yaml.safe_load(path.read_text(encoding="utf-8")) or {})["conversations"]
        except (yaml.YAMLError, KeyError, TypeError) as error:
            raise ConversationDataError(
                f"{path.name}: not a conversations file ({error})"
            ) from None
        for item in items:
            conversation = _parse(item, path.name)
            if conversation.id in seen:
                raise ConversationDataError(
                    f"{path.name}: id {conversation.id!r} is also used in {seen[conversation.id]}"
                )
            seen[conversation.id] = path.name
            conversations.append(conversation)
    if not conversations:
        raise ConversationDataError(f"{directory}: no conversations found")
    return conversations


def _parse(item: Any, source: str) -> ScriptedConversation:
    label = item.get("id") if isinstance(item, dict) else repr(item)
    where = f"{source}: {label}"

    def check(condition: bool, problem: str) -> None:
        if not condition:
            raise ConversationDataError(f"{where}: {problem}")

    check(isinstance(item, dict) and isinstance(item.get("id"), str), "needs an id")
    turns = item.get("turns")
    check(
        isinstance(turns, list) and bool(turns) and all(isinstance(t, str) for t in turns),
        "turns must be a non-empty list of strings",
    )
    check(item.get("asker") in ASKERS, f"asker must be one of {ASKERS}")
    raw = item.get("expect") or {}
    check(isinstance(raw, dict), "expect must be a mapping")
    unknown = set(raw) - {"help", "slots", "limits", "urgent", "questions", "farewell"}
    check(not unknown, f"unknown expect keys {sorted(unknown)}")
    helps = list(raw.get("help") or [])
    check(all(kind in HELP_KINDS for kind in helps), f"help kinds must be from {HELP_KINDS}")
    limits = list(raw.get("limits") or [])
    check(all(key in LIMIT_KEYS for key in limits), f"limits must be from {LIMIT_KEYS}")
    slots = dict(raw.get("slots") or {})
    for slot, value in slots.items():
        allowed = SLOT_VALUES.get(slot)
        check(
            slot == "municipality" or (allowed is not None and value in allowed),
            f"slot {slot}={value!r} is not a known value",
        )
    questions = list(raw.get("questions") or [])
    farewell = raw.get("farewell")
    language = item.get("language", "fi")
    check(language in ("fi", "sv", "en"), "language must be fi, sv or en")
    language_from = item.get("language_from", 1)
    for number in [*questions, *([farewell] if farewell is not None else []), language_from]:
        check(isinstance(number, int) and 1 <= number <= len(turns), f"no turn {number}")
    return ScriptedConversation(
        id=item["id"],
        asker=item["asker"],
        tags=tuple(item.get("tags") or ()),
        turns=tuple(turns),
        expect=Expectation(
            help=tuple(helps),
            slots=slots,
            limits=tuple(limits),
            urgent=bool(raw.get("urgent")),
            questions=tuple(questions),
            farewell=farewell,
        ),
        source=source,
        language=language,
        language_from=language_from,
    )


# --------------------------------------------------------------------------- what was shown


def help_shown(record: TurnRecord) -> set:
    """The kinds of help one reply showed."""
    names = {name for name in record.responses if name}
    kinds = set()
    if any(name.startswith("utter_urgent_steps") for name in names):
        kinds.add("urgent")
    if names & PROVIDER_INTROS:
        kinds.add("providers")
    if names & HUMAN_RESPONSES:
        kinds.add("human")
    if any(name.startswith("utter_limit_") for name in names):
        kinds.add("rule")
    if any(name.startswith("utter_non_digital_") for name in names):
        kinds.add("non_digital")
    return kinds


def limits_said(record: TurnRecord) -> set:
    prefix = "utter_limit_"
    return {name[len(prefix) :] for name in record.responses if name and name.startswith(prefix)}


# --------------------------------------------------------------------------- scoring


def score_conversation(
    conversation: ScriptedConversation,
    records: List[TurnRecord],
    responses: Mapping[str, List[Mapping[str, Any]]],
) -> ConversationResult:
    expect = conversation.expect
    shown: set = set()
    said_limits: set = set()
    turns_to_help: Optional[int] = None
    for number, record in enumerate(records, start=1):
        shown |= help_shown(record)
        said_limits |= limits_said(record)
        if turns_to_help is None and set(expect.help) <= shown:
            turns_to_help = number
    final_slots = records[-1].slots if records else {}
    misses = [f"help {kind} never shown" for kind in expect.help if kind not in shown]
    misses += [f"limit {key} never said" for key in expect.limits if key not in said_limits]
    misses += [
        f"slot {slot}={final_slots.get(slot)!r}, expected {value!r}"
        for slot, value in expect.slots.items()
        if final_slots.get(slot) != value
    ]
    failures = {
        "urgent_first": _urgent_first(expect, records),
        "question_answered": _questions_answered(expect, records),
        "no_false_acknowledgement": _no_false_acknowledgement(records),
        "farewell": _farewell(expect, records),
        "voice": _voice(conversation.asker, records, responses),
        "in_language": _in_language(conversation, records, responses),
        "short_replies": _short_replies(records),
        "no_repetition": _no_repetition(records),
    }
    return ConversationResult(
        conversation,
        records,
        reached=not misses,
        turns_to_help=turns_to_help if not misses else None,
        misses=misses,
        failures={name: problems for name, problems in failures.items() if problems},
    )


def _urgent_first(expect: Expectation, records: List[TurnRecord]) -> List[str]:
    if not expect.urgent or not records:
        return []
    names = records[0].responses
    urgent = [i for i, name in enumerate(names) if name and name.startswith("utter_urgent_steps")]
    if not urgent:
        return [f"turn 1: no urgent steps (said {names})"]
    asked = [name for name in names[: urgent[0]] if name in TRIAGE_QUESTIONS]
    return [f"turn 1: {asked} before the urgent steps"] if asked else []


def _questions_answered(expect: Expectation, records: List[TurnRecord]) -> List[str]:
    problems = []
    for number in expect.questions:
        if number > len(records):
            continue
        names = [name for name in records[number - 1].responses if name]
        ruled = any(name.startswith("utter_limit") for name in names)
        acknowledged = [name for name in names if name in ACKNOWLEDGEMENTS]
        if acknowledged or not ruled:
            problems.append(f"turn {number}: said {names}, not the rule")
    return problems


def _no_false_acknowledgement(records: List[TurnRecord]) -> List[str]:
    return [
        f"turn {number}: {record.intent} acknowledged"
        for number, record in enumerate(records, start=1)
        if record.intent not in ACKNOWLEDGEABLE_INTENTS and set(record.responses) & ACKNOWLEDGEMENTS
    ]


def _farewell(expect: Expectation, records: List[TurnRecord]) -> List[str]:
    if expect.farewell is None or expect.farewell > len(records):
        return []
    names = set(records[expect.farewell - 1].responses)
    if names & GREETINGS or not names & FAREWELLS:
        return [f"turn {expect.farewell}: said {sorted(n for n in names if n)}, not a farewell"]
    return []


def _voice(
    asker: str, records: List[TurnRecord], responses: Mapping[str, List[Mapping[str, Any]]]
) -> List[str]:
    """Every response with a variation for this asker was said in that variation (the person
    asking for themselves hears the variations without an asker condition)."""
    problems = []
    for number, record in enumerate(records, start=1):
        for message in record.said:
            variants = responses.get(message.response or "") or []
            by_asker = [(_asker_condition(v), v) for v in variants]
            if not any(condition for condition, _ in by_asker):
                continue
            wanted = [v for condition, v in by_asker if condition == asker]
            if not wanted:
                wanted = [v for condition, v in by_asker if condition is None]
            if not any(_matches(str(v.get("text") or ""), message.text) for v in wanted):
                problems.append(f"turn {number}: {message.response} not in the {asker}'s voice")
    return problems


def _in_language(
    conversation: ScriptedConversation,
    records: List[TurnRecord],
    responses: Mapping[str, List[Mapping[str, Any]]],
) -> List[str]:
    """Every domain response from `language_from` on was said in the conversation's language."""
    problems = []
    for number, record in enumerate(records, start=1):
        if number < conversation.language_from:
            continue
        for message in record.said:
            variants = responses.get(message.response or "") or []
            said_in = {
                variation_language(v)
                for v in variants
                if _matches(str(v.get("text") or ""), message.text)
            }
            if said_in and conversation.language not in said_in:
                problems.append(
                    f"turn {number}: {message.response} in {'/'.join(sorted(said_in))}, "
                    f"not {conversation.language}"
                )
    return problems


def _asker_condition(variant: Mapping[str, Any]) -> Optional[str]:
    for condition in variant.get("condition") or []:
        if condition.get("name") == "asker":
            return condition.get("value")
    return None


def _matches(template: str, text: str) -> bool:
    pattern = re.escape(template.strip())
    pattern = re.sub(r"\\\{[a-z_]+\\\}", ".*?", pattern)
    return re.fullmatch(pattern, text.strip(), flags=re.DOTALL) is not None


def _short_replies(records: List[TurnRecord]) -> List[str]:
    return [
        f"turn {number}: {len(record.said)} messages, {len(record.text)} characters"
        for number, record in enumerate(records, start=1)
        if len(record.text) > MAX_REPLY_CHARS or len(record.said) > MAX_REPLY_BUBBLES
    ]


def _no_repetition(records: List[TurnRecord]) -> List[str]:
    seen: Dict[str, int] = {}
    problems = []
    for number, record in enumerate(records, start=1):
        for message in record.said:
            name = message.response or ""
            if len(message.text) < REPEAT_MIN_CHARS or name.startswith("utter_ask_"):
                continue
            if message.text in seen and seen[message.text] != number:
                problems.append(
                    f"turn {number}: {name or 'a provider'} again (turn {seen[message.text]})"
                )
            seen.setdefault(message.text, number)
    return problems


# --------------------------------------------------------------------------- running


async def _run_all(conversations: Sequence[ScriptedConversation]) -> List[List[TurnRecord]]:
    from bot.runtime.agent import load
    from bot.runtime.training import ensure_trained

    agent = await load(str(ensure_trained()), in_memory=True)
    transcripts = []
    for conversation in conversations:
        dialogue = Dialogue(agent, f"eval-{conversation.id}-{uuid.uuid4().hex[:8]}")
        transcripts.append([await dialogue.say(turn) for turn in conversation.turns])
    return transcripts


@dataclass
class Summary:
    conversations: int
    reached: float
    median_turns: Optional[float]
    property_failures: Dict[str, int]
    seconds: float

    def as_dict(self) -> Dict[str, Any]:
        return {
            "conversations": self.conversations,
            "reached": round(self.reached, 3),
            "median_turns": self.median_turns,
            "property_failures": self.property_failures,
            "seconds": round(self.seconds, 1),
        }


def summarise(results: Sequence[ConversationResult], seconds: float) -> Summary:
    turns = [r.turns_to_help for r in results if r.reached and r.turns_to_help is not None]
    failures: Dict[str, int] = {}
    for result in results:
        for name in result.failures:
            failures[name] = failures.get(name, 0) + 1
    return Summary(
        conversations=len(results),
        reached=sum(r.reached for r in results) / len(results) if results else 0.0,
        median_turns=float(statistics.median(turns)) if turns else None,
        property_failures=failures,
        seconds=seconds,
    )


def failing(
    summary: Summary,
    limits: Mapping[str, float] = FLOORS,
    zero_tolerance: Sequence[str] = ZERO_TOLERANCE,
) -> List[str]:
    problems = []
    if summary.reached < limits["reached"]:
        problems.append(f"reached {summary.reached:.3f} < {limits['reached']}")
    if summary.median_turns is None or summary.median_turns > limits["median_turns"]:
        problems.append(f"median turns {summary.median_turns} > {limits['median_turns']}")
    for name in zero_tolerance:
        if summary.property_failures.get(name):
            problems.append(f"{name} failed in {summary.property_failures[name]} conversations")
    return problems


def report_name(directory: Path) -> str:
    """conversation_evaluation for the main set, conversation_evaluation_<folder suffix> else."""
    suffix = directory.name.removeprefix(CONVERSATIONS_DIR.name).strip("_")
    return "conversation_evaluation" + (f"_{suffix}" if suffix else "")


def run(directory: Path = CONVERSATIONS_DIR) -> Summary:
    conversations = load_conversations(directory)
    started = time.perf_counter()
    transcripts = asyncio.run(_run_all(conversations))
    seconds = time.perf_counter() - started
    responses = load_responses()
    results = [
        score_conversation(c, t, responses) for c, t in zip(conversations, transcripts, strict=True)
    ]
    summary = summarise(results, seconds)
    write_report(summary, results, report_name(directory))
    return summary


def write_report(
    summary: Summary, results: Sequence[ConversationResult], report: str = "conversation_evaluation"
) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    payload = {**summary.as_dict(), "results": [r.as_dict() for r in results]}
    (RESULTS_DIR / f"{report}.json").write_text(
        json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    lines = [
        "# Conversation evaluation",
        "",
        f"{summary.conversations} scripted conversations through the full assistant "
        f"in {summary.seconds:.1f} s.",
        "",
        "| figure | value | target |",
        "|---|---|---|",
        f"| reached the right help | {summary.reached:.3f} "
        f"({sum(r.reached for r in results)}/{len(results)}) | {TARGETS['reached']} |",
        f"| median turns to the help | {summary.median_turns} | ≤ {TARGETS['median_turns']} |",
    ]
    for name in (
        "urgent_first",
        "question_answered",
        "no_false_acknowledgement",
        "farewell",
        "voice",
        "short_replies",
        "no_repetition",
    ):
        lines.append(f"| {name} failed | {summary.property_failures.get(name, 0)} | 0 |")
    lines += ["", "## By tag", "", "| tag | conversations | reached |", "|---|---|---|"]
    tags: Dict[str, List[bool]] = {}
    for result in results:
        for tag in result.conversation.tags:
            tags.setdefault(tag, []).append(result.reached)
    for tag, reached in sorted(tags.items()):
        lines.append(f"| {tag} | {len(reached)} | {sum(reached)} |")
    lines += ["", "## Departures", ""]
    for result in results:
        if result.reached and not result.failures:
            continue
        lines.append(f"### {result.conversation.id} ({result.conversation.source})")
        lines += [f"- {miss}" for miss in result.misses]
        for name, problems in result.failures.items():
            lines += [f"- {name}: {problem}" for problem in problems]
        lines.append("")
        lines += _transcript(result)
        lines.append("")
    path = RESULTS_DIR / f"{report}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    transcripts = ["# Conversation transcripts", ""]
    for result in results:
        transcripts += [f"## {result.conversation.id}", "", *_transcript(result), ""]
    transcripts_name = report.replace("conversation_evaluation", "conversation_transcripts")
    (RESULTS_DIR / f"{transcripts_name}.md").write_text(
        "\n".join(transcripts) + "\n", encoding="utf-8"
    )
    return path


def _transcript(result: ConversationResult) -> List[str]:
    lines = []
    for record in result.records:
        lines.append(f"> **{record.stored}**  _(intent {record.intent})_")
        for message in record.said:
            text = message.text.replace("\n", " / ")
            lines.append(f">   - {text}  `{message.response or 'composed'}`")
    return lines
