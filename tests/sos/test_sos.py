"""An SOS from the field: who hears of it at once, and how responders take and close it.

Pushes go through the outbox, the real firebase-admin SDK and the fake FCM.
"""
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from backend.core.time import utcnow
from backend.locations.models import LocationAccess
from backend.notifications.models import OutboxEvent
from backend.patrols.models import ParticipantKind, ParticipantStatus, Patrol, PatrolParticipant
from backend.sos.models import SosAlert
from backend.testing.fixtures.locations import check_in_or_out, fix, offset
from backend.testing.fixtures.patrols import BEOMGYE
from backend.testing.fixtures.sos import SOS, types_to
from tests.helpers import assert_problem


@pytest.fixture
def join_patrol(db_session, running_patrol, consent):
    """Put someone on the running patrol as a confirmed volunteer (sign-up is closed once it runs)."""

    def add(user):
        period = db_session.scalar(select(PatrolParticipant.period).where(PatrolParticipant.patrol_id == running_patrol.id))
        db_session.add(PatrolParticipant(patrol_id=running_patrol.id, user_id=user.id, kind=ParticipantKind.VOLUNTEER,
                                         status=ParticipantStatus.CONFIRMED, period=period, confirmed_at=utcnow()))
        db_session.commit()
        consent(user)

    return add


def withdraw_from(db_session, patrol, user):
    db_session.execute(
        update(PatrolParticipant)
        .where(PatrolParticipant.patrol_id == patrol.id, PatrolParticipant.user_id == user.id)
        .values(status=ParticipantStatus.WITHDRAWN, withdrawn_at=utcnow())
    )
    db_session.commit()


def test_the_first_tier_hears_at_once_and_nobody_else(
    press, running_patrol, officer, chief, volunteers, upload, join_patrol, make_user, home_station, other_station,
    phone, dispatch, fake_fcm, db_session, client, auth_headers,
):
    raiser, near, withdrawn, far = volunteers[1], volunteers[2], volunteers[3], volunteers[4]
    join_patrol(far)
    a_minute_ago = utcnow() - timedelta(minutes=1)
    assert upload(near, [fix(running_patrol.id, offset(BEOMGYE, 200, 0), a_minute_ago)]).status_code == 200
    assert upload(withdrawn, [fix(running_patrol.id, offset(BEOMGYE, 50, 0), a_minute_ago)]).status_code == 200
    # Checked in at the meeting point, but last seen a kilometre away: the last position counts.
    assert check_in_or_out(client, auth_headers, far, running_patrol.id, "check-in").status_code == 201
    assert upload(far, [fix(running_patrol.id, offset(BEOMGYE, 1000, 0), a_minute_ago)]).status_code == 200
    withdraw_from(db_session, running_patrol, withdrawn)
    coordinator = make_user("coordinator", home_station)  # told only when the alert escalates
    make_user("station_chief", home_station, is_active=False)  # a former chief: not counted
    elsewhere = [make_user("officer", other_station), make_user("station_chief", other_station)]
    tokens = {user.id: phone(user) for user in [officer, chief, near, withdrawn, far, coordinator, raiser, *elsewhere]}

    response = press(raiser, note="골목에서 따라오는 사람이 있어요")

    assert response.status_code == 201, response.get_json()
    answer = response.get_json()
    assert answer["status"] == "open"
    assert answer["recipients"] == 3
    assert answer["call_112"] == "tel:112"
    assert answer["station_phone"] is None  # the station has not given one
    dispatch()
    alerted = {user.id for user in [officer, chief, near]}
    for user_id, token in tokens.items():
        assert types_to(fake_fcm, token) == (["sos.raised"] if user_id in alerted else []), user_id

    [message] = [body["message"] for body in fake_fcm.sent_to(tokens[officer.id])]
    assert message["data"] | {"message_id": None} == {
        "type": "sos.raised",
        "patrol_id": str(running_patrol.id),
        "alert_id": str(answer["id"]),
        "kind": "sos",
        "raiser_name": raiser.name,
        "lat": str(BEOMGYE[1]),
        "lon": str(BEOMGYE[0]),
        "deep_link": f"jointpatrol://sos/{answer['id']}",
        "version": "1",
        "message_id": None,
    }
    assert message["notification"]["title"] == f"긴급 SOS: {raiser.name}"
    assert message["android"]["priority"] == "high"
    assert message["android"]["notification"]["channel_id"] == "sos"
    assert 0 < float(message["android"]["ttl"].rstrip("s")) <= 300
    assert message["apns"]["headers"]["apns-priority"] == "10"
    assert message["apns"]["payload"]["aps"] == {"sound": "default", "interruption-level": "time-sensitive"}


