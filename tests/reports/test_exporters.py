"""Report files as a coordinator gets them: CSV and XLSX opened in Excel, PDFs printed."""
import csv
import io
import shutil
import subprocess
import tempfile
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from urllib.parse import unquote

import openpyxl
import pytest

from backend.reports.exporters import Column, Report, certificate_pdf, export, sign_in_sheet_pdf

COLUMNS = [
    Column("date", "날짜", "Date", "date"),
    Column("name", "성명", "Name", "text"),
    Column("group", "소속", "Group", "text"),
    Column("checked_in_at", "체크인 시각", "Checked in", "datetime"),
    Column("minutes", "봉사시간(분)", "Minutes", "minutes"),
    Column("is_confirmed", "확정", "Confirmed", "bool"),
]
STEM = "attendance_2026-11_안양동안경찰서"
TITLE_KO = "2026년 11월 출석부 — 안양동안경찰서"


def sample_rows():
    return [
        {"date": date(2026, 11, 6), "name": "정미숙", "group": "범계동 자율방범대",
         "checked_in_at": datetime(2026, 11, 6, 11, 0, tzinfo=timezone.utc), "minutes": 150, "is_confirmed": True},
        {"date": date(2026, 11, 6), "name": '한지우, "막내"', "group": "평촌 시민경찰\n연합회",
         "checked_in_at": datetime(2026, 11, 6, 15, 30, tzinfo=timezone.utc), "minutes": timedelta(minutes=95),
         "is_confirmed": False},
        {"date": date(2026, 11, 7), "name": "=HYPERLINK(\"http://evil.example\",\"클릭\")", "group": None,
         "checked_in_at": None, "minutes": 0, "is_confirmed": False},
    ]


def report(rows, summary=None):
    return Report(TITLE_KO, "Attendance, November 2026", COLUMNS, iter(rows), summary)


def body(response):
    return b"".join(response.response)


def generated_rows(count, pulled):
    """Rows made on demand, counting how many the exporter has pulled so far."""
    start = datetime(2026, 11, 6, 11, 0, tzinfo=timezone.utc)
    for index in range(count):
        pulled[0] += 1
        yield {"date": date(2026, 11, 6), "name": f"자원봉사자 {index}", "group": "범계동 자율방범대",
               "checked_in_at": start + timedelta(seconds=index), "minutes": index % 240,
               "is_confirmed": index % 2 == 0}


