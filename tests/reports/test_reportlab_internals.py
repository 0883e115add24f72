"""What the report PDFs rely on inside reportlab: a Table split to fit a page keeps its rows in
`_cellvalues` (pdf._RowPages counts the rows a page took from it; reportlab has no public
count). A release that moves it fails here, saying so, instead of dropping or repeating rows
at page breaks."""
import re
from importlib import metadata
from pathlib import Path

from reportlab.platypus import Table

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"
INSTALLED = metadata.version("reportlab")


def test_reportlab_is_pinned_exactly_to_the_installed_version():
    pins = re.findall(r"^reportlab\s*==\s*(\S+)", REQUIREMENTS.read_text(), re.IGNORECASE | re.MULTILINE)
    assert pins == [INSTALLED], f"requirements.txt must pin reportlab with == to {INSTALLED}, found {pins}"


def test_a_split_table_keeps_its_rows_where_the_pdf_counts_them():
    rows = [["header"]] + [[f"row {n}"] for n in range(100)]
    first, _rest = Table(rows, colWidths=[100], repeatRows=1).split(100, 200)
    held = getattr(first, "_cellvalues", None)
    assert held is not None, (
        f"reportlab {INSTALLED} no longer keeps a Table's rows in _cellvalues, which "
        "backend/reports/pdf.py's _RowPages reads to count the rows a page took: adapt it"
    )
    assert held[0] == ["header"] and held[1:] == rows[1:len(held)] and 1 < len(held) < len(rows)