def test_a_retried_press_duplicates_nothing(press, volunteers, db_session):
    event_id = uuid.uuid4()
    first = press(volunteers[1], client_event_id=event_id)
    again = press(volunteers[1], client_event_id=event_id)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["id"] == first.get_json()["id"]
    assert db_session.scalar(select(func.count()).select_from(SosAlert)) == 1
    assert db_session.scalar(select(func.count()).where(OutboxEvent.event_type == "sos.raised")) == 1


def test_a_second_press_joins_the_running_alert(press, volunteers, officer, act, client, auth_headers, db_session):
    first = press(volunteers[1]).get_json()
    second = press(volunteers[1], kind="man_down")

    assert second.status_code == 200
    assert second.get_json()["id"] == first["id"]
    assert db_session.scalar(select(func.count()).where(OutboxEvent.event_type == "sos.raised")) == 1
    detail = client.get(f"{SOS}/{first['id']}", headers=auth_headers(officer)).get_json()
    assert [entry["event"] for entry in detail["timeline"]] == ["raised", "pressed_again"]
    # Once it is over, a press raises a new alert.
    act(volunteers[1], first["id"], "cancel")
    third = press(volunteers[1])
    assert third.status_code == 201
    assert third.get_json()["id"] != first["id"]


def test_a_false_alarm_is_cancelled_and_everyone_alerted_is_told(press, act, volunteers, officer, chief, phone, dispatch, fake_fcm):
    raiser = volunteers[1]
    officer_token, chief_token, raiser_token = phone(officer), phone(chief), phone(raiser)
    alert = press(raiser).get_json()
    dispatch()

    assert_problem(act(officer, alert["id"], "cancel"), 403, "SOS_NOT_RAISER")
    response = act(raiser, alert["id"], "cancel")
    assert response.status_code == 200
    assert response.get_json()["status"] == "cancelled"
    assert act(raiser, alert["id"], "cancel").status_code == 200  # a retry answers the same
    dispatch()

    assert types_to(fake_fcm, officer_token) == ["sos.raised", "sos.cancelled"]
    assert types_to(fake_fcm, chief_token) == ["sos.raised", "sos.cancelled"]
    assert types_to(fake_fcm, raiser_token) == []
    [cancelled] = [b["message"] for b in fake_fcm.sent_to(officer_token) if b["message"]["data"]["type"] == "sos.cancelled"]
    assert cancelled["notification"]["title"] == f"SOS 취소: {raiser.name}"
    assert_problem(act(officer, alert["id"], "acknowledge"), 409, "SOS_CLOSED")


def test_the_first_responder_takes_it_and_everyone_is_told_who(press, act, volunteers, officer, chief, phone, dispatch, fake_fcm, client):
    raiser = volunteers[1]
    raiser_token = phone(raiser, platform="ios", locale="en")
    officer_token, chief_token = phone(officer), phone(chief)
    alert = press(raiser).get_json()
    dispatch()

    taken = act(officer, alert["id"], "acknowledge")
    assert taken.status_code == 200
    assert taken.get_json()["status"] == "acknowledged"
    assert taken.get_json()["acknowledged_by_id"] == officer.id
    assert act(officer, alert["id"], "acknowledge").status_code == 200  # the same person retrying
    late = assert_problem(act(chief, alert["id"], "acknowledge"), 409, "SOS_ALREADY_ACKNOWLEDGED")
    assert late["acknowledged_by"] == {"id": officer.id, "name": officer.name}
    assert officer.name in late["detail"]
    assert_problem(act(raiser, alert["id"], "acknowledge"), 403, "FORBIDDEN")
    dispatch()

    [message] = [body["message"] for body in fake_fcm.sent_to(raiser_token)]
    assert message["data"]["type"] == "sos.acknowledged"
    assert message["data"]["responder_name"] == officer.name
    assert message["notification"]["title"] == f"Officer {officer.name} is coming"
    assert message["apns"]["payload"]["aps"]["interruption-level"] == "time-sensitive"
    # Everyone else alerted hears who took it; the taker is not told of their own act.
    assert types_to(fake_fcm, chief_token) == ["sos.raised", "sos.taken"]
    assert types_to(fake_fcm, officer_token) == ["sos.raised"]
    [taken_push] = [b["message"] for b in fake_fcm.sent_to(chief_token) if b["message"]["data"]["type"] == "sos.taken"]
    assert taken_push["data"]["responder_name"] == officer.name
    assert taken_push["notification"]["body"] == f"{officer.name} 님이 {raiser.name} 님의 SOS에 응답해 가고 있습니다."


