"""The live board: who is on the patrol, where they were last seen, and who looked."""
import pytest
from sqlalchemy import select

from backend.locations.models import LocationAccess
from tests.helpers import assert_problem, selects

LIVE = "/api/v1/patrols/{}/live"
AT_SAFE_HOUSE = (126.9512, 37.3893)  # inside the 범계역 plaza triangle, at the GS25 safe house
IN_WOMEN_SAFE_ZONE = (126.9550, 37.3875)  # a zone of the station, but not of this patrol
OUTSIDE = (126.9500, 37.3900)


@pytest.fixture
def patrol(api, chief, officer, patrol_body, volunteers, zones, soon):
    """A published patrol with the officer and volunteers 1-3 on it (volunteer 0 leads, stays off)."""
    made = api.published(chief, officer, patrol_body(zone_ids=[zones["plaza"].id, zones["safe_house"].id], **soon))
    for volunteer in volunteers[1:4]:
        assert api.sign_up(volunteer, made["id"]).get_json()["status"] == "confirmed"
    return made


@pytest.fixture
def board(client, auth_headers):
    def read(user, patrol):
        response = client.get(LIVE.format(patrol["id"]), headers=auth_headers(user))
        assert response.status_code == 200, response.get_json()
        assert response.headers["Cache-Control"] == "no-store"
        return {row["user_id"]: row for row in response.get_json()["participants"]}

    return read


def access_log(db_session):
    return db_session.execute(
        select(LocationAccess.viewer_id, LocationAccess.subject_id, LocationAccess.patrol_id, LocationAccess.endpoint)
    ).all()


def test_state_follows_the_latest_check_in_and_check_out(patrol, officer, volunteers, record, board):
    record.checkin(patrol, volunteers[1], "check_in", 60)
    record.checkin(patrol, volunteers[1], "check_out", 5)
    record.checkin(patrol, volunteers[2], "check_in", 60)
    record.checkin(patrol, volunteers[2], "check_out", 30)
    record.checkin(patrol, volunteers[2], "check_in", 10)  # came back
    record.checkin(patrol, officer, "check_in", 50)
    record.checkin(patrol, officer, "check_out", 1, review="rejected")  # an officer ruled it out

    rows = board(officer, patrol)

    assert set(rows) == {officer.id, volunteers[1].id, volunteers[2].id, volunteers[3].id}
    assert rows[officer.id]["kind"] == "officer" and rows[volunteers[1].id]["kind"] == "volunteer"
    assert rows[volunteers[1].id]["state"] == "checked_out"
    assert rows[volunteers[1].id]["checked_out_at"].endswith("+00:00")
    assert rows[volunteers[2].id]["state"] == "checked_in"
    assert rows[volunteers[2].id]["checked_out_at"] is None
    assert rows[volunteers[2].id]["checked_in_at"] > rows[volunteers[1].id]["checked_in_at"]
    assert rows[officer.id]["state"] == "checked_in"
    assert rows[volunteers[3].id]["state"] == "not_arrived"
    assert rows[volunteers[3].id]["checked_in_at"] is None
    assert rows[volunteers[3].id]["last_point"] is None and rows[volunteers[3].id]["zone_ids"] == []


def test_last_point_is_the_latest_recorded_that_counts(patrol, officer, volunteers, record, board, zones):
    me, other = volunteers[1], volunteers[2]
    record.point(patrol, me, *AT_SAFE_HOUSE, 5, accuracy_m=6.5)
    record.point(patrol, me, *OUTSIDE, 20)  # sent later (a phone catching up), recorded earlier
    record.point(patrol, me, *OUTSIDE, 1, exclusion="low_accuracy")
    record.point(patrol, other, *IN_WOMEN_SAFE_ZONE, 3)
    record.point(patrol, volunteers[3], *OUTSIDE, 2, exclusion="impossible_jump")

    rows = board(officer, patrol)

    mine = rows[me.id]["last_point"]
    assert (mine["lon"], mine["lat"]) == pytest.approx(AT_SAFE_HOUSE)
    assert mine["accuracy_m"] == 6.5
    assert 295 <= mine["age_s"] <= 330
    assert mine["recorded_at"].endswith("+00:00")
    assert rows[me.id]["zone_ids"] == sorted([zones["plaza"].id, zones["safe_house"].id])
    assert rows[other.id]["last_point"] is not None
    assert rows[other.id]["zone_ids"] == []  # 여성안심구역 is not a zone of this patrol
    assert rows[volunteers[3].id]["last_point"] is None


