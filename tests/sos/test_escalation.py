"""An SOS nobody takes: the station family is told, then everyone alerted again, a bounded
number of times, until somebody acknowledges it or it is closed.

The follow-ups are made due by configuration (0 s) or by moving their time to now, and sent
by the dispatcher command through the real firebase-admin SDK to the fake FCM.
"""
import uuid

import pytest
from sqlalchemy import func, select, update

from backend.core.time import utcnow
from backend.notifications.models import OutboxEvent
from backend.sos.escalation import FOLLOW_UPS
from backend.testing.fixtures.sos import SOS, types_to


@pytest.fixture
def due_now(db_session):
    """Bring the SOS's waiting follow-ups forward to now, as if their time had come (and not
    the patrol's own scheduled events, such as its no-show warning)."""

    def move():
        db_session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.processed_at.is_(None), OutboxEvent.event_type.in_(FOLLOW_UPS))
            .values(available_at=func.now())
        )
        db_session.commit()

    return move


@pytest.fixture
def escalate_at_once(app, monkeypatch):
    monkeypatch.setitem(app.config, "SOS_ESCALATE_AFTER_S", 0)


@pytest.fixture
def coworker(make_user, home_station):
    """An officer of the patrol's station who is not on the patrol: told only on escalation."""
    return make_user("officer", home_station)


def count(db_session, event_type):
    return db_session.scalar(select(func.count()).where(OutboxEvent.event_type == event_type))


def told(fake, token):
    """The types of the pushes a phone got; those of one dispatcher run may arrive in any order."""
    return sorted(types_to(fake, token))


def sent(fake, token):
    return [body["message"] for body in fake.sent_to(token)]


def test_nobody_answers_so_the_station_family_hears_and_the_first_tier_again(
    press, escalate_at_once, app, monkeypatch, volunteers, officer, chief, coworker, make_user, home_station, home_unit,
    other_station, phone, dispatch, fake_fcm, db_session, client, auth_headers,
):
    monkeypatch.setitem(app.config, "SOS_REPEATS", 0)
    raiser = volunteers[1]
    unit_officer = make_user("officer", home_unit, locale="en")  # of the 지구대 under the station
    tier_two = [coworker, make_user("coordinator", home_station), unit_officer, make_user("station_chief", home_unit)]
    never = [
        raiser,
        volunteers[2],  # on the patrol but far off, and not staff
        make_user("officer", other_station),
        make_user("station_chief", other_station),
        make_user("coordinator", other_station),
        make_user("admin"),
    ]
    tokens = {user.id: phone(user) for user in [officer, chief, *tier_two, *never]}
    former = make_user("officer", home_station)  # left the police since registering a phone
    tokens[former.id] = phone(former)
    former.is_active = False
    db_session.commit()
    never.append(former)

    alert = press(raiser).get_json()
    dispatch()

    for user in [officer, chief]:
        assert told(fake_fcm, tokens[user.id]) == sorted(["sos.raised", "sos.escalated"]), user.role
    for user in tier_two:
        assert told(fake_fcm, tokens[user.id]) == ["sos.escalated"], user.role
    for user in never:
        assert told(fake_fcm, tokens[user.id]) == [], user.role
    [message] = sent(fake_fcm, tokens[unit_officer.id])
    assert message["notification"]["title"] == f"SOS, no answer yet: {raiser.name}"
    assert message["data"]["alert_id"] == str(alert["id"])
    assert message["data"]["deep_link"] == f"jointpatrol://sos/{alert['id']}"
    assert message["android"]["priority"] == "high"
    assert message["android"]["notification"]["channel_id"] == "sos"
    assert message["apns"]["payload"]["aps"] == {"sound": "default", "interruption-level": "time-sensitive"}
    detail = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(chief)).get_json()
    assert detail["recipients"] == 2 + len(tier_two)
    assert [e["event"] for e in detail["timeline"] if e["event"] != "push"] == ["raised", "escalated"]
    pushes = {(e["user_id"], e["push_type"]) for e in detail["timeline"] if e["event"] == "push"}
    assert (unit_officer.id, "sos.escalated") in pushes


def test_the_escalation_waits_for_its_time(
    press, volunteers, officer, coworker, phone, dispatch, due_now, fake_fcm, db_session,
):
    officer_token, coworker_token = phone(officer), phone(coworker)
    press(volunteers[1])
    dispatch()

    assert types_to(fake_fcm, officer_token) == ["sos.raised"]
    assert types_to(fake_fcm, coworker_token) == []
    waiting = db_session.scalar(select(OutboxEvent).where(OutboxEvent.event_type == "sos.escalated"))
    assert waiting.processed_at is None and waiting.available_at > utcnow()

    due_now()
    dispatch()
    assert types_to(fake_fcm, coworker_token) == ["sos.escalated"]