def test_a_responder_resolves_it_once(press, act, volunteers, officer, chief):
    alert = press(volunteers[1]).get_json()
    assert_problem(act(volunteers[1], alert["id"], "resolve", {"outcome": "safe"}), 403, "FORBIDDEN")
    assert_problem(act(chief, alert["id"], "resolve", {"outcome": "lost"}), 422, "VALIDATION_ERROR")

    response = act(chief, alert["id"], "resolve", {"outcome": "police_dispatched", "note": "지구대 순찰차 출동"})

    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["outcome"], body["resolved_by_id"]) == ("resolved", "police_dispatched", chief.id)
    assert_problem(act(officer, alert["id"], "resolve", {"outcome": "safe"}), 409, "SOS_CLOSED")
    assert_problem(act(volunteers[1], alert["id"], "cancel"), 409, "SOS_CLOSED")


def test_only_people_on_the_patrol_may_raise_one(press, volunteers, chief, make_user, other_station):
    assert_problem(press(volunteers[0]), 403, "NOT_A_PARTICIPANT")  # invited, not signed up
    assert_problem(press(chief), 403, "NOT_A_PARTICIPANT")
    assert_problem(press(make_user("volunteer", other_station)), 404, "NOT_FOUND")


def test_consent_is_needed(press, volunteers, client, auth_headers):
    assert client.delete("/api/v1/me/consents", headers=auth_headers(volunteers[1])).status_code in (200, 204)
    assert_problem(press(volunteers[1]), 403, "CONSENT_REQUIRED")


@pytest.mark.parametrize("body, field", [
    ({"kind": "fire"}, "kind"),
    ({"lat": 137.0}, "lat"),
    ({"patrol_id": 0}, "patrol_id"),
])
def test_bad_input_is_refused(client, auth_headers, running_patrol, volunteers, body, field):
    request = {**fix(running_patrol.id, BEOMGYE, utcnow(), kind="sos"), **body}
    response = client.post(SOS, json=request, headers=auth_headers(volunteers[1]))
    problem = assert_problem(response, 422, "VALIDATION_ERROR")
    assert field in problem["errors"]


def test_an_sos_may_be_raised_on_the_walk_home_but_not_later(press, volunteers, running_patrol, db_session, app):
    after_end = timedelta(minutes=app.config["SOS_AFTER_END_MINUTES"])
    patrol = db_session.get(Patrol, running_patrol.id)
    patrol.ends_at = utcnow() - after_end - timedelta(minutes=1)
    db_session.commit()
    assert_problem(press(volunteers[1]), 422, "SOS_OUTSIDE_WINDOW")

    patrol.ends_at = utcnow() - after_end + timedelta(minutes=5)  # check-in and points have long closed
    db_session.commit()
    assert press(volunteers[1]).status_code == 201


def test_not_before_check_in_opens(press, volunteers, running_patrol, db_session):
    patrol = db_session.get(Patrol, running_patrol.id)
    opens_minutes = patrol.station.checkin_opens_minutes
    patrol.starts_at = utcnow() + timedelta(minutes=opens_minutes + 5)
    patrol.ends_at = patrol.starts_at + timedelta(hours=2)
    db_session.commit()
    assert_problem(press(volunteers[1]), 422, "SOS_OUTSIDE_WINDOW")


def test_another_station_sees_nothing(press, act, volunteers, make_user, other_station, client, auth_headers):
    alert = press(volunteers[1]).get_json()
    for role in ("officer", "station_chief", "coordinator"):
        stranger = make_user(role, other_station)
        assert_problem(client.get(f"{SOS}/{alert['id']}", headers=auth_headers(stranger)), 404, "NOT_FOUND")
        assert_problem(act(stranger, alert["id"], "acknowledge"), 404, "NOT_FOUND")
        assert client.get(SOS, headers=auth_headers(stranger)).get_json() == []
    # Nor do other volunteers of the same station, whose alert it is not.
    assert_problem(client.get(f"{SOS}/{alert['id']}", headers=auth_headers(volunteers[2])), 404, "NOT_FOUND")
    assert_problem(act(volunteers[2], alert["id"], "cancel"), 404, "NOT_FOUND")


