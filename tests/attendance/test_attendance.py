import uuid
from datetime import timedelta

import pytest
from geoalchemy2.shape import from_shape
from shapely.geometry import Point
from sqlalchemy import select

from backend.attendance.models import ApprovedHours, HoursAdjustment
from backend.checkins.models import CheckIn
from backend.core.time import SEOUL, utcnow
from backend.locations.models import LocationPoint
from backend.patrols.models import PatrolParticipant
from tests.helpers import assert_problem

HERE = from_shape(Point(126.9508, 37.3897), srid=4326)


@pytest.fixture
def phone_sent(db_session):
    """Check-ins and points as a phone would have sent them, at minutes from the start."""

    class Sent:
        def checkin(self, patrol, user, kind, minutes, review=None):
            db_session.add(CheckIn(
                patrol_id=patrol.id, user_id=user.id, kind=kind, client_event_id=uuid.uuid4(), request_fingerprint="x" * 64,
                point=HERE, accuracy_m=5, recorded_at=patrol.starts_at + timedelta(minutes=minutes),
                status="accepted", distance_m=0, review=review,
            ))
            db_session.commit()

        def point(self, patrol, user, minutes):
            db_session.add(LocationPoint(
                patrol_id=patrol.id, user_id=user.id, client_event_id=uuid.uuid4(), point=HERE, accuracy_m=5,
                recorded_at=patrol.starts_at + timedelta(minutes=minutes),
            ))
            db_session.commit()

    return Sent()


def records(client, auth_headers, viewer, patrol):
    rows = client.get(f"/api/v1/patrols/{patrol.id}/attendance", headers=auth_headers(viewer)).get_json()
    return {row["user_id"]: row for row in rows}


def test_status_at_the_boundaries(finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    on_time, late, early_out, no_show = volunteers[1], volunteers[2], volunteers[3], officer
    phone_sent.checkin(finished_patrol, on_time, "check_in", 15)  # exactly 15 minutes: not late
    phone_sent.checkin(finished_patrol, on_time, "check_out", 120)
    phone_sent.checkin(finished_patrol, late, "check_in", 15.02)
    phone_sent.checkin(finished_patrol, late, "check_out", 125)  # after the end: clipped
    phone_sent.checkin(finished_patrol, early_out, "check_in", -20)
    phone_sent.checkin(finished_patrol, early_out, "check_out", -5)  # out before the start
    rows = records(client, auth_headers, officer, finished_patrol)

    assert (rows[on_time.id]["status"], rows[on_time.id]["duty_minutes"]) == ("present", 105)
    assert (rows[late.id]["status"], rows[late.id]["duty_minutes"]) == ("late", 104)
    assert (rows[early_out.id]["status"], rows[early_out.id]["duty_minutes"]) == ("left_early", 0)
    assert (rows[no_show.id]["status"], rows[no_show.id]["duty_minutes"]) == ("no_show", 0)


def test_without_a_check_out_duty_runs_to_the_last_point_and_says_so(finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0)
    phone_sent.point(finished_patrol, volunteers[1], 30)
    phone_sent.point(finished_patrol, volunteers[1], 95)
    row = records(client, auth_headers, officer, finished_patrol)[volunteers[1].id]
    assert (row["duty_minutes"], row["is_duty_end_estimated"], row["status"]) == (95, True, "present")


def test_a_rejected_check_in_does_not_count(finished_patrol, volunteers, officer, phone_sent, client, auth_headers):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0, review="rejected")
    assert records(client, auth_headers, officer, finished_patrol)[volunteers[1].id]["status"] == "no_show"


def test_volunteers_see_only_their_own_attendance(finished_patrol, volunteers, client, auth_headers):
    assert list(records(client, auth_headers, volunteers[1], finished_patrol)) == [volunteers[1].id]


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
    assert records(client, auth_headers, officer, finished_patrol)[volunteers[2].id]["status"] == "excused"


def test_confirmation_waits_for_the_end_and_names_only_people_on_it(running_patrol, finished_patrol, volunteers, officer, client, auth_headers, make_user, home_station, db_session):
    url = f"/api/v1/patrols/{finished_patrol.id}/attendance"
    stranger = make_user("volunteer", home_station)
    assert_problem(client.patch(url, json={"entries": [{"user_id": stranger.id}]}, headers=auth_headers(officer)), 422, "NOT_ON_PATROL")
    assert_problem(client.patch(url, json={"entries": [{"user_id": volunteers[1].id}]}, headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")
    finished_patrol.ends_at = utcnow() + timedelta(minutes=10)
    db_session.commit()
    assert_problem(client.patch(url, json={"entries": [{"user_id": volunteers[1].id}]}, headers=auth_headers(officer)), 409, "PATROL_NOT_FINISHED")


def test_approved_hours_are_locked_and_later_corrections_show_as_adjustments(finished_patrol, volunteers, officer, chief, groups, phone_sent, client, auth_headers, db_session):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0)
    phone_sent.checkin(finished_patrol, volunteers[1], "check_out", 90)
    url = f"/api/v1/patrols/{finished_patrol.id}/attendance"
    client.patch(url, json={"entries": [{"user_id": volunteers[1].id}]}, headers=auth_headers(officer))
    month = finished_patrol.starts_at.astimezone(SEOUL).strftime("%Y-%m")
    approval = client.post("/api/v1/reports/volunteer-hours/approvals", json={"group_id": groups["jayul"].id, "month": month}, headers=auth_headers(chief))
    assert approval.status_code == 201
    certified = db_session.scalar(select(ApprovedHours).where(ApprovedHours.user_id == volunteers[1].id))
    assert certified.minutes == 90

    again = client.post("/api/v1/reports/volunteer-hours/approvals", json={"group_id": groups["jayul"].id, "month": month}, headers=auth_headers(chief))
    assert_problem(again, 409, "HOURS_ALREADY_APPROVED")

    client.patch(url, json={"entries": [{"user_id": volunteers[1].id, "duty_minutes": 120, "note": "귀소 후 체크아웃 누락"}]}, headers=auth_headers(officer))
    db_session.refresh(certified)
    assert certified.minutes == 90  # the certified figure does not move
    adjustment = db_session.scalar(select(HoursAdjustment).where(HoursAdjustment.user_id == volunteers[1].id))
    assert (adjustment.minutes, adjustment.patrol_id) == (30, finished_patrol.id)


def test_approving_needs_a_valid_month_and_a_group_of_ones_station(client, auth_headers, chief, make_group, other_station):
    assert_problem(client.post("/api/v1/reports/volunteer-hours/approvals", json={"group_id": 1, "month": "2026-13"}, headers=auth_headers(chief)), 422, "VALIDATION_ERROR")
    foreign = make_group(other_station)
    assert_problem(client.post("/api/v1/reports/volunteer-hours/approvals", json={"group_id": foreign.id, "month": "2026-11"}, headers=auth_headers(chief)), 404, "NOT_FOUND")


def test_someone_taken_off_the_patrol_loses_their_record(finished_patrol, volunteers, officer, phone_sent, client, auth_headers, db_session):
    phone_sent.checkin(finished_patrol, volunteers[1], "check_in", 0)
    assert volunteers[1].id in records(client, auth_headers, officer, finished_patrol)
    participation = db_session.scalar(select(PatrolParticipant).where(
        PatrolParticipant.patrol_id == finished_patrol.id, PatrolParticipant.user_id == volunteers[1].id))
    participation.status = "withdrawn"
    db_session.commit()
    rows = records(client, auth_headers, officer, finished_patrol)
    assert volunteers[1].id not in rows and volunteers[2].id in rows
