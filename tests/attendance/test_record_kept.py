"""What happened on a patrol stays on its record: nobody withdraws from a running patrol,
people are expected (not absent) before it starts, and duty fits the patrol."""
from datetime import timedelta

from backend.core.time import SEOUL, utcnow
from backend.patrols.models import Patrol
from tests.helpers import assert_problem
from backend.testing.fixtures.attendance import attendance_rows
from backend.testing.fixtures.locations import check_in_or_out, fix
from backend.testing.fixtures.patrols import WOMEN_SAFE_INSIDE


def test_withdrawing_mid_patrol_is_refused_and_erases_nothing(derive_now, running_patrol, volunteers, officer, chief, api, upload, client, auth_headers, db_session):
    running_patrol.starts_at, running_patrol.ends_at = utcnow() - timedelta(minutes=10), utcnow() + timedelta(hours=2)
    db_session.commit()
    walker, leader = volunteers[1], volunteers[0]
    assert check_in_or_out(client, auth_headers, walker, running_patrol.id, "check-in", running_patrol.starts_at).status_code == 201
    upload(walker, [fix(running_patrol.id, WOMEN_SAFE_INSIDE, utcnow() - timedelta(seconds=15 * n)) for n in range(20)])

    for actor, who in ((walker, "me"), (leader, walker.id), (chief, walker.id)):
        assert_problem(api.withdraw(actor, running_patrol.id, who), 409, "PATROL_ALREADY_STARTED")

    assert walker.id in [p["user_id"] for p in api.roster(officer, running_patrol.id)["confirmed"]]
    derive_now()
    board = client.get(f"/api/v1/patrols/{running_patrol.id}/live", headers=auth_headers(officer)).get_json()
    assert {p["user_id"]: p["state"] for p in board["participants"]}[walker.id] == "checked_in"
    # Leaving early is a check-out, and attendance says so.
    assert check_in_or_out(client, auth_headers, walker, running_patrol.id, "check-out", utcnow()).status_code == 201
    derive_now()
    assert attendance_rows(client, auth_headers, officer, running_patrol.id)[walker.id]["status"] == "left_early"
    assert_problem(client.delete(f"/api/v1/patrols/{running_patrol.id}/officers/{officer.id}", headers=auth_headers(chief)), 409, "PATROL_ALREADY_STARTED")


def test_once_the_patrol_runs_only_the_waitlist_may_be_left(api, chief, officer, patrol_body, volunteers, db_session):
    patrol = api.published(chief, officer, patrol_body(max_volunteers=1))
    api.sign_up(volunteers[1], patrol["id"])
    assert api.sign_up(volunteers[2], patrol["id"]).get_json()["status"] == "waitlisted"
    row = db_session.get(Patrol, patrol["id"])
    row.starts_at, row.ends_at = utcnow() - timedelta(hours=1), utcnow() + timedelta(hours=1)
    db_session.commit()
    assert_problem(api.withdraw(volunteers[1], patrol["id"]), 409, "PATROL_ALREADY_STARTED")
    assert api.withdraw(volunteers[2], patrol["id"]).status_code == 204
    roster = api.roster(chief, patrol["id"])
    assert ([p["user_id"] for p in roster["confirmed"]], roster["waitlisted"]) == ([volunteers[1].id], [])


def test_before_the_start_people_are_expected_then_absent_if_they_never_came(derive_now, api, chief, officer, patrol_body, volunteers, client, auth_headers, db_session):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    derive_now()
    before = attendance_rows(client, auth_headers, officer, patrol["id"])
    assert {before[volunteers[1].id]["status"], before[officer.id]["status"]} == {"expected"}

    row = db_session.get(Patrol, patrol["id"])
    row.starts_at, row.ends_at = utcnow() - timedelta(hours=3), utcnow() - timedelta(hours=1)
    db_session.commit()
    day = row.starts_at.astimezone(SEOUL).date()
    derive_now()
    report = client.get(f"/api/v1/reports/attendance?from={day}&to={day}", headers=auth_headers(chief)).get_json()
    assert {r["user_id"]: r["status"] for r in report["rows"] if r["patrol_id"] == patrol["id"]} == {
        volunteers[1].id: "no_show", officer.id: "no_show",
    }


def test_confirmed_duty_cannot_exceed_the_patrol_and_its_margin(finished_patrol, volunteers, chief, client, auth_headers, app, monkeypatch):
    url = f"/api/v1/patrols/{finished_patrol.id}/attendance"  # a two-hour patrol
    person = volunteers[1].id
    refused = client.patch(url, json={"entries": [{"user_id": person, "duty_minutes": 151}]}, headers=auth_headers(chief))
    assert "duty_minutes" in assert_problem(refused, 422, "DUTY_EXCEEDS_PATROL")["errors"]
    accepted = client.patch(url, json={"entries": [{"user_id": person, "duty_minutes": 150}]}, headers=auth_headers(chief))
    assert accepted.get_json()[0]["duty_minutes"] == 150

    monkeypatch.setitem(app.config, "DUTY_MARGIN_MINUTES", 0)
    refused = client.patch(url, json={"entries": [{"user_id": person, "duty_minutes": 121}]}, headers=auth_headers(chief))
    assert_problem(refused, 422, "DUTY_EXCEEDS_PATROL")
    # Nor can an officer set a status that only the data decides.
    refused = client.patch(url, json={"entries": [{"user_id": person, "status": "pending_review"}]}, headers=auth_headers(chief))
    assert "entries" in assert_problem(refused, 422, "VALIDATION_ERROR")["errors"]
