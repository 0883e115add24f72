"""A small streaming XLSX writer, for report tables of any length in constant memory.

A general-purpose library spends most of a million-row export in its per-cell API (about
90 us a row for the attendance report). This one does only what report sheets need: the
data rows come as XML already, written by PostgreSQL (`backend.reports.copy_xlsx`, which
follows the cell rules below), and only the header, the summary and the workbook's other
parts are written here.

An XLSX file is a zip of XML parts (ECMA-376, SpreadsheetML). Written here:
- one data sheet per 1,048,576 rows (Excel's limit; "데이터", "데이터 (2)", ...): a bold,
  shaded header row, frozen, with an autofilter; text as inline strings (a shared-strings
  table would grow with the number of distinct values); numbers as numbers; booleans as
  TRUE/FALSE; dates and date-times as Excel serial numbers (days since 1899-12-30) under
  "yyyy-mm-dd" and "yyyy-mm-dd hh:mm", so Excel shows and sorts real dates; each column as
  wide as its longest value (Hangul counted as two characters), within limits;
- a summary sheet: the title, then a label and a typed value per line;
- the workbook, its styles, relations, content types and title.

A sheet's column widths and size come before its rows in the XML: PostgreSQL gives them
with the first row, so the rows go into the zip as they arrive. The zip entries are
deflated at level 1: a quarter less CPU per row than zlib's default level 6 for a file
about 40% larger (measured on the attendance report), still under half the size of the
same rows as CSV.
"""
import re
import zipfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

from backend.core.time import SEOUL_OFFSET_SECONDS
from backend.reports.cells import as_date, as_minutes, text

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXCEL_MAX_ROWS = 1_048_576
MAX_COLUMN_WIDTH = 60
COMPRESS_LEVEL = 1
ROWS_PER_WRITE = 1000
EXCEL_EPOCH = datetime(1899, 12, 30)  # serial day 0, given Excel's 1900 leap-year bug
EXCEL_EPOCH_ORDINAL = EXCEL_EPOCH.toordinal()
SECONDS_PER_DAY = 86400

# Indexes into STYLES' cellXfs.
DATE_STYLE, DATETIME_STYLE, HEADER_STYLE, TITLE_STYLE, LABEL_STYLE = 1, 2, 3, 4, 5

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = REL_NS + "/worksheet"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

