"""Report files as a coordinator gets them: CSV and XLSX opened in Excel, PDFs printed.

The rows come from PostgreSQL, as in a real report: a VALUES list or generate_series."""
import csv
import io
import shutil
import subprocess
import tempfile
import tracemalloc
from datetime import date, datetime, timezone
from urllib.parse import unquote

import openpyxl
import pytest
from sqlalchemy import ARRAY, Boolean, Date, DateTime, Integer, String, cast, column, func, literal, select, values

from backend.reports import words, xlsx
from backend.reports.exporters import Column, Report, Total, export
from backend.reports.pdf import certificate_pdf, sign_in_sheet_pdf

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
TOTALS = [Total("minutes", "총 봉사시간(분)", "Total minutes", "minutes")]
PERIOD = (date(2026, 11, 1), date(2026, 11, 30))
START = datetime(2026, 11, 6, 11, 0, tzinfo=timezone.utc)


def sample_rows():
    return [
        (date(2026, 11, 6), "정미숙", "범계동 자율방범대", datetime(2026, 11, 6, 11, 0, tzinfo=timezone.utc), 150, True),
        (date(2026, 11, 6), '한지우, "막내"', "평촌 시민경찰\n연합회", datetime(2026, 11, 6, 15, 30, tzinfo=timezone.utc), 95, False),
        (date(2026, 11, 7), "=HYPERLINK(\"http://evil.example\",\"클릭\")", None, None, 0, False),
    ]


def rows_query(rows):
    """The rows, typed as the columns say, read back from PostgreSQL in their order."""
    types = [Date, String, String, DateTime(timezone=True), Integer, Boolean]
    columns = [column(c.key, type_) for c, type_ in zip(COLUMNS, types)]
    table = values(column("n", Integer), *columns, name="sample").data([(n, *row) for n, row in enumerate(rows)])
    # Cast, or PostgreSQL would take a column of NULLs for text.
    return select(*[cast(table.c[c.key], type_).label(c.key) for c, type_ in zip(COLUMNS, types)]).order_by(table.c.n)


def generated_query(count):
    """`count` rows made by PostgreSQL: 자원봉사자 0, 1, ... checking in a second apart."""
    n = func.generate_series(0, count - 1).table_valued("n").render_derived(name="g").c.n
    statement = select(
        literal(date(2026, 11, 6)).label("date"),
        func.concat("자원봉사자 ", n).label("name"),
        literal("범계동 자율방범대").label("group"),
        (literal(START, DateTime(timezone=True)) + func.make_interval(0, 0, 0, 0, 0, 0, n)).label("checked_in_at"),
        (n % 240).label("minutes"),
        (n % 2 == 0).label("is_confirmed"),
    )
    return statement.order_by(n)


def report(query, totals=()):
    return Report(TITLE_KO, "Attendance, November 2026", COLUMNS, query, PERIOD, totals)


def body(response):
    return b"".join(response.response)


