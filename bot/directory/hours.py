"""Opening hours: is a provider open now, and when does it open next.

Pure functions over small immutable values (no database, no PTV field names), so the rules can be
tested exactly. All wall-clock times are Finnish local time (Europe/Helsinki); instants are
compared in UTC so that days when the clocks change are handled by zoneinfo, not by us.

Rules, in order of precedence for one calendar date:
1. exceptional hours covering the date (a closed holiday such as 6.12., or special hours) replace
   the weekly hours of that date completely;
2. weekly hours with an explicit validity period covering the date (e.g. summer hours) replace
   the open-ended weekly hours;
3. open-ended weekly hours.
An interval belongs to the date it starts on, so a night that began on the evening before a
holiday still runs to its end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, List, Optional, Tuple, Union
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
MINUTES_PER_DAY = 24 * 60
DEFAULT_HORIZON_DAYS = 31
#: An over-midnight range can start up to a week before the day we look at.
_LOOKBACK_DAYS = 7

Interval = Tuple[datetime, datetime]  # aware UTC start (inclusive), end (exclusive)


@dataclass(frozen=True)
class WeeklyHours:
    """One weekly rule: days `day_from`..`day_to` (0 = Monday, ranges may wrap past Sunday).

    `closes` <= `opens` means the interval ends after midnight; `closes` may be 1440 (24:00).
    With `over_midnight` (PTV's OverMidnight type) the rule is ONE interval from `day_from` at
    `opens` to `day_to` at `closes`, e.g. Friday 22:00 to Saturday 03:00.
    """

    day_from: int
    day_to: Optional[int] = None
    opens: int = 0
    closes: int = MINUTES_PER_DAY
    over_midnight: bool = False
    always_open: bool = False
    valid_from: Optional[date] = None
    valid_to: Optional[date] = None

    def covers_weekday(self, weekday: int) -> bool:
        last = self.day_from if self.day_to is None else self.day_to
        return (weekday - self.day_from) % 7 <= (last - self.day_from) % 7

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def is_bounded(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None


@dataclass(frozen=True)
class ExceptionalHours:
    """Dates `date_from`..`date_to` (inclusive; None: one day): closed, or open `opens`-`closes`."""

    date_from: date
    date_to: Optional[date] = None
    is_closed: bool = True
    opens: Optional[int] = None
    closes: Optional[int] = None
    note: Optional[str] = None

    def covers(self, day: date) -> bool:
        return self.date_from <= day <= (self.date_to or self.date_from)


@dataclass(frozen=True)
class Schedule:
    weekly: Tuple[WeeklyHours, ...] = ()
    exceptions: Tuple[ExceptionalHours, ...] = ()

    @property
    def is_known(self) -> bool:
        """Without any rule we know nothing, which is different from 'closed'."""
        return bool(self.weekly or self.exceptions)


@dataclass(frozen=True)
class OpeningStatus:
    known: bool
    open_now: Optional[bool] = None
    #: Local time the current opening ends; None when open beyond the horizon (always open).
    closes_at: Optional[datetime] = None
    #: Local time of the next opening when closed now; None when none within the horizon.
    next_opening: Optional[datetime] = None


def parse_hhmm(value: str) -> int:
    """Minutes after midnight for "8", "08:00", "08:00:00" or "24:00"; ValueError otherwise."""
    parts = value.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        raise ValueError(f"not a time of day: {value!r}")
    hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    seconds = int(parts[2]) if len(parts) > 2 else 0
    total = hours * 60 + minutes
    if minutes > 59 or seconds > 59 or total > MINUTES_PER_DAY or (total == 1440 and seconds):
        raise ValueError(f"not a time of day: {value!r}")
    return total


def local_at(day: date, minute: int) -> datetime:
    """The aware Helsinki datetime `minute` minutes after the start of `day` (wall clock)."""
    extra_days, minute = divmod(minute, MINUTES_PER_DAY)
    wall = datetime.combine(day + timedelta(days=extra_days), time(minute // 60, minute % 60))
    return wall.replace(tzinfo=HELSINKI)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _span(day: date, opens: int, closes: int, end_day_offset: int = 0) -> Interval:
    start = local_at(day, opens)
    end = local_at(day + timedelta(days=end_day_offset), closes)
    if end <= start:  # "22:00-02:00" or "00:00-00:00": the end is on the next day
        end = local_at(day + timedelta(days=end_day_offset + 1), closes)
    return _utc(start), _utc(end)


def intervals_starting_on(schedule: Schedule, day: date) -> List[Interval]:
    """The opening intervals that start on local date `day`, following the precedence rules."""
    exceptions = [rule for rule in schedule.exceptions if rule.covers(day)]
    if exceptions:
        if any(rule.is_closed for rule in exceptions):
            return []
        return [
            _span(day, rule.opens, rule.closes)
            for rule in exceptions
            if rule.opens is not None and rule.closes is not None
        ]
    valid = [rule for rule in schedule.weekly if rule.valid_on(day)]
    if any(rule.is_bounded for rule in valid):
        valid = [rule for rule in valid if rule.is_bounded]
    weekday = day.weekday()
    intervals: List[Interval] = []
    for rule in valid:
        if rule.over_midnight:
            if weekday == rule.day_from:
                offset = ((rule.day_to if rule.day_to is not None else weekday) - weekday) % 7
                intervals.append(_span(day, rule.opens, rule.closes, offset))
        elif rule.covers_weekday(weekday):
            if rule.always_open:
                intervals.append(_span(day, 0, MINUTES_PER_DAY))
            else:
                intervals.append(_span(day, rule.opens, rule.closes))
    return intervals


def _merged(intervals: Iterable[Interval]) -> List[Interval]:
    merged: List[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def open_intervals(schedule: Schedule, first_day: date, last_day: date) -> List[Interval]:
    """Merged UTC intervals of the intervals starting on `first_day`..`last_day`."""
    days = (last_day - first_day).days
    return _merged(
        interval
        for offset in range(days + 1)
        for interval in intervals_starting_on(schedule, first_day + timedelta(days=offset))
    )


def as_helsinki(moment: datetime) -> datetime:
    """Aware Helsinki time; a naive value is taken to be Helsinki wall-clock time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=HELSINKI)
    return moment.astimezone(HELSINKI)


