"""Volunteer hours and reports: a past month's patrol is confirmed, its hours approved and
certified in the page, and the reports the page shows come down as the same files."""
import csv
import io
import re
import subprocess
import uuid
from datetime import date, datetime, timedelta

import openpyxl
from geoalchemy2.shape import from_shape
from playwright.sync_api import expect
from shapely.geometry import Point

from backend.attendance.services import month_bounds, month_of
from backend.checkins.models import CheckIn
from backend.core.time import SEOUL, utcnow
from backend.extensions import db
from backend.patrols.models import Patrol
from tests.console.api_helpers import BEOMGYE_GROUP, Api, fresh_phone
from tests.console.conftest import DEMO_PASSWORD, GROUP_LEADER, screenshot, serious_accessibility_violations, sign_in, unique

WEEKDAYS_KO = "월화수목금토일"


def volunteer_with_password(api, group_id, prefix):
    """A fresh member of the group who can sign in (to sign up for a patrol)."""
    phone = fresh_phone()
    person = api.call("POST", "/users", json={
        "name": f"{prefix}{uuid.uuid4().hex[:5]}", "phone": phone, "password": DEMO_PASSWORD,
        "role": "volunteer", "station_id": api.me["station_id"],
    })
    api.call("POST", f"/groups/{group_id}/members", json={"user_id": person["id"]})
    return person, phone


def last_months_patrol(console_app, base_url):
    """A fresh group of two volunteers and a patrol of theirs on the last evening of last month
    (Korean calendar), made through the API and then moved into the past (the API plans only
    ahead), with one volunteer's check-in and check-out as a phone would have sent them."""
    chief = Api(base_url)
    group = chief.call("POST", "/groups", json={"name": unique("시간승인대"), "kind": "patrol_association", "station_id": chief.me["station_id"]})
    people = [volunteer_with_password(chief, group["id"], prefix) for prefix in ("김봉사", "이봉사")]
    patrol = chief.create_published_patrol(unique("지난달 순찰"), [group["id"]], chief.me["id"])
    for _, phone in people:
        Api(base_url, phone).call("POST", f"/patrols/{patrol['id']}/signups", json={})
    this_month_began, _ = month_bounds(month_of(utcnow()))
    with console_app.app_context():
        row = db.session.get(Patrol, patrol["id"])
        row.starts_at, row.ends_at = this_month_began - timedelta(hours=4), this_month_began - timedelta(hours=2)
        first = people[0][0]
        for kind, minutes in (("check_in", 0), ("check_out", 100)):
            db.session.add(CheckIn(
                patrol_id=row.id, user_id=first["id"], kind=kind, client_event_id=uuid.uuid4(), request_fingerprint="x" * 64,
                point=from_shape(Point(126.9508, 37.3897), srid=4326), accuracy_m=5,
                recorded_at=row.starts_at + timedelta(minutes=minutes), status="accepted", distance_m=0,
            ))
        db.session.commit()
        month = row.starts_at.astimezone(SEOUL).strftime("%Y-%m")
    # The officer confirms: the first as the phone had it, the second by hand.
    chief.call("PATCH", f"/patrols/{patrol['id']}/attendance", json={"entries": [
        {"user_id": people[0][0]["id"]},
        {"user_id": people[1][0]["id"], "status": "present", "duty_minutes": 90, "note": "체크인 누락, 대장 확인"},
    ]})
    return chief, group, [person for person, _ in people], patrol, month


def page_table(page, test_id):
    table = page.get_by_test_id(test_id)
    header = [cell.strip() for cell in table.locator("thead th").all_inner_texts()]
    rows = [[cell.strip() for cell in row.locator("th, td").all_inner_texts()] for row in table.locator("tbody tr").all()]
    return header, rows


