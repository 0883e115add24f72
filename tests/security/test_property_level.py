"""What answers hold, field by field: the property-level side of the authorization matrix.

The matrix searches every answer for secrets; these tests say in plain terms what each
role sees of others, and show that the search finds secrets where they are allowed.
"""
from tests.security.world import API


def get(client, person, path, **query):
    response = client.get(API + path, query_string=query, headers={"Authorization": f"Bearer {person.access_token}"})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_volunteers_see_no_phone_number_but_their_own(client, world):
    home = world.home
    phones = {row["id"]: row["phone"] for row in get(client, home.volunteer, "/users")}
    assert phones == {home.volunteer.id: home.volunteer.phone, home.leader.id: None}

    members = {row["user_id"]: row["phone"] for row in get(client, home.leader, f"/groups/{home.group}/members")}
    assert members == {home.leader.id: home.leader.phone, home.volunteer.id: None}

    staff_view = get(client, home.officer, "/users", group_id=home.group)
    assert {row["phone"] for row in staff_view} == {home.leader.phone, home.volunteer.phone}


def test_the_live_board_shows_a_volunteer_only_themself(client, world):
    home, running = world.home, world.home.patrols["running"]
    [row] = get(client, home.volunteer, f"/patrols/{running}/live")["participants"]
    assert row["user_id"] == home.volunteer.id
    assert {row["last_point"]["lon"], row["last_point"]["lat"]} <= home.volunteer.coordinates

    board = get(client, home.chief, f"/patrols/{running}/live")["participants"]
    assert {row["user_id"] for row in board if row["last_point"]} == {home.officer.id, home.leader.id, home.volunteer.id}


def test_volunteers_read_only_their_own_rows_of_a_patrol(client, world):
    home = world.home
    paths = [
        f"/patrols/{home.patrols['running']}/dwell",
        f"/patrols/{home.patrols['completed']}/attendance",
        f"/patrols/{home.patrols['completed']}/attendance/changes",
    ]
    for path in paths:
        assert {row["user_id"] for row in get(client, home.volunteer, path)} == {home.volunteer.id}, path
        assert {row["user_id"] for row in get(client, home.chief, path)} >= {home.leader.id, home.volunteer.id}, path


def test_points_for_another_stations_patrol_are_not_stored(client, world):
    volunteer, theirs = world.home.volunteer, world.away.patrols["running"]
    point = {"patrol_id": theirs, "lon": 126.9235, "lat": 37.4013, "accuracy_m": 8,
             "recorded_at": "2026-01-01T00:00:00+00:00", "client_event_id": "5d1c1f40-6d9c-4b0e-9a53-7d3f0c4f2a11"}
    response = client.post(API + "/locations:batch", json={"points": [point]},
                           headers={"Authorization": f"Bearer {volunteer.access_token}"})
    assert response.get_json() == {
        "accepted": 0, "late": 0, "duplicates": 0,
        "rejected": [{"index": 0, "client_event_id": point["client_event_id"], "code": "NOT_A_PARTICIPANT", "errors": None}],
    }


def test_the_search_for_secrets_finds_them_where_they_may_be_seen(client, world):
    """The matrix's search is not blind: what a volunteer may not see is there for staff and admins."""
    home, away = world.home, world.away
    hidden_from_volunteer = world.secrets_hidden_from(home.volunteer)
    hidden_from_chief = world.secrets_hidden_from(home.chief)

    def headers(person):
        return {"Authorization": f"Bearer {person.access_token}"}

    other_station_people = client.get(API + "/users", query_string={"station_id": away.station}, headers=headers(world.admin))
    assert {away.mark, away.volunteer.phone} <= set(hidden_from_chief.found_in(other_station_people))

    own_station_people = client.get(API + "/users", headers=headers(home.chief))
    assert home.leader.phone in hidden_from_volunteer.found_in(own_station_people)
    assert hidden_from_chief.found_in(own_station_people) == []

    board = client.get(API + f"/patrols/{home.patrols['running']}/live", headers=headers(home.chief))
    assert set(hidden_from_volunteer.found_in(board)) & home.leader.coordinates
