"""Reports as files people open: CSV, XLSX and a printable PDF.

A report is a title, typed columns and the query of its rows, which may hold a million of
them: rows stream from a server-side cursor (PDF, JSON) or straight out of PostgreSQL
(CSV lines and XLSX rows written in SQL, by COPY), so no export holds them all. Cells
follow the conventions in `backend.reports.cells`. CSV carries the data table only: a title line or a summary block
under the data would break sorting and re-importing it. XLSX puts the summary on its own
sheet, PDF under the table.
"""
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from urllib.parse import quote

from flask import Response, has_request_context, stream_with_context

from backend.core.time import utcnow
from backend.reports import copy_csv, copy_xlsx, pdf, queries, xlsx
from backend.reports.cells import KINDS, as_date, as_minutes, bool_label, seoul_time, text
from backend.reports.pdf import hours_and_minutes

LANGS = ("ko", "en")
MIMETYPES = {"csv": "text/csv", "xlsx": xlsx.MIMETYPE, "pdf": "application/pdf"}
CHUNK_SIZE = 64 * 1024


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
    """One report: `query` (a queries.RowsQuery) selects (at least) a labelled column for each
    column's key.

    `totals` are (label_ko, label_en, key): sums of a column, gathered while the rows stream
    and shown in the summary. The XLSX and PDF summaries add the row count and when the file
    was made.
    """

    title_ko: str
    title_en: str
    columns: Sequence[Column]
    query: queries.RowsQuery
    totals: Sequence[tuple[str, str, str]] = ()

    def title(self, lang):
        return self.title_ko if lang == "ko" else self.title_en


class ReportRows:
    """A report's rows, read once: tuples of the `keys` asked for, in that order (default: all
    the query selects). Totals and the row count are kept up to date as the rows pass."""

    def __init__(self, report, keys=None):
        self.report = report
        self.fields = list(report.query.statement.selected_columns.keys())
        self.keys = list(keys or self.fields)
        positions = [self.fields.index(key) for key in self.keys]
        # itemgetter picks in C; with one position it would give a value, not a tuple.
        self._pick = itemgetter(*positions) if len(positions) > 1 else lambda row: (row[positions[0]],)
        self._total_positions = [self.fields.index(key) for _, _, key in report.totals]
        self.sums = [0] * len(self._total_positions)
        self.count = 0

    def __iter__(self):
        pick, positions, sums = self._pick, self._total_positions, self.sums
        for row in queries.stream(self.report.query.ordered()):
            self.count += 1
            for index, position in enumerate(positions):
                sums[index] += int(row[position] or 0)
            yield pick(row)

    def summary(self):
        """(label_ko, label_en, value) of each total, over the rows read so far."""
        return [(ko, en, total) for (ko, en, _), total in zip(self.report.totals, self.sums)]

    def summary_lines(self, lang):
        return summary_lines(self.report, self.sums, self.count, lang)


def summary_lines(report, sums, count, lang):
    """The summary of a file report: (label, value) of each total, the rows, when it was made."""
    lines = [(ko if lang == "ko" else en, total) for (ko, en, _), total in zip(report.totals, sums)]
    lines.append(("행 수" if lang == "ko" else "Rows", count))
    lines.append(("작성 시각" if lang == "ko" else "Generated", utcnow()))
    return lines


