"""The location-access log of SOS alerts: an alert says where its raiser was and when, so a
responder's read of someone else's alert is a read of their location."""
from sqlalchemy import insert, literal, select

from backend.extensions import db
from backend.locations.models import LocationAccess
from backend.sos.models import SosAlert


def record_reads(viewer, endpoint, alert_ids):
    """Log the viewer's read of each alert in `alert_ids` (a list, or a SELECT of ids) that
    someone else raised, in a single INSERT."""
    if isinstance(alert_ids, list) and not alert_ids:
        return  # nothing read: the banner's frequent empty polls cost no statement
    read = select(
        literal(viewer.id), SosAlert.raiser_id, SosAlert.patrol_id, literal(endpoint)
    ).where(SosAlert.id.in_(alert_ids), SosAlert.raiser_id != viewer.id)
    db.session.execute(
        insert(LocationAccess).from_select(["viewer_id", "subject_id", "patrol_id", "endpoint"], read)
    )
