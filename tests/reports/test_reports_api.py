"""Reports read back in every format give the same figures as the JSON, for the right people."""
import csv
import io
import subprocess
import uuid
from datetime import datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import func, select

from backend.attendance.models import ExportRecord
from backend.core.time import SEOUL
from backend.locations.models import ZoneDwell
from tests.helpers import assert_problem
from backend.testing.fixtures.locations import fix
from backend.testing.fixtures.patrols import WOMEN_SAFE_INSIDE


@pytest.fixture
def walked(finished_patrol, volunteers, officer, client, auth_headers, upload, derive_now):
    """Volunteer 1 checked in at the start, walked the women-safe zone for 40 minutes, checked out
    after 110 of the 120 minutes; an officer confirmed the attendance; the worker has derived
    everyone's figures since."""
    start = finished_patrol.starts_at
    person = volunteers[1]
    for kind, minutes in (("check-in", 0), ("check-out", 110)):
        body = {"lon": 126.9508, "lat": 37.3897, "accuracy_m": 5, "recorded_at": (start + timedelta(minutes=minutes)).isoformat(), "client_event_id": str(uuid.uuid4())}
        assert client.post(f"/api/v1/patrols/{finished_patrol.id}/{kind}", json=body, headers=auth_headers(person)).status_code == 201
    upload(person, [fix(finished_patrol.id, WOMEN_SAFE_INSIDE, start + timedelta(seconds=15 * n)) for n in range(161)])
    client.patch(f"/api/v1/patrols/{finished_patrol.id}/attendance", json={"entries": [{"user_id": person.id}]}, headers=auth_headers(officer))
    derive_now()
    return person


def period(patrol):
    day = patrol.starts_at.astimezone(SEOUL).date()
    return f"from={day}&to={day}"


def get(client, auth_headers, viewer, url):
    return client.get(url, headers=auth_headers(viewer))


def test_attendance_json_csv_xlsx_and_pdf_agree(walked, finished_patrol, chief, client, auth_headers):
    base = f"/api/v1/reports/attendance?{period(finished_patrol)}"
    report = get(client, auth_headers, chief, base).get_json()
    mine = next(row for row in report["rows"] if row["user_id"] == walked.id)
    assert (mine["status"], mine["duty_minutes"], mine["women_safe_minutes"], mine["confirmed"]) == ("present", 110, 40, True)

    csv_response = get(client, auth_headers, chief, base + "&format=csv&lang=ko")
    assert csv_response.data.startswith(b"\xef\xbb\xbf")
    assert "filename*=UTF-8''attendance_" in csv_response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_response.data.decode("utf-8-sig"))))
    row = next(r for r in rows if r["성명"] == walked.name)
    assert (row["출석"], row["근무(분)"], row["여성안심(분)"], row["확정"]) == ("출석", "110", "40", "예")

    xlsx = get(client, auth_headers, chief, base + "&format=xlsx&lang=en")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.data)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    values = next(dict(zip(header, (c.value for c in r))) for r in sheet.iter_rows(min_row=2) if r[header.index("Name")].value == walked.name)
    assert (values["Status"], values["Duty (min)"], values["Women-safe (min)"], values["Confirmed"]) == ("Present", 110, 40, "Yes")
    assert values["Checked in"].date() == finished_patrol.starts_at.astimezone(SEOUL).date()

    pdf = get(client, auth_headers, chief, base + "&format=pdf&lang=ko")
    assert pdf.data.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.data, capture_output=True, check=True).stdout.decode()
    assert "출석 현황" in text and walked.name in text


YES_NO = {"ko": ("예", "아니오"), "en": ("Yes", "No")}


def in_words(value, column, lang):
    """A JSON value as a file people read shows it: codes as the words the column lists, yes/no."""
    if column["kind"] == "bool":
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, list):
        return ", ".join(column["words"][code][lang] for code in value) or None
    return column["words"][value][lang]


def csv_cell(value, column, lang):
    """The CSV's rules applied to a JSON report value."""
    kind = column["kind"]
    if value is None:
        return ""
    if kind == "bool" or "words" in column:
        return in_words(value, column, lang) or ""
    if kind == "datetime":  # JSON gives ISO 8601 in UTC; the CSV, Seoul time to the second
        return datetime.fromisoformat(value).astimezone(SEOUL).isoformat(timespec="seconds")
    if kind == "text" and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return str(value)


def xlsx_cell(value, column, lang):
    """A JSON report value as openpyxl reads the XLSX cell: Seoul wall-clock times, real numbers."""
    kind = column["kind"]
    if value is None:
        return None
    if kind == "bool" or "words" in column:
        return in_words(value, column, lang)
    if kind == "date":  # openpyxl reads a date cell as midnight of that day
        return datetime.fromisoformat(value)
    if kind == "datetime":
        return datetime.fromisoformat(value).astimezone(SEOUL).replace(tzinfo=None)
    return value


