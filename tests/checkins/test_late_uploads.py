"""Facts that reach the server late are kept but wait for an officer before they count, and
check-ins and check-outs recorded after the patrol are refused."""
import csv
import io
import subprocess
from datetime import timedelta

import openpyxl
import pytest

from backend.core.time import SEOUL, utcnow
from tests.helpers import assert_problem
from backend.testing.fixtures.attendance import attendance_rows
from backend.testing.fixtures.locations import check_in_or_out, fix, offset
from backend.testing.fixtures.patrols import BEOMGYE, WOMEN_SAFE_INSIDE


@pytest.fixture
def ended_patrol(running_patrol, db_session):
    """The running patrol, moved so that it ran two hours and ended ten minutes ago."""
    running_patrol.starts_at = utcnow() - timedelta(hours=2, minutes=10)
    running_patrol.ends_at = utcnow() - timedelta(minutes=10)
    db_session.commit()
    return running_patrol


def report_row(client, auth_headers, viewer, patrol, user, suffix=""):
    day = patrol.starts_at.astimezone(SEOUL).date()
    return client.get(f"/api/v1/reports/attendance?from={day}&to={day}{suffix}", headers=auth_headers(viewer))


def test_a_check_in_or_out_recorded_after_the_end_and_its_grace_is_refused(ended_patrol, volunteers, client, auth_headers, app, monkeypatch):
    monkeypatch.setitem(app.config, "CHECKOUT_GRACE_MINUTES", 5)
    person = volunteers[1]
    assert check_in_or_out(client, auth_headers, person, ended_patrol.id, "check-in", ended_patrol.starts_at).status_code == 201
    after_grace = ended_patrol.ends_at + timedelta(minutes=6)
    assert_problem(check_in_or_out(client, auth_headers, person, ended_patrol.id, "check-out", after_grace), 422, "RECORDED_AFTER_PATROL_END")
    assert_problem(check_in_or_out(client, auth_headers, volunteers[2], ended_patrol.id, "check-in", after_grace), 422, "RECORDED_AFTER_PATROL_END")
    within_grace = ended_patrol.ends_at + timedelta(minutes=4)
    assert check_in_or_out(client, auth_headers, person, ended_patrol.id, "check-out", within_grace).status_code == 201


def test_a_late_check_in_is_flagged_listed_for_review_and_holds_attendance(derive_now, running_patrol, volunteers, officer, client, auth_headers):
    person = volunteers[1]
    late = check_in_or_out(client, auth_headers, person, running_patrol.id, "check-in", running_patrol.starts_at).get_json()
    assert (late["status"], late["reasons"], late["review"]) == ("flagged", ["late_upload"], "pending")
    on_time = check_in_or_out(client, auth_headers, volunteers[2], running_patrol.id, "check-in", utcnow() - timedelta(minutes=5)).get_json()
    assert (on_time["status"], on_time["reasons"]) == ("accepted", [])

    derive_now()
    queue = client.get(f"/api/v1/checkins?review=pending&patrol_id={running_patrol.id}", headers=auth_headers(officer)).get_json()
    assert [c["id"] for c in queue] == [late["id"]]
    row = attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]
    assert (row["status"], row["late_facts"], row["duty_minutes"]) == ("pending_review", ["check_in"], 0)

    client.patch(f"/api/v1/checkins/{late['id']}", json={"review": "approved"}, headers=auth_headers(officer))
    derive_now()
    row = attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]
    assert (row["status"], row["late_facts"]) == ("present", ["check_in"])  # approved, and still said


def test_late_points_are_kept_flagged_and_counted(derive_now, running_patrol, volunteers, officer, upload, client, auth_headers):
    person = volunteers[1]
    check_in_or_out(client, auth_headers, person, running_patrol.id, "check-in", utcnow() - timedelta(minutes=5))
    old = [fix(running_patrol.id, WOMEN_SAFE_INSIDE, utcnow() - timedelta(minutes=40, seconds=15 * n)) for n in range(4)]
    fresh = [fix(running_patrol.id, WOMEN_SAFE_INSIDE, utcnow() - timedelta(minutes=1, seconds=15 * n)) for n in range(3)]
    body = upload(person, old + fresh).get_json()
    assert (body["accepted"], body["late"], body["rejected"]) == (7, 4, [])
    derive_now()
    row = attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]
    assert (row["status"], row["late_facts"]) == ("pending_review", ["points"])
    queue = client.get("/api/v1/attendance/pending-review", headers=auth_headers(officer)).get_json()
    assert [(r["patrol_id"], r["user_id"], r["late_facts"]) for r in queue] == [(running_patrol.id, person.id, ["points"])]
    # Withdrawing consent deletes the points, not the record that some came late.
    assert client.delete("/api/v1/me/consents", headers=auth_headers(person)).status_code == 204
    derive_now()
    assert attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]["late_facts"] == ["points"]


