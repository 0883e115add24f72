"""What a report cell holds in each format: the one place a column's value is formatted.

A column has a kind, and may name a word table (backend.reports.words) for the codes it holds.
- JSON (the API's answer): the values as they are, codes included; times ISO 8601 in UTC.
- Files people read (CSV, XLSX, PDF): codes as words in the reader's language, a list of
  codes as its words joined by commas; yes/no as 예/아니오 or Yes/No, the same in all three.
- datetime: Asia/Seoul wall-clock time (a naive datetime is read as UTC, the way times are
  stored). CSV: ISO 8601 with the offset, to the second. XLSX: a real Excel date-time,
  tz-naive because Excel has no time zones. PDF: "YYYY-MM-DD HH:MM".
- date: YYYY-MM-DD (XLSX: an Excel date). minutes, int, number: numbers (a timedelta counts
  as minutes); the PDF groups thousands except in int columns, which are often identifiers.
- text: as it is, except that CSV puts a quote before text Excel would run as a formula
  (XLSX stores it as text, which Excel never runs).
- None (and an empty list of codes): an empty cell.
"""
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

from backend.core.time import SEOUL
from backend.reports.words import YES_NO, word

KINDS = frozenset({"text", "int", "number", "date", "datetime", "minutes", "bool"})
# OWASP "CSV injection": Excel runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def seoul_time(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(SEOUL)


def as_date(value):
    return seoul_time(value).date() if isinstance(value, datetime) else value


def as_minutes(value):
    if isinstance(value, timedelta):
        minutes = value.total_seconds() / 60
        return int(minutes) if minutes.is_integer() else minutes
    return value


def text(value):
    return str(value.value if isinstance(value, Enum) else value)


def _words(column, lang):
    """The column's value as the reader's words: a code, or a list of codes."""
    table = column.words

    def say(value):
        if isinstance(value, (list, tuple)):
            return ", ".join(word(table, code, lang) for code in value)
        return word(table, value, lang)
    return say


def _readable(column, lang):
    """The text of a text or bool cell in a file people read (words, not codes)."""
    if column.kind == "bool":
        return lambda value: word(YES_NO, bool(value), lang)
    if column.words:
        return _words(column, lang)
    return text


def _skip_empty(convert, empty=""):
    return lambda value: empty if value is None or value == [] else convert(value)


# --- CSV --------------------------------------------------------------------------------


def _guarded(value):
    value = text(value)
    # A leading quote makes Excel show the text instead of running it as a formula.
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def csv_cell(column, lang):
    """The column's CSV cell text, as a function of the value."""
    kind = column.kind
    if kind == "text" and not column.words:
        convert = _guarded
    elif kind in ("text", "bool"):
        convert = _readable(column, lang)
    elif kind == "datetime":
        convert = lambda value: seoul_time(value).isoformat(timespec="seconds")  # noqa: E731
    elif kind == "date":
        convert = lambda value: as_date(value).isoformat()  # noqa: E731
    else:
        convert = lambda value: str(as_minutes(value))  # noqa: E731
    return _skip_empty(convert)


# --- XLSX -------------------------------------------------------------------------------


def xlsx_cell(column, lang):
    """(how the sheet stores the column's cells: "string", "number", "date" or "datetime";
    the value to store, as a function of the report's value, None for an empty cell)."""
    kind = column.kind
    if kind in ("text", "bool"):
        return "string", _skip_empty(_readable(column, lang), None)
    if kind == "datetime":
        return "datetime", _skip_empty(lambda value: seoul_time(value).replace(tzinfo=None), None)
    if kind == "date":
        return "date", _skip_empty(as_date, None)
    return "number", _skip_empty(as_minutes, None)


# --- PDF --------------------------------------------------------------------------------


def pdf_cell(column, lang):
    """The column's printed text, as a function of the value."""
    kind = column.kind
    if kind in ("text", "bool"):
        convert = _readable(column, lang)
    elif kind == "datetime":
        convert = lambda value: f"{seoul_time(value):%Y-%m-%d %H:%M}"  # noqa: E731
    elif kind == "date":
        convert = lambda value: as_date(value).isoformat()  # noqa: E731
    elif kind == "int":
        convert = str
    else:
        convert = lambda value: number_text(as_minutes(value))  # noqa: E731
    return _skip_empty(convert)


def number_text(value):
    """1234 -> "1,234"; 75.25 -> "75.25"; 2.0 -> "2"."""
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def summary_text(value, lang):
    """A summary line's value as printed."""
    if isinstance(value, bool):
        return word(YES_NO, value, lang)
    if isinstance(value, (int, float, Decimal)):
        return number_text(value)
    if isinstance(value, datetime):
        return f"{seoul_time(value):%Y-%m-%d %H:%M} (KST)"
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else text(value)


# --- JSON -------------------------------------------------------------------------------


def json_value(value):
    """ISO 8601 as everywhere else in the API: times in UTC with their offset, dates as dates;
    codes stay codes."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
