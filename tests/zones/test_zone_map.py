"""Every zone of a station in one FeatureCollection, for a map: all=true, with a cap."""
import json

import pytest
from sqlalchemy import insert

from backend.zones.models import Zone
from tests.helpers import assert_problem

ZONES = "/api/v1/zones"


@pytest.fixture
def safe_houses(db_session):
    """Add `count` safe houses to a station, straight into the table: a map's worth of rows."""

    def add(station, count):
        rows = [
            {"station_id": station.id, "name": f"지킴이집 {n}", "kind": "safe_house",
             "geom": f"SRID=4326;POINT({126.94 + n * 1e-5} {37.38 + n * 1e-5})"}
            for n in range(count)
        ]
        db_session.execute(insert(Zone), rows)
        db_session.commit()

    return add


@pytest.fixture
def volunteer_headers(make_user, home_station, auth_headers):
    return auth_headers(make_user("volunteer", home_station))


def test_all_gives_every_zone_of_the_station_on_one_page(client, volunteer_headers, home_station, home_unit, other_station, safe_houses):
    safe_houses(home_station, 60)
    safe_houses(home_unit, 2)
    safe_houses(other_station, 3)
    assert len(client.get(ZONES, headers=volunteer_headers).get_json()["features"]) == 50  # paginated by default

    response = client.get(f"{ZONES}?station_id={home_station.id}&all=true", headers=volunteer_headers)
    body = response.get_json()
    assert body["type"] == "FeatureCollection" and body["truncated"] is False
    assert len(body["features"]) == 60
    assert {f["properties"]["station_id"] for f in body["features"]} == {home_station.id}
    assert json.loads(response.headers["X-Pagination"])["total"] == 60

    # Another station's zones stay out of sight, all or not.
    other = client.get(f"{ZONES}?station_id={other_station.id}&all=true", headers=volunteer_headers).get_json()
    assert other["features"] == [] and other["truncated"] is False


def test_all_stops_at_the_cap_and_says_so(client, volunteer_headers, home_station, safe_houses):
    safe_houses(home_station, 2001)
    response = client.get(f"{ZONES}?station_id={home_station.id}&all=true", headers=volunteer_headers)
    body = response.get_json()
    assert len(body["features"]) == 2000 and body["truncated"] is True
    assert json.loads(response.headers["X-Pagination"])["total"] == 2001
    ids = [f["id"] for f in body["features"]]
    assert ids == sorted(ids)  # the first 2000 by id, as the pages would give them


@pytest.mark.parametrize("query", ["all=true", "all=maybe&station_id=1", "all=&station_id=1"])
def test_bad_map_requests_are_refused(client, volunteer_headers, query):
    assert_problem(client.get(f"{ZONES}?{query}", headers=volunteer_headers), 422, "VALIDATION_ERROR")


def test_a_page_says_it_is_not_truncated(client, volunteer_headers, home_station, safe_houses):
    safe_houses(home_station, 3)
    assert client.get(f"{ZONES}?page_size=2", headers=volunteer_headers).get_json()["truncated"] is False
