"""A station with zones, two invited groups of volunteers, officers and a chief."""
from datetime import datetime, time, timedelta

import pytest
from geoalchemy2.shape import from_shape
from shapely.geometry import LineString, Point, Polygon
from sqlalchemy import select

from backend.core.time import SEOUL
from backend.notifications.models import OutboxEvent
from backend.zones.models import Zone

BEOMGYE = [126.9508, 37.3897]
PLAZA = Polygon([(126.9497, 37.3888), (126.9520, 37.3889), (126.9520, 37.3905), (126.9497, 37.3888)])
WOMEN_SAFE = Polygon([(126.9530, 37.3860), (126.9570, 37.3860), (126.9570, 37.3890), (126.9530, 37.3890), (126.9530, 37.3860)])
WOMEN_SAFE_INSIDE = [126.9560, 37.3865]  # [lon, lat] well inside WOMEN_SAFE, far from BEOMGYE's plaza


def seoul(days_ahead, hour, minute=0):
    """A Korean wall-clock time `days_ahead` days from today."""
    day = datetime.now(SEOUL).date() + timedelta(days=days_ahead)
    return datetime.combine(day, time(hour, minute), SEOUL)


@pytest.fixture
def chief(make_user, home_station):
    return make_user("station_chief", home_station, name="박정훈")


@pytest.fixture
def officer(make_user, home_unit):
    return make_user("officer", home_unit, name="최민준")


@pytest.fixture
def zones(db_session, home_station):
    def zone(name, kind, shape, **extra):
        return Zone(name=name, kind=kind, station=home_station, geom=from_shape(shape, srid=4326), **extra)

    made = {
        "plaza": zone("범계역 광장", "dense_area", PLAZA),
        "women_safe": zone("호계동 여성안심구역", "women_safe_zone", WOMEN_SAFE),
        "route": zone("안심귀갓길", "safe_return_route", LineString([(126.9508, 37.3897), (126.9540, 37.3870)]), corridor_m=30),
        "safe_house": zone("GS25 범계중앙점", "safe_house", Point(126.9512, 37.3893)),
    }
    db_session.add_all(made.values())
    db_session.commit()
    return made


@pytest.fixture
def volunteers(make_user, home_station):
    return [make_user("volunteer", home_station, name=f"자원봉사자{n}") for n in range(1, 7)]


@pytest.fixture
def groups(make_group, home_station, volunteers):
    jayul = make_group(home_station, name="범계동 자율방범대", leaders=[volunteers[0]], members=volunteers[1:4])
    merchants = make_group(home_station, name="범계 로데오 상인연합회", kind="merchant_association", members=volunteers[4:])
    return {"jayul": jayul, "merchants": merchants}


@pytest.fixture
def patrol_body(home_station, zones, groups):
    def body(**overrides):
        return {
            "title": "범계역 합동 야간순찰",
            "station_id": home_station.id,
            "starts_at": seoul(3, 20).isoformat(),
            "ends_at": seoul(3, 23).isoformat(),
            "meeting_point": {"type": "Point", "coordinates": BEOMGYE},
            "zone_ids": [zones["plaza"].id],
            "group_ids": [groups["jayul"].id, groups["merchants"].id],
            "max_volunteers": 3,
            **overrides,
        }

    return body


@pytest.fixture
def api(client, auth_headers):
    """Small helpers that speak to the API as a given person."""

    class Api:
        def create(self, actor, body):
            return client.post("/api/v1/patrols", json=body, headers=auth_headers(actor))

        def publishable(self, chief, officer, body):
            """A draft with an officer assigned: ready to publish."""
            patrol = self.create(chief, body).get_json()
            client.post(f"/api/v1/patrols/{patrol['id']}/officers", json={"user_id": officer.id}, headers=auth_headers(chief))
            return patrol

        def published(self, chief, officer, body):
            patrol = self.publishable(chief, officer, body)
            response = client.post(f"/api/v1/patrols/{patrol['id']}/publish", json={}, headers=auth_headers(chief))
            assert response.status_code == 200, response.get_json()
            return response.get_json()

        def sign_up(self, actor, patrol_id, **body):
            return client.post(f"/api/v1/patrols/{patrol_id}/signups", json=body, headers=auth_headers(actor))

        def withdraw(self, actor, patrol_id, who="me"):
            return client.delete(f"/api/v1/patrols/{patrol_id}/signups/{who}", headers=auth_headers(actor))

        def roster(self, actor, patrol_id):
            return client.get(f"/api/v1/patrols/{patrol_id}/roster", headers=auth_headers(actor)).get_json()

    return Api()


@pytest.fixture
def outbox(db_session):
    """The outbox events recorded so far, as (event_type, patrol_id) pairs in order."""

    def events(event_type=None):
        statement = select(OutboxEvent).order_by(OutboxEvent.id)
        if event_type:
            statement = statement.where(OutboxEvent.event_type == event_type)
        return db_session.scalars(statement).all()

    return events
