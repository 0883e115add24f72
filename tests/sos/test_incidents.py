"""A station's monthly SOS incident list: the same rows as JSON, CSV and XLSX, the month in
Korean time, for the station family's responders only, every read in the access log."""
import csv
import io
from datetime import datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select, update

from backend.attendance.models import ExportRecord
from backend.core.time import SEOUL
from backend.locations.models import LocationAccess
from backend.sos.models import SosAlert
from tests.helpers import assert_problem

# 2026-11-30 23:59:59 in Seoul is still November; a second later, December.
LAST_SECOND_OF_NOVEMBER = datetime(2026, 11, 30, 23, 59, 59, tzinfo=SEOUL)
FIRST_SECOND_OF_DECEMBER = datetime(2026, 12, 1, 0, 0, 0, tzinfo=SEOUL)


def incidents_url(station, month, suffix=""):
    return f"/api/v1/stations/{station.id}/sos-incidents{suffix}?month={month}"


def move(db_session, alert_id, raised_at, acknowledged_after=None):
    """Put an alert at another time, as if it had been raised then (and taken that much later)."""
    values = {"raised_at": raised_at}
    if acknowledged_after is not None:
        values["acknowledged_at"] = raised_at + acknowledged_after
    db_session.execute(update(SosAlert).where(SosAlert.id == alert_id).values(**values))
    db_session.commit()


@pytest.fixture
def december(press, act, volunteers, officer, chief, db_session):
    """Three alerts of the home station's patrol: one taken by the officer after 42 s and
    resolved by the chief (police dispatched), one cancelled by its raiser (raised at the first
    second of December in Seoul), one of the last second of November."""
    taken = press(volunteers[1]).get_json()
    act(officer, taken["id"], "acknowledge")
    act(chief, taken["id"], "resolve", {"outcome": "police_dispatched", "note": "=지구대 순찰차 출동"})
    move(db_session, taken["id"], datetime(2026, 12, 18, 22, 41, 7, tzinfo=SEOUL), timedelta(seconds=42))
    cancelled = press(volunteers[2], kind="man_down").get_json()
    act(volunteers[2], cancelled["id"], "cancel")
    move(db_session, cancelled["id"], FIRST_SECOND_OF_DECEMBER)
    november = press(volunteers[3]).get_json()
    move(db_session, november["id"], LAST_SECOND_OF_NOVEMBER)
    return {"taken": taken["id"], "cancelled": cancelled["id"], "november": november["id"]}


def test_the_month_in_json(december, home_station, running_patrol, volunteers, officer, chief, client, auth_headers):
    response = client.get(incidents_url(home_station, "2026-12"), headers=auth_headers(chief))

    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    rows = report["rows"]
    assert [row["id"] for row in rows] == [december["cancelled"], december["taken"]]  # oldest first, no November
    cancelled, taken = rows
    patrol_day = running_patrol.starts_at.astimezone(SEOUL).date().isoformat()
    assert taken == {
        "id": december["taken"],
        "raised_at": "2026-12-18T13:41:07+00:00",
        "patrol": running_patrol.title,
        "patrol_date": patrol_day,
        "raiser": volunteers[1].name,
        "kind": "sos",
        "status": "resolved",
        "first_tier": 2,  # the officer on the patrol and the station chief
        "recipients": 2,
        "escalated": False,
        "acknowledged_by": officer.name,
        "seconds_to_acknowledge": 42,
        "resolved_by": chief.name,
        "outcome": "police_dispatched",
        "resolution_note": "=지구대 순찰차 출동",
        "cancelled": False,
    }
    assert (cancelled["kind"], cancelled["status"], cancelled["cancelled"]) == ("man_down", "cancelled", True)
    assert (cancelled["acknowledged_by"], cancelled["seconds_to_acknowledge"], cancelled["outcome"]) == (None, None, None)
    columns = {column["key"]: column for column in report["columns"]}
    assert columns["status"]["words"]["resolved"] == {"ko": "종료", "en": "Resolved"}
    summary = {line["key"]: line["value"] for line in report["summary"]}
    assert summary["period"] == "2026-12-01 – 2026-12-31"
    assert (summary["status.resolved"], summary["status.cancelled"], summary["status.open"]) == (1, 1, 0)
    assert summary["seconds_to_acknowledge"] == 42.0
    assert report["truncated"] is False

    previous = client.get(incidents_url(home_station, "2026-11"), headers=auth_headers(chief)).get_json()
    assert [row["id"] for row in previous["rows"]] == [december["november"]]