def test_repeats_reach_everyone_alerted_a_bounded_number_of_times(
    press, escalate_at_once, app, monkeypatch, volunteers, officer, coworker, phone, dispatch, due_now, fake_fcm,
    db_session, client, auth_headers,
):
    monkeypatch.setitem(app.config, "SOS_REPEATS", 2)
    officer_token, coworker_token = phone(officer), phone(coworker)
    press_id = uuid.uuid4()
    alert = press(volunteers[1], client_event_id=press_id).get_json()
    assert press(volunteers[1], client_event_id=press_id).status_code == 200  # a retried press

    dispatch()
    for _ in range(4):
        due_now()
        dispatch()
        dispatch()  # a dispatcher run again sends nothing twice

    assert told(fake_fcm, officer_token) == sorted(["sos.raised", "sos.escalated", "sos.repeated", "sos.repeated"])
    assert told(fake_fcm, coworker_token) == sorted(["sos.escalated", "sos.repeated", "sos.repeated"])
    repeats = [m for m in sent(fake_fcm, coworker_token) if m["data"]["type"] == "sos.repeated"]
    assert [m["data"]["repeat"] for m in repeats] == ["1", "2"]
    assert repeats[0]["notification"]["title"] == f"긴급 SOS 응답 없음: {volunteers[1].name}"
    assert (count(db_session, "sos.escalated"), count(db_session, "sos.repeated")) == (1, 2)
    timeline = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(officer)).get_json()["timeline"]
    assert [(e["event"], e.get("repeat")) for e in timeline if e["event"] not in ("push", "pressed_again")] == [
        ("raised", None), ("escalated", None), ("repeated", 1), ("repeated", 2),
    ]


@pytest.mark.parametrize("action, by, body, to_first_tier", [
    ("acknowledge", "officer", None, ["sos.raised"]),
    ("resolve", "chief", {"outcome": "safe"}, ["sos.raised"]),
    ("cancel", "raiser", None, ["sos.raised", "sos.cancelled"]),
])
def test_closing_before_the_escalation_stops_it(
    action, by, body, to_first_tier, press, act, volunteers, officer, chief, coworker, phone, dispatch, due_now,
    fake_fcm, db_session, client, auth_headers,
):
    raiser = volunteers[1]
    officer_token, coworker_token = phone(officer), phone(coworker)
    alert = press(raiser).get_json()
    dispatch()

    assert act({"officer": officer, "chief": chief, "raiser": raiser}[by], alert["id"], action, body).status_code == 200
    due_now()
    dispatch()
    due_now()
    dispatch()

    assert told(fake_fcm, officer_token) == sorted(to_first_tier)
    assert told(fake_fcm, coworker_token) == []
    assert count(db_session, "sos.repeated") == 0
    timeline = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(chief)).get_json()["timeline"]
    assert "escalated" not in [e["event"] for e in timeline]


def test_an_acknowledgement_after_a_repeat_stops_the_rest(
    press, act, escalate_at_once, volunteers, officer, coworker, phone, dispatch, due_now, fake_fcm, db_session,
):
    raiser = volunteers[1]
    officer_token, coworker_token, raiser_token = phone(officer), phone(coworker), phone(raiser)
    alert = press(raiser).get_json()
    dispatch()
    due_now()
    dispatch()  # the first repeat

    assert act(coworker, alert["id"], "acknowledge").status_code == 200
    for _ in range(3):
        due_now()
        dispatch()

    assert told(fake_fcm, officer_token) == sorted(["sos.raised", "sos.escalated", "sos.repeated", "sos.taken"])
    assert told(fake_fcm, coworker_token) == sorted(["sos.escalated", "sos.repeated"])
    assert told(fake_fcm, raiser_token) == ["sos.acknowledged"]
    # The second repeat was due already; it came and went without a word.
    assert count(db_session, "sos.repeated") == 2


def test_a_cancellation_after_the_escalation_tells_the_station_family_too(
    press, act, escalate_at_once, volunteers, officer, coworker, phone, dispatch, due_now, fake_fcm,
):
    raiser = volunteers[1]
    officer_token, coworker_token = phone(officer), phone(coworker)
    alert = press(raiser).get_json()
    dispatch()

    assert act(raiser, alert["id"], "cancel").status_code == 200
    due_now()
    dispatch()

    assert told(fake_fcm, officer_token) == sorted(["sos.raised", "sos.escalated", "sos.cancelled"])
    assert told(fake_fcm, coworker_token) == sorted(["sos.escalated", "sos.cancelled"])
