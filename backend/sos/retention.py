"""Erasing the location parts of old incident records: where an SOS was raised and the
positions its raiser's phone sent. Who raised it, when, who took it and how it ended stay,
for the station's incident statistics."""
from sqlalchemy import delete, select, update

from backend.extensions import db
from backend.sos.models import SosAlert, SosPosition


def erase_incident_locations_older_than(cutoff):
    """Erase the points and positions of the alerts raised before `cutoff`. Returns how many
    alerts lost their point and how many positions were deleted."""
    old = SosAlert.raised_at < cutoff
    positions = db.session.execute(delete(SosPosition).where(SosPosition.alert_id.in_(select(SosAlert.id).where(old))))
    alerts = db.session.execute(update(SosAlert).where(old, SosAlert.point.is_not(None)).values(point=None))
    return alerts.rowcount, positions.rowcount