def test_the_month_as_an_excel_ready_csv(december, home_station, volunteers, officer, chief, client, auth_headers):
    # The officer is of the 지구대 under the station: one family.
    response = client.get(incidents_url(home_station, "2026-12", ".csv") + "&lang=ko", headers=auth_headers(officer))

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert "filename*=UTF-8''sos-incidents_2026-12_station-" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "private, no-store"
    cancelled, taken = csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")))
    assert (taken["번호"], taken["호출 시각"], taken["호출자"], taken["종류"], taken["상태"]) == (
        str(december["taken"]), "2026-12-18T22:41:07+09:00", volunteers[1].name, "SOS", "종료")
    assert (taken["출동 확인자"], taken["확인까지(초)"], taken["종료 처리자"], taken["결과"]) == (officer.name, "42", chief.name, "경찰 출동")
    assert taken["처리 메모"] == "'=지구대 순찰차 출동"  # never run as a formula by Excel
    assert (taken["확대 알림"], taken["취소(오경보)"]) == ("아니오", "아니오")
    assert (cancelled["호출 시각"], cancelled["종류"], cancelled["상태"], cancelled["취소(오경보)"]) == (
        "2026-12-01T00:00:00+09:00", "쓰러짐", "취소", "예")
    # format=csv on the report's own path answers the same file.
    same = client.get(incidents_url(home_station, "2026-12") + "&format=csv&lang=ko", headers=auth_headers(officer))
    assert same.data == response.data


def test_the_month_as_xlsx_in_english(december, home_station, volunteers, chief, client, auth_headers):
    response = client.get(incidents_url(home_station, "2026-12", ".xlsx") + "&lang=en", headers=auth_headers(chief))

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    data, summary = workbook.worksheets
    header = [cell.value for cell in data[1]]
    assert header[:7] == ["Alert no.", "Raised at", "Patrol", "Patrol date", "Raised by", "Kind", "Status"]
    rows = [dict(zip(header, (cell.value for cell in row))) for row in data.iter_rows(min_row=2)]
    assert [row["Alert no."] for row in rows] == [december["cancelled"], december["taken"]]
    taken = rows[1]
    assert taken["Raised at"] == datetime(2026, 12, 18, 22, 41, 7)  # Seoul wall-clock time
    assert (taken["Status"], taken["Outcome"], taken["To acknowledge (s)"], taken["Escalated"]) == (
        "Resolved", "Police dispatched", 42, "No")
    assert taken["Note"] == "=지구대 순찰차 출동"  # a text cell, which Excel never runs
    assert (rows[0]["Kind"], rows[0]["Status"], rows[0]["Cancelled (false alarm)"]) == ("Man down", "Cancelled", "Yes")
    lines = {row[0].value: row[1].value for row in summary.iter_rows(min_row=3) if row[0].value}
    assert summary["A1"].value == "SOS incidents"
    assert (lines["Period"], lines["Resolved"], lines["Cancelled"], lines["Rows"]) == ("2026-12-01 – 2026-12-31", 1, 1, 2)


def test_an_escalated_alert_says_so_and_counts_whom_it_reached(
    press, app, monkeypatch, volunteers, make_user, home_station, dispatch, chief, client, auth_headers,
):
    monkeypatch.setitem(app.config, "SOS_ESCALATE_AFTER_S", 0)
    monkeypatch.setitem(app.config, "SOS_REPEATS", 0)
    make_user("coordinator", home_station)  # told only when the alert escalates
    alert = press(volunteers[1]).get_json()
    dispatch()
    month = datetime.fromisoformat(alert["raised_at"]).astimezone(SEOUL).strftime("%Y-%m")

    [row] = client.get(incidents_url(home_station, month), headers=auth_headers(chief)).get_json()["rows"]

    assert (row["status"], row["escalated"], row["first_tier"], row["recipients"]) == ("open", True, 2, 3)


