"""Report tables as XLSX workbooks, written by XlsxWriter in constant-memory mode: each row
goes to a temporary file as it is written, so a report of any length takes the same memory.

The workbook: one data sheet per 1,048,576 rows (Excel's limit; "데이터", "데이터 (2)", ...),
each with a bold, shaded header row, frozen, with an autofilter, each column as wide as its
longest value (Hangul counted as two characters) within limits; then a summary sheet with the
title and a label and a typed value per line. What goes in each cell is `backend.reports.cells`'.
"""
from datetime import datetime
from decimal import Decimal

import xlsxwriter

from backend.reports import cells

MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXCEL_MAX_ROWS = 1_048_576
MAX_COLUMN_WIDTH = 60
# Columns of these kinds of cell are at least this wide; text columns as wide as their text.
FIXED_WIDTHS = {"number": 11, "date": 10, "datetime": 16}
NUMBER_FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}
HEADER_FILL = "#DDE4EE"


def display_width(value):
    # Hangul is about two digits wide in Excel's default font.
    return len(value) if value.isascii() else 2 * len(value)


def write_workbook(file, *, title, sheet_name, columns, lang, rows, summary_name, summary):
    """Write the workbook into the binary `file`: `rows` (tuples in the `columns`' order) on
    data sheets, then a summary sheet of `title` and `summary()`'s (label, value) lines,
    asked for once every row has been read."""
    workbook = xlsxwriter.Workbook(file, {"constant_memory": True})
    formats = {
        "header": workbook.add_format({"bold": True, "bg_color": HEADER_FILL, "bottom": 1}),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "label": workbook.add_format({"bold": True}),
        **{store: workbook.add_format({"num_format": code}) for store, code in NUMBER_FORMATS.items()},
    }
    workbook.set_properties({"title": title})
    headers = [column.header(lang) for column in columns]
    stores = [cells.xlsx_cell(column, lang) for column in columns]
    # As wide as the header (with room for the autofilter's drop-down button), then the values.
    widths = [max(display_width(header) + 3, FIXED_WIDTHS.get(store, 0)) for header, (store, _) in zip(headers, stores)]

    rows_per_sheet = EXCEL_MAX_ROWS - 1  # under the header row
    sheets = []
    row_number = rows_per_sheet
    for values in rows:
        if row_number == rows_per_sheet:
            sheets.append(_data_sheet(workbook, sheet_name, len(sheets), headers, formats))
            write = _row_writer(sheets[-1][0], stores, formats, widths)
            row_number = 0
        row_number += 1
        write(row_number, values)
        sheets[-1][1] = row_number
    if not sheets:
        sheets.append(_data_sheet(workbook, sheet_name, 0, headers, formats))
    for sheet, last_row in sheets:
        for index, width in enumerate(widths):
            sheet.set_column(index, index, min(width + 2, MAX_COLUMN_WIDTH))
        sheet.autofilter(0, 0, last_row, len(columns) - 1)
    _summary_sheet(workbook.add_worksheet(summary_name), title, summary(), formats)
    workbook.close()


def _data_sheet(workbook, name, number, headers, formats):
    """[the sheet, its last row's index] with its header row written."""
    sheet = workbook.add_worksheet(name if number == 0 else f"{name} ({number + 1})")
    sheet.freeze_panes(1, 0)
    for index, header in enumerate(headers):
        sheet.write_string(0, index, header, formats["header"])
    return [sheet, 0]


def _row_writer(sheet, stores, formats, widths):
    """A function writing one row of values into the sheet, widening text columns as it goes."""
    def write_string(row, index, value):
        sheet.write_string(row, index, value)
        width = display_width(value)
        if width > widths[index]:
            widths[index] = width

    def write_date(store):
        number_format = formats[store]
        return lambda row, index, value: sheet.write_datetime(row, index, value, number_format)

    writers = {"string": write_string, "number": sheet.write_number,
               "date": write_date("date"), "datetime": write_date("datetime")}
    columns = [(index, writers[store], convert) for index, (store, convert) in enumerate(stores)]

    def write(row, values):
        for index, store, convert in columns:
            value = convert(values[index])
            if value is not None:
                store(row, index, value)
    return write


def _summary_sheet(sheet, title, lines, formats):
    # A long title runs over the empty cells beside it: it does not widen the column.
    sheet.write_string(0, 0, title, formats["title"])
    label_width, value_width = 10, 22
    for row, (label, value) in enumerate(lines, start=2):
        sheet.write_string(row, 0, label, formats["label"])
        label_width = max(label_width, display_width(label))
        if isinstance(value, datetime):
            sheet.write_datetime(row, 1, cells.seoul_time(value).replace(tzinfo=None), formats["datetime"])
        elif isinstance(value, (int, float, Decimal)):
            sheet.write_number(row, 1, value)
        else:
            sheet.write_string(row, 1, cells.text(value))
            value_width = max(value_width, display_width(cells.text(value)))
    sheet.set_column(0, 0, min(label_width + 2, MAX_COLUMN_WIDTH))
    sheet.set_column(1, 1, min(value_width + 2, MAX_COLUMN_WIDTH))
