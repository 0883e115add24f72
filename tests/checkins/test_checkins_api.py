import uuid
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from backend.checkins.models import CheckIn
from backend.core.time import SEOUL, utcnow
from backend.patrols.timing import location_time_problem, location_window
from tests.helpers import assert_problem
from backend.testing.fixtures.locations import check_in_or_out, offset
from backend.testing.fixtures.patrols import BEOMGYE, WOMEN_SAFE_INSIDE


@pytest.fixture
def check(client, auth_headers, running_patrol):
    def send(user, lon_lat, accuracy_m=5.0, kind="check-in", recorded_at=None, event_id=None, patrol_id=None):
        return check_in_or_out(
            client, auth_headers, user, patrol_id or running_patrol.id, kind, recorded_at, lon_lat, accuracy_m, event_id
        )

    return send


def stored(db_session):
    return db_session.scalar(select(func.count()).select_from(CheckIn))


def test_just_inside_the_meeting_radius_is_accepted(check, volunteers):
    body = check(volunteers[1], offset(BEOMGYE, 0, 95), accuracy_m=3).get_json()
    assert body["status"] == "accepted" and body["reasons"] == []
    assert 94 < body["distance_m"] < 96


def test_just_outside_is_flagged_for_review(check, volunteers):
    response = check(volunteers[1], offset(BEOMGYE, 0, 110), accuracy_m=5)
    assert response.status_code == 201
    body = response.get_json()
    assert (body["status"], body["reasons"], body["review"]) == ("flagged", ["outside_geofence"], "pending")


def test_the_reported_accuracy_can_make_the_difference(check, volunteers):
    body = check(volunteers[1], offset(BEOMGYE, 0, 110), accuracy_m=15).get_json()
    assert body["status"] == "accepted"


def test_inside_a_patrol_zone_counts_even_far_from_the_meeting_point(check, volunteers, zones):
    body = check(volunteers[1], WOMEN_SAFE_INSIDE).get_json()
    assert body["status"] == "accepted"
    assert body["zone_ids"] == [zones["women_safe"].id]
    assert body["distance_m"] > 300


def test_poor_accuracy_is_flagged_even_at_the_meeting_point(check, volunteers):
    body = check(volunteers[1], BEOMGYE, accuracy_m=150).get_json()
    assert (body["status"], body["reasons"]) == ("flagged", ["low_accuracy"])


def test_a_blocking_station_refuses_outside_check_ins(check, volunteers, home_station, db_session):
    home_station.geofence_policy = "block"
    db_session.commit()
    assert_problem(check(volunteers[1], offset(BEOMGYE, 0, 300)), 422, "OUTSIDE_GEOFENCE")
    assert stored(db_session) == 0
    assert check(volunteers[1], BEOMGYE).status_code == 201


def test_a_retry_gets_the_first_answer_and_stores_nothing(check, volunteers, db_session):
    event_id, when = uuid.uuid4(), utcnow()
    first = check(volunteers[1], BEOMGYE, recorded_at=when, event_id=event_id)
    again = check(volunteers[1], BEOMGYE, recorded_at=when, event_id=event_id)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json() == again.get_json()
    assert stored(db_session) == 1


def test_a_reused_id_with_another_body_is_refused(check, volunteers, db_session):
    event_id, when = uuid.uuid4(), utcnow()
    check(volunteers[1], BEOMGYE, recorded_at=when, event_id=event_id)
    assert_problem(check(volunteers[1], offset(BEOMGYE, 5, 0), recorded_at=when, event_id=event_id), 422, "IDEMPOTENCY_MISMATCH")
    assert_problem(check(volunteers[1], BEOMGYE, kind="check-out", recorded_at=when, event_id=event_id), 422, "IDEMPOTENCY_MISMATCH")
    assert stored(db_session) == 1


def test_refusals(check, volunteers, make_user, home_station, client, auth_headers, db_session):
    assert_problem(check(volunteers[4], BEOMGYE), 403, "NOT_A_PARTICIPANT")  # invited, not signed up
    assert_problem(check(volunteers[1], BEOMGYE, kind="check-out"), 409, "NOT_CHECKED_IN")
    assert_problem(check(volunteers[1], BEOMGYE, recorded_at=utcnow() + timedelta(minutes=10)), 422, "RECORDED_IN_FUTURE")
    assert_problem(check(volunteers[1], BEOMGYE, recorded_at=utcnow() - timedelta(hours=4)), 422, "OUTSIDE_PATROL_WINDOW")
    client.delete("/api/v1/me/consents", headers=auth_headers(volunteers[2]))
    assert_problem(check(volunteers[2], BEOMGYE), 403, "CONSENT_REQUIRED")
    assert stored(db_session) == 0


def test_check_out_after_check_in(check, volunteers):
    check(volunteers[1], BEOMGYE)
    body = check(volunteers[1], WOMEN_SAFE_INSIDE, kind="check-out").get_json()
    assert (body["kind"], body["status"]) == ("check_out", "accepted")


