"""PersonalDataGuard: the one entry point that screens a user's text before anything keeps it.

Every path a message takes into the assistant (web channels, the terminal chat, batch triage)
calls :meth:`PersonalDataGuard.screen` first; the tracker store and the log filter use the
stateless :func:`redact_text` as a second line of defence.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

from bot.guard.detectors import find_structured
from bot.guard.findings import PLACEHOLDERS, Finding
from bot.guard.memory import DEFAULT_MAX_SENDERS, SecretCueMemory
from bot.guard.secrets import find_bare_secret, find_cue_secrets, mentions_secret


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


def find_personal_data(text: str, cues: bool = True, expect_secret: bool = False) -> List[Finding]:
    """All findings in ``text``, without overlaps, sorted by position.

    ``cues`` enables the cue-based secret detector (off for texts the bot wrote);
    ``expect_secret`` treats a message made only of code-like tokens as a secret (the previous
    message of the same person talked about codes).
    """
    found = find_structured(text)
    if cues:
        for finding in find_cue_secrets(text):
            if not any(f.overlaps(finding.start, finding.end) for f in found):
                found.append(finding)
    if expect_secret and not found:
        bare = find_bare_secret(text)
        if bare is not None:
            found.append(bare)
    return sorted(found, key=lambda f: f.start)


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

    Kept only for the duration of one redaction call, never stored or returned further.
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


class PersonalDataGuard:
    """Screens user messages; remembers per sender only whether codes were just talked about."""

    def __init__(self, max_senders: int = DEFAULT_MAX_SENDERS) -> None:
        self._memory = SecretCueMemory(max_senders)

    def screen(self, sender_id: Optional[str], text: Optional[str]) -> Screened:
        """Redact personal data from one message of ``sender_id``.

        ``sender_id=None`` screens without conversation memory (batch triage, one-off texts).
        """
        if not text:
            return Screened(text or "", [])
        expect = sender_id is not None and self._memory.expects_secret(sender_id)
        findings = find_personal_data(text, cues=True, expect_secret=expect)
        if sender_id is not None:
            self._memory.remember(sender_id, mentions_secret(text))
        if not findings:
            return Screened(text, [])
        return Screened(apply_redaction(text, findings), findings)

    def forget(self, sender_id: str) -> None:
        """Drop the memory flag of one conversation (e.g. on session restart)."""
        self._memory.remember(sender_id, False)


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
