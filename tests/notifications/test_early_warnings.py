"""The early warnings of a patrol night: who has not come, a patrol still short of people, and
a volunteer walking alone. Each reaches the right people once, in their language, through the
real firebase-admin SDK and the fake FCM, and only when there is something to say.
"""
import json
import uuid
from datetime import datetime, time, timedelta

import pytest
from geoalchemy2.shape import from_shape
from shapely.geometry import Point
from sqlalchemy import func, select, update

from backend.core.time import SEOUL
from backend.derivation.services import request
from backend.locations.models import LocationPoint
from backend.notifications.messages import format_when
from backend.notifications.models import OutboxEvent
from backend.organizations.models import GroupMembership
from backend.testing.fixtures.locations import check_in_or_out, offset
from backend.testing.fixtures.patrols import BEOMGYE, WOMEN_SAFE_INSIDE, seoul
from backend.testing.fixtures.sos import types_to

NO_SHOW, UNFILLED, WALKING_ALONE = "patrol.no_show", "patrol.unfilled", "patrol.walking_alone"


def pushes(fake, token, event_type):
    return [body["message"] for body in fake.sent_to(token) if body["message"]["data"]["type"] == event_type]


def events(db_session, event_type):
    return db_session.scalars(select(OutboxEvent).where(OutboxEvent.event_type == event_type)).all()


@pytest.fixture
def fall_due(db_session):
    """Bring a patrol's scheduled warning to its time: `at` (default now) becomes its due time."""

    def move(event_type, at=None):
        db_session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.event_type == event_type, OutboxEvent.processed_at.is_(None))
            .values(available_at=at or func.now())
        )
        db_session.commit()

    return move


@pytest.fixture
def english_officer(make_user, home_station, running_patrol, client, auth_headers, chief, consent):
    """A second officer on the running patrol, whose phone reads English."""
    officer = make_user("officer", home_station, name="Kim Officer", locale="en")
    response = client.post(f"/api/v1/patrols/{running_patrol.id}/officers", json={"user_id": officer.id}, headers=auth_headers(chief))
    assert response.status_code == 201, response.get_json()
    consent(officer)
    return officer


@pytest.fixture
def bystanders(make_user, other_station, chief, volunteers, phone):
    """Phones that no early warning of the patrol is for: another station's officer and chief,
    and volunteers who are not leaders; {user id: token}."""
    people = [make_user("officer", other_station), make_user("station_chief", other_station), volunteers[4], volunteers[5]]
    return {user.id: phone(user) for user in people}


# -- no-show ---------------------------------------------------------------------------------

def test_the_officers_hear_once_who_has_not_checked_in(
    running_patrol, officer, english_officer, volunteers, chief, client, auth_headers, phone, bystanders, fall_due,
    dispatch, fake_fcm, db_session,
):
    tokens = {user.id: phone(user) for user in [officer, english_officer, chief, *volunteers[1:4]]}
    for person in (volunteers[1], officer):
        assert check_in_or_out(client, auth_headers, person, running_patrol.id, "check-in").status_code == 201
    fall_due(NO_SHOW, running_patrol.starts_at + timedelta(minutes=15))
    dispatch()
    dispatch()  # a dispatcher run again sends nothing twice
    # Someone coming late changes nothing already told.
    assert check_in_or_out(client, auth_headers, volunteers[2], running_patrol.id, "check-in").status_code == 201
    dispatch()

    [korean] = pushes(fake_fcm, tokens[officer.id], NO_SHOW)
    missing = sorted([volunteers[2].name, volunteers[3].name, english_officer.name])
    assert korean["notification"]["title"] == f"미도착 3명: {running_patrol.title}"
    assert korean["notification"]["body"] == f"시작 15분이 지났지만 체크인하지 않았습니다: {', '.join(missing)}"
    assert json.loads(korean["data"]["missing_names"]) == missing
    assert korean["data"]["missing_count"] == "3"
    assert korean["android"]["priority"] == "high"
    [english] = pushes(fake_fcm, tokens[english_officer.id], NO_SHOW)
    assert english["notification"]["title"] == f"3 not checked in: {running_patrol.title}"
    assert english["notification"]["body"].startswith("15 minutes after the start, not checked in yet: ")
    # The officers only: not the chief, not the volunteers, nobody of another station.
    for user_id in [chief.id, *(v.id for v in volunteers[1:4])]:
        assert pushes(fake_fcm, tokens[user_id], NO_SHOW) == []
    for token in bystanders.values():
        assert types_to(fake_fcm, token) == []


