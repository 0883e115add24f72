"""Zones over HTTP: GeoJSON in and out, refusals with precise codes, scope and roles."""
import json

import pytest

from tests.helpers import assert_problem

ZONES = "/api/v1/zones"

# Around 범계역 (37.3897 N, 126.9508 E), 안양.
PLAZA = {
    "type": "Polygon",
    "coordinates": [[[126.9497, 37.38885], [126.95195, 37.3889], [126.952, 37.3905], [126.9508, 37.3906], [126.9497, 37.38885]]],
}
RODEO = {
    "type": "Polygon",
    "coordinates": [[[126.948, 37.3907], [126.9506, 37.39075], [126.95075, 37.3926], [126.9493, 37.393], [126.948, 37.3907]]],
}
ROUTE = {"type": "LineString", "coordinates": [[126.9508, 37.3897], [126.953, 37.388], [126.9555, 37.3872]]}
SAFE_HOUSE = {"type": "Point", "coordinates": [126.9512, 37.3901]}
CITY_HALL = {"type": "Point", "coordinates": [126.9779, 37.5663]}  # Seoul, far from 범계
BOW_TIE = {
    "type": "Polygon",
    "coordinates": [[[126.950, 37.389], [126.952, 37.391], [126.952, 37.389], [126.950, 37.391], [126.950, 37.389]]],
}


def feature(station, geometry=PLAZA, **properties):
    props = {"name": "범계역 광장", "kind": "dense_area", "station_id": station.id, **properties}
    return {"type": "Feature", "geometry": geometry, "properties": props}


@pytest.fixture
def chief_headers(auth_headers, chief):
    return auth_headers(chief)


@pytest.fixture
def create(client, chief_headers):
    """Create a zone through the API as the home station's chief and return its Feature."""

    def create(body, headers=chief_headers):
        response = client.post(ZONES, json=body, headers=headers)
        assert response.status_code == 201, response.get_data(as_text=True)
        return response.get_json()

    return create


def listed_ids(client, headers, query=""):
    response = client.get(f"{ZONES}{query}", headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["type"] == "FeatureCollection"
    return [f["id"] for f in body["features"]]


@pytest.mark.parametrize(
    "geometry, properties",
    [
        (PLAZA, {"kind": "dense_area"}),
        (RODEO, {"kind": "women_safe_zone", "name": "로데오 여성안심구역"}),
        (ROUTE, {"kind": "safe_return_route", "name": "범계 안심귀갓길", "corridor_m": 30}),
        (SAFE_HOUSE, {"kind": "safe_house", "name": "지킴이집 편의점"}),
        ({"type": "MultiPolygon", "coordinates": [PLAZA["coordinates"]]}, {"kind": "other"}),
    ],
)
def test_each_kind_is_created_and_read_back_as_the_same_feature(client, chief_headers, home_station, create, geometry, properties):
    created = create(feature(home_station, geometry, note="심야 귀가 인파", **properties))
    assert created["type"] == "Feature"
    assert created["geometry"] == geometry
    assert created["properties"]["id"] == created["id"]
    assert created["properties"]["kind"] == properties["kind"]
    assert created["properties"]["station_id"] == home_station.id
    assert created["properties"]["corridor_m"] == properties.get("corridor_m")
    assert created["properties"]["note"] == "심야 귀가 인파"
    assert created["properties"]["created_at"].endswith("+00:00")
    fetched = client.get(f"{ZONES}/{created['id']}", headers=chief_headers).get_json()
    assert fetched == created


def test_a_chief_may_put_a_zone_in_a_unit_of_the_station(home_unit, create):
    created = create(feature(home_unit))
    assert created["properties"]["station_id"] == home_unit.id


@pytest.mark.parametrize(
    "body_change, code, field",
    [
        ({"geometry": BOW_TIE}, "GEOMETRY_SELF_INTERSECTION", "geometry"),
        ({"geometry": {"type": "Polygon", "coordinates": [PLAZA["coordinates"][0][:-1]]}}, "GEOMETRY_RING_NOT_CLOSED", "geometry"),
        ({"geometry": {"type": "Point", "coordinates": [37.3897, 126.9508]}}, "GEOMETRY_COORDINATES_OUT_OF_RANGE", "geometry"),
        ({"geometry": {"type": "Point", "coordinates": [126.9508, 37.3897, 35.0]}}, "GEOMETRY_HAS_Z", "geometry"),
        ({"geometry": SAFE_HOUSE}, "GEOMETRY_TYPE_MISMATCH", "geometry"),  # a point for a dense area
        ({"geometry": {"type": "Point"}}, "GEOMETRY_INVALID", "geometry"),
        ({"style": "red"}, "VALIDATION_ERROR", "style"),  # unknown top-level member
        ({"type": "FeatureCollection"}, "VALIDATION_ERROR", "type"),
    ],
)
def test_bad_features_are_refused_with_a_precise_code(client, chief_headers, home_station, body_change, code, field):
    response = client.post(ZONES, json={**feature(home_station), **body_change}, headers=chief_headers)
    body = assert_problem(response, 422, code)
    assert field in body["errors"]
    assert listed_ids(client, chief_headers) == []


@pytest.mark.parametrize(
    "geometry, properties, message_part",
    [
        (ROUTE, {"kind": "safe_return_route"}, "needs corridor_m"),
        (PLAZA, {"kind": "dense_area", "corridor_m": 30}, "Only a safe-return route"),
        (ROUTE, {"kind": "safe_return_route", "corridor_m": 501}, "500"),
    ],
)
def test_corridor_is_required_for_routes_and_refused_elsewhere(client, chief_headers, home_station, geometry, properties, message_part):
    response = client.post(ZONES, json=feature(home_station, geometry, **properties), headers=chief_headers)
    body = assert_problem(response, 422, "VALIDATION_ERROR")
    assert message_part in body["errors"]["properties"]["corridor_m"][0]


def test_server_set_properties_and_oversized_free_properties_are_refused(client, chief_headers, home_station):
    response = client.post(ZONES, json=feature(home_station, id=7), headers=chief_headers)
    assert "id" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]["properties"]
    response = client.post(ZONES, json=feature(home_station, note="가" * 3000), headers=chief_headers)  # 9 KB of UTF-8
    assert_problem(response, 422, "VALIDATION_ERROR")


