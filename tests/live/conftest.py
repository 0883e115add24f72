"""The patrol fixtures (station, zones, groups, people, api), plus rows a phone would have sent."""
import uuid
from datetime import timedelta

import pytest
from geoalchemy2.shape import from_shape
from shapely.geometry import Point

from backend.checkins.models import CheckIn
from backend.core.time import utcnow
from backend.locations.models import LocationPoint


@pytest.fixture
def record(db_session):
    """Check-ins and GPS points written straight into the tables, `minutes_ago` before now."""

    class Record:
        def checkin(self, patrol, user, kind, minutes_ago, *, review=None):
            row = CheckIn(
                patrol_id=patrol["id"],
                user_id=user.id,
                kind=kind,
                client_event_id=uuid.uuid4(),
                request_fingerprint="x" * 64,
                point=from_shape(Point(126.9508, 37.3897), srid=4326),
                accuracy_m=10,
                recorded_at=utcnow() - timedelta(minutes=minutes_ago),
                status="accepted",
                distance_m=0,
                review=review,
            )
            db_session.add(row)
            db_session.commit()
            return row

        def point(self, patrol, user, lon, lat, minutes_ago, *, exclusion=None, accuracy_m=8.0):
            row = LocationPoint(
                patrol_id=patrol["id"],
                user_id=user.id,
                client_event_id=uuid.uuid4(),
                point=from_shape(Point(lon, lat), srid=4326),
                accuracy_m=accuracy_m,
                recorded_at=utcnow() - timedelta(minutes=minutes_ago),
                exclusion=exclusion,
            )
            db_session.add(row)
            db_session.commit()
            return row

    return Record()


@pytest.fixture
def soon():
    """The times of a patrol starting in half an hour: the points `record` writes minutes
    before now are of its night (a patrol's points are read around its own times)."""
    starts_at = utcnow() + timedelta(minutes=30)
    return {"starts_at": starts_at.isoformat(), "ends_at": (starts_at + timedelta(hours=3)).isoformat()}
