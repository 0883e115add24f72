"""Streaming writers for tabular reports: CSV, XLSX and a printable PDF.

A report is a title, typed columns and an iterator of row dicts that may come from a
server-side cursor holding a million rows, so no writer here turns the rows into a list.

Cells follow the same conventions in every format, as far as the format allows:
- datetime: Asia/Seoul wall-clock time. A naive datetime is read as UTC, the way times are
  stored. CSV gives ISO 8601 with the offset, to the second. XLSX gives a real Excel
  date-time, tz-naive because Excel has no time zones. PDF gives "YYYY-MM-DD HH:MM".
- date: YYYY-MM-DD. minutes, int, number: plain numbers (a timedelta counts as minutes).
- bool: "예"/"아니오" in Korean and "Y"/"N" in English (CSV, PDF); XLSX keeps TRUE/FALSE.
- None: an empty cell.
CSV carries the data table only: a title line or a summary block under the data would
break sorting and re-importing it. XLSX puts the summary on its own sheet, PDF under the table.
"""
import csv
import io
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from urllib.parse import quote

import xlsxwriter
from flask import Response, has_request_context, stream_with_context

from backend.core.time import SEOUL, utcnow
from backend.reports import pdf
from backend.reports.pdf import certificate_pdf, hours_and_minutes, sign_in_sheet_pdf  # noqa: F401

KINDS = frozenset({"text", "int", "number", "date", "datetime", "minutes", "bool"})
LANGS = ("ko", "en")
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_SIZE = 64 * 1024
EXCEL_MAX_ROWS = 1_048_576
MAX_COLUMN_WIDTH = 60
# OWASP "CSV injection": Excel runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    ko: str
    en: str
    kind: str = "text"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"column {self.key!r}: kind {self.kind!r} is not one of {sorted(KINDS)}")

    def header(self, lang):
        return self.ko if lang == "ko" else self.en


@dataclass
class Report:
    """One report, read once: `rows` is an iterator that the export consumes.

    `summary` is a list of (label_ko, label_en, value), or a callable returning one; the
    callable is called after the rows are consumed, so it can give totals gathered while
    they streamed. The XLSX and PDF summaries add the row count and when the file was made.
    """

    title_ko: str
    title_en: str
    columns: Sequence[Column]
    rows: Iterable[Mapping]
    summary: Sequence[tuple] | Callable[[], Sequence[tuple]] | None = None

    def title(self, lang):
        return self.title_ko if lang == "ko" else self.title_en

    def summary_lines(self, lang, row_count):
        items = self.summary() if callable(self.summary) else (self.summary or ())
        lines = [(ko if lang == "ko" else en, value) for ko, en, value in items]
        lines.append(("행 수" if lang == "ko" else "Rows", row_count))
        lines.append(("작성 시각" if lang == "ko" else "Generated", utcnow()))
        return lines


def export(report, fmt, lang, filename_stem):
    """The report as a downloadable CSV, XLSX or PDF response, headers in `lang`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if fmt == "csv":
        response = Response(_in_context(_csv_chunks(report, lang)), mimetype="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = _xlsx_response(report, lang)
    elif fmt == "pdf":
        response = Response(_pdf_bytes(report, lang), mimetype="application/pdf")
    else:
        raise ValueError(f"fmt must be csv, xlsx or pdf, not {fmt!r}")
    response.headers["Content-Disposition"] = content_disposition(f"{_clean_stem(filename_stem)}.{fmt}")
    # Reports name people and their hours: no shared cache may keep a copy.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def content_disposition(filename):
    """RFC 6266 attachment: an ASCII filename for old clients, the real one in filename* (RFC 5987)."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    fallback = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in stem)
    while "__" in fallback:
        fallback = fallback.replace("__", "_")
    fallback = (fallback.strip("_.-") or "report") + (f".{extension}" if dot else "")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _clean_stem(stem):
    # Browsers save under this name: no path separators, quotes or control characters.
    cleaned = "".join(
        "_" if ch in '/\\"' or unicodedata.category(ch).startswith("C") else ch for ch in str(stem)
    ).strip(" .")
    return cleaned or "report"


def _in_context(chunks):
    # Rows may come from a server-side cursor on the request's database session, which
    # Flask tears down as soon as the view returns, before a streamed body is read.
    return stream_with_context(chunks) if has_request_context() else chunks


# --- cell values ------------------------------------------------------------------------


