"""Recurrence rules expand in Seoul wall-clock time and refuse what a patrol series cannot be."""
import time
from datetime import datetime, timedelta, timezone

import pytest

from backend.core.time import SEOUL
from backend.errors import AppError
from backend.patrols.recurrence import MAX_OCCURRENCES, expand_recurrence

UTC = timezone.utc
THREE_HOURS = timedelta(hours=3)


def kst(year, month, day, hour=0, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def refusal(rule, first_start=None, duration=THREE_HOURS):
    with pytest.raises(AppError) as caught:
        expand_recurrence(rule, first_start or kst(2026, 12, 4, 20), duration)
    assert caught.value.errors["recurrence"]  # the app shows the reason next to the field
    return caught.value.code


def test_every_friday_evening_for_eight_weeks():
    occurrences = expand_recurrence("FREQ=WEEKLY;BYDAY=FR;COUNT=8", kst(2026, 12, 4, 20), THREE_HOURS)

    assert len(occurrences) == 8
    for week, (start, end) in enumerate(occurrences):
        assert start == datetime(2026, 12, 4, 11, tzinfo=UTC) + timedelta(weeks=week)
        assert (start.hour, end.hour) == (11, 14)
        assert start.utcoffset() == end.utcoffset() == timedelta(0)
        local = start.astimezone(SEOUL)
        assert (local.strftime("%A"), local.hour) == ("Friday", 20)
    assert occurrences == sorted(occurrences)


def test_a_patrol_past_midnight_keeps_its_duration_and_local_start():
    occurrences = expand_recurrence("FREQ=WEEKLY;BYDAY=SA;COUNT=3", kst(2026, 12, 5, 22), timedelta(hours=4))

    for start, end in occurrences:
        assert end - start == timedelta(hours=4)
        assert start.astimezone(SEOUL).hour == 22
        assert end.astimezone(SEOUL).hour == 2
        assert end.astimezone(SEOUL).date() == start.astimezone(SEOUL).date() + timedelta(days=1)


def test_the_rrule_prefix_is_accepted():
    bare = expand_recurrence("FREQ=DAILY;COUNT=3", kst(2026, 12, 4, 20), THREE_HOURS)
    assert expand_recurrence("RRULE:FREQ=DAILY;COUNT=3", kst(2026, 12, 4, 20), THREE_HOURS) == bare
    assert expand_recurrence("rrule:freq=daily;count=3", kst(2026, 12, 4, 20), THREE_HOURS) == bare


def test_until_in_utc_is_converted_to_seoul_and_inclusive():
    # 20261231T150000Z is 2027-01-01 00:00 in Seoul: the midnight patrol that day is in.
    starts = [start for start, _ in expand_recurrence("FREQ=DAILY;UNTIL=20261231T150000Z", kst(2026, 12, 29), THREE_HOURS)]
    assert [start.astimezone(SEOUL).date().isoformat() for start in starts] == [
        "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"
    ]
    assert starts[-1] == datetime(2026, 12, 31, 15, tzinfo=UTC)

    one_second_earlier = expand_recurrence("FREQ=DAILY;UNTIL=20261231T145959Z", kst(2026, 12, 29), THREE_HOURS)
    assert len(one_second_earlier) == 3


def test_until_as_a_date_takes_the_whole_seoul_day():
    occurrences = expand_recurrence("FREQ=WEEKLY;BYDAY=FR;UNTIL=20261218", kst(2026, 12, 4, 20), THREE_HOURS)
    assert [start.astimezone(SEOUL).day for start, _ in occurrences] == [4, 11, 18]


def test_the_series_is_what_the_rule_yields_from_starts_at():
    # starts_at on Thursday 3 December with BYDAY=FR: the first patrol is Friday 4 December.
    occurrences = expand_recurrence("FREQ=WEEKLY;BYDAY=FR;COUNT=2", kst(2026, 12, 3, 20), THREE_HOURS)
    assert [start.astimezone(SEOUL) for start, _ in occurrences] == [kst(2026, 12, 4, 20), kst(2026, 12, 11, 20)]


def test_a_first_start_in_utc_is_the_same_instant_read_in_seoul():
    # Thursday 15:00 UTC is Friday 00:00 in Seoul, so BYDAY=FR matches it.
    in_utc = datetime(2026, 12, 3, 15, tzinfo=UTC)
    occurrences = expand_recurrence("FREQ=WEEKLY;BYDAY=FR;COUNT=2", in_utc, THREE_HOURS)

    assert occurrences[0][0] == in_utc
    assert occurrences == expand_recurrence("FREQ=WEEKLY;BYDAY=FR;COUNT=2", kst(2026, 12, 4), THREE_HOURS)


def test_the_limits_themselves_are_allowed():
    assert len(expand_recurrence(f"FREQ=DAILY;COUNT={MAX_OCCURRENCES}", kst(2026, 12, 4, 20), THREE_HOURS)) == 100
    # 2028 is a leap year: 1 January 2028 to 1 January 2029 is exactly 366 days.
    occurrences = expand_recurrence("FREQ=MONTHLY;COUNT=13", kst(2028, 1, 1, 20), THREE_HOURS)
    assert occurrences[-1][0] - occurrences[0][0] == timedelta(days=366)
    # The span counts from the first occurrence (25 Dec 2026), not from starts_at (4 Dec).
    occurrences = expand_recurrence("FREQ=MONTHLY;BYMONTHDAY=25;COUNT=13", kst(2026, 12, 4, 20), THREE_HOURS)
    assert occurrences[-1][0].astimezone(SEOUL) == kst(2027, 12, 25, 20)


def test_an_unbounded_rule_is_refused():
    assert refusal("FREQ=WEEKLY;BYDAY=FR") == "RECURRENCE_UNBOUNDED"


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;COUNT=60",  # 59 weeks
        "FREQ=DAILY;COUNT=101",
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=20281231T150000Z",  # under 100, but over a year
        "FREQ=MONTHLY;COUNT=14",  # 13 months
    ],
)
def test_a_series_over_a_year_or_a_hundred_occurrences_is_refused(rule):
    assert refusal(rule) == "RECURRENCE_TOO_LONG"


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY;COUNT=5",
        "FREQ=MINUTELY;COUNT=5",
        "every friday evening",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=3",
        "FREQ=WEEKLY;COUNT=three",
        "FREQ=WEEKLY;COUNT=0",
        "FREQ=WEEKLY;INTERVAL=0;COUNT=3",
        "COUNT=3",  # no FREQ
        "FREQ=WEEKLY;FREQ=DAILY;COUNT=3",
        "FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000Z",  # RFC 5545: not both
        "FREQ=DAILY;BYHOUR=20,21;COUNT=3",  # the time of day comes from starts_at
        "FREQ=WEEKLY;UNTIL=2027-01-01",
        "FREQ=WEEKLY;UNTIL=20270631T000000Z",  # no 31 June
        "FREQ=WEEKLY;UNTIL=99991231T235959Z",  # past year 9999 once in Seoul time
        "DTSTART:20261204T110000Z\nRRULE:FREQ=WEEKLY;COUNT=3",
        "FREQ=WEEKLY;COUNT=3;DTSTART=20261204T110000Z",
        "RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE:20261211T110000Z",
        "RRULE:FREQ=WEEKLY;COUNT=3\nRRULE:FREQ=DAILY;COUNT=3",
        "FREQ=WEEKLY;UNTIL=20261101T000000Z",  # ends before starts_at: no occurrence
    ],
)
def test_invalid_rules_are_refused(rule):
    assert refusal(rule) == "RECURRENCE_INVALID"


def test_a_rule_that_never_matches_is_refused_quickly():
    began = time.monotonic()
    assert refusal("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3") == "RECURRENCE_INVALID"
    assert time.monotonic() - began < 0.5