def test_a_no_show_who_uploads_after_the_end_stays_absent_until_an_officer_approves(derive_now, ended_patrol, volunteers, officer, chief, upload, client, auth_headers):
    """Ten minutes after the end, a participant who never came sends a check-in dated before
    the start, a batch of points dated inside the patrol and a check-out."""
    person = volunteers[1]
    start, end = ended_patrol.starts_at, ended_patrol.ends_at
    derive_now()
    assert attendance_rows(client, auth_headers, officer, ended_patrol.id)[person.id]["status"] == "no_show"

    checkin = check_in_or_out(client, auth_headers, person, ended_patrol.id, "check-in", start - timedelta(minutes=5)).get_json()
    assert checkin["reasons"] == ["late_upload"]
    points = [fix(ended_patrol.id, WOMEN_SAFE_INSIDE, start + timedelta(minutes=n)) for n in range(0, 100, 2)]
    assert upload(person, points).get_json()["late"] == len(points)
    assert check_in_or_out(client, auth_headers, person, ended_patrol.id, "check-out", end - timedelta(minutes=1)).status_code == 201

    derive_now()
    row = attendance_rows(client, auth_headers, officer, ended_patrol.id)[person.id]
    assert (row["status"], row["duty_minutes"], row["late_facts"]) == ("pending_review", 0, ["check_in", "points"])
    queue = client.get(f"/api/v1/checkins?review=pending&patrol_id={ended_patrol.id}", headers=auth_headers(officer)).get_json()
    assert [c["id"] for c in queue] == [checkin["id"]]

    # The coordinator sees it in the report, in every format, before any hours are approved.
    report = report_row(client, auth_headers, chief, ended_patrol, person).get_json()
    mine = next(r for r in report["rows"] if r["user_id"] == person.id)
    assert (mine["status"], mine["late_uploads"], mine["duty_minutes"]) == ("pending_review", ["check_in", "points"], 0)
    column = next(c for c in report["columns"] if c["key"] == "late_uploads")
    assert (column["ko"], column["en"], column["words"]["points"]) == ("늦은 업로드", "Late uploads", {"ko": "위치 기록", "en": "location points"})
    csv_text = report_row(client, auth_headers, chief, ended_patrol, person, "&format=csv&lang=ko").data.decode("utf-8-sig")
    csv_row = next(r for r in csv.DictReader(io.StringIO(csv_text)) if r["성명"] == person.name)
    assert (csv_row["출석"], csv_row["늦은 업로드"]) == ("검토 대기", "체크인, 위치 기록")
    xlsx = report_row(client, auth_headers, chief, ended_patrol, person, "&format=xlsx&lang=en").data
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    xlsx_row = next(dict(zip(header, (c.value for c in r))) for r in sheet.iter_rows(min_row=2) if r[header.index("Name")].value == person.name)
    assert (xlsx_row["Status"], xlsx_row["Late uploads"]) == ("Pending review", "check-in, location points")
    pdf = report_row(client, auth_headers, chief, ended_patrol, person, "&format=pdf&lang=en").data
    # In reading order a cell's wrapped lines follow each other.
    pdf_text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode().split())
    assert "Late uploads" in pdf_text and "check-in," in pdf_text and "check_in" not in pdf_text

    # The officer vouches for it by confirming the attendance: now it counts, and still says so.
    queue = client.get("/api/v1/attendance/pending-review", headers=auth_headers(officer)).get_json()
    assert [r["user_id"] for r in queue] == [person.id]
    confirmed = client.patch(f"/api/v1/patrols/{ended_patrol.id}/attendance", json={"entries": [{"user_id": person.id}]}, headers=auth_headers(officer))
    assert confirmed.status_code == 200, confirmed.get_json()
    derive_now()
    row = attendance_rows(client, auth_headers, officer, ended_patrol.id)[person.id]
    assert (row["status"], row["duty_minutes"], row["late_facts"]) == ("present", 119, ["check_in", "points"])
    assert client.get("/api/v1/attendance/pending-review", headers=auth_headers(officer)).get_json() == []
    history = client.get(f"/api/v1/checkins/{checkin['id']}/reviews", headers=auth_headers(officer)).get_json()
    assert [(h["review"], h["reviewed_by_id"]) for h in history] == [("approved", officer.id)]
    mine = next(r for r in report_row(client, auth_headers, chief, ended_patrol, person).get_json()["rows"] if r["user_id"] == person.id)
    assert (mine["status"], mine["late_uploads"]) == ("present", ["check_in", "points"])