def free_note(home_station, raw_note):
    return json.dumps(feature(home_station, note="x")).replace('"note": "x"', f'"note": {raw_note}')


def test_free_properties_jsonb_cannot_hold_are_refused(client, chief_headers, home_station):
    body = free_note(home_station, "NaN")
    response = client.post(ZONES, data=body, content_type="application/json", headers=chief_headers)
    assert "_schema" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]["properties"]
    # The NUL character, which no text of PostgreSQL holds, is refused for every body alike.
    body = free_note(home_station, '"before\\u0000after"')
    response = client.post(ZONES, data=body, content_type="application/json", headers=chief_headers)
    assert "note" in assert_problem(response, 422, "UNSTORABLE_TEXT")["errors"]["properties"]


def test_bbox_returns_only_zones_that_intersect_it(client, chief_headers, home_station, create):
    plaza = create(feature(home_station, PLAZA))["id"]
    route = create(feature(home_station, ROUTE, kind="safe_return_route", corridor_m=30))["id"]
    create(feature(home_station, CITY_HALL, kind="safe_house", name="시청 지킴이집"))
    # A box inside the plaza holds none of its corners: intersecting, not containing, counts.
    inside_plaza = "126.9512,37.3899,126.9516,37.3902"
    assert listed_ids(client, chief_headers, f"?bbox={inside_plaza}") == [plaza]
    around_beomgye = "126.945,37.385,126.960,37.395"
    assert listed_ids(client, chief_headers, f"?bbox={around_beomgye}") == [plaza, route]


@pytest.mark.parametrize("bbox", ["126.9,37.3,127.0", "127.0,37.3,126.9,37.4", "126.9,37.3,200,37.4", "a,b,c,d"])
def test_bad_bbox_is_refused(client, chief_headers, bbox):
    body = assert_problem(client.get(f"{ZONES}?bbox={bbox}", headers=chief_headers), 422, "VALIDATION_ERROR")
    assert "bbox" in body["errors"]


def test_kind_filter(client, chief_headers, home_station, create):
    create(feature(home_station, PLAZA))
    house = create(feature(home_station, SAFE_HOUSE, kind="safe_house", name="지킴이집"))["id"]
    assert listed_ids(client, chief_headers, "?kind=safe_house") == [house]
    assert_problem(client.get(f"{ZONES}?kind=castle", headers=chief_headers), 422, "VALIDATION_ERROR")


def test_list_is_paginated_in_id_order_with_a_capped_page_size(client, chief_headers, home_station, create):
    ids = [create(feature(home_station, SAFE_HOUSE, kind="safe_house", name=f"지킴이집 {n}"))["id"] for n in range(3)]
    response = client.get(f"{ZONES}?page_size=2", headers=chief_headers)
    assert [f["id"] for f in response.get_json()["features"]] == ids[:2]
    pagination = json.loads(response.headers["X-Pagination"])
    assert pagination["total"] == 3 and pagination["total_pages"] == 2
    assert listed_ids(client, chief_headers, "?page_size=2&page=2") == ids[2:]
    assert_problem(client.get(f"{ZONES}?page_size=1000", headers=chief_headers), 422, "VALIDATION_ERROR")