def to_the_second(value):
    # JSON keeps microseconds, an XLSX cell milliseconds: compare them to the second.
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


REPORT_URLS = {
    "attendance": "/api/v1/reports/attendance?{period}",
    "volunteer-hours": "/api/v1/reports/volunteer-hours?month={month}",
    "zone-coverage": "/api/v1/reports/zone-coverage?{period}",
}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("name", sorted(REPORT_URLS))
def test_csv_and_xlsx_hold_the_json_reports_cells(name, lang, walked, finished_patrol, zones, chief, client, auth_headers, db_session):
    # Text a CSV must quote or guard: commas, quotes, a line break, a formula.
    finished_patrol.title = '범계역 "합동", 야간\n순찰'
    walked.name = "=HYPERLINK(\"http://evil.example\")"
    db_session.commit()
    month = finished_patrol.starts_at.astimezone(SEOUL).strftime("%Y-%m")
    url = REPORT_URLS[name].format(period=period(finished_patrol), month=month)
    report = get(client, auth_headers, chief, url).get_json()
    columns = report["columns"]
    assert report["rows"] and not report["truncated"]

    data = get(client, auth_headers, chief, f"{url}&format=csv&lang={lang}").data
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert lines[0] == [column[lang] for column in columns]
    assert lines[1:] == [[csv_cell(row[c["key"]], c, lang) for c in columns] for row in report["rows"]]

    workbook = openpyxl.load_workbook(io.BytesIO(get(client, auth_headers, chief, f"{url}&format=xlsx&lang={lang}").data))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == [column[lang] for column in columns]
    assert [[to_the_second(value) for value in row] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        [to_the_second(xlsx_cell(row[c["key"]], c, lang)) for c in columns] for row in report["rows"]
    ]
    summary = {row[0]: row[1] for row in workbook.worksheets[-1].iter_rows(min_row=3, values_only=True)}
    for line in report["summary"]:
        assert summary[line[lang]] == line["value"]


def test_reports_show_each_person_only_what_they_may_see(walked, finished_patrol, volunteers, groups, make_user, other_station, client, auth_headers):
    base = f"/api/v1/reports/attendance?{period(finished_patrol)}"

    def people(viewer):
        return {row["user_id"] for row in get(client, auth_headers, viewer, base).get_json()["rows"]}

    everyone = people(make_user("coordinator", finished_patrol.station))
    assert walked.id in everyone and len(everyone) >= 4
    assert people(volunteers[2]) == {volunteers[2].id}  # a plain volunteer: only themself
    leader = volunteers[0]  # leads the patrol association: its members
    assert people(leader) == {v.id for v in volunteers[1:4]} & everyone
    assert people(make_user("station_chief", other_station)) == set()


def test_zone_coverage_names_the_zones_left_alone(walked, finished_patrol, zones, chief, client, auth_headers):
    report = get(client, auth_headers, chief, f"/api/v1/reports/zone-coverage?{period(finished_patrol)}").get_json()
    by_zone = {row["zone_id"]: row for row in report["rows"]}
    women = by_zone[zones["women_safe"].id]
    assert (women["minutes"], women["patrols"], women["is_gap"]) == (40, 1, False)
    assert by_zone[zones["plaza"].id]["is_gap"] is True
    assert report["rows"][0]["is_gap"] is True  # the gaps come first
    assert women["is_night_gap"] == (women["night_minutes"] == 0)
    night_only = get(client, auth_headers, chief, f"/api/v1/reports/zone-coverage?{period(finished_patrol)}&kind=women_safe_zone&format=csv")
    assert night_only.status_code == 200 and "호계동" in night_only.data.decode("utf-8-sig")


def test_derived_rows_say_when_the_worker_derived_them(walked, finished_patrol, zones, chief, client, auth_headers, db_session):
    derived_at = db_session.scalar(select(func.max(ZoneDwell.updated_at)).where(ZoneDwell.patrol_id == finished_patrol.id))
    coverage = get(client, auth_headers, chief, f"/api/v1/reports/zone-coverage?{period(finished_patrol)}").get_json()
    by_zone = {row["zone_id"]: row for row in coverage["rows"]}
    assert datetime.fromisoformat(by_zone[zones["women_safe"].id]["as_of"]) == derived_at
    assert by_zone[zones["plaza"].id]["as_of"] is None  # nothing derived: nobody was there
    attendance = get(client, auth_headers, chief, f"/api/v1/reports/attendance?{period(finished_patrol)}").get_json()
    mine = next(row for row in attendance["rows"] if row["user_id"] == walked.id)
    assert datetime.fromisoformat(mine["as_of"]) >= derived_at
    # A file is for people: the column of the API's answer is not printed.
    header = get(client, auth_headers, chief, f"/api/v1/reports/attendance?{period(finished_patrol)}&format=csv&lang=en")
    assert "as_of" not in header.data.decode("utf-8-sig").splitlines()[0]