def test_nothing_is_said_when_everyone_checked_in(
    running_patrol, officer, volunteers, client, auth_headers, phone, fall_due, dispatch, fake_fcm, db_session,
):
    token = phone(officer)
    for person in (*volunteers[1:4], officer):
        assert check_in_or_out(client, auth_headers, person, running_patrol.id, "check-in").status_code == 201
    fall_due(NO_SHOW, running_patrol.starts_at + timedelta(minutes=15))
    dispatch()

    assert pushes(fake_fcm, token, NO_SHOW) == []
    [event] = events(db_session, NO_SHOW)
    assert event.processed_at is not None  # looked at, and found nobody missing


# -- unfilled --------------------------------------------------------------------------------

def test_a_patrol_short_of_people_tells_its_chief_and_the_invited_leaders_once(
    api, chief, officer, patrol_body, groups, volunteers, make_user, make_group, home_station, home_unit, phone,
    bystanders, fall_due, dispatch, fake_fcm, db_session,
):
    english_leader = make_user("volunteer", home_station, name="Jamie Lee", locale="en")
    groups["merchants"].memberships.append(GroupMembership(user=english_leader, is_leader=True))
    not_invited_leader = make_user("volunteer", home_station)
    make_group(home_station, name="초대받지 않은 방범대", leaders=[not_invited_leader])
    unit_chief = make_user("station_chief", home_unit)  # of a 지구대 under the station, not the patrol's
    patrol = api.published(chief, officer, patrol_body(min_volunteers=2))
    assert api.sign_up(volunteers[1], patrol["id"]).status_code == 201
    told = [chief, volunteers[0], english_leader]
    untold = [officer, volunteers[1], not_invited_leader, unit_chief]
    tokens = {user.id: phone(user) for user in [*told, *untold]}
    fall_due(UNFILLED)
    dispatch()
    dispatch()

    for user in told[:2]:
        [push] = pushes(fake_fcm, tokens[user.id], UNFILLED)
        assert push["notification"]["title"] == "인원 부족: 범계역 합동 야간순찰"
        when = format_when(seoul(3, 20), "ko")
        assert push["notification"]["body"] == f"{when} 순찰에 아직 빈자리가 있습니다. 자원봉사자 2명이 필요하지만 1명입니다."
        assert json.loads(push["data"]["gap_codes"]) == ["VOLUNTEERS_BELOW_MINIMUM"]
        assert push["android"]["priority"] == "normal"
        assert push["apns"]["headers"]["apns-expiration"] == str(int(seoul(3, 20).timestamp()))
    [english] = pushes(fake_fcm, tokens[english_leader.id], UNFILLED)
    assert english["notification"]["title"] == "Patrol short of people: 범계역 합동 야간순찰"
    assert english["notification"]["body"].endswith("is not filled yet: needs 2 volunteers, has 1.")
    for user in untold:
        assert pushes(fake_fcm, tokens[user.id], UNFILLED) == [], user.role
    for token in bystanders.values():
        assert pushes(fake_fcm, token, UNFILLED) == []


def test_a_patrol_filled_before_the_day_tells_nobody(
    api, chief, officer, patrol_body, volunteers, phone, fall_due, dispatch, fake_fcm, db_session,
):
    token = phone(chief)
    patrol = api.published(chief, officer, patrol_body(min_volunteers=1))
    assert api.sign_up(volunteers[1], patrol["id"]).status_code == 201
    fall_due(UNFILLED)
    dispatch()

    assert pushes(fake_fcm, token, UNFILLED) == []
    [event] = events(db_session, UNFILLED)
    assert event.processed_at is not None


# -- scheduled with the patrol, forgotten with it ---------------------------------------------