def test_a_rejected_late_check_in_leaves_a_no_show(ended_patrol, volunteers, officer, client, auth_headers):
    person = volunteers[1]
    checkin = check_in_or_out(client, auth_headers, person, ended_patrol.id, "check-in", ended_patrol.starts_at).get_json()
    client.patch(f"/api/v1/checkins/{checkin['id']}", json={"review": "rejected", "note": "현장에 없었음"}, headers=auth_headers(officer))
    row = attendance_rows(client, auth_headers, officer, ended_patrol.id)[person.id]
    assert (row["status"], row["late_facts"]) == ("no_show", ["check_in"])


def test_reversing_a_review_keeps_the_earlier_decision(running_patrol, volunteers, officer, chief, client, auth_headers, db_session):
    flagged = check_in_or_out(client, auth_headers, volunteers[1], running_patrol.id, "check-in", utcnow(), where=offset(BEOMGYE, 0, 500)).get_json()
    assert flagged["reasons"] == ["outside_geofence"]
    url = f"/api/v1/checkins/{flagged['id']}"
    client.patch(url, json={"review": "rejected", "note": "집결지에 없음"}, headers=auth_headers(officer))
    latest = client.patch(url, json={"review": "approved", "note": "지하 출구에서 합류 확인"}, headers=auth_headers(chief)).get_json()
    assert (latest["review"], latest["reviewed_by_id"]) == ("approved", chief.id)

    history = client.get(f"{url}/reviews", headers=auth_headers(officer)).get_json()
    assert [(h["review"], h["reviewed_by_id"], h["note"]) for h in history] == [
        ("rejected", officer.id, "집결지에 없음"),
        ("approved", chief.id, "지하 출구에서 합류 확인"),
    ]
    assert_problem(client.get(f"{url}/reviews", headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")


def test_the_late_delay_is_a_setting(running_patrol, volunteers, client, auth_headers, app, monkeypatch):
    monkeypatch.setitem(app.config, "LATE_UPLOAD_MINUTES", 60)
    body = check_in_or_out(client, auth_headers, volunteers[1], running_patrol.id, "check-in", utcnow() - timedelta(minutes=50)).get_json()
    assert (body["status"], body["reasons"]) == ("accepted", [])
    body = check_in_or_out(client, auth_headers, volunteers[2], running_patrol.id, "check-in", utcnow() - timedelta(minutes=70)).get_json()
    assert (body["status"], body["reasons"]) == ("flagged", ["late_upload"])


def test_the_review_queue_shows_no_other_stations_records(derive_now, running_patrol, volunteers, officer, make_user, other_station, client, auth_headers):
    late = check_in_or_out(client, auth_headers, volunteers[1], running_patrol.id, "check-in", running_patrol.starts_at)
    assert late.get_json()["reasons"] == ["late_upload"]
    derive_now()
    ours = client.get("/api/v1/attendance/pending-review", headers=auth_headers(officer))
    assert [(r["patrol_id"], r["user_id"]) for r in ours.get_json()] == [(running_patrol.id, volunteers[1].id)]
    for role in ("officer", "station_chief"):
        theirs = client.get("/api/v1/attendance/pending-review", headers=auth_headers(make_user(role, other_station)))
        assert theirs.status_code == 200
        assert theirs.get_json() == []
        assert '"total": 0' in theirs.headers["X-Pagination"]