@pytest.mark.parametrize("role", ["volunteer", "officer"])
def test_volunteers_and_officers_read_but_do_not_write(client, make_user, auth_headers, home_station, create, role):
    zone_id = create(feature(home_station))["id"]
    headers = auth_headers(make_user(role, home_station))
    assert listed_ids(client, headers) == [zone_id]
    assert client.get(f"{ZONES}/{zone_id}", headers=headers).status_code == 200
    assert_problem(client.post(ZONES, json=feature(home_station), headers=headers), 403, "FORBIDDEN")
    patch = {"properties": {"name": "바뀐 이름"}}
    assert_problem(client.patch(f"{ZONES}/{zone_id}", json=patch, headers=headers), 403, "FORBIDDEN")
    assert_problem(client.delete(f"{ZONES}/{zone_id}", headers=headers), 403, "FORBIDDEN")
    collection = {"type": "FeatureCollection", "features": [feature(home_station)]}
    assert_problem(client.post(f"{ZONES}/import", json=collection, headers=headers), 403, "FORBIDDEN")
    assert client.get(f"{ZONES}/{zone_id}", headers=headers).get_json()["properties"]["name"] == "범계역 광장"


def test_signed_out_callers_are_refused(client):
    assert_problem(client.get(ZONES), 401, "UNAUTHORIZED")


def test_coordinator_may_write(client, make_user, auth_headers, home_station, create):
    created = create(feature(home_station), headers=auth_headers(make_user("coordinator", home_station)))
    assert created["properties"]["name"] == "범계역 광장"


@pytest.fixture
def foreign_zone(make_user, auth_headers, other_station, create):
    """A zone of 안양만안경찰서, created by that station's chief."""
    other_chief = make_user("station_chief", other_station)
    return create(feature(other_station, name="안양역 광장"), headers=auth_headers(other_chief))["id"]


def test_another_stations_zone_does_not_exist_for_the_caller(client, chief_headers, foreign_zone):
    url = f"{ZONES}/{foreign_zone}"
    assert_problem(client.get(url, headers=chief_headers), 404, "NOT_FOUND")
    assert_problem(client.patch(url, json={"properties": {"name": "x"}}, headers=chief_headers), 404, "NOT_FOUND")
    assert_problem(client.delete(url, headers=chief_headers), 404, "NOT_FOUND")
    assert listed_ids(client, chief_headers) == []


def test_admin_sees_every_station(client, make_user, auth_headers, home_station, create, foreign_zone):
    home_zone = create(feature(home_station))["id"]
    assert listed_ids(client, auth_headers(make_user("admin"))) == [foreign_zone, home_zone]


def test_creating_in_another_station_is_refused(client, chief_headers, other_station):
    response = client.post(ZONES, json=feature(other_station), headers=chief_headers)
    body = assert_problem(response, 422, "STATION_OUT_OF_SCOPE")
    assert "station_id" in body["errors"]["properties"]
    assert listed_ids(client, chief_headers) == []


