"""CSV written by PostgreSQL: the report's query with every cell formatted in SQL, streamed
out with COPY .. TO STDOUT.

Reading a million rows into Python and formatting them there caps a CSV at about a third
of what COPY gives, so the CSV rules of `backend.reports.cells` are written here once more,
in SQL: Seoul time with its offset, 예/아니오 or Y/N, the formula guard. The report tests
compare every CSV cell with the JSON report's value so the two cannot drift apart.

The file: UTF-8 with a byte-order mark (Excel then reads UTF-8 rather than the ANSI code page,
CP949 on Korean Windows), a header row in the asked language, RFC 4180 quoting, lines ending
in LF (COPY's; Excel and CSV readers take either).
"""
import csv
import io

from sqlalchemy import Date, Text, case, cast, func, literal

from backend.reports import queries
from backend.reports.cells import BOOL_LABELS, FORMULA_TRIGGERS


def cell_sql(expression, kind, lang):
    """`expression` as the CSV shows a cell of this kind (NULL stays NULL: an empty cell).

    Times and dates are PostgreSQL's own text of them (queries.copy_out sets the ISO date
    style and Seoul's time zone), reshaped where needed: to_char() costs about a fifth of
    the whole export."""
    if kind == "text":
        value = cast(expression, Text)
        # A leading quote makes Excel show the text instead of running it as a formula.
        return case((func.ascii(value).in_([ord(trigger) for trigger in FORMULA_TRIGGERS]), literal("'") + value),
                    else_=value)
    if kind == "datetime":
        # "2026-11-22 21:05:00+09" becomes ISO 8601 to the second with the offset, as Python's
        # isoformat(timespec="seconds") writes it: "2026-11-22T21:05:00+09:00". Seoul's
        # offset has been whole hours since 1961.
        return func.replace(cast(func.date_trunc("second", expression), Text), " ", "T") + ":00"
    if kind == "date":
        return cast(cast(expression, Date), Text)
    if kind == "bool":
        yes, no = BOOL_LABELS[lang]
        return case((expression.is_(True), yes), (expression.is_(False), no))
    # int, number, minutes: PostgreSQL's text of a number is Python's.
    return cast(expression, Text)


def formatted_query(query, columns, lang):
    """The report's query selecting, in the columns' order, each cell as CSV text."""
    selected = query.selected_columns
    cells = [cell_sql(selected[column.key], column.kind, lang) for column in columns]
    # Same FROM, WHERE and ORDER BY; only the selected cells change.
    return query.with_only_columns(*cells, maintain_column_froms=True)


def csv_chunks(query, columns, lang, chunk_size):
    """The CSV file in chunks of about `chunk_size` bytes, read on the request's connection."""
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow([column.header(lang) for column in columns])
    yield ("\ufeff" + header.getvalue()).encode()

    buffer = bytearray()
    # COPY sends a block per row: gathered, so the server writes to the socket once a chunk.
    for block in queries.copy_out(formatted_query(query, columns, lang), "FORMAT csv"):
        buffer += block
        if len(buffer) >= chunk_size:
            yield bytes(buffer)
            buffer.clear()
    yield bytes(buffer)