def seoul_time(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(SEOUL)


def _as_date(value):
    return seoul_time(value).date() if isinstance(value, datetime) else value


def _as_minutes(value):
    if isinstance(value, timedelta):
        minutes = value.total_seconds() / 60
        return int(minutes) if minutes.is_integer() else minutes
    return value


def _bool_label(value, lang):
    if lang == "ko":
        return "예" if value else "아니오"
    return "Y" if value else "N"


def _text(value):
    return str(value.value if isinstance(value, Enum) else value)


def _number_text(value):
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _display_text(value, kind, lang):
    """A cell as printed text (PDF)."""
    if value is None:
        return ""
    if isinstance(value, str) or kind == "text":
        return _text(value)
    if kind == "datetime":
        return f"{seoul_time(value):%Y-%m-%d %H:%M}"
    if kind == "date":
        return _as_date(value).isoformat()
    if kind == "bool":
        return _bool_label(value, lang)
    if kind == "int":
        # Often an identifier, which reads wrong with thousands separators.
        return str(value)
    return _number_text(_as_minutes(value) if kind == "minutes" else value)


def _display_summary_value(value, lang):
    if isinstance(value, bool):
        return _bool_label(value, lang)
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value)
    if isinstance(value, datetime):
        return f"{seoul_time(value):%Y-%m-%d %H:%M} (KST)"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return hours_and_minutes(_as_minutes(value), lang)
    return "" if value is None else _text(value)


# --- CSV --------------------------------------------------------------------------------


def _csv_cell(value, kind, lang):
    if value is None:
        return ""
    if isinstance(value, str) or kind == "text":
        text = _text(value)
        # A leading quote makes Excel show the text instead of evaluating it.
        return "'" + text if text.startswith(FORMULA_TRIGGERS) else text
    if kind == "datetime":
        return seoul_time(value).isoformat(timespec="seconds")
    if kind == "date":
        return _as_date(value).isoformat()
    if kind == "bool":
        return _bool_label(value, lang)
    return str(_as_minutes(value) if kind == "minutes" else value)


def _csv_chunks(report, lang):
    columns = report.columns
    buffer = io.StringIO()
    # The csv module's default dialect is RFC 4180: CRLF, fields quoted only when needed.
    writer = csv.writer(buffer, lineterminator="\r\n")
    # The BOM makes Excel read UTF-8 rather than the ANSI code page (CP949 on Korean Windows).
    buffer.write("\ufeff")
    writer.writerow([column.header(lang) for column in columns])
    for row in report.rows:
        writer.writerow([_csv_cell(row.get(column.key), column.kind, lang) for column in columns])
        if buffer.tell() >= CHUNK_SIZE:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


# --- XLSX -------------------------------------------------------------------------------


def _xlsx_response(report, lang):
    # The workbook is written completely before the response starts, so a failure is still
    # an ordinary error response and the size is known; the file, not memory, holds it.
    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as placeholder:
        path = placeholder.name
    try:
        _write_xlsx(path, report, lang)
        handle = open(path, "rb")
    finally:
        # An open file outlives its name on POSIX: nothing is left behind even if the
        # client never reads the body.
        os.unlink(path)
    size = os.fstat(handle.fileno()).st_size
    response = Response(_file_chunks(handle), mimetype=XLSX_MIMETYPE, direct_passthrough=True)
    response.content_length = size
    response.call_on_close(handle.close)
    return response


def _file_chunks(handle):
    try:
        while chunk := handle.read(CHUNK_SIZE):
            yield chunk
    finally:
        handle.close()


def _display_width(text):
    # Hangul is about two digits wide in Excel's default font.
    return len(text) if text.isascii() else 2 * len(text)


