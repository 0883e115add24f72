"""Expand a patrol series' RFC 5545 RRULE into concrete (start, end) instants.

The rule is read in Seoul wall-clock time, so "every Friday 20:00" stays 20:00 local on
every date, even across a daylight-saving change should Korea ever bring one back.

The series is exactly what the rule yields from starts_at (its DTSTART). dateutil counts
DTSTART only when it matches the rule: starts_at on a Thursday with BYDAY=FR makes the
first patrol the Friday after, and starts_at is then not itself an occurrence.
"""
import math
import re
from calendar import monthrange
from datetime import datetime, timedelta, timezone
from itertools import islice

from dateutil.rrule import rrulestr

from backend.core.time import SEOUL
from backend.errors import AppError

MAX_OCCURRENCES = 100
MAX_SPAN = timedelta(days=366)
DAILY_OR_SLOWER = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# The time of day comes from starts_at, so BYHOUR/BYMINUTE/BYSECOND are refused (they would
# also let a DAILY rule fire hourly). BYSETPOS, BYYEARDAY and BYWEEKNO are refused too: no
# patrol calendar needs them, and they make never-matching rules easy to write (below).
ALLOWED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTH", "BYMONTHDAY", "WKST"}
UNTIL_FORMAT = re.compile(r"(\d{8})(?:T(\d{6})(Z?))?")
NOT_A_RULE = "Not an RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=FR;COUNT=8."


def expand_recurrence(rrule_text: str, first_start: datetime, duration: timedelta) -> list[tuple[datetime, datetime]]:
    """(starts_at, ends_at) in UTC for each occurrence, in order; AppError if refused."""
    if first_start.tzinfo is None:
        raise ValueError("first_start must be timezone-aware")
    # dateutil steps in naive wall-clock time: give it Seoul local time, attach the zone after.
    local_start = first_start.astimezone(SEOUL).replace(tzinfo=None)
    rule = _rule(_parts(rrule_text), local_start)
    starts = []
    try:
        # COUNT or UNTIL bounds the rule; islice bounds the work even so.
        for local in islice(rule, MAX_OCCURRENCES + 1):
            start = local.replace(tzinfo=SEOUL).astimezone(timezone.utc)
            if starts and start - starts[0] > MAX_SPAN:
                _refuse("RECURRENCE_TOO_LONG", "The last occurrence starts more than 366 days after the first.")
            starts.append(start)
    except (ValueError, IndexError, OverflowError):
        _refuse("RECURRENCE_INVALID", NOT_A_RULE)
    if not starts:
        _refuse("RECURRENCE_INVALID", "The rule yields no occurrence from starts_at.")
    if len(starts) > MAX_OCCURRENCES:
        _refuse("RECURRENCE_TOO_LONG", f"A series has at most {MAX_OCCURRENCES} occurrences.")
    return [(start, start + duration) for start in sorted(starts)]


def _refuse(code, message):
    raise AppError(code, errors={"recurrence": [message]})


def _parts(rrule_text):
    """RRULE value -> {NAME: VALUE}, upper-cased; one RRULE only, the `RRULE:` prefix optional."""
    text = rrule_text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:"):]
    if re.search(r"DTSTART|RDATE|EXDATE|EXRULE|[:\r\n]", text, re.IGNORECASE):
        _refuse("RECURRENCE_INVALID", "Give one RRULE only; the series starts at starts_at (no DTSTART, RDATE or EXDATE).")
    parts = {}
    for piece in text.upper().split(";"):
        name, _, value = (item.strip() for item in piece.partition("="))
        if not name or not value or name in parts:
            _refuse("RECURRENCE_INVALID", NOT_A_RULE)
        parts[name] = value
    return parts


def _rule(parts, local_start):
    refused = sorted(set(parts) - ALLOWED_PARTS)
    if refused:
        _refuse("RECURRENCE_INVALID", f"Not accepted here: {', '.join(refused)}.")
    if parts.get("FREQ") not in DAILY_OR_SLOWER:
        _refuse("RECURRENCE_INVALID", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.")
    if "COUNT" in parts and "UNTIL" in parts:  # RFC 5545 forbids both
        _refuse("RECURRENCE_INVALID", "Give COUNT or UNTIL, not both.")
    if "COUNT" not in parts and "UNTIL" not in parts:
        _refuse("RECURRENCE_UNBOUNDED", "Give COUNT or UNTIL.")
    count = _numbers(parts, "COUNT", 1, math.inf)
    if count and count[0] > MAX_OCCURRENCES:  # refused without expanding
        _refuse("RECURRENCE_TOO_LONG", f"A series has at most {MAX_OCCURRENCES} occurrences.")
    _numbers(parts, "INTERVAL", 1, 366)
    months = _numbers(parts, "BYMONTH", 1, 12) or range(1, 13)
    days = _numbers(parts, "BYMONTHDAY", -31, 31)
    # dateutil gives up on a rule that never matches only at year 9999, after seconds of
    # work: refuse the day no chosen month has (30 February) before it gets there.
    if days and not any(abs(day) <= monthrange(2000, month)[1] for day in days for month in months):
        _refuse("RECURRENCE_INVALID", "No chosen month has that BYMONTHDAY.")
    until = _local_until(parts.pop("UNTIL")) if "UNTIL" in parts else None
    try:
        rule = rrulestr(";".join(f"{name}={value}" for name, value in parts.items()), dtstart=local_start)
        return rule if until is None else rule.replace(until=until)
    except (ValueError, TypeError, KeyError, IndexError):
        _refuse("RECURRENCE_INVALID", NOT_A_RULE)


def _numbers(parts, name, low, high):
    if name not in parts:
        return None
    try:
        numbers = [int(item) for item in parts[name].split(",")]
    except ValueError:
        _refuse("RECURRENCE_INVALID", f"{name} takes whole numbers.")
    if not all(low <= number <= high and number != 0 for number in numbers):
        _refuse("RECURRENCE_INVALID", f"{name} is out of range.")
    return numbers


def _local_until(value):
    """UNTIL as naive Seoul local time, comparable with the naive local DTSTART.

    RFC 5545: a date-time ending in Z is UTC. A date-time without Z is read as Seoul time,
    and a bare date as the whole of that Seoul day (inclusive).
    """
    match = UNTIL_FORMAT.fullmatch(value)
    try:
        day, clock, utc = match.groups()
        until = datetime.strptime(day + (clock or "235959"), "%Y%m%d%H%M%S")
        if utc:
            until = until.replace(tzinfo=timezone.utc).astimezone(SEOUL).replace(tzinfo=None)
    except (AttributeError, ValueError, OverflowError):  # no match, 31 June, past year 9999
        _refuse("RECURRENCE_INVALID", "UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ.")
    return until
