from datetime import timedelta

from sqlalchemy import select

from backend.core.time import utcnow
from backend.patrols.models import PatrolParticipant
from tests.helpers import assert_problem
from backend.testing.fixtures.attendance import attendance_rows


def test_status_at_the_boundaries(derive_now, finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    on_time, late, early_out, no_show = volunteers[1], volunteers[2], volunteers[3], officer
    phone_sent.checkin(finished_patrol, on_time, "check_in", 15)  # exactly 15 minutes: not late
    phone_sent.checkin(finished_patrol, on_time, "check_out", 120)
    phone_sent.checkin(finished_patrol, late, "check_in", 15.02)
    phone_sent.checkin(finished_patrol, late, "check_out", 125)  # after the end: clipped
    phone_sent.checkin(finished_patrol, early_out, "check_in", -20)
    phone_sent.checkin(finished_patrol, early_out, "check_out", -5)  # out before the start
    derive_now()
    rows = attendance_rows(client, auth_headers, officer, finished_patrol.id)

    assert (rows[on_time.id]["status"], rows[on_time.id]["duty_minutes"]) == ("present", 105)
    assert (rows[late.id]["status"], rows[late.id]["duty_minutes"]) == ("late", 104)
    assert (rows[early_out.id]["status"], rows[early_out.id]["duty_minutes"]) == ("left_early", 0)
    assert (rows[no_show.id]["status"], rows[no_show.id]["duty_minutes"]) == ("no_show", 0)


def test_without_a_check_out_duty_runs_to_the_last_point_and_says_so(derive_now, finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0)
    phone_sent.point(finished_patrol, volunteers[1], 30)
    phone_sent.point(finished_patrol, volunteers[1], 95)
    derive_now()
    row = attendance_rows(client, auth_headers, officer, finished_patrol.id)[volunteers[1].id]
    assert (row["duty_minutes"], row["is_duty_end_estimated"], row["status"]) == (95, True, "present")


def test_a_rejected_check_in_does_not_count(derive_now, finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0, review="rejected")
    derive_now()
    assert attendance_rows(client, auth_headers, officer, finished_patrol.id)[volunteers[1].id]["status"] == "no_show"


def test_volunteers_see_only_their_own_attendance(derive_now, finished_patrol, volunteers, client, auth_headers):
    derive_now()
    assert list(attendance_rows(client, auth_headers, volunteers[1], finished_patrol.id)) == [volunteers[1].id]


def test_bulk_confirmation_keeps_each_correction_and_its_author(finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0)
    phone_sent.checkin(finished_patrol, volunteers[1], "check_out", 120)
    url = f"/api/v1/patrols/{finished_patrol.id}/attendance"
    entries = [
        {"user_id": volunteers[1].id},  # confirmed as derived
        {"user_id": volunteers[2].id, "status": "excused", "note": "가족 병원 동행"},
    ]
    confirmed = client.patch(url, json={"entries": entries}, headers=auth_headers(officer)).get_json()
    assert {row["user_id"]: (row["status"], row["confirmed_by_id"]) for row in confirmed} == {
        volunteers[1].id: ("present", officer.id),
        volunteers[2].id: ("excused", officer.id),
    }
    changes = client.get(f"{url}/changes", headers=auth_headers(officer)).get_json()
    assert [(c["user_id"], c["changed_by_id"], c["before"]["status"], c["after"]["status"]) for c in changes] == [
        (volunteers[2].id, officer.id, "no_show", "excused")
    ]
    # A late upload recomputes what was derived, but an officer's correction stands.
    phone_sent.checkin(finished_patrol, volunteers[2], "check_in", 5)
    assert attendance_rows(client, auth_headers, officer, finished_patrol.id)[volunteers[2].id]["status"] == "excused"


def test_confirmation_waits_for_the_end_and_names_only_people_on_it(running_patrol, finished_patrol, volunteers, officer, client, auth_headers, make_user, home_station, db_session):
    url = f"/api/v1/patrols/{finished_patrol.id}/attendance"
    stranger = make_user("volunteer", home_station)
    assert_problem(client.patch(url, json={"entries": [{"user_id": stranger.id}]}, headers=auth_headers(officer)), 422, "NOT_ON_PATROL")
    assert_problem(client.patch(url, json={"entries": [{"user_id": volunteers[1].id}]}, headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")
    finished_patrol.ends_at = utcnow() + timedelta(minutes=10)
    db_session.commit()
    assert_problem(client.patch(url, json={"entries": [{"user_id": volunteers[1].id}]}, headers=auth_headers(officer)), 409, "PATROL_NOT_FINISHED")


def test_someone_taken_off_the_patrol_loses_their_record(derive_now, finished_patrol, volunteers, officer, phone_sent, client, auth_headers, db_session):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0)
    derive_now()
    assert volunteers[1].id in attendance_rows(client, auth_headers, officer, finished_patrol.id)
    participation = db_session.scalar(select(PatrolParticipant).where(
        PatrolParticipant.patrol_id == finished_patrol.id, PatrolParticipant.user_id == volunteers[1].id))
    participation.status = "withdrawn"
    db_session.commit()
    derive_now()
    rows = attendance_rows(client, auth_headers, officer, finished_patrol.id)
    assert volunteers[1].id not in rows and volunteers[2].id in rows
