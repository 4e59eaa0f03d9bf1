"""PersonalDataGuard: the one entry point that screens a user's text before anything keeps it.

Every path a message takes into the assistant (web channels, the terminal chat, batch triage)
calls :meth:`PersonalDataGuard.screen` first; the tracker store and the log filter use the
stateless :func:`redact_text` as a second line of defence.

What the guard keeps of a removed value, and for how long:

- :class:`Screened` holds the REDACTED text and findings (kind and span, no value); it never
  holds the original text, so passing it on (metadata, logs, counts) cannot pass a value on.
- The per-sender memory holds kinds and counts only (bot.guard.memory).
- The raw values themselves exist only inside one call: :func:`redact_alongside` finds them in
  the text, replaces them in a structure and drops them when it returns. :func:`found_values`
  and ``redact_structure(known=...)`` remain for callers that hold both already; whoever calls
  :func:`found_values` owns the values it returns and should not keep them past the redaction
  (e.g. across an ``await``).
- No detector raises with a value in its message: candidates are checked by their shape before
  any conversion, and stdnum's exceptions carry no number.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

from bot.guard.detectors import add_without_overlap, scan_structured, to_original
from bot.guard.findings import PLACEHOLDERS, Finding
from bot.guard.memory import DEFAULT_MAX_SENDERS, NOTHING, CarryOver, CarryOverMemory
from bot.guard.normalize import ScanView, scan_view
from bot.guard.secrets import find_bare_secret, find_cue_secrets
from bot.guard.split_turns import carry_over, find_completion


@dataclass(frozen=True)
class Screened:
    """The text as the assistant may keep it, and what was removed from it (kinds and spans)."""

    text: str
    findings: List[Finding] = field(default_factory=list)

    @property
    def kinds(self) -> List[str]:
        """Distinct kinds found, in order of first appearance (JSON-friendly strings)."""
        return list(dict.fromkeys(f.kind for f in self.findings))

    @property
    def redacted(self) -> bool:
        return bool(self.findings)


def _scan(view: ScanView, cues: bool, carry: CarryOver) -> List[Finding]:
    """Findings in the text ``view`` was made of (its positions), trusted ones first, sorted and
    without overlaps."""
    found = scan_structured(view.text)  # a checked value wins over a half recognised by shape
    completion = find_completion(view.text, carry) if carry else None
    if completion is not None:
        add_without_overlap(found, [completion])
    if cues:
        add_without_overlap(found, find_cue_secrets(view.text))
    if carry.secret_talk and not found:
        bare = find_bare_secret(view.text)
        if bare is not None:
            found.append(bare)
    return to_original(view, found)


def find_personal_data(
    text: str,
    cues: bool = True,
    expect_secret: bool = False,
    carry: Optional[CarryOver] = None,
) -> List[Finding]:
    """All findings in ``text``, without overlaps, sorted by position.

    ``cues`` enables the cue-based secret detector (off for texts the bot wrote);
    ``expect_secret`` treats a message made only of code-like tokens as a secret (the previous
    message of the same person talked about codes); ``carry`` is what the previous message of
    the same person left open (bot.guard.split_turns.carry_over), and includes that case.
    """
    carry = carry or NOTHING
    if expect_secret and not carry.secret_talk:
        carry = dataclasses.replace(carry, secret_talk=True)
    return _scan(scan_view(text), cues, carry)


def carry_over_of(text: Optional[str]) -> CarryOver:
    """What ``text`` leaves open for the next message of the same person (kinds only)."""
    return carry_over(scan_view(text).text) if text else NOTHING


def apply_redaction(text: str, findings: Sequence[Finding]) -> str:
    """Replace each finding's span with its kind's placeholder."""
    parts: List[str] = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        parts.append(text[position : finding.start])
        parts.append(PLACEHOLDERS[finding.kind])
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def redact_text(text: str, cues: bool = True, expect_secret: bool = False) -> str:
    """Stateless redaction (logs, tracker store). Idempotent: placeholders are never re-found."""
    if not text:
        return text
    findings = find_personal_data(text, cues=cues, expect_secret=expect_secret)
    return apply_redaction(text, findings) if findings else text


def found_values(text: str, findings: Sequence[Finding]) -> List[Tuple[str, str]]:
    """(value, placeholder) pairs, longest value first, for :func:`redact_structure`.

    The caller owns the values: use them for one redaction and drop them (prefer
    :func:`redact_alongside`, which does both).
    """
    pairs = {(text[f.start : f.end], PLACEHOLDERS[f.kind]) for f in findings}
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def redact_structure(value: Any, cues: bool = True, known: Sequence[Tuple[str, str]] = ()) -> Any:
    """Redact every string inside a JSON-like value (dicts, lists, strings).

    ``known`` holds values already found in the message text: they are replaced wherever they
    reappear (an entity value, client metadata), even where no detector would see them alone,
    e.g. a password extracted as an entity without its cue word.
    """
    if isinstance(value, str):
        for secret, placeholder in known:
            if secret:
                value = value.replace(secret, placeholder)
        return redact_text(value, cues=cues)
    if isinstance(value, list):
        return [redact_structure(v, cues, known) for v in value]
    if isinstance(value, dict):
        return {k: redact_structure(v, cues, known) for k, v in value.items()}
    return value


def redact_alongside(
    value: Any, text: Optional[str], findings: Sequence[Finding], cues: bool = True
) -> Any:
    """``value`` (metadata, an event) redacted, with the values found in ``text`` removed too.

    The values of ``findings`` are read from ``text`` inside this call and are gone when it
    returns: nothing the caller keeps holds them.
    """
    return redact_structure(value, cues=cues, known=found_values(text or "", findings))


class PersonalDataGuard:
    """Screens user messages; remembers per sender only what a message left open (kinds)."""

    def __init__(self, max_senders: int = DEFAULT_MAX_SENDERS) -> None:
        self._memory = CarryOverMemory(max_senders)

    def screen(self, sender_id: Optional[str], text: Optional[str]) -> Screened:
        """Redact personal data from one message of ``sender_id``.

        ``sender_id=None`` screens without conversation memory (batch triage, one-off texts).
        """
        if not text:
            return Screened(text or "", [])
        view = scan_view(text)
        carry = self._memory.recall(sender_id) if sender_id is not None else NOTHING
        findings = _scan(view, cues=True, carry=carry)
        if sender_id is not None:
            self._memory.remember(sender_id, carry_over(view.text))
        if not findings:
            return Screened(text, [])
        return Screened(apply_redaction(text, findings), findings)

    def forget(self, sender_id: str) -> None:
        """Drop what one conversation left open (e.g. on session restart)."""
        self._memory.remember(sender_id, NOTHING)


_DEFAULT: Optional[PersonalDataGuard] = None
_DEFAULT_LOCK = threading.Lock()


def default_guard() -> PersonalDataGuard:
    """The process-wide guard: channels, shell and batch share one conversation memory."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = PersonalDataGuard()
    return _DEFAULT
