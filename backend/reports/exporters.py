"""Reports as files people open: CSV, XLSX and a printable PDF.

A report is a title, typed columns, the query of its rows (which may hold a million of them)
and what its summary adds up. Rows stream from a server-side cursor, so no export holds them
all; what each cell shows in each format is `backend.reports.cells`'. CSV carries the data
table only: a title line or a summary block under the data would break sorting and
re-importing it. XLSX puts the summary on its own sheet, PDF under the table, JSON beside
the rows.
"""
import csv
import io
import os
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from flask import Response, has_request_context, stream_with_context
from sqlalchemy import Select

from backend.core.time import utcnow
from backend.reports import cells, pdf, queries, words, xlsx

LANGS = ("ko", "en")
MIMETYPES = {"csv": "text/csv", "xlsx": xlsx.MIMETYPE, "pdf": "application/pdf"}
CHUNK_SIZE = 64 * 1024


@dataclass(frozen=True)
class Column:
    """One column: `kind` is one of cells.KINDS; `words` names the word table
    (backend.reports.words) of the codes it holds."""

    key: str
    ko: str
    en: str
    kind: str = "text"
    words: dict | None = None

    def __post_init__(self):
        if self.kind not in cells.KINDS:
            raise ValueError(f"column {self.key!r}: kind {self.kind!r} is not one of {sorted(cells.KINDS)}")

    def header(self, lang):
        return self.ko if lang == "ko" else self.en

    def as_json(self):
        described = {"key": self.key, "ko": self.ko, "en": self.en, "kind": self.kind}
        return {**described, "words": words.as_json(self.words)} if self.words else described


@dataclass(frozen=True)
class Total:
    """A summary figure over a selected field: its sum, or its mean over the rows that have one."""

    key: str
    ko: str
    en: str
    field: str
    how: str = "sum"


@dataclass
class Report:
    """One report: `query` (an ordered Select) selects (at least) a labelled column for each
    column's key. The summary states the `period` (first and last day), how many rows hold
    each code of `counted` ((field, word table): the counts per status), and the `totals`."""

    title_ko: str
    title_en: str
    columns: Sequence[Column]
    query: Select
    period: tuple[date, date]
    totals: Sequence[Total] = ()
    counted: tuple[str, dict] | None = None

    def title(self, lang):
        return self.title_ko if lang == "ko" else self.title_en


class ReportRows:
    """A report's rows, read once: tuples of the `keys` asked for, in that order (default: all
    the query selects). The summary's figures are kept up to date as the rows pass."""

    def __init__(self, report, keys=None):
        self.report = report
        self.fields = list(report.query.selected_columns.keys())
        self.keys = list(keys or self.fields)
        self._positions = [self.fields.index(key) for key in self.keys]
        self._totals = [self.fields.index(total.field) for total in report.totals]
        self._counted = self.fields.index(report.counted[0]) if report.counted else None
        self.sums = [0] * len(report.totals)
        self.present = [0] * len(report.totals)  # rows with a value, for means
        self.counts = Counter()
        self.count = 0

    def __iter__(self):
        positions, totals, counted = self._positions, self._totals, self._counted
        sums, present, counts = self.sums, self.present, self.counts
        for row in queries.stream(self.report.query):
            self.count += 1
            for index, position in enumerate(totals):
                value = row[position]
                if value is not None:
                    sums[index] += value
                    present[index] += 1
            if counted is not None:
                counts[row[counted]] += 1
            yield tuple(row[position] for position in positions)

    def summary(self):
        """(key, label_ko, label_en, value) of each line, over the rows read so far."""
        report = self.report
        first, last = report.period
        lines = [("period", "기간", "Period", f"{first.isoformat()} – {last.isoformat()}")]
        if report.counted:
            name, table = report.counted
            lines += [(f"{name}.{code}", ko, en, self.counts[code]) for code, (ko, en) in table.items()]
        for total, value, present in zip(report.totals, self.sums, self.present):
            if total.how == "mean":
                value = round(value / present, 1) if present else None
            lines.append((total.key, total.ko, total.en, value))
        return lines

    def summary_lines(self, lang):
        """The summary of a file: (label, value) of each line, the rows, when it was made."""
        lines = [(ko if lang == "ko" else en, value) for _, ko, en, value in self.summary()]
        lines.append(("행 수" if lang == "ko" else "Rows", self.count))
        lines.append(("작성 시각" if lang == "ko" else "Generated", utcnow()))
        return lines


def export(report, fmt, lang, filename_stem):
    """The report as a downloadable CSV, XLSX or PDF response, headers in `lang`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if fmt == "csv":
        response = Response(_in_context(_csv_chunks(report, lang)), content_type=f"{MIMETYPES['csv']}; charset=utf-8")
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
        for chunk in _csv_chunks(report, lang):
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
    # The CSV's rows are read on the request's database session, which Flask tears down as soon as
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
    columns = report.columns
    rows = ReportRows(report, [column.key for column in columns])

    def summary():
        lines = rows.summary_lines(lang)
        if any(column.kind == "datetime" for column in columns):
            lines.append(("시각 기준" if lang == "ko" else "Times", "Asia/Seoul (KST, UTC+9)"))
        return lines

    xlsx.write_workbook(
        file, title=report.title(lang), sheet_name="데이터" if lang == "ko" else "Data", columns=columns,
        lang=lang, rows=rows, summary_name="요약" if lang == "ko" else "Summary", summary=summary,
    )


# --- CSV --------------------------------------------------------------------------------


def _csv_chunks(report, lang):
    """The CSV file in chunks of at most CHUNK_SIZE bytes: UTF-8 with a byte-order mark (Excel
    then reads UTF-8 rather than the ANSI code page, CP949 on Korean Windows), a header row in
    `lang`, RFC 4180 quoting and line ends (CRLF; a CR or LF in a value is quoted)."""
    columns = report.columns
    convert = [cells.csv_cell(column, lang) for column in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([column.header(lang) for column in columns])
    for row in ReportRows(report, [column.key for column in columns]):
        writer.writerow([cell(value) for cell, value in zip(convert, row)])
        # A character takes at most four bytes in UTF-8.
        if buffer.tell() >= CHUNK_SIZE // 4:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


# --- PDF --------------------------------------------------------------------------------


def _pdf_bytes(report, lang):
    columns = report.columns
    convert = [cells.pdf_cell(column, lang) for column in columns]
    rows = ReportRows(report, [column.key for column in columns])
    return pdf.table_pdf(
        title=report.title(lang),
        headers=[column.header(lang) for column in columns],
        kinds=[column.kind for column in columns],
        rows=([cell(value) for cell, value in zip(convert, row)] for row in rows),
        summary=lambda _row_count: [(label, cells.summary_text(value, lang)) for label, value in rows.summary_lines(lang)],
        lang=lang,
    )
