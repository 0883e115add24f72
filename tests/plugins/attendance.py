"""Patrols that have ended (last night, last month) and the facts a phone would have sent for them."""
import uuid
from datetime import timedelta

import pytest
from geoalchemy2.shape import from_shape
from shapely.geometry import Point

from backend.attendance.services import month_bounds, month_of
from backend.checkins.models import CheckIn
from backend.core.time import SEOUL, utcnow
from backend.derivation.services import drain, request, sweep
from backend.locations.models import LocationPoint

HERE = from_shape(Point(126.9508, 37.3897), srid=4326)


@pytest.fixture
def finished_patrol(running_patrol, db_session):
    """The running patrol, moved so that it ran from 3 hours ago to 1 hour ago."""
    running_patrol.starts_at, running_patrol.ends_at = utcnow() - timedelta(hours=3), utcnow() - timedelta(hours=1)
    db_session.commit()
    return running_patrol


@pytest.fixture
def last_months_patrol(running_patrol, db_session):
    """The running patrol, moved to 20:00-22:00 (Korean time) on the last day of last month:
    a month that has ended, so its hours may be approved."""
    this_month_began, _ = month_bounds(month_of(utcnow()))
    running_patrol.starts_at = this_month_began - timedelta(hours=4)
    running_patrol.ends_at = this_month_began - timedelta(hours=2)
    db_session.commit()
    return running_patrol


def month_label(patrol):
    return patrol.starts_at.astimezone(SEOUL).strftime("%Y-%m")


@pytest.fixture
def phone_sent(db_session):
    """Check-ins and points as a phone would have sent them, at minutes from the start, with
    the derivation they ask for (derive_now carries it out)."""

    class Sent:
        def checkin(self, patrol, user, kind, minutes, review=None):
            db_session.add(CheckIn(
                patrol_id=patrol.id, user_id=user.id, kind=kind, client_event_id=uuid.uuid4(), request_fingerprint="x" * 64,
                point=HERE, accuracy_m=5, recorded_at=patrol.starts_at + timedelta(minutes=minutes),
                status="accepted", distance_m=0, review=review,
            ))
            request([patrol.id], user.id)
            db_session.commit()

        def point(self, patrol, user, minutes):
            recorded_at = patrol.starts_at + timedelta(minutes=minutes)
            db_session.add(LocationPoint(
                patrol_id=patrol.id, user_id=user.id, client_event_id=uuid.uuid4(), point=HERE, accuracy_m=5,
                recorded_at=recorded_at,
            ))
            request([patrol.id], user.id, {patrol.id: recorded_at})
            db_session.commit()

        def duty(self, patrol, user, minutes):
            """Checked in at the start and out `minutes` later."""
            self.checkin(patrol, user, "check_in", 0)
            self.checkin(patrol, user, "check_out", minutes)

    return Sent()


def attendance_rows(client, auth_headers, viewer, patrol_id):
    """The patrol's attendance as `viewer` reads it: {user id: row}."""
    response = client.get(f"/api/v1/patrols/{patrol_id}/attendance", headers=auth_headers(viewer))
    assert response.status_code == 200, response.get_json()
    return {row["user_id"]: row for row in response.get_json()}


@pytest.fixture
def derive_now(db_session):
    """What the derivation worker would do by now: sweep every patrol, then derive whatever
    waits, in the test's own transaction."""

    def derive():
        sweep()
        db_session.commit()
        return drain()

    return derive