def test_a_moved_patrol_is_warned_about_for_its_new_time_and_a_cancelled_one_not_at_all(
    api, chief, officer, patrol_body, volunteers, client, auth_headers, phone, fall_due, dispatch, fake_fcm, db_session,
):
    tokens = [phone(chief), phone(officer), phone(volunteers[0])]
    patrol = api.published(chief, officer, patrol_body(min_volunteers=2))
    moved = client.patch(f"/api/v1/patrols/{patrol['id']}", json={"starts_at": seoul(3, 21).isoformat()}, headers=auth_headers(chief))
    assert moved.status_code == 200
    waiting = {e.event_type: e.available_at for e in events(db_session, UNFILLED) + events(db_session, NO_SHOW)}
    assert waiting == {UNFILLED: seoul(2, 21), NO_SHOW: seoul(3, 21, 15)}

    cancelled = client.post(f"/api/v1/patrols/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    assert cancelled.status_code == 200
    assert events(db_session, UNFILLED) == events(db_session, NO_SHOW) == []
    fall_due(UNFILLED)
    fall_due(NO_SHOW)
    dispatch()
    for token in tokens:
        assert not {UNFILLED, NO_SHOW} & set(types_to(fake_fcm, token))


def test_no_show_wait_is_a_setting(app, monkeypatch, api, chief, officer, patrol_body, db_session):
    monkeypatch.setitem(app.config, "NO_SHOW_AFTER_MINUTES", 30)
    patrol = api.published(chief, officer, patrol_body())
    [event] = events(db_session, NO_SHOW)
    assert (event.patrol_id, event.available_at) == (patrol["id"], seoul(3, 20, 30))


# -- walking alone ---------------------------------------------------------------------------

def evening_under_way():
    """20:00 Korean time of the evening whose night (to 08:00 the next morning) is not over."""
    now = datetime.now(SEOUL)
    day = now.date() - timedelta(days=1) if now.hour < 8 else now.date()
    return datetime.combine(day, time(20), SEOUL)


@pytest.fixture
def night_patrol(running_patrol, db_session):
    """The running patrol (its zones include a women-safe zone), moved to run from 20:00 to
    08:00 of the night that is not over yet, whatever the hour the tests run."""
    running_patrol.starts_at = evening_under_way()
    running_patrol.ends_at = running_patrol.starts_at + timedelta(hours=12)
    db_session.commit()
    return running_patrol


@pytest.fixture
def walk(db_session, night_patrol):
    """A phone's points, one every 30 s for `minutes` from `at` (a Korean time of the night),
    all at `where`, stored as an upload stores them, with the derivation they ask for. Points
    of a time still to come tonight are written ahead: the worker judges them the same."""

    def send(user, where, at, minutes):
        times = [at + timedelta(seconds=seconds) for seconds in range(0, int(minutes * 60) + 1, 30)]
        db_session.add_all(
            LocationPoint(patrol_id=night_patrol.id, user_id=user.id, client_event_id=uuid.uuid4(),
                          point=from_shape(Point(*where), srid=4326), accuracy_m=8, recorded_at=recorded_at)
            for recorded_at in times
        )
        request([night_patrol.id], user.id, {night_patrol.id: times[0]})
        db_session.commit()

    return send


def at_night(hour, minute=0):
    start = evening_under_way()
    return start + timedelta(hours=(hour - 20) % 24, minutes=minute)


AWAY = offset(WOMEN_SAFE_INSIDE, -450, 350)  # near the plaza, about 570 m from WOMEN_SAFE_INSIDE


def test_the_officers_hear_once_of_a_volunteer_walking_alone_at_night(
    night_patrol, officer, english_officer, chief, volunteers, phone, bystanders, walk, derive_now, dispatch, fake_fcm,
    db_session,
):
    alone, others = volunteers[1], volunteers[2]
    tokens = {user.id: phone(user) for user in [officer, english_officer, chief, alone, others]}
    walk(others, AWAY, at_night(23), 12)
    walk(alone, WOMEN_SAFE_INSIDE, at_night(23), 6)
    derive_now()
    dispatch()
    dispatch()
    walk(alone, WOMEN_SAFE_INSIDE, at_night(23, 6), 4)  # still alone, more points later
    derive_now()
    dispatch()

    [korean] = pushes(fake_fcm, tokens[officer.id], WALKING_ALONE)
    assert korean["notification"]["title"] == f"혼자 순찰 중: {alone.name}"
    assert korean["notification"]["body"] == (
        f"{alone.name} 님이 여성안심구역에서 5분 넘게 다른 참여자와 200m 넘게 떨어져 있습니다. 위치를 확인하세요."
    )
    data = korean["data"]
    assert (data["user_id"], data["volunteer_name"]) == (str(alone.id), alone.name)
    assert (float(data["lon"]), float(data["lat"])) == pytest.approx(WOMEN_SAFE_INSIDE)
    assert datetime.fromisoformat(data["alone_since"]) == at_night(23)
    assert korean["android"]["priority"] == "high"
    [english] = pushes(fake_fcm, tokens[english_officer.id], WALKING_ALONE)
    assert english["notification"]["title"] == f"Walking alone: {alone.name}"
    for user in (chief, alone, others):
        assert pushes(fake_fcm, tokens[user.id], WALKING_ALONE) == [], user.name
    for token in bystanders.values():
        assert types_to(fake_fcm, token) == []
    assert len(events(db_session, WALKING_ALONE)) == 1


@pytest.mark.parametrize("companion_at, alone_at, minutes", [
    pytest.param(offset(WOMEN_SAFE_INSIDE, 120, 90), at_night(23), 8, id="someone within 200 m"),
    pytest.param(AWAY, at_night(20, 30), 8, id="before 22:00"),
    pytest.param(AWAY, at_night(6, 30), 8, id="after 06:00"),
    pytest.param(AWAY, at_night(23), 4, id="only 4 minutes alone"),
])
def test_no_warning_without_a_cause(
    night_patrol, volunteers, walk, derive_now, dispatch, db_session, companion_at, alone_at, minutes,
):
    walk(volunteers[2], companion_at, alone_at - timedelta(minutes=2), 12)
    walk(volunteers[1], WOMEN_SAFE_INSIDE, alone_at, minutes)
    derive_now()
    assert events(db_session, WALKING_ALONE) == []


def test_no_warning_outside_a_women_safe_zone(night_patrol, volunteers, walk, derive_now, db_session):
    walk(volunteers[2], BEOMGYE, at_night(23), 10)
    walk(volunteers[1], offset(BEOMGYE, -700, 0), at_night(23), 10)  # far from everyone, in no zone
    derive_now()
    assert events(db_session, WALKING_ALONE) == []


def test_a_companion_who_fell_silent_keeps_nobody_company(night_patrol, volunteers, walk, derive_now, db_session):
    """Company is where the others' latest point of the last 5 minutes puts them: a phone
    silent since puts nobody beside the volunteer."""
    walk(volunteers[2], offset(WOMEN_SAFE_INSIDE, 50, 0), at_night(23), 1)
    walk(volunteers[1], WOMEN_SAFE_INSIDE, at_night(23), 12)
    derive_now()
    [event] = events(db_session, WALKING_ALONE)
    assert datetime.fromisoformat(event.payload["alone_since"]) > at_night(23, 5)


def test_a_companion_who_walked_away_keeps_nobody_company(night_patrol, volunteers, walk, derive_now, db_session):
    """Their latest point counts, not any point of the last 5 minutes: the volunteer is alone
    from the companion's first point far away, though their earlier ones were close."""
    walk(volunteers[2], offset(WOMEN_SAFE_INSIDE, 50, 0), at_night(23), 1)
    walk(volunteers[2], AWAY, at_night(23, 1) + timedelta(seconds=30), 11)
    walk(volunteers[1], WOMEN_SAFE_INSIDE, at_night(23), 12)
    derive_now()
    [event] = events(db_session, WALKING_ALONE)
    assert datetime.fromisoformat(event.payload["alone_since"]) == at_night(23, 1) + timedelta(seconds=30)


def test_distance_and_minutes_are_settings(app, monkeypatch, night_patrol, volunteers, walk, derive_now, db_session):
    monkeypatch.setitem(app.config, "ALONE_DISTANCE_M", 100)
    monkeypatch.setitem(app.config, "ALONE_MINUTES", 3)
    walk(volunteers[2], offset(WOMEN_SAFE_INSIDE, 150, 0), at_night(23), 5)
    walk(volunteers[1], WOMEN_SAFE_INSIDE, at_night(23), 4)
    derive_now()
    [event] = events(db_session, WALKING_ALONE)
    assert (event.payload["alone_m"], event.payload["alone_minutes"]) == (100, 3)


def test_an_officer_walking_alone_is_no_cause(night_patrol, officer, volunteers, walk, derive_now, db_session):
    walk(volunteers[2], AWAY, at_night(23), 10)
    walk(officer, WOMEN_SAFE_INSIDE, at_night(23), 10)
    derive_now()
    assert events(db_session, WALKING_ALONE) == []