def test_an_empty_month(december, home_station, chief, client, auth_headers):
    report = client.get(incidents_url(home_station, "2027-01"), headers=auth_headers(chief)).get_json()
    assert report["rows"] == []
    assert {line["key"]: line["value"] for line in report["summary"]}["seconds_to_acknowledge"] is None

    empty = client.get(incidents_url(home_station, "2027-01", ".csv") + "&lang=en", headers=auth_headers(chief))
    assert empty.data.decode("utf-8-sig").splitlines() == [
        "Alert no.,Raised at,Patrol,Patrol date,Raised by,Kind,Status,First tier (people),Alerted (people),Escalated,"
        "Acknowledged by,To acknowledge (s),Resolved by,Outcome,Note,Cancelled (false alarm)"
    ]
    xlsx = client.get(incidents_url(home_station, "2027-01", ".xlsx"), headers=auth_headers(chief))
    assert openpyxl.load_workbook(io.BytesIO(xlsx.data)).worksheets[0].max_row == 1


def test_only_the_station_familys_responders_and_admins(
    december, home_station, other_station, volunteers, make_user, client, auth_headers,
):
    for role in ("officer", "station_chief", "coordinator"):
        stranger = make_user(role, other_station)
        for suffix in ("", ".csv", ".xlsx"):
            assert_problem(client.get(incidents_url(home_station, "2026-12", suffix), headers=auth_headers(stranger)),
                           404, "NOT_FOUND")
    for person in (volunteers[1], volunteers[5]):  # the raiser of one of them, and another volunteer
        assert_problem(client.get(incidents_url(home_station, "2026-12"), headers=auth_headers(person)), 403, "FORBIDDEN")
    admin = make_user("admin")
    assert len(client.get(incidents_url(home_station, "2026-12"), headers=auth_headers(admin)).get_json()["rows"]) == 2
    # The other station's own list is theirs, and holds nothing of this one.
    their_chief = make_user("station_chief", other_station)
    assert client.get(incidents_url(other_station, "2026-12"), headers=auth_headers(their_chief)).get_json()["rows"] == []


@pytest.mark.parametrize("query, field", [("month=2026-13", "month"), ("month=2026-12&format=pdf", "format"), ("", "month")])
def test_a_malformed_query_is_refused(home_station, chief, client, auth_headers, query, field):
    response = client.get(f"/api/v1/stations/{home_station.id}/sos-incidents?{query}", headers=auth_headers(chief))
    assert field in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]


def test_every_read_is_in_the_access_log_and_every_file_in_the_export_log(
    december, home_station, running_patrol, volunteers, officer, chief, client, auth_headers, db_session,
):
    client.get(incidents_url(home_station, "2026-12"), headers=auth_headers(chief))
    client.get(incidents_url(home_station, "2026-12", ".xlsx"), headers=auth_headers(officer))
    client.get(incidents_url(home_station, "2027-01"), headers=auth_headers(chief))  # nobody read

    logged = db_session.execute(
        select(LocationAccess.viewer_id, LocationAccess.subject_id, LocationAccess.patrol_id, LocationAccess.endpoint)
    ).all()
    endpoint = "GET /api/v1/stations/<station_id>/sos-incidents"
    assert sorted(logged) == sorted([
        (chief.id, volunteers[1].id, running_patrol.id, endpoint),
        (chief.id, volunteers[2].id, running_patrol.id, endpoint),
        (officer.id, volunteers[1].id, running_patrol.id, endpoint + ".xlsx"),
        (officer.id, volunteers[2].id, running_patrol.id, endpoint + ".xlsx"),
    ])
    exports = db_session.execute(
        select(ExportRecord.user_id, ExportRecord.report, ExportRecord.format, ExportRecord.filters).order_by(ExportRecord.id)
    ).all()
    assert exports[1] == (officer.id, "sos-incidents", "xlsx", {"month": "2026-12-01", "station_id": str(home_station.id)})