STYLES = XML_HEAD + f"""<styleSheet xmlns="{MAIN_NS}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

# Control characters XML 1.0 cannot carry: written as Excel's own escape, "_x0007_" for
# U+0007, which Excel shows as the character. CR can be carried, as a character reference
# (a bare one would be read as LF).
UNWRITABLE_CHARACTERS = [chr(code) for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]]
UNWRITABLE = re.compile("[" + re.escape("".join(UNWRITABLE_CHARACTERS)) + "]")


def _xml_text(value):
    escaped = escape(value, {"\r": "&#13;"})
    return UNWRITABLE.sub(lambda match: f"_x{ord(match.group()):04X}_", escaped)


def column_letter(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def display_width(value):
    # Hangul is about two digits wide in Excel's default font.
    return len(value) if value.isascii() else 2 * len(value)


# --- cells ------------------------------------------------------------------------------
# A cell is '<c r="B7"' followed by what a writer below returns for its value; a None value
# writes no cell. Only text needs its width measured; the other kinds have fixed widths.
# The data rows' cells follow the same rules in SQL (copy_xlsx).

FIXED_WIDTHS = {"int": 11, "number": 11, "minutes": 11, "bool": 5, "date": 10, "datetime": 16}
UNIX_EPOCH_IN_EXCEL_SECONDS = (datetime(1970, 1, 1) - EXCEL_EPOCH).total_seconds()


def _string_cell(value, style=0):
    """(the cell's XML, its display width)."""
    space = ' xml:space="preserve"' if value != value.strip() else ""
    styled = f' s="{style}"' if style else ""
    return f'{styled} t="inlineStr"><is><t{space}>{_xml_text(value)}</t></is></c>', display_width(value)


def _number_cell(value):
    return f"><v>{as_minutes(value)}</v></c>"


def _bool_cell(value):
    return ' t="b"><v>1</v></c>' if value else ' t="b"><v>0</v></c>'


def _date_cell(value):
    return f' s="{DATE_STYLE}"><v>{as_date(value).toordinal() - EXCEL_EPOCH_ORDINAL}</v></c>'


def _datetime_cell(value):
    return f' s="{DATETIME_STYLE}"><v>{excel_serial(value)}</v></c>'


def excel_serial(value):
    """Days since Excel's epoch in Seoul wall-clock time: what Excel shows as that date and time.

    Arithmetic on the instant plus Seoul's fixed offset: converting through the time zone
    database costs several times more, twice a row."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return (value.timestamp() + SEOUL_OFFSET_SECONDS + UNIX_EPOCH_IN_EXCEL_SECONDS) / SECONDS_PER_DAY


def _text_writer(widths, index, style=0):
    """A text column's writer, widening the column to its longest value."""
    def write(value):
        xml, width = _string_cell(value if isinstance(value, str) else text(value), style)
        if width > widths[index]:
            widths[index] = width
        return xml
    return write


def _typed_cell(value):
    """A summary value's cell, typed by the value itself."""
    if isinstance(value, bool):
        return _bool_cell(value)
    if isinstance(value, (int, float, Decimal, timedelta)):
        return _number_cell(value)
    if isinstance(value, datetime):
        return _datetime_cell(value)
    if isinstance(value, date):
        return _date_cell(value)
    return _string_cell(text(value))[0]


# --- sheets -----------------------------------------------------------------------------


class _Sheet:
    """One worksheet: the rows added here, then `streamed_rows` more that `save` gets as XML."""

    def __init__(self, name, widths, has_table_header=False, streamed_rows=0):
        self.name = name
        self.widths = widths
        # A data sheet's first row is a header: frozen, and the top of an autofilter.
        self.has_table_header = has_table_header
        self.letters = [column_letter(index) for index in range(len(widths))]
        self.cell_starts = [f'<c r="{letters}' for letters in self.letters]
        self.row_count = 0
        self.streamed_rows = streamed_rows
        self._rows = []

    def add_row(self, writers, values):
        """One row; `writers` turn each value into its cell, None values leave the cell empty."""
        self.row_count += 1
        number = str(self.row_count)
        cell_end = number + '"'
        row = [f'<row r="{number}">']
        for start, write, value in zip(self.cell_starts, writers, values):
            if value is not None:
                row.append(start + cell_end + write(value))
        row.append("</row>")
        self._rows.append("".join(row))

    def save(self, archive, path, xml_rows=()):
        """The sheet into the zip: its head, the rows added, then `xml_rows` (the streamed
        rows' XML as bytes, numbered on from them), written as they come."""
        with archive.open(path, "w", force_zip64=True) as part:
            part.write((self._head() + "".join(self._rows)).encode())
            rows = iter(xml_rows)
            while chunk := list(islice(rows, ROWS_PER_WRITE)):
                part.write(b"".join(chunk))
            part.write(self._tail().encode())

    def cell_range(self):
        return f"A1:{self.letters[-1]}{max(self.row_count + self.streamed_rows, 1)}"

    def _head(self):
        pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>') if self.has_table_header else ""
        columns = "".join(
            f'<col min="{number}" max="{number}" width="{min(width + 2, MAX_COLUMN_WIDTH)}" customWidth="1"/>'
            for number, width in enumerate(self.widths, start=1)
        )
        return (f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><dimension ref="{self.cell_range()}"/>'
                f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols><sheetData>')

    def _tail(self):
        autofilter = f'<autoFilter ref="{self.cell_range()}"/>' if self.has_table_header else ""
        return f"</sheetData>{autofilter}</worksheet>"


def _data_sheet(name, headers, kinds, value_widths, row_count):
    """A data sheet with its header row, for `row_count` rows below it: each column as wide
    as its header (with room for the autofilter's drop-down button), its kind's values, or
    its widest text."""
    widths = [max(display_width(header) + 3, FIXED_WIDTHS.get(kind, 0), value_width)
              for header, kind, value_width in zip(headers, kinds, value_widths)]
    sheet = _Sheet(name, widths, has_table_header=True, streamed_rows=row_count)
    # The header's cells, written as they are: their widths are counted above.
    header_cells = [_string_cell(header, HEADER_STYLE)[0] for header in headers]
    sheet.add_row([lambda xml: xml] * len(headers), header_cells)
    return sheet


def _summary_sheet(name, title, lines):
    widths = [10, 22]
    sheet = _Sheet(name, widths)
    # A long title runs over the empty cells beside it: it does not widen the column.
    sheet.add_row([_text_writer([MAX_COLUMN_WIDTH], 0, TITLE_STYLE)], [title])
    sheet.add_row([], [])
    for label, value in lines:
        sheet.add_row([_text_writer(widths, 0, LABEL_STYLE), _typed_cell], [label, value])
    return sheet


# --- the workbook -----------------------------------------------------------------------


def write_workbook(file, title, sheet_name, headers, kinds, rows, summary_name, summary_lines):
    """Write an XLSX workbook to the binary `file`: the rows on data sheets ("데이터",
    "데이터 (2)", ...), then a summary sheet with `title` and `summary_lines` (label, value).

    `rows` (a copy_xlsx.SheetRows) knows before it is read how many rows there are and each
    column's widest text (`count`, `widths`); iterating gives each row's XML, numbered for
    the sheet it falls on, for columns of these `headers` and `kinds`. The rows go into
    the zip as they come, so the file is compressed while PostgreSQL still writes them."""
    rows_per_sheet = EXCEL_MAX_ROWS - 1  # under the header row
    counts = [min(rows_per_sheet, rows.count - first) for first in range(0, rows.count, rows_per_sheet)] or [0]
    names = [sheet_name, *(f"{sheet_name} ({number})" for number in range(2, len(counts) + 1))]
    sheets = [*(_data_sheet(name, headers, kinds, rows.widths, count) for name, count in zip(names, counts)),
              _summary_sheet(summary_name, title, summary_lines)]
    xml_rows = iter(rows)
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as archive:
        for number, sheet in enumerate(sheets, start=1):
            sheet.save(archive, f"xl/worksheets/sheet{number}.xml", islice(xml_rows, sheet.streamed_rows))
        # One more read: a check, and the rows' COPY ends normally instead of being cut off
        # when its generator is dropped.
        if next(xml_rows, None) is not None:
            raise ValueError(f"more rows than the {rows.count} counted")
        archive.writestr("xl/workbook.xml", _workbook(sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_relations(len(sheets)))
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("docProps/core.xml", _core_properties(title))
        archive.writestr("_rels/.rels", ROOT_RELATIONS)
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))


def _workbook(sheets):
    entries = "".join(
        f'<sheet name={quoteattr(sheet.name)} sheetId="{number}" r:id="rId{number}"/>'
        for number, sheet in enumerate(sheets, start=1)
    )
    # Excel keeps each sheet's autofilter range under this hidden name as well.
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        f"{escape(_absolute_range(sheet))}</definedName>"
        for index, sheet in enumerate(sheets) if sheet.has_table_header
    )
    return (f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{entries}</sheets><definedNames>{filters}</definedNames></workbook>")


def _absolute_range(sheet):
    first, last = sheet.cell_range().split(":")
    quoted = sheet.name.replace("'", "''")
    return f"'{quoted}'!{_absolute(first)}:{_absolute(last)}"


def _absolute(reference):
    letters = reference.rstrip("0123456789")
    return f"${letters}${reference[len(letters):]}"


def _workbook_relations(sheet_count):
    sheets = "".join(
        f'<Relationship Id="rId{number}" Type="{SHEET_TYPE}" Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, sheet_count + 1)
    )
    styles = f'<Relationship Id="rId{sheet_count + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>'
    return f'{XML_HEAD}<Relationships xmlns="{PACKAGE_REL_NS}">{sheets}{styles}</Relationships>'


ROOT_RELATIONS = (
    f'{XML_HEAD}<Relationships xmlns="{PACKAGE_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/></Relationships>'
)


def _content_types(sheet_count):
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="{CONTENT_TYPE}.worksheet+xml"/>'
        for number in range(1, sheet_count + 1)
    )
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CONTENT_TYPE}.sheet.main+xml"/>{sheets}'
        f'<Override PartName="/xl/styles.xml" ContentType="{CONTENT_TYPE}.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
    )


def _core_properties(title):
    return (
        f'{XML_HEAD}<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{_xml_text(title)}</dc:title></cp:coreProperties>'
    )
