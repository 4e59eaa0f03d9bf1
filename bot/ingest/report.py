"""What an import did: counts, and every record that was skipped with the reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional


@dataclass(frozen=True)
class ImportIssue:
    record_id: str
    reason: str


@dataclass
class ImportReport:
    mode: Optional[str] = None  # file | full | incremental
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    #: Well-formed channels that no rule recognises as digital support (not stored).
    not_support: int = 0
    #: Channel types the directory does not keep (printable forms, web pages).
    unsupported: int = 0
    duplicates: int = 0
    services: int = 0
    pages: int = 0
    requests: int = 0
    retries: int = 0
    seconds: float = 0.0
    completed: bool = True
    errors: List[ImportIssue] = field(default_factory=list)

    def error(self, record_id: str, reason: str) -> None:
        self.errors.append(ImportIssue(record_id, reason))

    @property
    def written(self) -> int:
        return self.created + self.updated

    @property
    def providers_seen(self) -> int:
        return self.created + self.updated + self.unchanged

    def merge_counts(self, other: ImportReport) -> None:
        for name in ("created", "updated", "unchanged", "deleted", "not_support", "unsupported"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.duplicates += other.duplicates
        self.errors.extend(other.errors)

    def to_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data["errors"] = [asdict(issue) for issue in self.errors]
        return data

    def summary(self) -> str:
        """One line for operators (the CLI is an operator tool, so English is fine here)."""
        rate = self.providers_seen / self.seconds if self.seconds else 0.0
        return (
            f"{self.mode or 'import'}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.deleted} deleted, {len(self.errors)} malformed, "
            f"{self.not_support} not digital support, {self.unsupported} unsupported type; "
            f"{self.seconds:.1f} s ({rate:.0f} providers/s)"
            + ("" if self.completed else " - INTERRUPTED, run again to resume")
        )
