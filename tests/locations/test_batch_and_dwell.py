import random
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from backend.core.time import utcnow
from backend.locations import dwell
from backend.locations.models import DwellStep, LocationPoint, ZoneDwell
from backend.users.consent_policy import CURRENT_VERSION
from tests.helpers import assert_problem
from backend.testing.fixtures.locations import fix
from backend.testing.fixtures.patrols import WOMEN_SAFE_INSIDE

OUTSIDE_EVERYTHING = [126.9600, 37.3900]
FAR_AWAY = [127.0500, 37.4500]  # about 11 km off: a GPS jump
ROUTE_START, ROUTE_END = [126.9508, 37.3897], [126.9540, 37.3870]


def walk(patrol_id, start):
    """A phone's fixes over 28 minutes, every 15 s, with the troubles phones have.

    In the women-safe zone 0:00-10:00 (600 s), outside 10:15-15:00, inside again
    15:15-20:00 (285 s), silent for 7 minutes (not counted), inside 27:00-28:00 (60 s):
    945 s in the zone. A jump at 5:07 and a poor fix at 12:07 are stored but left out.
    """
    def at(minutes, seconds=0):
        return start + timedelta(minutes=minutes, seconds=seconds)

    def every_15s(first, last, where):
        steps = int((last - first).total_seconds() // 15)
        return [fix(patrol_id, where, first + timedelta(seconds=15 * n)) for n in range(steps + 1)]

    return [
        *every_15s(at(0), at(10), WOMEN_SAFE_INSIDE),
        *every_15s(at(10, 15), at(15), OUTSIDE_EVERYTHING),
        *every_15s(at(15, 15), at(20), WOMEN_SAFE_INSIDE),
        *every_15s(at(27), at(28), WOMEN_SAFE_INSIDE),
        fix(patrol_id, FAR_AWAY, at(5, 7)),
        fix(patrol_id, WOMEN_SAFE_INSIDE, at(12, 7), accuracy_m=150),
    ]


def dwell_of(db_session, patrol_id, user):
    rows = db_session.scalars(select(ZoneDwell).where(ZoneDwell.patrol_id == patrol_id, ZoneDwell.user_id == user.id))
    return {row.zone_id: (row.seconds, row.route_coverage) for row in rows}


def points_of(db_session, patrol_id, user):
    rows = db_session.execute(
        select(LocationPoint.recorded_at, LocationPoint.exclusion)
        .where(LocationPoint.patrol_id == patrol_id, LocationPoint.user_id == user.id)
        .order_by(LocationPoint.recorded_at)
    )
    return [tuple(row) for row in rows]


def test_dwell_minutes_are_exact(derive_now, running_patrol, volunteers, upload, db_session, zones):
    track = walk(running_patrol.id, utcnow() - timedelta(minutes=90))
    response = upload(volunteers[1], track)
    # The walk ended an hour ago: every point arrives late, kept and flagged.
    assert response.get_json() == {"accepted": len(track), "late": len(track), "duplicates": 0, "rejected": []}
    derive_now()
    assert dwell_of(db_session, running_patrol.id, volunteers[1]) == {zones["women_safe"].id: (945, None)}
    exclusions = [exclusion for _, exclusion in points_of(db_session, running_patrol.id, volunteers[1]) if exclusion]
    assert sorted(exclusions) == ["impossible_jump", "low_accuracy"]


def test_a_shuffled_and_repeated_offline_upload_ends_exactly_like_the_live_one(derive_now, running_patrol, volunteers, upload, db_session, zones):
    start = utcnow() - timedelta(minutes=90)
    live, offline = volunteers[1], volunteers[2]
    track = walk(running_patrol.id, start)
    for chunk in range(0, len(track), 20):  # uploaded as it happened, derived as it arrived
        upload(live, track[chunk:chunk + 20])
        derive_now()

    replay = walk(running_patrol.id, start) * 3  # the same fixes, sent three times over
    random.Random(7).shuffle(replay)
    totals = {"accepted": 0, "duplicates": 0}
    for chunk in range(0, len(replay), 97):
        body = upload(offline, replay[chunk:chunk + 97]).get_json()
        assert body["rejected"] == []
        for key in totals:
            totals[key] += body[key]
        derive_now()  # points now arrive before ones already judged, in the middle of the steps

    assert totals == {"accepted": len(track), "duplicates": 2 * len(track)}
    assert points_of(db_session, running_patrol.id, offline) == points_of(db_session, running_patrol.id, live)
    assert dwell_of(db_session, running_patrol.id, live) == {zones["women_safe"].id: (945, None)}
    assert dwell_of(db_session, running_patrol.id, offline) == dwell_of(db_session, running_patrol.id, live)


def test_steps_kept_between_uploads_add_up_to_a_derivation_from_scratch(derive_now, running_patrol, volunteers, upload, db_session, zones):
    """Up and down the safe-return route and into the women-safe zone, uploaded in pieces (one
    late, landing in the middle) and derived after each: the same dwell and route coverage as
    all the points judged at once."""
    start = utcnow() - timedelta(minutes=60)

    def on_route(share):
        return [ROUTE_START[axis] + (ROUTE_END[axis] - ROUTE_START[axis]) * share for axis in (0, 1)]

    shares = [n / 10 for n in range(8)] + [0.7 - n / 10 for n in range(5)] + [0.3 + n / 10 for n in range(7)]
    places = [on_route(share) for share in shares] + [WOMEN_SAFE_INSIDE] * 6 + [FAR_AWAY] + [WOMEN_SAFE_INSIDE] * 4
    track = [fix(running_patrol.id, where, start + timedelta(seconds=15 * n)) for n, where in enumerate(places)]
    for piece in (track[:9], track[15:24], track[9:15], track[24:]):  # track[9:15] arrives late
        upload(volunteers[1], piece)
        derive_now()
    kept_between_uploads = dwell_of(db_session, running_patrol.id, volunteers[1])

    db_session.execute(delete(DwellStep))
    db_session.execute(delete(ZoneDwell))
    dwell.recompute([(running_patrol.id, volunteers[1].id, start)])
    from_scratch = dwell_of(db_session, running_patrol.id, volunteers[1])
    assert {zones["route"].id, zones["women_safe"].id} <= set(from_scratch)
    assert from_scratch[zones["route"].id][1] == pytest.approx(0.9, abs=0.01)  # 0.0 to 0.9 of the route
    assert kept_between_uploads.keys() == from_scratch.keys()
    for zone_id, (seconds, coverage) in from_scratch.items():
        assert kept_between_uploads[zone_id][0] == seconds
        assert kept_between_uploads[zone_id][1] == pytest.approx(coverage, abs=1e-9)


def test_a_later_upload_revises_the_verdict_on_the_points_beside_it(derive_now, running_patrol, volunteers, upload, db_session):
    start = utcnow() - timedelta(minutes=30)
    first, moved, stayed = (fix(running_patrol.id, where, start + timedelta(seconds=15 * n))
                            for n, where in enumerate([WOMEN_SAFE_INSIDE, FAR_AWAY, FAR_AWAY]))
    upload(volunteers[1], [first, moved])  # 11 km in 15 s from the one point kept so far
    derive_now()
    assert [exclusion for _, exclusion in points_of(db_session, running_patrol.id, volunteers[1])] == [
        None, "impossible_jump"]
    upload(volunteers[1], [stayed])  # two fixes agree against the first: it was a stale fix
    derive_now()
    assert [exclusion for _, exclusion in points_of(db_session, running_patrol.id, volunteers[1])] == [
        "impossible_jump", None, None]


def test_walking_half_a_safe_return_route_covers_half_of_it(derive_now, running_patrol, volunteers, upload, db_session, zones):
    start = utcnow() - timedelta(minutes=60)
    steps = 10
    track = [
        fix(
            running_patrol.id,
            [ROUTE_START[0] + (ROUTE_END[0] - ROUTE_START[0]) * n / (2 * steps), ROUTE_START[1] + (ROUTE_END[1] - ROUTE_START[1]) * n / (2 * steps)],
            start + timedelta(seconds=15 * n),
        )
        for n in range(steps + 1)
    ]
    upload(volunteers[1], track)
    derive_now()
    seconds, coverage = dwell_of(db_session, running_patrol.id, volunteers[1])[zones["route"].id]
    assert seconds == 150
    assert coverage == pytest.approx(0.5, abs=0.01)


def test_each_rejection_has_its_code(running_patrol, volunteers, upload, client, auth_headers, api, chief, patrol_body, make_user, home_station):
    other = api.published(chief, make_user("officer", home_station), patrol_body(starts_at=(utcnow() + timedelta(days=5)).isoformat(), ends_at=(utcnow() + timedelta(days=5, hours=2)).isoformat()))
    now = utcnow()
    points = {
        "ok": fix(running_patrol.id, WOMEN_SAFE_INSIDE, now - timedelta(minutes=1)),
        "NOT_A_PARTICIPANT": fix(other["id"], WOMEN_SAFE_INSIDE, now - timedelta(minutes=1)),
        "OUTSIDE_PATROL_WINDOW": fix(running_patrol.id, WOMEN_SAFE_INSIDE, now - timedelta(hours=3)),
        "RECORDED_IN_FUTURE": fix(running_patrol.id, WOMEN_SAFE_INSIDE, now + timedelta(minutes=10)),
    }
    body = upload(volunteers[1], list(points.values())).get_json()
    assert body["accepted"] == 1
    assert {r["client_event_id"]: r["code"] for r in body["rejected"]} == {
        point["client_event_id"]: code for code, point in points.items() if code != "ok"
    }

    assert client.delete("/api/v1/me/consents", headers=auth_headers(volunteers[2])).status_code == 204
    refused = upload(volunteers[2], [fix(running_patrol.id, WOMEN_SAFE_INSIDE, now)]).get_json()
    assert [r["code"] for r in refused["rejected"]] == ["CONSENT_REQUIRED"]


def test_points_from_before_consent_was_given_are_refused(running_patrol, volunteers, upload, client, auth_headers):
    me = volunteers[3]
    assert client.delete("/api/v1/me/consents", headers=auth_headers(me)).status_code == 204
    assert client.post("/api/v1/me/consents", json={"policy_version": CURRENT_VERSION}, headers=auth_headers(me)).status_code == 201
    body = upload(me, [fix(running_patrol.id, WOMEN_SAFE_INSIDE, utcnow() - timedelta(minutes=30))]).get_json()
    assert [r["code"] for r in body["rejected"]] == ["CONSENT_REQUIRED"]


def test_points_recorded_under_an_earlier_policy_version_stay_valid_after_renewal(running_patrol, volunteers, upload, client, auth_headers):
    me = volunteers[3]  # consented hours ago to an earlier version; the phone was offline since
    buffered = [fix(running_patrol.id, WOMEN_SAFE_INSIDE, utcnow() - timedelta(minutes=30 - n)) for n in range(3)]
    renewed = client.post("/api/v1/me/consents", json={"policy_version": CURRENT_VERSION}, headers=auth_headers(me))
    assert renewed.status_code == 201
    # Half an hour offline: kept, and flagged as late uploads for an officer to approve.
    assert upload(me, buffered).get_json() == {"accepted": 3, "late": 3, "duplicates": 0, "rejected": []}


def test_a_batch_is_at_most_a_thousand_points(running_patrol, volunteers, upload):
    now = utcnow()
    too_many = [fix(running_patrol.id, WOMEN_SAFE_INSIDE, now) for _ in range(1001)]
    body = assert_problem(upload(volunteers[1], too_many), 422, "VALIDATION_ERROR")
    assert "points" in body["errors"]


def test_a_malformed_point_is_rejected_on_its_own_and_the_others_are_stored(running_patrol, volunteers, upload, db_session):
    now = utcnow()
    points = [fix(running_patrol.id, WOMEN_SAFE_INSIDE, now - timedelta(seconds=15 * n)) for n in range(6)]
    points[1]["client_event_id"] = "not-a-uuid"
    del points[2]["recorded_at"]
    points[3]["lat"], points[3]["battery"] = 91, 101
    points[4] = "a point the phone wrote badly"
    body = upload(volunteers[1], points).get_json()
    assert body["accepted"] == 2
    assert body["rejected"] == [
        {"index": 1, "client_event_id": None, "code": "INVALID_POINT",
         "errors": {"client_event_id": ["Not a valid UUID."]}},
        {"index": 2, "client_event_id": points[2]["client_event_id"], "code": "INVALID_POINT",
         "errors": {"recorded_at": ["Missing data for required field."]}},
        {"index": 3, "client_event_id": points[3]["client_event_id"], "code": "INVALID_POINT",
         "errors": {"lat": ["Must be greater than or equal to -90 and less than or equal to 90."],
                    "battery": ["Must be greater than or equal to 0 and less than or equal to 100."]}},
        {"index": 4, "client_event_id": None, "code": "INVALID_POINT", "errors": {"_schema": ["Invalid input type."]}},
    ]
    stored = db_session.scalars(select(LocationPoint.client_event_id).where(LocationPoint.user_id == volunteers[1].id))
    assert sorted(str(event_id) for event_id in stored) == sorted([points[0]["client_event_id"], points[5]["client_event_id"]])


@pytest.mark.parametrize("body", [{}, {"points": []}, {"points": {"0": {}}}, {"points": "[]"}, [], {"points": [], "extra": 1}])
def test_only_a_body_that_is_not_a_batch_is_refused_whole(running_patrol, volunteers, client, auth_headers, body):
    response = client.post("/api/v1/locations:batch", json=body, headers=auth_headers(volunteers[1]))
    assert_problem(response, 422, "VALIDATION_ERROR")


def test_dwell_endpoint_shows_volunteers_only_their_own(derive_now, running_patrol, volunteers, officer, upload, client, auth_headers):
    start = utcnow() - timedelta(minutes=40)
    for volunteer in volunteers[1:3]:
        upload(volunteer, [fix(running_patrol.id, WOMEN_SAFE_INSIDE, start + timedelta(seconds=15 * n)) for n in range(5)])
    url = f"/api/v1/patrols/{running_patrol.id}/dwell"
    derive_now()
    everyone = client.get(url, headers=auth_headers(officer)).get_json()
    assert sorted(row["user_id"] for row in everyone) == sorted(v.id for v in volunteers[1:3])
    assert everyone[0]["minutes"] == 1.0
    mine = client.get(url, headers=auth_headers(volunteers[1])).get_json()
    assert [row["user_id"] for row in mine] == [volunteers[1].id]


def test_points_carry_their_speed_and_battery(running_patrol, volunteers, upload, db_session):
    point = fix(running_patrol.id, WOMEN_SAFE_INSIDE, utcnow(), speed_mps=1.4, battery=62, client_event_id=uuid.uuid4())
    upload(volunteers[1], [point])
    stored = db_session.scalar(select(LocationPoint).where(LocationPoint.user_id == volunteers[1].id))
    assert (stored.speed_mps, stored.battery, stored.exclusion) == (1.4, 62, None)


def test_night_minutes_and_last_visit_follow_korean_time(running_patrol, volunteers, db_session, zones):
    """Fixes every 15 s from 21:50 to 22:10 KST: 20 minutes inside, the last 10 of them night."""
    from datetime import datetime, time

    from geoalchemy2.shape import from_shape
    from shapely.geometry import Point

    from backend.core.time import SEOUL
    from backend.locations import dwell

    start = datetime.combine(datetime.now(SEOUL).date() - timedelta(days=2), time(21, 50), SEOUL)
    for n in range(81):
        db_session.add(LocationPoint(
            patrol_id=running_patrol.id, user_id=volunteers[1].id, client_event_id=uuid.uuid4(),
            point=from_shape(Point(*WOMEN_SAFE_INSIDE), srid=4326), accuracy_m=5, recorded_at=start + timedelta(seconds=15 * n),
        ))
    db_session.flush()
    dwell.recompute([(running_patrol.id, volunteers[1].id, start)])
    row = db_session.scalar(select(ZoneDwell).where(ZoneDwell.user_id == volunteers[1].id))
    assert (row.zone_id, row.seconds, row.night_seconds) == (zones["women_safe"].id, 1200, 600)
    assert row.last_seen_at == start + timedelta(minutes=20)


@pytest.mark.parametrize("points", [1, 50])
def test_a_batch_costs_five_statements_however_many_points(running_patrol, volunteers, client, auth_headers, count_queries, points):
    headers = auth_headers(volunteers[1])
    start = utcnow() - timedelta(minutes=30)
    body = {"points": [fix(running_patrol.id, WOMEN_SAFE_INSIDE, start + timedelta(seconds=15 * n)) for n in range(points)]}

    with count_queries(as_a_new_request=True) as sent:
        response = client.post("/api/v1/locations:batch", json=body, headers=headers)
    assert response.get_json()["accepted"] == points
    # The statement timeout; the sign-in's session with its person; the patrols named with
    # their windows and the person's consent; one INSERT for every point; the request for
    # the derivation worker (dwell and attendance are its work, after the commit).
    assert len(sent) == 5, sent
