"""Raw locations are deleted on time and on withdrawal; the figures derived from them stay."""
import uuid
from datetime import timedelta

from geoalchemy2.shape import from_shape
from shapely.geometry import Point
from sqlalchemy import func, select

from backend.checkins.models import CheckIn
from backend.core.time import utcnow
from backend.locations.models import DwellStep, LocationPoint, ZoneDwell
from backend.testing.fixtures.locations import fix
from backend.testing.fixtures.patrols import WOMEN_SAFE_INSIDE


def count(db_session, model, *where):
    return db_session.scalar(select(func.count()).select_from(model).where(*where))


def old_point(patrol, user, days_ago):
    return LocationPoint(
        patrol_id=patrol.id, user_id=user.id, client_event_id=uuid.uuid4(),
        point=from_shape(Point(*WOMEN_SAFE_INSIDE), srid=4326), accuracy_m=5, recorded_at=utcnow() - timedelta(days=days_ago),
    )


def a_zone_with_dwell(db_session):
    return db_session.scalar(select(ZoneDwell.zone_id).limit(1))


def test_purge_deletes_old_raw_points_and_keeps_dwell(derive_now, app, running_patrol, volunteers, upload, db_session):
    start = utcnow() - timedelta(minutes=30)
    upload(volunteers[1], [fix(running_patrol.id, WOMEN_SAFE_INSIDE, start + timedelta(seconds=15 * n)) for n in range(5)])
    derive_now()
    db_session.add_all([old_point(running_patrol, volunteers[1], 91), old_point(running_patrol, volunteers[2], 120)])
    long_ago = utcnow() - timedelta(days=91)
    db_session.add(DwellStep(patrol_id=running_patrol.id, user_id=volunteers[2].id, zone_id=a_zone_with_dwell(db_session),
                             started_at=long_ago, ended_at=long_ago + timedelta(seconds=15), is_night=False))
    db_session.commit()
    assert count(db_session, DwellStep, DwellStep.user_id == volunteers[1].id) == 4

    result = app.test_cli_runner().invoke(args=["locations", "purge"])
    assert result.exit_code == 0, result.output
    # No day that old has a partition here: the default partition held them.
    assert "dropped 0 days of location points, deleted 2 more points" in result.output
    assert count(db_session, LocationPoint) == 5  # this patrol's recent points stay
    assert count(db_session, ZoneDwell, ZoneDwell.user_id == volunteers[1].id) == 1
    # The steps dwell is summed from go with the points they were worked out from.
    assert count(db_session, DwellStep, DwellStep.user_id == volunteers[2].id) == 0
    assert count(db_session, DwellStep, DwellStep.user_id == volunteers[1].id) == 4

    shorter = app.test_cli_runner().invoke(args=["locations", "purge", "--days", "1"])
    assert "deleted 0 more points" in shorter.output


def test_withdrawing_consent_deletes_the_persons_raw_locations_only(derive_now, running_patrol, volunteers, upload, client, auth_headers, db_session):
    now = utcnow()
    for volunteer in volunteers[1:3]:
        upload(volunteer, [fix(running_patrol.id, WOMEN_SAFE_INSIDE, now - timedelta(seconds=15 * n)) for n in range(4)])
        client.post(
            f"/api/v1/patrols/{running_patrol.id}/check-in",
            json={"lon": WOMEN_SAFE_INSIDE[0], "lat": WOMEN_SAFE_INSIDE[1], "accuracy_m": 5, "recorded_at": now.isoformat(), "client_event_id": str(uuid.uuid4())},
            headers=auth_headers(volunteer),
        )
    derive_now()
    assert client.delete("/api/v1/me/consents", headers=auth_headers(volunteers[1])).status_code == 204

    assert count(db_session, LocationPoint, LocationPoint.user_id == volunteers[1].id) == 0
    assert count(db_session, LocationPoint, LocationPoint.user_id == volunteers[2].id) == 4
    checkin = db_session.scalar(select(CheckIn).where(CheckIn.user_id == volunteers[1].id))
    assert checkin.point is None and checkin.status == "accepted"  # the attendance fact stays
    assert count(db_session, ZoneDwell, ZoneDwell.user_id == volunteers[1].id) == 1
    # The steps along the way say where the person walked: they go too.
    assert count(db_session, DwellStep, DwellStep.user_id == volunteers[1].id) == 0
    assert count(db_session, DwellStep, DwellStep.user_id == volunteers[2].id) == 3