def test_every_summary_states_the_period_and_the_counts_per_status(walked, finished_patrol, chief, client, auth_headers):
    day = finished_patrol.starts_at.astimezone(SEOUL).date()
    base = f"/api/v1/reports/attendance?{period(finished_patrol)}"
    report = get(client, auth_headers, chief, base).get_json()
    summary = {line["key"]: line for line in report["summary"]}
    assert summary["period"]["value"] == f"{day} – {day}"
    counts = {key.removeprefix("status."): line["value"] for key, line in summary.items() if key.startswith("status.")}
    # Every status, those nobody had included, in the API's codes.
    assert set(counts) == {"present", "late", "left_early", "no_show", "excused", "expected", "pending_review"}
    assert counts == {status: sum(row["status"] == status for row in report["rows"]) for status in counts}
    assert counts["present"] >= 1 and sum(counts.values()) == len(report["rows"])
    assert (summary["status.no_show"]["ko"], summary["status.no_show"]["en"]) == ("불참", "No-show")

    workbook = openpyxl.load_workbook(io.BytesIO(get(client, auth_headers, chief, base + "&format=xlsx&lang=ko").data))
    lines = {row[0]: row[1] for row in workbook["요약"].iter_rows(min_row=3, values_only=True)}
    assert lines["기간"] == f"{day} – {day}"
    assert (lines["출석"], lines["불참"], lines["검토 대기"]) == (counts["present"], counts["no_show"], counts["pending_review"])
    pdf = get(client, auth_headers, chief, base + "&format=pdf&lang=en").data
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Period" in text and f"{day} – {day}" in text and "Present" in text and "No-show" in text

    month = finished_patrol.starts_at.astimezone(SEOUL).strftime("%Y-%m")
    hours = get(client, auth_headers, chief, f"/api/v1/reports/volunteer-hours?month={month}").get_json()
    hours_summary = {line["key"]: line["value"] for line in hours["summary"]}
    assert hours_summary["period"].startswith(f"{month}-01 – {month}-")
    assert hours_summary["approval.approved"] + hours_summary["approval.not_approved"] == len(hours["rows"])


def test_zone_coverage_gives_each_safe_return_route_its_covered_share(walked, finished_patrol, zones, chief, client, auth_headers, db_session):
    db_session.add(ZoneDwell(patrol_id=finished_patrol.id, user_id=walked.id, zone_id=zones["route"].id, seconds=600,
                             last_seen_at=finished_patrol.starts_at + timedelta(minutes=30), route_coverage=0.625))
    db_session.commit()
    url = f"/api/v1/reports/zone-coverage?{period(finished_patrol)}"
    report = get(client, auth_headers, chief, url).get_json()
    by_zone = {row["zone_id"]: row for row in report["rows"]}
    assert by_zone[zones["route"].id]["route_covered_percent"] == 62.5
    assert by_zone[zones["plaza"].id]["route_covered_percent"] is None  # not a route
    summary = {line["key"]: line["value"] for line in report["summary"]}
    assert summary["route_covered_percent"] == 62.5

    data = get(client, auth_headers, chief, url + "&format=csv&lang=ko").data.decode("utf-8-sig")
    rows = {row["구역"]: row for row in csv.DictReader(io.StringIO(data))}
    assert (rows["안심귀갓길"]["종류"], rows["안심귀갓길"]["귀갓길 순찰 비율(%)"]) == ("안심귀갓길", "62.5")
    assert rows["범계역 광장"]["귀갓길 순찰 비율(%)"] == ""
    workbook = openpyxl.load_workbook(io.BytesIO(get(client, auth_headers, chief, url + "&format=xlsx&lang=en").data))
    sheet = workbook["Data"]
    header = [cell.value for cell in sheet[1]]
    route = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "안심귀갓길")
    assert route[header.index("Route covered (%)")] == 62.5 and route[header.index("Kind")] == "Safe-return route"
    lines = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=3, values_only=True)}
    assert lines["Routes covered, mean (%)"] == 62.5


def test_every_export_is_logged(walked, finished_patrol, chief, client, auth_headers, db_session):
    get(client, auth_headers, chief, f"/api/v1/reports/attendance?{period(finished_patrol)}&format=csv")
    entry = db_session.scalars(select(ExportRecord).where(ExportRecord.user_id == chief.id)).all()[-1]
    assert (entry.report, entry.format) == ("attendance", "csv")
    assert set(entry.filters) >= {"from_", "to"}


