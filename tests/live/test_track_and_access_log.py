"""A participant's track, and the access log that records every read of someone else's location."""
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from backend.locations.models import LocationAccess
from tests.helpers import assert_problem

TRACK = "/api/v1/patrols/{}/participants/{}/track"
LIVE = "/api/v1/patrols/{}/live"
ACCESS_LOG = "/api/v1/admin/location-access"


@pytest.fixture
def patrol(api, chief, officer, patrol_body, volunteers, soon):
    made = api.published(chief, officer, patrol_body(**soon))
    for volunteer in volunteers[1:3]:
        assert api.sign_up(volunteer, made["id"]).get_json()["status"] == "confirmed"
    return made


def logged(db_session):
    columns = (LocationAccess.viewer_id, LocationAccess.subject_id, LocationAccess.endpoint)
    return db_session.execute(select(*columns)).all()


def test_staff_read_a_track_oldest_first_with_exclusions_and_the_read_is_logged(
    patrol, officer, volunteers, record, client, auth_headers, db_session
):
    walker = volunteers[1]
    record.point(patrol, walker, 126.9512, 37.3893, 5)
    record.point(patrol, walker, 126.9500, 37.3900, 20)  # arrives last, recorded first
    record.point(patrol, walker, 126.9600, 37.3990, 10, exclusion="impossible_jump", accuracy_m=15)
    record.point(patrol, volunteers[2], 126.9512, 37.3893, 7)  # someone else's point stays out

    response = client.get(TRACK.format(patrol["id"], walker.id), headers=auth_headers(officer))

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    points = response.get_json()
    assert [(p["lon"], p["lat"]) for p in points] == [(126.95, 37.39), (126.96, 37.399), (126.9512, 37.3893)]
    assert [p["exclusion"] for p in points] == [None, "impossible_jump", None]
    assert points[1]["accuracy_m"] == 15 and points[0]["recorded_at"].endswith("+00:00")
    assert json.loads(response.headers["X-Pagination"])["total"] == 3
    assert logged(db_session) == [
        (officer.id, walker.id, "GET /api/v1/patrols/<patrol_id>/participants/<user_id>/track")
    ]


def test_a_track_is_paginated(patrol, officer, volunteers, record, client, auth_headers):
    for minutes_ago in (30, 20, 10):
        record.point(patrol, volunteers[1], 126.9512, 37.3893, minutes_ago)
    url = TRACK.format(patrol["id"], volunteers[1].id)
    first = client.get(url, query_string={"page_size": 2}, headers=auth_headers(officer))
    second = client.get(url, query_string={"page_size": 2, "page": 2}, headers=auth_headers(officer))
    assert len(first.get_json()) == 2 and len(second.get_json()) == 1
    assert first.get_json()[1]["recorded_at"] < second.get_json()[0]["recorded_at"]


def test_a_volunteer_reads_their_own_track_unlogged_and_never_anothers(
    patrol, volunteers, record, client, auth_headers, db_session
):
    me, other = volunteers[1], volunteers[2]
    record.point(patrol, me, 126.9512, 37.3893, 5)
    record.point(patrol, other, 126.9512, 37.3893, 5)

    mine = client.get(TRACK.format(patrol["id"], me.id), headers=auth_headers(me))
    assert mine.status_code == 200 and len(mine.get_json()) == 1
    assert_problem(client.get(TRACK.format(patrol["id"], other.id), headers=auth_headers(me)), 404, "NOT_FOUND")
    assert logged(db_session) == []


def test_no_track_for_someone_not_on_the_patrol_or_a_patrol_out_of_sight(
    patrol, officer, volunteers, make_user, other_station, client, auth_headers, db_session
):
    not_on_it = volunteers[4]
    assert_problem(
        client.get(TRACK.format(patrol["id"], not_on_it.id), headers=auth_headers(officer)), 404, "NOT_FOUND"
    )
    stranger = make_user("officer", other_station)
    assert_problem(
        client.get(TRACK.format(patrol["id"], volunteers[1].id), headers=auth_headers(stranger)), 404, "NOT_FOUND"
    )
    assert logged(db_session) == []


@pytest.fixture
def reads(patrol, chief, officer, volunteers, record, client, auth_headers, db_session):
    """Three logged reads an hour apart: the officer's board (2 subjects), then the chief's track of volunteer 1."""
    for volunteer in volunteers[1:3]:
        record.point(patrol, volunteer, 126.9512, 37.3893, 5)
    assert client.get(LIVE.format(patrol["id"]), headers=auth_headers(officer)).status_code == 200
    assert client.get(TRACK.format(patrol["id"], volunteers[1].id), headers=auth_headers(chief)).status_code == 200
    # Rows written in one test transaction share now(); spread them out to test ordering and ranges.
    base = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)
    ids = db_session.scalars(select(LocationAccess.id).order_by(LocationAccess.id)).all()
    for n, row_id in enumerate(ids):
        moved = update(LocationAccess).where(LocationAccess.id == row_id).values(accessed_at=base + timedelta(hours=n))
        db_session.execute(moved)
    db_session.commit()
    return base


def test_admins_list_the_access_log_newest_first_with_filters(
    reads, patrol, chief, officer, volunteers, make_user, client, auth_headers
):
    admin = make_user("admin")

    def entries(**query):
        response = client.get(ACCESS_LOG, query_string=query, headers=auth_headers(admin))
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    everything = entries()
    assert [(e["viewer_id"], e["subject_id"]) for e in everything] == [
        (chief.id, volunteers[1].id),
        (officer.id, volunteers[2].id),
        (officer.id, volunteers[1].id),
    ]
    newest = everything[0]
    assert newest["viewer_name"] == "박정훈" and newest["subject_name"] == "자원봉사자2"
    assert newest["patrol_id"] == patrol["id"]
    assert newest["endpoint"] == "GET /api/v1/patrols/<patrol_id>/participants/<user_id>/track"
    assert newest["accessed_at"] == "2026-11-27T14:00:00+00:00"

    assert [e["viewer_id"] for e in entries(subject_id=volunteers[1].id)] == [chief.id, officer.id]
    assert {e["subject_id"] for e in entries(viewer_id=officer.id)} == {volunteers[1].id, volunteers[2].id}
    assert len(entries(patrol_id=patrol["id"])) == 3 and entries(patrol_id=patrol["id"] + 1000) == []
    window = entries(**{"from": "2026-11-27T22:00:00+09:00", "to": "2026-11-27T23:00:00+09:00"})
    assert [e["subject_id"] for e in window] == [volunteers[2].id]  # 13:00 UTC only; `to` is exclusive


def test_only_admins_read_the_access_log(reads, chief, volunteers, client, auth_headers):
    assert_problem(client.get(ACCESS_LOG, headers=auth_headers(chief)), 403, "FORBIDDEN")
    assert_problem(client.get(ACCESS_LOG, headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")
    assert_problem(client.get(ACCESS_LOG), 401, "UNAUTHORIZED")
