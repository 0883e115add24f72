"""What a report cell holds, the same in every format: Seoul time, dates, minutes, text.

The conventions, as far as each format allows:
- datetime: Asia/Seoul wall-clock time. A naive datetime is read as UTC, the way times are
  stored. CSV gives ISO 8601 with the offset, to the second. XLSX gives a real Excel
  date-time, tz-naive because Excel has no time zones. PDF gives "YYYY-MM-DD HH:MM".
- date: YYYY-MM-DD. minutes, int, number: plain numbers (a timedelta counts as minutes).
- bool: "예"/"아니오" in Korean and "Y"/"N" in English (CSV, PDF); XLSX keeps TRUE/FALSE.
- text: as it is, except that CSV puts a quote before text Excel would run as a formula.
- None: an empty cell.
"""
from datetime import datetime, timedelta, timezone
from enum import Enum

from backend.core.time import SEOUL

KINDS = frozenset({"text", "int", "number", "date", "datetime", "minutes", "bool"})
BOOL_LABELS = {"ko": ("예", "아니오"), "en": ("Y", "N")}
# OWASP "CSV injection": Excel runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def seoul_time(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    # Free when the value is in Seoul time already, as file exports read them.
    return value.astimezone(SEOUL)


def as_date(value):
    return seoul_time(value).date() if isinstance(value, datetime) else value


def as_minutes(value):
    if isinstance(value, timedelta):
        minutes = value.total_seconds() / 60
        return int(minutes) if minutes.is_integer() else minutes
    return value


def bool_label(value, lang):
    yes, no = BOOL_LABELS[lang]
    return yes if value else no


def text(value):
    return str(value.value if isinstance(value, Enum) else value)