def test_bad_report_requests(chief, client, auth_headers, volunteers):
    assert "to" in assert_problem(get(client, auth_headers, chief, "/api/v1/reports/attendance?from=2026-11-30&to=2026-11-01"), 422, "VALIDATION_ERROR")["errors"]
    assert_problem(get(client, auth_headers, chief, "/api/v1/reports/attendance?from=2026-11-01&to=2026-11-02&format=docx"), 422, "VALIDATION_ERROR")
    assert_problem(get(client, auth_headers, chief, "/api/v1/reports/volunteer-hours?month=2026-13"), 422, "VALIDATION_ERROR")
    assert_problem(get(client, auth_headers, volunteers[1], "/api/v1/reports/zone-coverage?from=2026-11-01&to=2026-11-02"), 403, "FORBIDDEN")


def pdf_lines(data):
    """The PDF's text, each table row on one line, as poppler's pdftotext lays it out."""
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_a_sign_in_sheet_lists_the_people_on_the_patrol(walked, finished_patrol, chief, officer, volunteers, client, auth_headers, db_session):
    finished_patrol.meeting_place_name = "범계역 2번 출구"
    db_session.commit()
    sheet = get(client, auth_headers, chief, f"/api/v1/patrols/{finished_patrol.id}/sign-in-sheet.pdf?lang=en")
    assert sheet.status_code == 200 and sheet.mimetype == "application/pdf"
    lines = pdf_lines(sheet.data)
    assert "Attendance Sign-in Sheet" in lines
    assert any(line.startswith("Meeting point 범계역 2번 출구") for line in lines)
    # Officers first, with their unit; then the volunteers by name, arrival times once they checked in.
    arrived = f"{finished_patrol.starts_at.astimezone(SEOUL):%H:%M}"
    assert f"1 {officer.name} 범계지구대 Officer" in lines
    assert f"2 {walked.name} 범계동 자율방범대 Volunteer {arrived}" in lines
    assert f"3 {volunteers[2].name} 범계동 자율방범대 Volunteer" in lines
    # Four people, then five numbered blank rows for walk-ins.
    numbers = [int(line) for line in lines if line.isdigit()]
    assert numbers == [5, 6, 7, 8, 9]

    korean = pdf_lines(get(client, auth_headers, chief, f"/api/v1/patrols/{finished_patrol.id}/sign-in-sheet.pdf").data)
    assert "참석자 서명부" in korean and f"2 {walked.name} 범계동 자율방범대 자원봉사자 {arrived}" in korean


def test_zone_coverage_prints_as_a_pdf_with_the_xlsx_columns(walked, finished_patrol, zones, chief, client, auth_headers):
    url = f"/api/v1/reports/zone-coverage?{period(finished_patrol)}&lang=en"
    pdf = get(client, auth_headers, chief, url + "&format=pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "filename*=UTF-8''zone-coverage_" in pdf.headers["Content-Disposition"]
    assert get(client, auth_headers, chief, url.replace("zone-coverage?", "zone-coverage.pdf?")).data.startswith(b"%PDF")
    sheet = openpyxl.load_workbook(io.BytesIO(get(client, auth_headers, chief, url + "&format=xlsx").data)).worksheets[0]
    header = " ".join(cell.value for cell in sheet[1])
    text = " ".join(pdf_lines(pdf.data))
    assert all(word in text for word in header.split())
    women = next(line for line in pdf_lines(pdf.data) if line.startswith("호계동 여성안심구역"))
    assert " 40 " in f"{women} "


def test_volunteer_hours_in_csv_and_xlsx_match_the_json_and_stay_in_scope(walked, finished_patrol, groups, chief, volunteers, client, auth_headers):
    month = finished_patrol.starts_at.astimezone(SEOUL).strftime("%Y-%m")
    url = f"/api/v1/reports/volunteer-hours?month={month}&group_id={groups['jayul'].id}"
    as_json = {r["name"]: r["minutes"] for r in get(client, auth_headers, chief, url).get_json()["rows"]}
    as_csv = {r["Name"]: int(r["Confirmed (min)"]) for r in csv.DictReader(io.StringIO(get(client, auth_headers, chief, url + "&format=csv&lang=en").data.decode("utf-8-sig")))}
    workbook = openpyxl.load_workbook(io.BytesIO(get(client, auth_headers, chief, url + "&format=xlsx&lang=en").data))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    as_xlsx = {row[header.index("Name")].value: row[header.index("Confirmed (min)")].value for row in sheet.iter_rows(min_row=2)}
    assert as_json == as_csv == as_xlsx and as_json[walked.name] == 110
    summary = {row[0].value: row[1].value for row in workbook.worksheets[-1].iter_rows() if row[0].value}
    assert summary.get("Total confirmed (min)") == sum(as_json.values())

    own = get(client, auth_headers, volunteers[2], f"/api/v1/reports/volunteer-hours?month={month}").get_json()["rows"]
    assert {r["user_id"] for r in own} == {volunteers[2].id}
