"""Deleting raw location data (위치정보 파기) while the figures derived from it stay.

Raw points, the steps between them and the positions of check-ins go; zone dwell, check-in
times and their review stay, so attendance and volunteer hours can still be certified.
"""
from sqlalchemy import delete, update

from backend.checkins.models import CheckIn
from backend.derivation.models import DerivationRequest
from backend.extensions import db
from backend.locations import partitions
from backend.locations.models import DwellStep, LocationPoint


def erase_raw_locations(point_filter, step_filter, checkin_filter):
    """Delete the points and dwell steps, and blank the check-in positions, matching the given filters."""
    points = db.session.execute(delete(LocationPoint).where(point_filter)).rowcount
    db.session.execute(delete(DwellStep).where(step_filter))
    checkins = db.session.execute(
        update(CheckIn).where(checkin_filter, CheckIn.point.is_not(None)).values(point=None)
    ).rowcount
    return points, checkins


def erase_for_person(user_id):
    """When someone withdraws consent, everything raw about where they were goes. Their dwell
    stays as last derived: with the points gone, deriving it again would only erase it."""
    db.session.execute(
        update(DerivationRequest).where(DerivationRequest.user_id == user_id).values(points_from=None)
    )
    return erase_raw_locations(LocationPoint.user_id == user_id, DwellStep.user_id == user_id, CheckIn.user_id == user_id)


def erase_older_than(cutoff):
    """Whole UTC days before the one `cutoff` falls in: a day's partition is dropped, not its
    rows deleted, so a point goes within a day of turning old. What the default partition
    holds from before then is deleted row by row (it holds few).

    Returns the days dropped, the points deleted beside them and the check-ins blanked."""
    kept_from = partitions.utc_day_start(cutoff)
    days = partitions.drop_days_before(kept_from)
    points, checkins = erase_raw_locations(
        LocationPoint.recorded_at < kept_from, DwellStep.started_at < kept_from, CheckIn.recorded_at < kept_from
    )
    return days, points, checkins