def pdf_pages(data):
    """The text of each page, as poppler's pdftotext reads it."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/setup.sh does)")
    text = subprocess.run([tool, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return text.split("\f")[:-1]


# --- CSV --------------------------------------------------------------------------------


def test_csv_opens_in_excel_as_utf8_and_reads_back_the_same_values(app, db_session):
    with app.test_request_context():
        response = export(report(rows_query(sample_rows())), "csv", "ko", STEM)
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


def test_csv_in_english_has_english_headers_and_yes_no(app, db_session):
    with app.test_request_context():
        data = body(export(report(rows_query(sample_rows()[:1])), "csv", "en", "attendance"))
    assert data.decode("utf-8-sig").splitlines() == [
        "Date,Name,Group,Checked in,Minutes,Confirmed",
        "2026-11-06,정미숙,범계동 자율방범대,2026-11-06T20:00:00+09:00,150,Yes",
    ]


def test_csv_neutralises_text_that_excel_would_run_as_a_formula(app, db_session):
    names = ["=1+1", "+82 10", "-2", "@SUM(A1:A9)", "\tcmd", "\rcmd", "김=철수", "정상 이름"]
    rows = [(None, name, None, None, -5, None) for name in names]
    with app.test_request_context():
        data = body(export(report(rows_query(rows)), "csv", "ko", STEM))
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:]
    assert [row[1] for row in read] == ["'=1+1", "'+82 10", "'-2", "'@SUM(A1:A9)", "'\tcmd", "'\rcmd", "김=철수", "정상 이름"]
    # A number is not text: a negative count stays a number Excel can add up.
    assert {row[4] for row in read} == {"-5"}


def test_download_names_carry_the_korean_stem_with_an_ascii_fallback(app, db_session):
    with app.test_request_context():
        response = export(report(rows_query(sample_rows())), "csv", "ko", STEM)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="attendance_2026-11.csv"; ')
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert encoded.isascii() and " " not in encoded
    assert unquote(encoded) == "attendance_2026-11_안양동안경찰서.csv"
    assert "no-store" in response.headers["Cache-Control"]


def test_csv_streams_100k_rows_in_chunks_of_64_kib(app, db_session):
    with app.test_request_context():
        response = export(report(generated_query(100_000)), "csv", "ko", STEM)
        assert response.is_streamed
        sizes, lines, last = [], 0, b""
        for chunk in response.response:
            sizes.append(len(chunk))
            lines += chunk.count(b"\n")
            last = chunk or last
    # Sent as it is made, a chunk at a time, never as one body.
    assert len(sizes) > 100 and max(sizes) < 65 * 1024
    assert lines == 100_001
    assert last.decode().splitlines()[-1] == "2026-11-06,자원봉사자 99999,범계동 자율방범대,2026-11-07T23:46:39+09:00,159,아니오"


# --- codes as words ---------------------------------------------------------------------

CODE_COLUMNS = [
    Column("status", "출석", "Status", words=words.ATTENDANCE_STATUS),
    Column("kind", "종류", "Kind", words=words.ZONE_KIND),
    Column("late", "늦은 업로드", "Late uploads", words=words.LATE_FACT),
    Column("confirmed", "확정", "Confirmed", "bool"),
]
STATUSES = ["present", "late", "left_early", "no_show", "excused", "expected", "pending_review"]
KINDS = ["dense_area", "women_safe_zone", "safe_return_route", "safe_house", "other", "dense_area", "other"]
LATE = [[], ["check_in"], ["check_out", "points"], [], [], [], ["points"]]
WORDS = {
    "ko": [
        ["출석", "다중밀집지역", "", "예"],
        ["지각", "여성안심구역", "체크인", "아니오"],
        ["조퇴", "안심귀갓길", "체크아웃, 위치 기록", "예"],
        ["불참", "여성 안심 지킴이집", "", "아니오"],
        ["사유 불참", "기타", "", "예"],
        ["참가 예정", "다중밀집지역", "", "아니오"],
        ["검토 대기", "기타", "위치 기록", "예"],
    ],
    "en": [
        ["Present", "Dense area", "", "Yes"],
        ["Late", "Women-safe zone", "check-in", "No"],
        ["Left early", "Safe-return route", "check-out, location points", "Yes"],
        ["No-show", "Safe house", "", "No"],
        ["Excused", "Other", "", "Yes"],
        ["Expected", "Dense area", "", "No"],
        ["Pending review", "Other", "location points", "Yes"],
    ],
}


def codes_report():
    """A row for every attendance status, every zone kind and every late fact, as the API codes them."""
    types = [String, String, ARRAY(String), Boolean]
    rows = [(n, status, kind, late, n % 2 == 0) for n, (status, kind, late) in enumerate(zip(STATUSES, KINDS, LATE))]
    table = values(column("n", Integer), *[column(c.key, t) for c, t in zip(CODE_COLUMNS, types)], name="codes").data(rows)
    query = select(*[cast(table.c[c.key], t).label(c.key) for c, t in zip(CODE_COLUMNS, types)]).order_by(table.c.n)
    return Report("코드", "Codes", CODE_COLUMNS, query, PERIOD, counted=("status", words.ATTENDANCE_STATUS))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_files_say_every_status_kind_and_yes_or_no_in_words_not_codes(app, db_session, lang):
    with app.test_request_context():
        csv_data = body(export(codes_report(), "csv", lang, STEM)).decode("utf-8-sig")
        xlsx_data = body(export(codes_report(), "xlsx", lang, STEM))
        pdf_data = body(export(codes_report(), "pdf", lang, STEM))

    assert list(csv.reader(io.StringIO(csv_data, newline="")))[1:] == WORDS[lang]
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_data))
    read = [[value or "" for value in row] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert read == WORDS[lang]
    printed = "".join(pdf_pages(pdf_data))
    assert all(cell.replace(" ", "") in printed.replace(" ", "").replace("\n", "") for row in WORDS[lang] for cell in row)
    for code in [*STATUSES, *KINDS, "check_in", "check_out", "True", "False"]:
        assert code not in csv_data and code not in printed
    # The summary counts each status, in words.
    summary = {row[0]: row[1] for row in workbook.worksheets[-1].iter_rows(min_row=3, values_only=True)}
    first_status = WORDS[lang][0][0]
    assert summary[first_status] == 1 and summary["기간" if lang == "ko" else "Period"] == "2026-11-01 – 2026-11-30"


# --- XLSX -------------------------------------------------------------------------------


def test_xlsx_has_typed_cells_a_frozen_filtered_header_and_a_summary_sheet(app, db_session, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with app.test_request_context():
        response = export(report(rows_query(sample_rows()), TOTALS), "xlsx", "ko", STEM)
        # The workbook file is gone from disk already; the response reads it from an open handle.
        assert list(tmp_path.iterdir()) == []
        data = body(response)

    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.content_length == len(data)
    assert "filename*=UTF-8''attendance_2026-11_%EC%95%88" in response.headers["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["데이터", "요약"]
    assert workbook.properties.title == TITLE_KO
    sheet = workbook["데이터"]
    assert [cell.value for cell in sheet[1]] == ["날짜", "성명", "소속", "체크인 시각", "봉사시간(분)", "확정"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"
    assert sheet.dimensions == "A1:F4"
    assert sheet["A2"].value == datetime(2026, 11, 6) and sheet["A2"].is_date
    # Seoul wall-clock time, since an Excel cell has no time zone.
    assert sheet["D2"].value == datetime(2026, 11, 6, 20, 0) and sheet["D2"].is_date
    assert sheet["D3"].value == datetime(2026, 11, 7, 0, 30)
    assert sheet["E2"].value == 150 and sheet["E2"].data_type == "n"
    assert sheet["E3"].value == 95
    # Yes and no in words, as the CSV and the PDF say them.
    assert (sheet["F2"].value, sheet["F3"].value) == ("예", "아니오")
    assert sheet["B3"].value == '한지우, "막내"'
    assert sheet["C3"].value == "평촌 시민경찰\n연합회"
    # Stored as text: Excel shows it, it does not run it.
    assert sheet["B4"].value.startswith("=HYPERLINK") and sheet["B4"].data_type == "s"
    assert sheet["C4"].value is None and sheet["D4"].value is None
    # Hangul takes about two character widths.
    assert sheet.column_dimensions["C"].width >= 2 * len("범계동 자율방범대")

    summary_sheet = workbook["요약"]
    assert summary_sheet["A1"].value == TITLE_KO
    values = {row[0]: row[1] for row in summary_sheet.iter_rows(min_row=3, values_only=True)}
    assert values["기간"] == "2026-11-01 – 2026-11-30"
    assert values["총 봉사시간(분)"] == 245
    assert values["행 수"] == 3
    assert isinstance(values["작성 시각"], datetime)
    assert values["시각 기준"] == "Asia/Seoul (KST, UTC+9)"
    assert list(tmp_path.iterdir()) == []


def exported_workbook(app, query, totals=(), **load):
    with app.test_request_context():
        data = body(export(Report(TITLE_KO, "Attendance", COLUMNS, query, PERIOD, totals), "xlsx", "en", STEM))
    return openpyxl.load_workbook(io.BytesIO(data), **load)


def test_xlsx_keeps_text_that_xml_cannot_carry_plainly(app, db_session):
    names = ["<b>&amp;</b>", "  앞뒤 공백  ", "줄\r\n바꿈", "탭\t문자", "역\\슬래시 \\N", "벨\x07소리"]
    sheet = exported_workbook(app, rows_query([(START.date(), name, None, None, 0, True) for name in names])).worksheets[0]
    read = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert read[:2] + read[3:5] == names[:2] + names[3:5]
    # Control characters as Excel's own escape ("_x0007_" for U+0007), which Excel shows as
    # the character: XML cannot hold U+0007 at all.
    assert read[2] == "줄_x000D_\n바꿈" and read[5] == "벨_x0007_소리"


def test_xlsx_continues_on_a_new_sheet_past_excels_row_limit(app, db_session, monkeypatch):
    monkeypatch.setattr(xlsx, "EXCEL_MAX_ROWS", 3)  # a header and two rows a sheet
    workbook = exported_workbook(app, generated_query(5), TOTALS)
    assert workbook.sheetnames == ["Data", "Data (2)", "Data (3)", "Summary"]
    for sheet in workbook.worksheets[:3]:
        assert [cell.value for cell in sheet[1]] == [column.en for column in COLUMNS]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:F{sheet.max_row}"
        # Every sheet as wide as the widest name on any of them (XlsxWriter adds the cell's margin).
        assert int(sheet.column_dimensions["B"].width) == 2 * len("자원봉사자 4") + 2
    assert [row[1] for sheet in workbook.worksheets[:3] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        f"자원봉사자 {n}" for n in range(5)
    ]
    assert workbook["Data (3)"]["B2"].value == "자원봉사자 4" and workbook["Data (3)"]["E2"].value == 4
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=3, values_only=True)}
    assert summary["Rows"] == 5
    assert summary["Total minutes"] == 0 + 1 + 2 + 3 + 4


def test_xlsx_writes_30k_rows_in_flat_memory(app, db_session):
    tracemalloc.start()
    try:
        # XlsxWriter keeps one row at a time (constant_memory) and the cursor a batch of rows;
        # the 30,000 rows' XML alone is over 7 MiB.
        with app.test_request_context():
            response = export(report(generated_query(30_000), TOTALS), "xlsx", "en", STEM)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 4 * 1024 * 1024, f"peak {peak / 1024 / 1024:.1f} MiB"
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True)
    assert workbook.sheetnames == ["Data", "Summary"]
    sheet = workbook["Data"]
    assert sheet.max_row == 30_001
    assert next(sheet.iter_rows(max_row=1, values_only=True)) == tuple(column.en for column in COLUMNS)
    assert next(sheet.iter_rows(min_row=30_001, values_only=True)) == (
        datetime(2026, 11, 6), "자원봉사자 29999", "범계동 자율방범대", datetime(2026, 11, 7, 4, 19, 59), 29_999 % 240, "No"
    )
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=3, values_only=True)}
    assert summary["Rows"] == 30_000
    assert summary["Total minutes"] == sum(n % 240 for n in range(30_000))


# --- PDF --------------------------------------------------------------------------------


def test_pdf_table_prints_korean_with_headers_and_page_numbers_on_every_page(app, db_session):
    with app.test_request_context():
        response = export(report(generated_query(120), TOTALS), "pdf", "ko", STEM)
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
    # pdftotext drops some spaces between Hangul glyphs and breaks lines by layout, so compare without them.
    summary = "".join(pages[-1].split())
    assert "요약기간2026-11-01–2026-11-30" in summary
    assert "총봉사시간(분)7,140" in summary and "행수120" in summary


def test_pdf_says_when_it_leaves_rows_out(app, db_session):
    with app.test_request_context():
        data = body(export(report(generated_query(5_003)), "pdf", "en", "attendance"))
    # All rows are read, so the note can give the full count.
    pages = pdf_pages(data)
    assert "first 5,000 of 5,003 rows" in pages[0].replace("\n", " ")
    assert "자원봉사자 4999" in pages[-1] and "자원봉사자 5000" not in "".join(pages)


def certificate(lang="ko", **overrides):
    return certificate_pdf(lang, **{
        "person_name": "한지우", "organisation": "범계동 자율방범대", "station": "안양동안경찰서",
        "period_label": "2026-11", "approved_minutes": 150, "lines": [(date(2026, 11, 6), "범계역 합동 야간순찰", 150)],
        "adjustments": [], "issued_on": date(2026, 12, 1), "number": "7K3M-9QXD-2HF4-Z",
        "check_url": "https://patrol.example/api/v1/certificates/7K3M-9QXD-2HF4-Z", **overrides,
    })


def test_certificate_is_one_page_with_the_person_and_their_hours():
    lines = [(date(2026, 11, day), f"범계역 합동 야간순찰 {day}회차", 150) for day in range(1, 30)]
    adjustments = [(date(2026, 11, day), f"범계역 합동 야간순찰 {day}회차", 30) for day in range(1, 8)]
    data = certificate(lines=lines, approved_minutes=sum(line[2] for line in lines), adjustments=adjustments)
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    assert len(pages) == 1
    text = pages[0]
    for expected in ("봉사시간 확인서", "한지우", "범계동 자율방범대", "안양동안경찰서", "2026-11", "72시간 30분",
                     "범계역 합동 야간순찰 1회차", "외 9건", "승인 후 조정", "+3시간 30분", "2026년 12월 1일", "서명",
                     "7K3M-9QXD-2HF4-Z"):
        assert expected in text, expected


def test_certificate_in_english_shows_hours_and_minutes():
    lines = [(datetime(2026, 11, 6, 11, 0, tzinfo=timezone.utc), "Beomgye station night patrol", 750)]
    text = pdf_pages(certificate("en", person_name="Han Jiwoo", organisation="Beomgye patrol association",
                                 approved_minutes=750, lines=lines, adjustments=[(None, "-", -20)]))[0]
    for expected in ("Certificate of Volunteer Hours", "Han Jiwoo", "12 h 30 min", "2026-11-06", "1 December 2026",
                     "Adjustments after approval", "-20 min", "Certificate no."):
        assert expected in text, expected


def test_sign_in_sheet_lists_everyone_with_room_for_walk_ins():
    people = [{"name": f"자원봉사자{index}", "unit": "범계동 자율방범대", "role": "자원봉사자", "arrived": ""} for index in range(1, 76)]
    data = sign_in_sheet_pdf("ko", patrol_title="범계역 합동 야간순찰", when="2026-11-06 (금) 20:00–24:00",
                             meeting_place="범계역 2번 출구", zones="범계역 광장", people=people)
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data)
    text = "".join(pages)
    assert "참석자 서명부" in pages[0] and "범계역 합동 야간순찰" in pages[0] and "범계역 2번 출구" in pages[0]
    assert all(f"자원봉사자{index}" in text.split() for index in range(1, 76))
    for number, page in enumerate(pages, start=1):
        assert "도착 시각" in page and "서명" in page and f"{number}/{len(pages)}" in page.replace(" ", "")
    # Five numbered blank rows follow the 75 people.
    assert "\n80\n" in pages[-1] and "\n81\n" not in pages[-1]
