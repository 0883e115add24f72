"""A patrol that is running now, with volunteers who consented to location collection."""
import uuid
from datetime import timedelta

import pytest

from backend.core.time import utcnow
from backend.patrols.models import Patrol
from backend.users.models import LocationConsent
from tests.plugins.patrols import BEOMGYE

# Metres to degrees near 37.39 N, good to well under a metre over a few hundred metres.
M_PER_DEG_LAT = 110_990.0
M_PER_DEG_LON = 88_390.0


def offset(origin, east_m, north_m):
    """[lon, lat] the given metres east and north of `origin` ([lon, lat])."""
    return [origin[0] + east_m / M_PER_DEG_LON, origin[1] + north_m / M_PER_DEG_LAT]


@pytest.fixture
def consent(db_session):
    def give(user, hours_ago=6):
        db_session.add(LocationConsent(user=user, policy_version="2026-11", granted_at=utcnow() - timedelta(hours=hours_ago)))
        db_session.commit()

    return give


@pytest.fixture
def running_patrol(api, chief, officer, patrol_body, volunteers, consent, db_session, zones):
    """Published, now in its second hour, with volunteers 2-4 confirmed and consenting.

    Made in the future through the API, then moved so that "now" falls inside it.
    """
    patrol = api.published(chief, officer, patrol_body(zone_ids=[z.id for z in zones.values()], max_volunteers=10))
    for volunteer in volunteers[1:4]:
        assert api.sign_up(volunteer, patrol["id"]).status_code == 201
        consent(volunteer)
    consent(officer)
    row = db_session.get(Patrol, patrol["id"])
    row.starts_at, row.ends_at = utcnow() - timedelta(hours=2), utcnow() + timedelta(minutes=30)
    db_session.commit()
    return row


@pytest.fixture
def upload(client, auth_headers):
    def send(user, points):
        return client.post("/api/v1/locations:batch", json={"points": points}, headers=auth_headers(user))

    return send


def fix(patrol_id, lon_lat, recorded_at, accuracy_m=8.0, **extra):
    return {
        "patrol_id": patrol_id,
        "lon": lon_lat[0],
        "lat": lon_lat[1],
        "accuracy_m": accuracy_m,
        "recorded_at": recorded_at.isoformat(),
        "client_event_id": str(extra.pop("client_event_id", uuid.uuid4())),
        **extra,
    }


def check_in_or_out(client, auth_headers, user, patrol_id, kind, recorded_at=None, where=BEOMGYE, accuracy_m=5.0, event_id=None):
    """POST a check-in or check-out (`kind`) as the person's phone sends it: by default at
    the meeting point, now."""
    body = {
        "lon": where[0],
        "lat": where[1],
        "accuracy_m": accuracy_m,
        "recorded_at": (recorded_at or utcnow()).isoformat(),
        "client_event_id": str(event_id or uuid.uuid4()),
    }
    return client.post(f"/api/v1/patrols/{patrol_id}/{kind}", json=body, headers=auth_headers(user))
