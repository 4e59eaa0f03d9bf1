"""Opening-hours rules: weekly ranges, over midnight, holidays, validity periods, DST days."""

from datetime import date, datetime, timezone

import pytest

from bot.directory.hours import (
    HELSINKI,
    ExceptionalHours,
    Schedule,
    WeeklyHours,
    is_open,
    opening_status,
    parse_hhmm,
)

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS_9_16 = WeeklyHours(day_from=MON, day_to=FRI, opens=9 * 60, closes=16 * 60)


def hel(*args: int) -> datetime:
    return datetime(*args, tzinfo=HELSINKI)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text, minutes",
    [("8", 480), ("08:00", 480), ("08:30:00", 510), ("24:00", 1440), ("00:00:00", 0)],
)
def test_parse_hhmm(text, minutes):
    assert parse_hhmm(text) == minutes


@pytest.mark.parametrize("text", ["", "25:00", "8:60", "aa:bb", "24:00:01", "1:2:3:4"])
def test_parse_hhmm_rejects(text):
    with pytest.raises(ValueError):
        parse_hhmm(text)


def test_weekday_range_open_and_closed():
    schedule = Schedule(weekly=(WEEKDAYS_9_16,))
    assert is_open(schedule, hel(2024, 11, 13, 10, 0)) is True  # Wednesday
    assert is_open(schedule, hel(2024, 11, 13, 16, 0)) is False  # closing minute is closed
    assert is_open(schedule, hel(2024, 11, 16, 10, 0)) is False  # Saturday


def test_open_now_reports_closing_time():
    status = opening_status(Schedule(weekly=(WEEKDAYS_9_16,)), hel(2024, 11, 13, 10, 0))
    assert status.open_now and status.closes_at == hel(2024, 11, 13, 16, 0)


def test_next_opening_skips_weekend():
    status = opening_status(Schedule(weekly=(WEEKDAYS_9_16,)), hel(2024, 11, 15, 17, 0))
    assert status.open_now is False
    assert status.next_opening == hel(2024, 11, 18, 9, 0)  # Monday


def test_unknown_schedule_is_not_closed():
    status = opening_status(Schedule(), hel(2024, 11, 13, 10, 0))
    assert status.known is False and status.open_now is None


def test_independence_day_closure_takes_precedence():
    """6.12.2024 is a Friday: the weekly hours say open, the holiday exception says closed."""
    holiday = ExceptionalHours(date_from=date(2024, 12, 6), is_closed=True, note="Itsenäisyyspäivä")
    schedule = Schedule(weekly=(WEEKDAYS_9_16,), exceptions=(holiday,))
    assert is_open(schedule, hel(2024, 12, 5, 10, 0)) is True
    assert is_open(schedule, hel(2024, 12, 6, 10, 0)) is False
    status = opening_status(schedule, hel(2024, 12, 6, 10, 0))
    assert status.next_opening == hel(2024, 12, 9, 9, 0)  # not Saturday, not the holiday


def test_exception_range_and_special_hours():
    christmas = ExceptionalHours(date_from=date(2024, 12, 24), date_to=date(2024, 12, 26))
    short_day = ExceptionalHours(
        date_from=date(2024, 12, 23), is_closed=False, opens=10 * 60, closes=12 * 60
    )
    schedule = Schedule(weekly=(WEEKDAYS_9_16,), exceptions=(christmas, short_day))
    assert is_open(schedule, hel(2024, 12, 23, 9, 30)) is False
    assert opening_status(schedule, hel(2024, 12, 23, 11, 0)).closes_at == hel(2024, 12, 23, 12)
    assert is_open(schedule, hel(2024, 12, 25, 10, 0)) is False
    assert opening_status(schedule, hel(2024, 12, 23, 13)).next_opening == hel(2024, 12, 27, 9)


def test_closing_after_midnight_within_a_day_rule():
    late = WeeklyHours(day_from=FRI, opens=20 * 60, closes=2 * 60)
    schedule = Schedule(weekly=(late,))
    assert is_open(schedule, hel(2024, 11, 16, 1, 30)) is True  # Saturday night
    assert is_open(schedule, hel(2024, 11, 16, 2, 30)) is False