def pdf_pages(data):
    """The text of each page, as poppler's pdftotext reads it."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/setup.sh does)")
    text = subprocess.run([tool, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return text.split("\f")[:-1]


# --- CSV --------------------------------------------------------------------------------


def test_csv_opens_in_excel_as_utf8_and_reads_back_the_same_values(app):
    with app.test_request_context():
        response = export(report(sample_rows()), "csv", "ko", STEM)
        data = body(response)

    assert response.mimetype == "text/csv"
    assert response.mimetype_params["charset"] == "utf-8"
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.startswith("\ufeff날짜,성명,소속,체크인 시각,봉사시간(분),확정\r\n".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [
        ["날짜", "성명", "소속", "체크인 시각", "봉사시간(분)", "확정"],
        ["2026-11-06", "정미숙", "범계동 자율방범대", "2026-11-06T20:00:00+09:00", "150", "예"],
        ["2026-11-06", '한지우, "막내"', "평촌 시민경찰\n연합회", "2026-11-07T00:30:00+09:00", "95", "아니오"],
        ["2026-11-07", "'=HYPERLINK(\"http://evil.example\",\"클릭\")", "", "", "0", "아니오"],
    ]


def test_csv_in_english_has_english_headers_and_y_n(app):
    with app.test_request_context():
        data = body(export(report(sample_rows()[:1]), "csv", "en", "attendance"))
    assert data.decode("utf-8-sig").splitlines() == [
        "Date,Name,Group,Checked in,Minutes,Confirmed",
        "2026-11-06,정미숙,범계동 자율방범대,2026-11-06T20:00:00+09:00,150,Y",
    ]


def test_csv_neutralises_text_that_excel_would_run_as_a_formula(app):
    names = ["=1+1", "+82 10", "-2", "@SUM(A1:A9)", "\tcmd", "\rcmd", "김=철수", "정상 이름"]
    rows = [{"name": name, "minutes": -5} for name in names]
    with app.test_request_context():
        data = body(export(report(rows), "csv", "ko", STEM))
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:]
    assert [row[1] for row in read] == ["'=1+1", "'+82 10", "'-2", "'@SUM(A1:A9)", "'\tcmd", "'\rcmd", "김=철수", "정상 이름"]
    # A number is not text: a negative count stays a number Excel can add up.
    assert {row[4] for row in read} == {"-5"}


def test_download_names_carry_the_korean_stem_with_an_ascii_fallback(app):
    with app.test_request_context():
        response = export(report(sample_rows()), "csv", "ko", STEM)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="attendance_2026-11.csv"; ')
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert encoded.isascii() and " " not in encoded
    assert unquote(encoded) == "attendance_2026-11_안양동안경찰서.csv"
    assert "no-store" in response.headers["Cache-Control"]


def test_csv_streams_100k_rows_without_reading_them_all_first(app):
    pulled = [0]
    with app.test_request_context():
        response = export(report(generated_rows(100_000, pulled)), "csv", "ko", STEM)
        assert pulled[0] == 0
        chunks = iter(response.response)
        first = next(chunks)
        assert 0 < pulled[0] < 100_000
        lines = first.count(b"\r\n") + sum(chunk.count(b"\r\n") for chunk in chunks)
    assert pulled[0] == 100_000
    assert lines == 100_001


# --- XLSX -------------------------------------------------------------------------------


def test_xlsx_has_typed_cells_a_frozen_filtered_header_and_a_summary_sheet(app, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    totals = {"minutes": 0}

    def counting(rows):
        for row in rows:
            minutes = row["minutes"]
            totals["minutes"] += minutes if isinstance(minutes, int) else minutes.total_seconds() // 60
            yield row

    # The summary is worked out while the rows stream and only read after them.
    summary = lambda: [("총 봉사시간(분)", "Total minutes", totals["minutes"]), ("기간", "Period", "2026-11")]  # noqa: E731
    with app.test_request_context():
        response = export(Report(TITLE_KO, "Attendance", COLUMNS, counting(sample_rows()), summary), "xlsx", "ko", STEM)
        # The workbook file is gone from disk already; the response reads it from an open handle.
        assert list(tmp_path.iterdir()) == []
        data = body(response)

    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.content_length == len(data)
    assert "filename*=UTF-8''attendance_2026-11_%EC%95%88" in response.headers["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["데이터", "요약"]
    sheet = workbook["데이터"]
    assert [cell.value for cell in sheet[1]] == ["날짜", "성명", "소속", "체크인 시각", "봉사시간(분)", "확정"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"
    assert sheet["A2"].value == datetime(2026, 11, 6) and sheet["A2"].is_date
    # Seoul wall-clock time, since an Excel cell has no time zone.
    assert sheet["D2"].value == datetime(2026, 11, 6, 20, 0) and sheet["D2"].is_date
    assert sheet["D3"].value == datetime(2026, 11, 7, 0, 30)
    assert sheet["E2"].value == 150 and sheet["E2"].data_type == "n"
    assert sheet["E3"].value == 95
    assert sheet["F2"].value is True and sheet["F3"].value is False
    assert sheet["B3"].value == '한지우, "막내"'
    # Stored as text: Excel shows it, it does not run it.
    assert sheet["B4"].value.startswith("=HYPERLINK") and sheet["B4"].data_type == "s"
    assert sheet["C4"].value is None and sheet["D4"].value is None
    # Hangul takes about two character widths.
    assert sheet.column_dimensions["C"].width >= 2 * len("범계동 자율방범대")

    summary_sheet = workbook["요약"]
    assert summary_sheet["A1"].value == TITLE_KO
    values = {row[0]: row[1] for row in summary_sheet.iter_rows(min_row=3, values_only=True)}
    assert values["총 봉사시간(분)"] == 245
    assert values["기간"] == "2026-11"
    assert values["행 수"] == 3
    assert isinstance(values["작성 시각"], datetime)
    assert values["시각 기준"] == "Asia/Seoul (KST, UTC+9)"
    assert list(tmp_path.iterdir()) == []


def test_xlsx_writes_100k_rows_in_flat_memory(app):
    pulled = [0]
    # Three columns keep the traced run short; a list of the 100,000 row dicts alone would
    # take over 40 MiB.
    columns = [COLUMNS[1], COLUMNS[3], COLUMNS[4]]
    with app.test_request_context():
        tracemalloc.start()
        try:
            rows = generated_rows(100_000, pulled)
            response = export(Report(TITLE_KO, "Attendance", columns, rows), "xlsx", "en", "attendance")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        data = body(response)

    assert pulled[0] == 100_000
    assert peak < 30 * 1024 * 1024, f"peak {peak / 1024 / 1024:.1f} MiB"
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert workbook.sheetnames == ["Data", "Summary"]
    sheet = workbook["Data"]
    assert sheet.max_row == 100_001
    assert next(sheet.iter_rows(max_row=1, values_only=True)) == ("Name", "Checked in", "Minutes")
    assert next(sheet.iter_rows(min_row=100_001, values_only=True)) == (
        "자원봉사자 99999", datetime(2026, 11, 7, 23, 46, 39), 99_999 % 240
    )
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=3, values_only=True)}
    assert summary["Rows"] == 100_000


# --- PDF --------------------------------------------------------------------------------


def test_pdf_table_prints_korean_with_headers_and_page_numbers_on_every_page(app):
    pulled = [0]
    summary = [("총 봉사시간(분)", "Total minutes", 12_345)]
    with app.test_request_context():
        rows = generated_rows(120, pulled)
        response = export(Report(TITLE_KO, "Attendance", COLUMNS, rows, summary), "pdf", "ko", STEM)
        data = body(response)

    assert data.startswith(b"%PDF")
    assert response.mimetype == "application/pdf"
    assert "filename*=UTF-8''attendance_2026-11_%EC%95%88" in response.headers["Content-Disposition"]
    pages = pdf_pages(data)
    assert len(pages) > 1
    assert TITLE_KO in pages[0]
    assert "자원봉사자 0" in pages[0] and "2026-11-06 20:00" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert "체크인 시각" in page and "봉사시간(분)" in page
        assert f"{number}/{len(pages)}" in page.replace(" ", "")
    assert "자원봉사자 119" in pages[-1]
    # pdftotext drops some spaces between Hangul glyphs, so compare without them.
    summary = pages[-1].replace(" ", "")
    assert "요약\n총봉사시간(분)\n\n12,345" in summary and "행수\n\n120" in summary


def test_pdf_says_when_it_leaves_rows_out(app):
    pulled = [0]
    with app.test_request_context():
        data = body(export(report(generated_rows(5_003, pulled)), "pdf", "en", "attendance"))
    # All rows are read, so the note can give the full count.
    assert pulled[0] == 5_003
    pages = pdf_pages(data)
    assert "first 5,000 of 5,003 rows" in pages[0].replace("\n", " ")
    assert "자원봉사자 4999" in pages[-1] and "자원봉사자 5000" not in "".join(pages)


def test_certificate_is_one_page_with_the_person_and_their_hours():
    lines = [(date(2026, 11, day), f"범계역 합동 야간순찰 {day}회차", 150) for day in range(1, 30)]
    data = certificate_pdf("ko", "한지우", "범계동 자율방범대 · 안양동안경찰서", "2026년 11월",
                           sum(line[2] for line in lines), lines, date(2026, 12, 1))
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    assert len(pages) == 1
    text = pages[0]
    for expected in ("봉사시간 확인서", "한지우", "범계동 자율방범대 · 안양동안경찰서", "2026년 11월",
                     "72시간 30분", "범계역 합동 야간순찰 1회차", "외 9건", "2026년 12월 1일", "서명"):
        assert expected in text, expected


def test_certificate_in_english_shows_hours_and_minutes():
    lines = [(datetime(2026, 11, 6, 11, 0, tzinfo=timezone.utc), "Beomgye station night patrol", 750)]
    text = pdf_pages(certificate_pdf("en", "Han Jiwoo", "Beomgye patrol association", "November 2026",
                                     750, lines, date(2026, 12, 1)))[0]
    for expected in ("Certificate of Volunteer Hours", "Han Jiwoo", "12 h 30 min", "2026-11-06", "1 December 2026"):
        assert expected in text, expected


def test_sign_in_sheet_lists_everyone_with_room_for_walk_ins():
    people = [{"name": f"자원봉사자{index}", "group": "범계동 자율방범대", "role": "봉사자"} for index in range(1, 76)]
    data = sign_in_sheet_pdf("ko", "범계역 합동 야간순찰", "2026-11-06 (금) 20:00–24:00", "범계역 광장", people)
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    text = "".join(pages)
    assert "참석자 서명부" in pages[0] and "범계역 합동 야간순찰" in pages[0] and "범계역 광장" in pages[0]
    assert all(f"자원봉사자{index}\n" in text for index in range(1, 76))
    for number, page in enumerate(pages, start=1):
        assert "도착 시각" in page and "서명" in page and f"{number}/{len(pages)}" in page.replace(" ", "")
    # Five numbered blank rows follow the 75 people.
    assert "\n80\n" in pages[-1]