def export(report, fmt, lang, filename_stem):
    """The report as a downloadable CSV, XLSX or PDF response, headers in `lang`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if fmt == "csv":
        chunks = copy_csv.csv_chunks(report.query.ordered(), report.columns, lang, CHUNK_SIZE)
        response = Response(_in_context(chunks), content_type=f"{MIMETYPES['csv']}; charset=utf-8")
    elif fmt == "xlsx":
        response = _xlsx_response(report, lang)
    elif fmt == "pdf":
        response = Response(_pdf_bytes(report, lang), mimetype=MIMETYPES["pdf"])
    else:
        raise ValueError(f"fmt must be csv, xlsx or pdf, not {fmt!r}")
    return as_attachment(response, file_name(filename_stem, fmt))


def as_attachment(response, filename):
    """The response as a download under `filename`, kept by no shared cache: reports name
    people and their hours. (The app adds nosniff and the other security headers to every answer.)"""
    response.headers["Content-Disposition"] = content_disposition(filename)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def write(report, fmt, lang, file):
    """The report as a CSV, XLSX or PDF file, written into the binary `file` (a background
    export's; the same bytes `export` answers)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if fmt == "csv":
        for chunk in copy_csv.csv_chunks(report.query.ordered(), report.columns, lang, CHUNK_SIZE):
            file.write(chunk)
    elif fmt == "xlsx":
        _write_xlsx(file, report, lang)
    elif fmt == "pdf":
        file.write(_pdf_bytes(report, lang))
    else:
        raise ValueError(f"fmt must be csv, xlsx or pdf, not {fmt!r}")


def file_name(stem, fmt):
    """A downloaded file's name: the stem, made safe to save under, and the format's extension."""
    return f"{_clean_stem(stem)}.{fmt}"


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
    # The CSV is read on the request's database session, which Flask tears down as soon as
    # the view returns, before a streamed body is read.
    return stream_with_context(chunks) if has_request_context() else chunks


# --- XLSX -------------------------------------------------------------------------------


def _xlsx_response(report, lang):
    # The workbook is written completely before the response starts, so a failure is still
    # an ordinary error response and the size is known; the file, not memory, holds it.
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    try:
        _write_xlsx(handle, report, lang)
    except BaseException:
        handle.close()
        raise
    return file_response(handle, xlsx.MIMETYPE)


def file_response(handle, mimetype):
    """A response that sends the open binary file from its start, of known length, and
    closes it when done (a temporary file has no name: nothing is left behind even if the
    client never reads the body)."""
    size = handle.seek(0, os.SEEK_END)
    handle.seek(0)
    response = Response(_file_chunks(handle), mimetype=mimetype, direct_passthrough=True)
    response.content_length = size
    response.call_on_close(handle.close)
    return response


def _file_chunks(handle):
    try:
        while chunk := handle.read(CHUNK_SIZE):
            yield chunk
    finally:
        handle.close()


def _write_xlsx(file, report, lang):
    rows = copy_xlsx.SheetRows(report.query, report.columns, [key for _, _, key in report.totals])
    lines = summary_lines(report, rows.sums, rows.count, lang)
    if any(column.kind == "datetime" for column in report.columns):
        lines.append(("시각 기준" if lang == "ko" else "Times", "Asia/Seoul (KST, UTC+9)"))
    xlsx.write_workbook(
        file, report.title(lang), "데이터" if lang == "ko" else "Data",
        [column.header(lang) for column in report.columns], [column.kind for column in report.columns],
        rows, "요약" if lang == "ko" else "Summary", lines,
    )


# --- PDF --------------------------------------------------------------------------------


def _display_text(value, kind, lang):
    """A cell as printed text."""
    if value is None:
        return ""
    if isinstance(value, str) or kind == "text":
        return text(value)
    if kind == "datetime":
        return f"{seoul_time(value):%Y-%m-%d %H:%M}"
    if kind == "date":
        return as_date(value).isoformat()
    if kind == "bool":
        return bool_label(value, lang)
    if kind == "int":
        # Often an identifier, which reads wrong with thousands separators.
        return str(value)
    return _number_text(as_minutes(value) if kind == "minutes" else value)


def _number_text(value):
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _display_summary_value(value, lang):
    if isinstance(value, bool):
        return bool_label(value, lang)
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value)
    if isinstance(value, datetime):
        return f"{seoul_time(value):%Y-%m-%d %H:%M} (KST)"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return hours_and_minutes(as_minutes(value), lang)
    return "" if value is None else text(value)


def _pdf_bytes(report, lang):
    columns = report.columns
    rows = ReportRows(report, [column.key for column in columns])
    texts = ([_display_text(value, column.kind, lang) for value, column in zip(row, columns)] for row in rows)
    return pdf.table_pdf(
        title=report.title(lang),
        headers=[column.header(lang) for column in columns],
        kinds=[column.kind for column in columns],
        rows=texts,
        summary=lambda _row_count: [
            (label, _display_summary_value(value, lang)) for label, value in rows.summary_lines(lang)
        ],
        lang=lang,
    )