@pytest.mark.parametrize("role", ["officer", "station_chief", "coordinator", "admin"])
def test_staff_see_everyone_and_each_location_shown_is_logged(
    role, patrol, officer, volunteers, record, board, make_user, home_unit, db_session
):
    viewer = officer if role == "officer" else make_user(role, None if role == "admin" else home_unit)
    record.point(patrol, officer, *AT_SAFE_HOUSE, 2)
    record.point(patrol, volunteers[1], *AT_SAFE_HOUSE, 2)
    record.point(patrol, volunteers[2], *OUTSIDE, 4)  # volunteers[3] sent nothing

    rows = board(viewer, patrol)

    assert len(rows) == 4
    shown = {officer.id, volunteers[1].id, volunteers[2].id} - {viewer.id}  # one's own read is not logged
    endpoint = "GET /api/v1/patrols/<patrol_id>/live"
    assert sorted(access_log(db_session)) == sorted((viewer.id, subject, patrol["id"], endpoint) for subject in shown)


def test_a_volunteer_sees_only_themself_and_nothing_is_logged(patrol, officer, volunteers, record, board, db_session):
    record.point(patrol, officer, *AT_SAFE_HOUSE, 2)
    record.point(patrol, volunteers[1], *AT_SAFE_HOUSE, 2)
    record.point(patrol, volunteers[2], *OUTSIDE, 2)

    rows = board(volunteers[1], patrol)

    assert list(rows) == [volunteers[1].id]
    assert rows[volunteers[1].id]["last_point"] is not None
    assert access_log(db_session) == []


def test_the_chief_of_another_station_gets_404(
    patrol, volunteers, record, make_user, other_station, client, auth_headers, db_session
):
    record.point(patrol, volunteers[1], *AT_SAFE_HOUSE, 2)
    stranger = make_user("station_chief", other_station)
    assert_problem(client.get(LIVE.format(patrol["id"]), headers=auth_headers(stranger)), 404, "NOT_FOUND")
    assert access_log(db_session) == []


def test_an_invited_volunteer_not_on_the_patrol_gets_404(patrol, volunteers, client, auth_headers):
    # The patrol is visible to them (their group is invited), but the board holds no row of theirs.
    outsider = volunteers[4]
    assert client.get(f"/api/v1/patrols/{patrol['id']}", headers=auth_headers(outsider)).status_code == 200
    assert_problem(client.get(LIVE.format(patrol["id"]), headers=auth_headers(outsider)), 404, "NOT_FOUND")


def test_the_board_costs_the_same_queries_for_3_or_6_people(
    api, chief, officer, patrol_body, volunteers, record, client, auth_headers, db_session, soon, count_queries
):
    patrol = api.published(chief, officer, patrol_body(max_volunteers=6, **soon))
    headers = auth_headers(chief)

    def read_counting(expected_people):
        with count_queries(as_a_new_request=True) as sent:
            response = client.get(LIVE.format(patrol["id"]), headers=headers)
        assert len(response.get_json()["participants"]) == expected_people
        inserts = [s for s in sent if s.upper().startswith("INSERT")]
        assert len(inserts) == 1 and inserts[0].startswith("INSERT INTO location_access_log")
        # The statement timeout; the sign-in's session with its person; the patrol as the
        # reader may see it; the board; one INSERT logging every location read.
        assert len(sent) == 5, sent
        return len(selects(sent))

    def join(person, minutes_ago):
        if person is not officer:
            assert api.sign_up(person, patrol["id"]).status_code == 201
        record.checkin(patrol, person, "check_in", minutes_ago + 5)
        record.point(patrol, person, *AT_SAFE_HOUSE, minutes_ago)

    for n, person in enumerate([officer, volunteers[1], volunteers[2]]):
        join(person, n)
    with_three = read_counting(3)
    for n, person in enumerate(volunteers[3:6]):
        join(person, n)
    assert read_counting(6) == with_three
