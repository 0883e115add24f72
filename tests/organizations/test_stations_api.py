import pytest

from tests.helpers import assert_problem


@pytest.fixture
def admin(make_user):
    return make_user("admin")


def test_admin_creates_a_station_and_a_unit_under_it(client, auth_headers, admin):
    headers = auth_headers(admin)
    station = client.post(
        "/api/v1/stations",
        json={"name": "안양동안경찰서", "code": "DONGAN", "location": {"type": "Point", "coordinates": [126.9587, 37.3926]}},
        headers=headers,
    )
    assert station.status_code == 201
    assert station.get_json()["location"] == {"type": "Point", "coordinates": [126.9587, 37.3926]}
    unit = client.post(
        "/api/v1/stations", json={"name": "범계지구대", "code": "DONGAN-BEOMGYE", "parent_id": station.get_json()["id"]}, headers=headers
    )
    assert unit.status_code == 201
    assert unit.get_json()["parent_id"] == station.get_json()["id"]


def test_a_unit_cannot_have_units(client, auth_headers, admin, home_unit):
    response = client.post("/api/v1/stations", json={"name": "x", "code": "X-1", "parent_id": home_unit.id}, headers=auth_headers(admin))
    assert_problem(response, 422, "STATION_PARENT_INVALID")


def test_station_codes_are_unique(client, auth_headers, admin, home_station):
    response = client.post("/api/v1/stations", json={"name": "x", "code": "HOME"}, headers=auth_headers(admin))
    assert_problem(response, 409, "STATION_CODE_TAKEN")


def test_bad_station_input(client, auth_headers, admin):
    headers = auth_headers(admin)
    body = assert_problem(client.post("/api/v1/stations", json={"name": "x", "code": "lower case"}, headers=headers), 422, "VALIDATION_ERROR")
    assert "code" in body["errors"]
    line = {"type": "LineString", "coordinates": [[126.9, 37.3], [126.91, 37.31]]}
    response = client.post("/api/v1/stations", json={"name": "x", "code": "X", "location": line}, headers=headers)
    assert_problem(response, 422, "GEOMETRY_TYPE_MISMATCH")


def test_only_admins_create_stations(client, auth_headers, make_user, home_station):
    chief = make_user("station_chief", home_station)
    assert_problem(client.post("/api/v1/stations", json={"name": "x", "code": "X"}, headers=auth_headers(chief)), 403, "FORBIDDEN")


def test_people_see_their_station_family_only(client, auth_headers, make_user, home_station, home_unit, other_station):
    officer = make_user("officer", home_unit)
    headers = auth_headers(officer)
    ids = {station["id"] for station in client.get("/api/v1/stations", headers=headers).get_json()}
    assert ids == {home_station.id, home_unit.id}
    assert client.get(f"/api/v1/stations/{home_station.id}", headers=headers).status_code == 200
    assert_problem(client.get(f"/api/v1/stations/{other_station.id}", headers=headers), 404, "NOT_FOUND")


def test_admin_sees_every_station(client, auth_headers, admin, home_station, other_station):
    ids = {station["id"] for station in client.get("/api/v1/stations", headers=auth_headers(admin)).get_json()}
    assert {home_station.id, other_station.id} <= ids


def test_the_chief_sets_the_stations_patrol_rules(client, auth_headers, make_user, home_station, home_unit):
    chief = make_user("station_chief", home_station)
    rules = {
        "withdrawal_cutoff_minutes": 120,
        "is_officer_required_at_night_in_women_safe_zones": False,
        "checkin_opens_minutes": 45,
        "geofence_policy": "block",
    }
    response = client.patch(f"/api/v1/stations/{home_station.id}", json=rules, headers=auth_headers(chief))
    assert response.status_code == 200
    assert {key: response.get_json()[key] for key in rules} == rules
    # A unit has its own chief; the station's chief does not set the unit's rules.
    assert_problem(client.patch(f"/api/v1/stations/{home_unit.id}", json=rules, headers=auth_headers(chief)), 403, "FORBIDDEN")
    officer = make_user("officer", home_station)
    assert_problem(client.patch(f"/api/v1/stations/{home_station.id}", json=rules, headers=auth_headers(officer)), 403, "FORBIDDEN")
    bad = client.patch(f"/api/v1/stations/{home_station.id}", json={"withdrawal_cutoff_minutes": -5}, headers=auth_headers(chief))
    assert "withdrawal_cutoff_minutes" in assert_problem(bad, 422, "VALIDATION_ERROR")["errors"]