def test_patch_changes_geometry_and_merges_free_properties(client, chief_headers, home_station, create):
    zone = create(feature(home_station, note="old", lamp="broken"))
    patch = {"geometry": RODEO, "properties": {"name": "로데오거리", "note": None, "lamp": "fixed", "cctv": 3}}
    response = client.patch(f"{ZONES}/{zone['id']}", json=patch, headers=chief_headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    fetched = client.get(f"{ZONES}/{zone['id']}", headers=chief_headers).get_json()
    assert fetched["geometry"] == RODEO
    properties = fetched["properties"]
    assert properties["name"] == "로데오거리" and properties["kind"] == "dense_area"
    assert properties["lamp"] == "fixed" and properties["cctv"] == 3 and "note" not in properties


def test_patch_checks_the_merged_zone(client, chief_headers, home_station, create):
    url = f"{ZONES}/{create(feature(home_station))['id']}"
    # The stored polygon does not fit a safe house.
    assert_problem(client.patch(url, json={"properties": {"kind": "safe_house"}}, headers=chief_headers), 422, "GEOMETRY_TYPE_MISMATCH")
    # A route needs its line and a corridor.
    as_route = {"geometry": ROUTE, "properties": {"kind": "safe_return_route"}}
    body = assert_problem(client.patch(url, json=as_route, headers=chief_headers), 422, "VALIDATION_ERROR")
    assert "corridor_m" in body["errors"]["properties"]
    as_route["properties"]["corridor_m"] = 25
    assert client.patch(url, json=as_route, headers=chief_headers).get_json()["properties"]["corridor_m"] == 25
    # Back to a polygon: the corridor has to go with it.
    as_area = {"geometry": PLAZA, "properties": {"kind": "dense_area"}}
    assert_problem(client.patch(url, json=as_area, headers=chief_headers), 422, "VALIDATION_ERROR")
    as_area["properties"]["corridor_m"] = None
    assert client.patch(url, json=as_area, headers=chief_headers).get_json()["properties"]["corridor_m"] is None


def test_patch_may_move_a_zone_within_the_family_only(client, chief_headers, home_station, home_unit, other_station, create):
    url = f"{ZONES}/{create(feature(home_station))['id']}"
    response = client.patch(url, json={"properties": {"station_id": other_station.id}}, headers=chief_headers)
    assert_problem(response, 422, "STATION_OUT_OF_SCOPE")
    response = client.patch(url, json={"properties": {"station_id": home_unit.id}}, headers=chief_headers)
    assert response.get_json()["properties"]["station_id"] == home_unit.id


def test_delete_removes_the_zone(client, chief_headers, home_station, create):
    url = f"{ZONES}/{create(feature(home_station))['id']}"
    response = client.delete(url, headers=chief_headers)
    assert response.status_code == 204
    assert_problem(client.get(url, headers=chief_headers), 404, "NOT_FOUND")


def test_import_stores_every_feature(client, chief_headers, home_station):
    features = [
        feature(home_station, PLAZA),
        feature(home_station, ROUTE, kind="safe_return_route", name="안심귀갓길", corridor_m=30),
        feature(home_station, SAFE_HOUSE, kind="safe_house", name="지킴이집"),
    ]
    response = client.post(f"{ZONES}/import", json={"type": "FeatureCollection", "features": features}, headers=chief_headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["created"] == 3
    assert listed_ids(client, chief_headers) == body["ids"]


@pytest.mark.parametrize(
    "bad_feature, code",
    [
        (lambda station, other: feature(station, BOW_TIE), "GEOMETRY_SELF_INTERSECTION"),
        (lambda station, other: feature(other), "STATION_OUT_OF_SCOPE"),
    ],
    ids=["bad-geometry", "foreign-station"],
)
def test_import_is_all_or_nothing_and_names_the_bad_feature(client, chief_headers, home_station, other_station, bad_feature, code):
    features = [feature(home_station), feature(home_station, SAFE_HOUSE, kind="safe_house"), bad_feature(home_station, other_station)]
    response = client.post(f"{ZONES}/import", json={"type": "FeatureCollection", "features": features}, headers=chief_headers)
    body = assert_problem(response, 422, code)
    assert list(body["errors"]["features"]) == ["2"]
    assert listed_ids(client, chief_headers) == []


def test_import_refuses_more_than_a_thousand_features(client, chief_headers, home_station):
    features = [feature(home_station, SAFE_HOUSE, kind="safe_house")] * 1001
    response = client.post(f"{ZONES}/import", json={"type": "FeatureCollection", "features": features}, headers=chief_headers)
    assert "features" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]


NULL_ISLAND = {"type": "Polygon", "coordinates": [[[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]]]}
# Starts at 범계역 and runs out to sea west of the peninsula.
HALF_OUT = {"type": "LineString", "coordinates": [[126.9508, 37.3897], [123.5, 37.3897]]}


@pytest.mark.parametrize(
    "geometry, properties",
    [
        (NULL_ISLAND, {}),
        ({"type": "Point", "coordinates": [0, 0]}, {"kind": "safe_house"}),
        (HALF_OUT, {"kind": "safe_return_route", "corridor_m": 30}),
    ],
    ids=["null-island", "point-at-0-0", "partly-outside"],
)
def test_a_zone_outside_the_service_area_is_refused(client, chief_headers, home_station, geometry, properties):
    response = client.post(ZONES, json=feature(home_station, geometry, **properties), headers=chief_headers)
    assert "geometry" in assert_problem(response, 422, "ZONE_OUTSIDE_SERVICE_AREA")["errors"]
    assert listed_ids(client, chief_headers) == []


def test_a_zone_cannot_be_moved_or_imported_outside_the_service_area(client, chief_headers, home_station, create):
    url = f"{ZONES}/{create(feature(home_station))['id']}"
    assert_problem(client.patch(url, json={"geometry": NULL_ISLAND}, headers=chief_headers), 422, "ZONE_OUTSIDE_SERVICE_AREA")
    assert client.get(url, headers=chief_headers).get_json()["geometry"] == PLAZA
    features = [feature(home_station), feature(home_station, NULL_ISLAND)]
    response = client.post(f"{ZONES}/import", json={"type": "FeatureCollection", "features": features}, headers=chief_headers)
    assert list(assert_problem(response, 422, "ZONE_OUTSIDE_SERVICE_AREA")["errors"]["features"]) == ["1"]


def test_the_service_area_is_the_configured_one(app, client, chief_headers, home_station, monkeypatch):
    # A deployment covering only Gyeonggi-do south of Seoul takes 범계역 but not Seoul City Hall.
    monkeypatch.setitem(app.config, "SERVICE_AREA", (126.8, 37.2, 127.2, 37.45))
    assert client.post(ZONES, json=feature(home_station), headers=chief_headers).status_code == 201
    outside = feature(home_station, CITY_HALL, kind="safe_house")
    assert_problem(client.post(ZONES, json=outside, headers=chief_headers), 422, "ZONE_OUTSIDE_SERVICE_AREA")


def test_a_self_intersection_is_located_in_coded_errors(client, chief_headers, home_station):
    response = client.post(ZONES, json=feature(home_station, BOW_TIE), headers=chief_headers)
    body = assert_problem(response, 422, "GEOMETRY_SELF_INTERSECTION")
    assert body["errors"]["geometry"] == ["The polygon crosses itself."]  # plain strings, as before
    [coded] = body["coded_errors"]
    assert coded["path"] == ["geometry"]
    assert coded["code"] == "GEOMETRY_SELF_INTERSECTION"
    assert coded["message"] == "The polygon crosses itself."
    [[lon, lat]] = coded["locations"]
    assert lon == pytest.approx(126.951) and lat == pytest.approx(37.390)  # where the bow tie's edges cross


def test_an_open_ring_is_located_at_its_two_ends(client, chief_headers, home_station):
    ring = PLAZA["coordinates"][0][:-1]
    response = client.post(ZONES, json=feature(home_station, {"type": "Polygon", "coordinates": [ring]}), headers=chief_headers)
    body = assert_problem(response, 422, "GEOMETRY_RING_NOT_CLOSED")
    assert body["coded_errors"] == [
        {"path": ["geometry"], "code": "GEOMETRY_RING_NOT_CLOSED", "message": "A polygon ring must end where it starts.", "locations": [ring[0], ring[-1]]}
    ]


def test_an_import_codes_each_failing_feature_by_its_path(client, chief_headers, home_station):
    features = [feature(home_station), feature(home_station, BOW_TIE), feature(home_station, SAFE_HOUSE, kind="women_safe_zone")]
    response = client.post(f"{ZONES}/import", json={"type": "FeatureCollection", "features": features}, headers=chief_headers)
    body = assert_problem(response, 422, "GEOMETRY_SELF_INTERSECTION")
    by_path = {tuple(coded["path"]): coded for coded in body["coded_errors"]}
    assert set(by_path) == {("features", "1", "geometry"), ("features", "2", "geometry")}
    assert by_path[("features", "1", "geometry")]["code"] == "GEOMETRY_SELF_INTERSECTION"
    assert len(by_path[("features", "1", "geometry")]["locations"]) == 1
    mismatch = by_path[("features", "2", "geometry")]
    assert mismatch["code"] == "GEOMETRY_TYPE_MISMATCH" and "locations" not in mismatch


def test_a_problem_without_coded_messages_has_no_coded_errors(client, chief_headers, home_station):
    body = assert_problem(client.post(ZONES, json={**feature(home_station), "style": "red"}, headers=chief_headers), 422, "VALIDATION_ERROR")
    assert "coded_errors" not in body


def test_a_zone_a_patrol_uses_is_not_deleted(client, api, chief, chief_headers, patrol_body, zones):
    response = api.create(chief, patrol_body(zone_ids=[zones["plaza"].id]))
    assert response.status_code == 201, response.get_json()
    url = f"{ZONES}/{zones['plaza'].id}"
    assert_problem(client.delete(url, headers=chief_headers), 409, "ZONE_IN_USE")
    assert client.get(url, headers=chief_headers).status_code == 200
    # A zone no patrol uses goes as before.
    assert client.delete(f"{ZONES}/{zones['safe_house'].id}", headers=chief_headers).status_code == 204