def test_officers_review_flagged_check_ins(check, volunteers, officer, client, auth_headers):
    check(volunteers[1], BEOMGYE)  # accepted: nothing to review
    flagged = check(volunteers[2], offset(BEOMGYE, 0, 500)).get_json()
    headers = auth_headers(officer)
    pending = client.get("/api/v1/checkins?review=pending", headers=headers).get_json()
    assert [c["id"] for c in pending] == [flagged["id"]]

    response = client.patch(f"/api/v1/checkins/{flagged['id']}", json={"review": "approved", "note": "지하 출구에서 합류"}, headers=headers)
    reviewed = response.get_json()
    assert (reviewed["review"], reviewed["reviewed_by_id"], reviewed["review_note"]) == ("approved", officer.id, "지하 출구에서 합류")
    assert client.get("/api/v1/checkins?review=pending", headers=headers).get_json() == []


def test_only_flagged_check_ins_are_reviewed_and_only_by_station_staff(check, volunteers, officer, make_user, other_station, client, auth_headers):
    accepted = check(volunteers[1], BEOMGYE).get_json()
    flagged = check(volunteers[2], offset(BEOMGYE, 0, 500)).get_json()
    assert_problem(client.patch(f"/api/v1/checkins/{accepted['id']}", json={"review": "approved"}, headers=auth_headers(officer)), 409, "NOT_FLAGGED")
    assert_problem(client.patch(f"/api/v1/checkins/{flagged['id']}", json={"review": "approved"}, headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")
    outsider = make_user("officer", other_station)
    assert_problem(client.patch(f"/api/v1/checkins/{flagged['id']}", json={"review": "rejected"}, headers=auth_headers(outsider)), 404, "NOT_FOUND")
    assert_problem(client.patch(f"/api/v1/checkins/{flagged['id']}", json={"review": "maybe"}, headers=auth_headers(officer)), 422, "VALIDATION_ERROR")


def at(day_offset, hour, minute=0):
    """A Korean wall-clock time on a past night (the window check also refuses the future)."""
    return datetime.combine(date(2026, 11, 6) + timedelta(days=day_offset), time(hour, minute), SEOUL)


@pytest.mark.parametrize(
    ("recorded", "problem"),
    [
        (at(0, 22, 29), "OUTSIDE_PATROL_WINDOW"),  # before the window opens (30 min ahead)
        (at(0, 22, 30), None),
        (at(1, 0, 30), None),  # after midnight, same patrol
        (at(1, 2, 15), None),  # within the 15 minutes of grace
        (at(1, 2, 16), "OUTSIDE_PATROL_WINDOW"),
    ],
)
def test_the_location_window_of_a_patrol_over_midnight(app, recorded, problem):
    with app.app_context():
        window = location_window(at(0, 23), at(1, 2), checkin_opens_minutes=30)
    assert location_time_problem(recorded, window) == problem


def test_points_follow_the_grace_after_the_end_that_check_outs_follow(app, monkeypatch):
    monkeypatch.setitem(app.config, "CHECKOUT_GRACE_MINUTES", 5)
    with app.app_context():
        window = location_window(at(0, 23), at(1, 2), checkin_opens_minutes=30)
    assert location_time_problem(at(1, 2, 5), window) is None
    assert location_time_problem(at(1, 2, 6), window) == "OUTSIDE_PATROL_WINDOW"


def test_the_review_queue_shows_where_and_who(check, volunteers, officer, client, auth_headers):
    where = offset(BEOMGYE, 0, 500)
    check(volunteers[2], where, accuracy_m=12)
    [pending] = client.get("/api/v1/checkins?review=pending", headers=auth_headers(officer)).get_json()
    assert pending["point"]["type"] == "Point"
    assert pending["point"]["coordinates"] == pytest.approx(where)
    assert (pending["accuracy_m"], pending["user_name"]) == (12, volunteers[2].name)


def test_a_check_in_costs_five_statements_and_its_retry_four(running_patrol, volunteers, client, auth_headers, count_queries):
    headers = auth_headers(volunteers[1])
    url = f"/api/v1/patrols/{running_patrol.id}/check-in"
    body = {"lon": BEOMGYE[0], "lat": BEOMGYE[1], "accuracy_m": 5.0, "recorded_at": utcnow().isoformat(), "client_event_id": str(uuid.uuid4())}

    with count_queries(as_a_new_request=True) as sent:
        assert client.post(url, json=body, headers=headers).status_code == 201
    # The statement timeout; the sign-in's session with its person; the decision (patrol,
    # duty, consent, earlier answer, distances); INSERT .. RETURNING; the attendance refresh.
    assert len(sent) == 5, sent

    with count_queries(as_a_new_request=True) as sent:
        assert client.post(url, json=body, headers=headers).status_code == 200
    # The same three first; then the first answer, read back.
    assert len(sent) == 4, sent