def test_over_midnight_type_spans_days():
    weekend = WeeklyHours(
        day_from=FRI, day_to=SUN, opens=18 * 60, closes=12 * 60, over_midnight=True
    )
    schedule = Schedule(weekly=(weekend,))
    assert is_open(schedule, hel(2024, 11, 15, 17, 0)) is False
    assert is_open(schedule, hel(2024, 11, 16, 12, 0)) is True  # Saturday noon
    assert opening_status(schedule, hel(2024, 11, 16, 12)).closes_at == hel(2024, 11, 17, 12)


def test_wrapping_weekday_range():
    sat_to_mon = WeeklyHours(day_from=SAT, day_to=MON, opens=10 * 60, closes=14 * 60)
    schedule = Schedule(weekly=(sat_to_mon,))
    assert is_open(schedule, hel(2024, 11, 18, 11)) is True  # Monday
    assert is_open(schedule, hel(2024, 11, 19, 11)) is False  # Tuesday


def test_always_open_has_no_closing_time():
    schedule = Schedule(weekly=(WeeklyHours(day_from=MON, day_to=SUN, always_open=True),))
    status = opening_status(schedule, hel(2024, 11, 13, 3, 0))
    assert status.open_now is True and status.closes_at is None


def test_bounded_period_replaces_open_ended_hours():
    summer = WeeklyHours(
        day_from=MON,
        day_to=FRI,
        opens=10 * 60,
        closes=14 * 60,
        valid_from=date(2024, 6, 1),
        valid_to=date(2024, 8, 31),
    )
    schedule = Schedule(weekly=(WEEKDAYS_9_16, summer))
    assert is_open(schedule, hel(2024, 7, 3, 15, 0)) is False  # summer hours end at 14
    assert is_open(schedule, hel(2024, 9, 4, 15, 0)) is True


def test_rule_outside_validity_is_ignored():
    expired = WeeklyHours(
        day_from=MON, day_to=FRI, opens=9 * 60, closes=16 * 60, valid_to=date(2023, 12, 31)
    )
    status = opening_status(Schedule(weekly=(expired,)), hel(2024, 3, 6, 10))
    assert status.open_now is False and status.next_opening is None


def test_dst_spring_forward_uses_local_wall_clock():
    """30.3.2025 the clocks jump 03:00 -> 04:00. Sunday 10-14 local is 07:00-11:00 UTC."""
    sunday = Schedule(weekly=(WeeklyHours(day_from=SUN, opens=10 * 60, closes=14 * 60),))
    assert is_open(sunday, utc(2025, 3, 30, 6, 30)) is False  # 09:30 EEST
    assert is_open(sunday, utc(2025, 3, 30, 7, 30)) is True  # 10:30 EEST
    assert is_open(sunday, utc(2025, 3, 30, 11, 30)) is False  # 14:30 EEST
    # A week earlier (EET, UTC+2) the same UTC instant 07:30 is only 09:30 local: closed.
    assert is_open(sunday, utc(2025, 3, 23, 7, 30)) is False
    assert is_open(sunday, utc(2025, 3, 23, 8, 30)) is True  # 10:30 EET


def test_dst_fall_back_night_is_one_hour_longer():
    """26.10.2025 03:00 EEST -> 03:00 EET. A 00:00-06:00 night lasts 7 real hours."""
    night = Schedule(weekly=(WeeklyHours(day_from=SUN, opens=0, closes=6 * 60),))
    assert is_open(night, utc(2025, 10, 25, 21, 30)) is True  # 00:30 EEST
    assert is_open(night, utc(2025, 10, 26, 3, 30)) is True  # 05:30 EET
    assert is_open(night, utc(2025, 10, 26, 4, 30)) is False  # 06:30 EET
    status = opening_status(night, utc(2025, 10, 25, 21, 30))
    assert status.closes_at is not None
    assert status.closes_at.astimezone(timezone.utc) == utc(2025, 10, 26, 4, 0)


def test_naive_now_is_helsinki_time():
    schedule = Schedule(weekly=(WEEKDAYS_9_16,))
    assert is_open(schedule, datetime(2024, 11, 13, 9, 30)) is True
