"""The live board, one person's track, and the log of who read whose location.

Functions flush, never commit: the access-log rows are written in the request's own
transaction, so a read that is answered is always a read that is recorded.
"""
from sqlalchemy import func, insert, select, true
from sqlalchemy.dialects.postgresql import aggregate_order_by

from backend.checkins import spans
from backend.checkins.models import CheckIn
from backend.core.filters import where_equal
from backend.core.pagination import paginate
from backend.core.time import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.live import policies
from backend.locations.models import LocationAccess, LocationPoint
from backend.locations.partitions import recorded_around
from backend.patrols.models import ParticipantStatus, PatrolParticipant, patrol_zones
from backend.patrols.services import get_patrol
from backend.users.models import User, is_staff_or_admin
from backend.zones.models import Zone


def live_board(viewer, patrol_id, endpoint):
    """Everyone on the patrol (or only the viewer, for a volunteer) with state and last point."""
    patrol = get_patrol(viewer, patrol_id)
    statement = _board_query(patrol)
    if not is_staff_or_admin(viewer):
        statement = statement.where(PatrolParticipant.user_id == viewer.id)
    rows = db.session.execute(statement).all()
    if not rows and not is_staff_or_admin(viewer):
        # A volunteer who is not on the patrol has no row to see.
        raise AppError("NOT_FOUND")
    now = utcnow()
    participants = [_participant(row, now) for row in rows]
    read = [p["user_id"] for p in participants if p["last_point"] and p["user_id"] != viewer.id]
    _record_reads(viewer, patrol.id, endpoint, read)
    return {"patrol_id": patrol.id, "generated_at": now, "participants": participants}


def _board_query(patrol):
    """One statement for the whole board, however many people are on the patrol."""
    patrol_id = patrol.id
    checkins = (
        select(CheckIn.user_id, spans.checked_in_at(), spans.checked_out_at())
        .where(CheckIn.patrol_id == patrol_id)
        .group_by(CheckIn.user_id)
        .subquery("checkins")
    )
    # LIMIT 1 per person is one probe of the (patrol_id, user_id, recorded_at) index each,
    # where DISTINCT ON would read every point of the patrol on each refresh of the board.
    last_point = (
        select(LocationPoint.point, LocationPoint.accuracy_m, LocationPoint.recorded_at)
        .where(
            LocationPoint.patrol_id == patrol_id,
            LocationPoint.user_id == PatrolParticipant.user_id,
            LocationPoint.exclusion.is_(None),
            recorded_around(patrol),
        )
        .order_by(LocationPoint.recorded_at.desc())
        .limit(1)
        .lateral("last_point")
    )
    # Zone.area stays a plain geometry in the filter so its GIST index can be used.
    zone_ids = (
        select(func.array_agg(aggregate_order_by(Zone.id, Zone.id)))
        .join(patrol_zones, patrol_zones.c.zone_id == Zone.id)
        .where(patrol_zones.c.patrol_id == patrol_id, func.ST_Covers(Zone.area, last_point.c.point))
        .scalar_subquery()
    )
    return (
        select(
            PatrolParticipant.user_id,
            User.name,
            PatrolParticipant.kind,
            checkins.c.checked_in_at,
            checkins.c.checked_out_at,
            func.ST_Y(last_point.c.point).label("lat"),
            func.ST_X(last_point.c.point).label("lon"),
            last_point.c.accuracy_m,
            last_point.c.recorded_at,
            zone_ids.label("zone_ids"),
        )
        .join(User, User.id == PatrolParticipant.user_id)
        .outerjoin(checkins, checkins.c.user_id == PatrolParticipant.user_id)
        .outerjoin(last_point, true())
        .where(PatrolParticipant.patrol_id == patrol_id, PatrolParticipant.status == ParticipantStatus.CONFIRMED)
        .order_by(PatrolParticipant.kind, User.name, User.id)  # officers first, then by name
    )


def _participant(row, now):
    if row.checked_in_at is None:
        state = "not_arrived"
    elif row.checked_out_at is not None:
        state = "checked_out"
    else:
        state = "checked_in"
    last_point = None
    if row.recorded_at is not None:
        last_point = {
            "lat": row.lat,
            "lon": row.lon,
            "accuracy_m": row.accuracy_m,
            "recorded_at": row.recorded_at,
            # A phone whose clock runs ahead would otherwise show a negative age.
            "age_s": max(0, int((now - row.recorded_at).total_seconds())),
        }
    return {
        "user_id": row.user_id,
        "name": row.name,
        "kind": row.kind,
        "state": state,
        "checked_in_at": row.checked_in_at,
        "checked_out_at": row.checked_out_at,
        "last_point": last_point,
        "zone_ids": row.zone_ids or [],
    }


def track(viewer, patrol_id, subject_id, endpoint, pagination):
    """One page of a participant's points on the patrol, oldest first, excluded ones included."""
    patrol = get_patrol(viewer, patrol_id)
    if not policies.may_read_location_of(viewer, subject_id) or not _is_participant(patrol.id, subject_id):
        raise AppError("NOT_FOUND")
    if subject_id != viewer.id:
        # Logged even when the page is empty: the reader asked for this person's movements.
        _record_reads(viewer, patrol.id, endpoint, [subject_id])
    statement = (
        select(LocationPoint)
        .where(LocationPoint.patrol_id == patrol.id, LocationPoint.user_id == subject_id, recorded_around(patrol))
        .order_by(LocationPoint.recorded_at, LocationPoint.id)
    )
    return paginate(statement, pagination)


def _is_participant(patrol_id, user_id):
    return db.session.scalar(
        select(true()).where(
            PatrolParticipant.patrol_id == patrol_id,
            PatrolParticipant.user_id == user_id,
            PatrolParticipant.status == ParticipantStatus.CONFIRMED,
        )
    ) is not None


def _record_reads(viewer, patrol_id, endpoint, subject_ids):
    """One access-log row per person read, all in a single INSERT."""
    if not subject_ids:
        return
    rows = [
        {"viewer_id": viewer.id, "subject_id": subject_id, "patrol_id": patrol_id, "endpoint": endpoint}
        for subject_id in subject_ids
    ]
    db.session.execute(insert(LocationAccess).values(rows))


def list_location_access(filters, pagination):
    """One page of the access log, newest first, with the names of viewer and subject."""
    statement = where_equal(select(LocationAccess), LocationAccess, filters, "subject_id", "viewer_id", "patrol_id")
    if "from_" in filters:
        statement = statement.where(LocationAccess.accessed_at >= filters["from_"])
    if "to" in filters:
        statement = statement.where(LocationAccess.accessed_at < filters["to"])
    entries = paginate(statement.order_by(LocationAccess.accessed_at.desc(), LocationAccess.id.desc()), pagination)
    names = _names_of({entry.viewer_id for entry in entries} | {entry.subject_id for entry in entries})
    return [
        {
            "id": entry.id,
            "viewer_id": entry.viewer_id,
            "viewer_name": names.get(entry.viewer_id),
            "subject_id": entry.subject_id,
            "subject_name": names.get(entry.subject_id),
            "patrol_id": entry.patrol_id,
            "endpoint": entry.endpoint,
            "accessed_at": entry.accessed_at,
        }
        for entry in entries
    ]


def _names_of(user_ids):
    # Viewer or subject is NULL once their account is deleted; the entry itself stays.
    user_ids.discard(None)
    if not user_ids:
        return {}
    return dict(db.session.execute(select(User.id, User.name).where(User.id.in_(user_ids))).all())
