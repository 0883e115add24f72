"""The data rows of an XLSX sheet written by PostgreSQL: the report's query with each row
rendered as SpreadsheetML, streamed out with COPY .. TO STDOUT.

Reading a million rows into Python and writing every cell there caps an XLSX export below
30,000 rows a second, so the cell rules of `backend.reports.xlsx` are written here once more,
in SQL, as `backend.reports.copy_csv` does for CSV: text as escaped inline strings, numbers as
numbers, booleans as TRUE/FALSE, dates and date-times as Excel serial numbers in Seoul
wall-clock time. Python only copies each row into its sheet. The report tests compare every
XLSX cell with the JSON report's value so the two cannot drift apart.

The first line COPY sends also holds, after a tab, what the sheets' heads need before any
row: how many rows there are, each column's widest text (display width) and each total.
PostgreSQL knows them once it has sorted the rows, before it sends the first. Rows are
numbered within their sheet (Excel's limit puts a long report on several), and every cell
carries its reference.
"""
from sqlalchemy import Float, Integer, Text, case, cast, func, literal

from backend.core.time import SEOUL_OFFSET_SECONDS
from backend.reports import queries, xlsx

# What XML 1.0 cannot carry, written as Excel's own escape ("_x0007_" for U+0007), as
# xlsx does; PostgreSQL's text never holds U+0000.
UNWRITABLE = [character for character in xlsx.UNWRITABLE_CHARACTERS if character != "\x00"]
# Escaped by character reference: markup, and what COPY's text format would escape itself
# (backslash, tab, newline, carriage return), so that a line holds the XML as it is.
REFERENCES = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\\", "&#92;"),
              ("\t", "&#9;"), ("\n", "&#10;"), ("\r", "&#13;")]
# Any of those characters, as a bracket expression (where a backslash escapes a backslash).
NEEDS_ESCAPING = "[" + "".join(character.replace("\\", "\\\\") for character, _ in REFERENCES) + "".join(UNWRITABLE) + "]"


class SheetRows:
    """A report's data rows as SpreadsheetML, as PostgreSQL writes them. Once made, it knows
    `count`, `widths` (each column's widest text, 0 for columns of other kinds) and `sums`
    (each total); iterating gives each row's XML (bytes)."""

    def __init__(self, query, columns, total_keys):
        # Read now, not at import: a test may lower the limit.
        rows_per_sheet = xlsx.EXCEL_MAX_ROWS - 1  # under the header row
        statement = sheet_rows_query(query, columns, total_keys, rows_per_sheet)
        self._blocks = queries.copy_out(statement, "FORMAT text, NULL ''")
        first = next(self._blocks, None)
        self._first_row, _, figures = bytes(first or b"").partition(b"\t")
        count, *values = [int(value) for value in figures.split()] or [0]
        text_columns = [index for index, column in enumerate(columns) if column.kind == "text"]
        self.count = count
        self.widths = [0] * len(columns)
        for index, width in zip(text_columns, values):
            self.widths[index] = width
        self.sums = values[len(text_columns):] or [0] * len(total_keys)

    def __iter__(self):
        if self.count:
            yield self._first_row
        for block in self._blocks:
            # Every line after the first ends in a tab and the empty (NULL) figures.
            yield bytes(block[:-2])


def sheet_rows_query(query, columns, total_keys, rows_per_sheet):
    """The report's query selecting each row's XML and, on the first row only, the figures
    (see above): same FROM, WHERE and ORDER BY."""
    selected = query.statement.selected_columns
    # Numbered in the rows' own order, so PostgreSQL sorts once.
    number = func.row_number().over(order_by=query.order_by)
    sheet_row = cast((number - 1) % rows_per_sheet + 2, Text)  # row 1 is the header
    cells = [
        literal(f'<c r="{xlsx.column_letter(index)}') + sheet_row + '"' + cell_value(selected[column.key], column.kind)
        for index, column in enumerate(columns)
    ]
    # concat() leaves out NULLs: an empty value writes no cell.
    row = literal('<row r="') + sheet_row + '">' + func.concat(*cells) + "</row>"
    # Over the whole report (OVER ()), wanted once.
    widths = [func.coalesce(func.max(display_width(cast(selected[column.key], Text))).over(), 0)
              for column in columns if column.kind == "text"]
    # As ReportRows adds them up: a flag counts as 1.
    sums = [func.coalesce(func.sum(cast(selected[key], Integer)).over(), 0) for key in total_keys]
    figures = case((number == 1, func.concat_ws(" ", func.count().over(), *widths, *sums)))
    return query.ordered().with_only_columns(row, figures, maintain_column_froms=True)


def cell_value(expression, kind):
    """What follows the cell's reference, as `xlsx` writes a cell of this kind; NULL when the
    expression is NULL."""
    if kind == "text":
        return ' t="inlineStr"><is><t xml:space="preserve">' + xml_text(cast(expression, Text)) + "</t></is></c>"
    if kind == "bool":
        return case((expression.is_(True), ' t="b"><v>1</v></c>'), (expression.is_(False), ' t="b"><v>0</v></c>'))
    if kind == "date":
        # In Seoul's time zone (queries.copy_out), a time's date is its Seoul date.
        serial = func.date(expression) - literal(xlsx.EXCEL_EPOCH.date())
        return f' s="{xlsx.DATE_STYLE}"><v>' + cast(serial, Text) + "</v></c>"
    if kind == "datetime":
        return f' s="{xlsx.DATETIME_STYLE}"><v>' + cast(excel_serial(expression), Text) + "</v></c>"
    # int, number, minutes: PostgreSQL's text of a number is Python's.
    return "><v>" + cast(expression, Text) + "</v></c>"


def excel_serial(expression):
    """xlsx.excel_serial in SQL: the same float operations in the same order, so the same number."""
    seconds = cast(func.extract("epoch", expression), Float)
    return (seconds + SEOUL_OFFSET_SECONDS + xlsx.UNIX_EPOCH_IN_EXCEL_SECONDS) / xlsx.SECONDS_PER_DAY


def xml_text(value):
    """Text as an element's content, as xlsx._xml_text writes it."""
    escaped = value
    for character, reference in REFERENCES:
        escaped = func.replace(escaped, character, reference)
    for character in UNWRITABLE:
        escaped = func.replace(escaped, character, f"_x{ord(character):04X}_")
    # Most text needs none of it: one check instead of thirty-six replacements.
    return case((value.regexp_match(NEEDS_ESCAPING), escaped), else_=value)


def display_width(text):
    """xlsx.display_width: non-ASCII text (Hangul) counts two per character."""
    length = func.length(text)
    return case((func.octet_length(text) == length, length), else_=2 * length)