def opening_status(
    schedule: Schedule, now: datetime, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> OpeningStatus:
    """Open now (and until when), or the next opening within `horizon_days`."""
    if not schedule.is_known:
        return OpeningStatus(known=False)
    local_now = as_helsinki(now)
    utc_now = _utc(local_now)
    today = local_now.date()
    last_day = today + timedelta(days=horizon_days)
    intervals = open_intervals(schedule, today - timedelta(days=_LOOKBACK_DAYS), last_day)
    horizon_end = _utc(local_at(last_day, MINUTES_PER_DAY))
    for start, end in intervals:
        if start <= utc_now < end:
            closes = None if end >= horizon_end else end.astimezone(HELSINKI)
            return OpeningStatus(known=True, open_now=True, closes_at=closes)
        if start > utc_now:
            return OpeningStatus(
                known=True, open_now=False, next_opening=start.astimezone(HELSINKI)
            )
    return OpeningStatus(known=True, open_now=False)


def is_open(schedule: Schedule, now: datetime) -> Optional[bool]:
    """True/False, or None when the schedule says nothing."""
    return opening_status(schedule, now).open_now


@dataclass(frozen=True)
class HoursRecord:
    """One stored opening-hours row (models.OpeningHours): what the ingest wing writes and the
    search turns back into a rule of this module."""

    kind: str  # weekly | exception
    day_from: Optional[int] = None
    day_to: Optional[int] = None
    opens_minute: Optional[int] = None
    closes_minute: Optional[int] = None
    over_midnight: bool = False
    is_closed: bool = False
    is_always_open: bool = False
    valid_from: Optional[date] = None
    valid_to: Optional[date] = None
    note: Optional[str] = None

    def to_rule(self) -> Union[WeeklyHours, ExceptionalHours, None]:
        if self.kind == "exception":
            if self.valid_from is None:
                return None
            return ExceptionalHours(
                date_from=self.valid_from,
                date_to=self.valid_to,
                is_closed=self.is_closed or self.opens_minute is None,
                opens=self.opens_minute,
                closes=self.closes_minute,
                note=self.note,
            )
        if self.is_closed:
            return None
        if self.is_always_open:
            return WeeklyHours(
                day_from=0 if self.day_from is None else self.day_from,
                day_to=6 if self.day_from is None else self.day_to,
                always_open=True,
                valid_from=self.valid_from,
                valid_to=self.valid_to,
            )
        if self.day_from is None or self.opens_minute is None or self.closes_minute is None:
            return None
        return WeeklyHours(
            day_from=self.day_from,
            day_to=self.day_to,
            opens=self.opens_minute,
            closes=self.closes_minute,
            over_midnight=self.over_midnight,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
        )
