"""Where an API sync stands, kept in the `sync_state` table so an interrupted sync resumes.

One row per (API address, municipalities) pair: when the last full sync started and completed,
up to when changes have been read, and the progress of a running full or incremental sync (as
JSON). As DVV advises, a full sync runs when the last one is older than `full_sync_every`
(7 days) and incremental syncs in between.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, Optional, Sequence

from sqlalchemy.orm import sessionmaker

from bot.directory.models import SyncState
from bot.ingest.pipeline import Clock

FULL_SYNC_EVERY = timedelta(days=7)
MODES = ("auto", "full", "incremental")


def state_name(base_url: str, codes: Optional[Sequence[str]]) -> str:
    """The row of a sync of `codes` (None: all municipalities) from `base_url`."""
    return f"{base_url.rstrip('/')}|{','.join(codes) if codes else 'all'}"


class SyncStates:
    """Reads and writes `sync_state` rows, each change in its own short transaction."""

    def __init__(self, sessions: sessionmaker, clock: Clock) -> None:
        self.sessions = sessions
        self.clock = clock

    def load(self, name: str) -> SyncState:
        """The row named `name`, created when missing; detached, so it can outlive a session."""
        session = self.sessions()
        try:
            with session.begin():
                state = session.get(SyncState, name)
                if state is None:
                    state = SyncState(name=name, updated_at=self.clock())
                    session.add(state)
            session.expunge(state)
            return state
        finally:
            session.close()

    def save(self, state: SyncState, **changes: Any) -> None:
        """Apply `changes` (progress dicts are stored as JSON) and write the row."""
        for key, value in changes.items():
            if key.endswith("_progress") and value is not None:
                value = json.dumps(value, sort_keys=True)
            setattr(state, key, value)
        state.updated_at = self.clock()
        session = self.sessions()
        try:
            with session.begin():
                session.merge(state)
        finally:
            session.close()

    def get(self, name: str) -> Optional[SyncState]:
        session = self.sessions()
        try:
            return session.get(SyncState, name)
        finally:
            session.close()


def choose_mode(mode: str, state: SyncState, now: datetime, every: timedelta) -> str:
    """ "full" or "incremental" for a sync asked to run in `mode` (auto, full, incremental)."""
    if mode in ("full", "incremental"):
        if (
            mode == "incremental"
            and state.last_full_completed_at is None
            and not (state.last_incremental_at)
        ):
            return "full"  # nothing to be incremental from
        return mode
    if mode != "auto":
        raise ValueError(f"mode must be auto, full or incremental, not {mode!r}")
    if state.full_progress:
        return "full"  # resume the interrupted full sync
    last_full = state.last_full_completed_at
    return "full" if last_full is None or now - last_full >= every else "incremental"