def as_page_text(value):
    """An XLSX cell as the page words it in Korean (components/reports/cells.ts)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, datetime):
        day = f"{value.year}년 {value.month}월 {value.day}일 ({WEEKDAYS_KO[value.weekday()]})"
        return day if value.time() == datetime.min.time() else f"{day} {value:%H:%M}"
    if isinstance(value, date):
        return f"{value.year}년 {value.month}월 {value.day}일 ({WEEKDAYS_KO[value.weekday()]})"
    return str(value)


def download(page, click):
    with page.expect_download() as info:
        click()
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def test_a_chief_approves_a_month_certifies_a_volunteer_and_downloads_the_reports(page, base_url, console_app):
    chief, group, (first, second), patrol, month = last_months_patrol(console_app, base_url)
    sign_in(page)
    page.get_by_role("navigation").get_by_role("link", name="봉사시간").click()
    expect(page.get_by_role("heading", name="봉사시간", level=1)).to_be_visible()
    page.get_by_label("단체").select_option(label=group["name"])
    page.get_by_label("달", exact=True).fill(month)
    expect(page.get_by_test_id(f"hours-row-{first['id']}")).to_contain_text("1시간 40분")
    expect(page.get_by_test_id(f"hours-row-{second['id']}")).to_contain_text("1시간 30분")
    expect(page.get_by_test_id("hours-state")).to_contain_text("아직 승인하지 않은 달")

    # Approving asks once more, then locks the month.
    page.get_by_role("button", name="이 달 승인하고 잠그기").click()
    page.get_by_role("button", name="승인", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"{group['name']}의 {month} 봉사시간을 승인했습니다")
    expect(page.get_by_test_id("hours-state")).to_contain_text("승인되어 잠긴 달")
    expect(page.get_by_test_id("approvals-table")).to_contain_text(group["name"])
    expect(page.get_by_role("button", name="이 달 승인하고 잠그기")).to_have_count(0)

    # A correction after the approval shows beside the approved figure, which stays.
    chief.call("PATCH", f"/patrols/{patrol['id']}/attendance", json={"entries": [{"user_id": second["id"], "duty_minutes": 60}]})
    page.reload()
    page.get_by_label("단체").select_option(label=group["name"])
    page.get_by_label("달", exact=True).fill(month)
    row = page.get_by_test_id(f"hours-row-{second['id']}")
    expect(row.get_by_test_id("adjustment")).to_contain_text("-30분 (승인 후)")
    expect(row).to_contain_text("1시간 30분")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "hours")

    name, pdf = download(page, lambda: page.get_by_role("button", name=f"{first['name']} 님의 봉사활동 확인서 PDF 내려받기").click())
    assert name.endswith(".pdf") and first["name"] in name
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert first["name"] in text

    # Reports: the group's attendance of that month, in the page and as files.
    page.get_by_role("navigation").get_by_role("link", name="보고서").click()
    year, month_number = map(int, month.split("-"))
    last_day = (date(year + month_number // 12, month_number % 12 + 1, 1) - timedelta(days=1))
    page.get_by_label("시작일").fill(f"{month}-01")
    page.get_by_label("종료일 (포함)").fill(last_day.isoformat())
    page.get_by_label("단체").select_option(label=group["name"])
    page.get_by_role("button", name="보기").click()
    expect(page.get_by_test_id("report-table")).to_contain_text(first["name"])
    header, rows = page_table(page, "report-table")
    assert len(rows) == 2

    name, xlsx = download(page, lambda: page.get_by_test_id("download-xlsx").click())
    assert name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
    assert [cell.value for cell in sheet[1]] == header
    assert [[as_page_text(value) for value in row] for row in sheet.iter_rows(min_row=2, values_only=True)] == rows

    name, data = download(page, lambda: page.get_by_test_id("download-csv").click())
    assert name.endswith(".csv")
    assert data.startswith(b"\xef\xbb\xbf"), "Excel reads UTF-8 only after a byte-order mark"
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == header and "성명" in lines[0]
    assert sorted(line[header.index("성명")] for line in lines[1:] if len(line) == len(header)) == sorted([first["name"], second["name"]])

    name, pdf = download(page, lambda: page.get_by_test_id("download-pdf").click())
    assert pdf.startswith(b"%PDF") and name.endswith(".pdf")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "reports")

    # The patrol's sign-in sheet, from its page.
    page.goto(f"/console/patrols/{patrol['id']}")
    name, pdf = download(page, lambda: page.get_by_test_id("sign-in-sheet").click())
    assert pdf.startswith(b"%PDF") and name.endswith(".pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "참석자 서명부" in text and second["name"] in text


def test_a_running_month_cannot_be_approved_and_the_page_says_why(page, base_url):
    chief = Api(base_url)
    group = chief.call("POST", "/groups", json={"name": unique("이번달대"), "kind": "community", "station_id": chief.me["station_id"]})
    sign_in(page)
    page.goto("/console/hours")
    page.get_by_label("단체").select_option(label=group["name"])
    page.get_by_label("달", exact=True).fill(datetime.now(SEOUL).strftime("%Y-%m"))
    expect(page.get_by_test_id("hours-table")).to_contain_text("이 단체에 구성원이 없습니다")
    page.get_by_role("button", name="이 달 승인하고 잠그기").click()
    page.get_by_role("button", name="승인", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("MONTH_NOT_ENDED")
    expect(page.get_by_test_id("hours-state")).to_contain_text("아직 승인하지 않은 달")


def test_a_group_leader_reads_reports_but_approves_no_hours(page):
    sign_in(page, GROUP_LEADER)
    navigation = page.get_by_role("navigation")
    expect(navigation.get_by_role("link", name="보고서")).to_be_visible()
    expect(navigation.get_by_role("link", name="봉사시간")).to_have_count(0)
    page.goto("/console/hours")
    expect(page).to_have_url(re.compile(r"/console/patrols$"))
    page.goto("/console/reports")
    # Zone coverage is for station staff: a leader is not offered it.
    expect(page.get_by_label("보고서 종류").locator("option")).to_have_text(["출석 현황", "봉사시간"])
    expect(page.get_by_label("단체").locator("option")).to_have_text(["모든 단체", BEOMGYE_GROUP])


def test_a_refused_report_says_why_and_english_readers_get_english_headers(page):
    page.set_viewport_size({"width": 1024, "height": 768})  # a tablet
    sign_in(page)
    page.goto("/console/reports")
    # More than the API's 366 days: the page shows the API's refusal, for the table and the file.
    page.get_by_label("시작일").fill("2024-01-01")
    page.get_by_label("종료일 (포함)").fill("2025-06-30")
    page.get_by_role("button", name="보기").click()
    expect(page.get_by_role("alert")).to_contain_text("VALIDATION_ERROR")
    expect(page.get_by_test_id("to-errors")).to_contain_text("366")
    expect(page.get_by_test_id("report-table")).to_have_count(0)
    page.get_by_test_id("download-csv").click()
    expect(page.get_by_role("alert")).to_contain_text("VALIDATION_ERROR")
    expect(page.get_by_test_id("to-errors")).to_contain_text("366")

    page.get_by_label("언어").select_option("en")
    page.get_by_label("Report").select_option(label="Zone coverage")
    page.get_by_label("From").fill("2026-11-01")
    page.get_by_label("To (included)").fill("2026-11-30")
    page.get_by_label("Zone kind").select_option(label="Dense area")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    table = page.get_by_test_id("report-table")
    expect(table.locator("thead th").first).to_have_text("Zone")
    # The seeded dense areas, nobody's presence in them: every kind cell says so in the reader's words.
    first = table.locator("tbody tr").first
    expect(first).to_contain_text("Dense area")
    expect(first).not_to_contain_text("dense_area")
    # Printed in the page's language, with the table's columns.
    name, pdf = download(page, lambda: page.get_by_test_id("download-pdf").click())
    assert pdf.startswith(b"%PDF") and name.endswith(".pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Zone coverage" in text and "No night presence" in text
    assert serious_accessibility_violations(page) == []
    screenshot(page, "reports-tablet-en")