class _XlsxTable:
    """Rows written in order, as constant_memory demands, over as many sheets as Excel needs."""

    def __init__(self, workbook, columns, lang):
        self.workbook, self.columns, self.lang = workbook, columns, lang
        self.header_format = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "bottom": 1})
        self.formats = {
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        self.sheets = []
        self.row_count = 0
        self._new_sheet()

    def _new_sheet(self):
        name = "데이터" if self.lang == "ko" else "Data"
        if self.sheets:
            self._finish_sheet()
            name = f"{name} ({len(self.sheets) + 1})"
        self.sheet = self.workbook.add_worksheet(name)
        self.sheets.append(self.sheet)
        self.sheet.freeze_panes(1, 0)
        # Room for the autofilter's drop-down button next to the header text.
        self.widths = [_display_width(column.header(self.lang)) + 3 for column in self.columns]
        for index, column in enumerate(self.columns):
            self.sheet.write_string(0, index, column.header(self.lang), self.header_format)
        self.row = 0

    def write(self, values):
        if self.row + 1 >= EXCEL_MAX_ROWS:
            self._new_sheet()
        self.row += 1
        self.row_count += 1
        for index, (column, value) in enumerate(zip(self.columns, values)):
            width = self._write_cell(index, value, column.kind)
            if width > self.widths[index]:
                self.widths[index] = width

    def _write_cell(self, index, value, kind):
        sheet, row = self.sheet, self.row
        if value is None:
            return 0
        if isinstance(value, str) or kind == "text":
            # write_string, never write(): text starting with "=" stays text, not a formula.
            text = _text(value)
            sheet.write_string(row, index, text)
            return _display_width(text)
        if kind == "datetime":
            sheet.write_datetime(row, index, seoul_time(value).replace(tzinfo=None), self.formats["datetime"])
            return 16
        if kind == "date":
            sheet.write_datetime(row, index, _as_date(value), self.formats["date"])
            return 10
        if kind == "bool":
            sheet.write_boolean(row, index, bool(value))
            return 5
        number = _as_minutes(value) if kind == "minutes" else value
        sheet.write_number(row, index, number)
        return len(str(number))

    def _finish_sheet(self):
        # Column widths and the filter range are stored apart from the cells, so they can be
        # set after the rows even in constant_memory mode.
        last_column = len(self.columns) - 1
        self.sheet.autofilter(0, 0, self.row, last_column)
        for index, width in enumerate(self.widths):
            self.sheet.set_column(index, index, min(width + 2, MAX_COLUMN_WIDTH))

    def close(self):
        self._finish_sheet()


def _write_xlsx(path, report, lang):
    with xlsxwriter.Workbook(path, {"constant_memory": True, "tmpdir": tempfile.gettempdir()}) as workbook:
        workbook.set_properties({"title": report.title(lang)})
        table = _XlsxTable(workbook, report.columns, lang)
        keys = [column.key for column in report.columns]
        for row in report.rows:
            table.write([row.get(key) for key in keys])
        table.close()
        _write_summary_sheet(workbook, report, lang, table)


def _write_summary_sheet(workbook, report, lang, table):
    sheet = workbook.add_worksheet("요약" if lang == "ko" else "Summary")
    title_format = workbook.add_format({"bold": True, "font_size": 14})
    label_format = workbook.add_format({"bold": True})
    sheet.write_string(0, 0, report.title(lang), title_format)
    lines = report.summary_lines(lang, table.row_count)
    if any(column.kind == "datetime" for column in report.columns):
        lines.append(("시각 기준" if lang == "ko" else "Times", "Asia/Seoul (KST, UTC+9)"))
    label_width = 10
    for row, (label, value) in enumerate(lines, start=2):
        sheet.write_string(row, 0, label, label_format)
        label_width = max(label_width, _display_width(label))
        if isinstance(value, bool):
            sheet.write_boolean(row, 1, value)
        elif isinstance(value, (int, float, Decimal)):
            sheet.write_number(row, 1, value)
        elif isinstance(value, datetime):
            sheet.write_datetime(row, 1, seoul_time(value).replace(tzinfo=None), table.formats["datetime"])
        elif isinstance(value, date):
            sheet.write_datetime(row, 1, value, table.formats["date"])
        elif isinstance(value, timedelta):
            sheet.write_number(row, 1, _as_minutes(value))
        elif value is not None:
            sheet.write_string(row, 1, _text(value))
    sheet.set_column(0, 0, label_width + 2)
    sheet.set_column(1, 1, 24)


# --- PDF --------------------------------------------------------------------------------


def _pdf_bytes(report, lang):
    columns = report.columns
    rows = ([_display_text(row.get(column.key), column.kind, lang) for column in columns] for row in report.rows)
    return pdf.table_pdf(
        title=report.title(lang),
        headers=[column.header(lang) for column in columns],
        kinds=[column.kind for column in columns],
        rows=rows,
        summary=lambda row_count: [
            (label, _display_summary_value(value, lang)) for label, value in report.summary_lines(lang, row_count)
        ],
        lang=lang,
    )