def test_lists_filter_by_status_and_station(press, act, volunteers, officer, chief, home_station, other_station, client, auth_headers):
    open_alert = press(volunteers[1]).get_json()
    resolved = press(volunteers[2]).get_json()
    act(chief, resolved["id"], "resolve", {"outcome": "safe"})

    def ids(user, **query):
        response = client.get(SOS, query_string=query, headers=auth_headers(user))
        assert response.status_code == 200, response.get_json()
        return [alert["id"] for alert in response.get_json()]

    assert ids(officer) == [resolved["id"], open_alert["id"]]
    assert ids(officer, status="open") == [open_alert["id"]]
    assert ids(officer, status="resolved") == [resolved["id"]]
    assert ids(officer, station_id=home_station.id) == [resolved["id"], open_alert["id"]]
    assert ids(officer, station_id=other_station.id) == []
    assert ids(volunteers[1]) == [open_alert["id"]]  # the raiser reads their own only
    assert_problem(client.get(SOS, query_string={"status": "lost"}, headers=auth_headers(officer)), 422, "VALIDATION_ERROR")


def test_reading_an_alert_is_written_to_the_access_log(press, volunteers, officer, chief, running_patrol, client, auth_headers, db_session):
    alert = press(volunteers[1]).get_json()

    def log():
        return db_session.execute(
            select(LocationAccess.viewer_id, LocationAccess.subject_id, LocationAccess.patrol_id, LocationAccess.endpoint)
            .order_by(LocationAccess.id)
        ).all()

    assert client.get(f"{SOS}/{alert['id']}", headers=auth_headers(volunteers[1])).status_code == 200
    assert log() == []  # one's own alert
    detail = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(officer))
    assert detail.status_code == 200
    assert detail.get_json()["point"] == {"type": "Point", "coordinates": BEOMGYE}
    client.get(SOS, headers=auth_headers(chief))
    assert log() == [
        (officer.id, volunteers[1].id, running_patrol.id, "GET /api/v1/sos/<alert_id>"),
        (chief.id, volunteers[1].id, running_patrol.id, "GET /api/v1/sos"),
    ]


def test_the_timeline_tells_the_story(press, act, volunteers, officer, chief, phone, dispatch, client, auth_headers):
    phone(officer)
    alert = press(volunteers[1]).get_json()
    dispatch()
    act(officer, alert["id"], "acknowledge")
    act(officer, alert["id"], "resolve", {"outcome": "safe", "note": "귀가 확인"})

    timeline = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(chief)).get_json()["timeline"]

    assert [(e["event"], e["user_id"], e.get("push_type"), e.get("push_status")) for e in timeline] == [
        ("raised", volunteers[1].id, None, None),
        ("push", officer.id, "sos.raised", "sent"),
        ("acknowledged", officer.id, None, None),
        ("resolved", officer.id, None, None),
    ]


def test_alert_after_alert_through_a_prepared_statement(press, act, volunteers, db_session):
    # The driver prepares a statement on the server after a few runs; the insert must still
    # find the index that keeps one running alert per person.
    ids = []
    for _ in range(7):
        response = press(volunteers[1])
        assert response.status_code == 201, response.get_json()
        ids.append(response.get_json()["id"])
        assert press(volunteers[1]).get_json()["id"] == ids[-1]
        act(volunteers[1], ids[-1], "cancel")
    assert len(set(ids)) == 7


def test_the_answer_offers_the_station_phone(press, volunteers, chief, home_station, client, auth_headers):
    station = f"/api/v1/stations/{home_station.id}"
    bad = client.patch(station, json={"phone": "call us"}, headers=auth_headers(chief))
    assert "phone" in assert_problem(bad, 422, "VALIDATION_ERROR")["errors"]
    response = client.patch(station, json={"phone": "031-8086-1234"}, headers=auth_headers(chief))
    assert response.get_json()["phone"] == "031-8086-1234"

    assert press(volunteers[1]).get_json()["station_phone"] == "031-8086-1234"
