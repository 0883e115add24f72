"""Taking in batches of points from phones that may have been offline for hours."""
import uuid

from flask import current_app
from sqlalchemy import DateTime, Float, Integer, Uuid, bindparam, case, column, func, literal, select, update
from sqlalchemy.dialects.postgresql import ARRAY, insert

from backend.checkins.models import Review
from backend.core.pagination import paginate
from backend.core.schemas import InvalidObject
from backend.derivation import services as derivation
from backend.extensions import db
from backend.locations.models import LocationPoint, ZoneDwell
from backend.organizations.models import Station
from backend.patrols.models import Patrol
from backend.patrols.policies import is_on_duty
from backend.patrols.services import get_patrol
from backend.patrols.timing import location_time_problem, location_window
from backend.users.models import consent_granted_at, is_staff_or_admin

# The batch's columns, each sent as one array parameter and read back as rows by unnest().
BATCH_COLUMNS = {
    "patrol_id": Integer, "client_event_id": Uuid, "lon": Float, "lat": Float, "accuracy_m": Float,
    "recorded_at": DateTime(timezone=True), "speed_mps": Float, "battery": Integer,
}


def _insert_points_statement():
    """One statement for the whole batch. A repeated id (already stored, or twice in this
    batch) is skipped by the unique key; RETURNING tells which ones were new. A point
    received late waits for an officer (late_review), by the same rule as a check-in
    (is_late_upload)."""
    batch = (
        func.unnest(*(bindparam(name, type_=ARRAY(kind)) for name, kind in BATCH_COLUMNS.items()))
        .table_valued(*(column(name, kind) for name, kind in BATCH_COLUMNS.items()))
        .render_derived(name="batch")
    )
    ends_at = select(Patrol.ends_at).where(Patrol.id == batch.c.patrol_id).scalar_subquery()
    is_late = func.is_late_upload(func.now(), batch.c.recorded_at, ends_at, bindparam("late_minutes", type_=Integer))
    rows = select(
        batch.c.patrol_id,
        bindparam("user_id", type_=Integer),
        batch.c.client_event_id,
        func.ST_SetSRID(func.ST_MakePoint(batch.c.lon, batch.c.lat), 4326),
        batch.c.accuracy_m,
        batch.c.recorded_at,
        batch.c.speed_mps,
        batch.c.battery,
        case((is_late, literal(Review.PENDING, LocationPoint.late_review.type))),
    )
    names = ["patrol_id", "user_id", "client_event_id", "point", "accuracy_m", "recorded_at", "speed_mps", "battery",
             "late_review"]
    points = LocationPoint.__table__
    return (
        insert(points)
        .from_select(names, rows)
        .on_conflict_do_nothing(index_elements=[points.c.user_id, points.c.client_event_id, points.c.recorded_at])
        .returning(points.c.patrol_id, points.c.recorded_at, points.c.late_review.is_not(None))
    )


INSERT_POINTS = _insert_points_statement()


def ingest(user, points):
    """Store what may be stored, say why the rest may not, and ask for the figures that
    rest on the points (dwell, route coverage, attendance) to be derived after the commit.

    `points` may hold InvalidObjects, points the parser could not read: they are rejected
    on their own, by their position in the batch.
    """
    patrol_ids = {point["patrol_id"] for point in points if not isinstance(point, InvalidObject)}
    windows, consent_granted = _location_windows(user, patrol_ids)
    kept, rejected = [], []
    for index, point in enumerate(points):
        if isinstance(point, InvalidObject):
            rejected.append({"index": index, "client_event_id": _sent_event_id(point.sent), "code": "INVALID_POINT",
                             "errors": point.messages})
        elif code := _rejection(point, windows, consent_granted):
            rejected.append({"index": index, "client_event_id": point["client_event_id"], "code": code, "errors": None})
        else:
            kept.append(point)
    stored = _insert(user, kept) if kept else []
    earliest = _earliest(stored)
    derivation.request(earliest, user.id, earliest)
    return {
        "accepted": len(stored),
        "late": sum(1 for *_, is_late in stored if is_late),
        "duplicates": len(kept) - len(stored),
        "rejected": rejected,
    }


# The patrols among those asked for that the user is on duty for, and since when the
# user's consent is in force (NULL: none). Built once: every batch runs it.
ON_DUTY_WINDOWS = (
    select(
        Patrol.id, Patrol.starts_at, Patrol.ends_at, Station.checkin_opens_minutes,
        consent_granted_at(bindparam("user_id")).label("consent_granted_at"),
    )
    .join(Station, Station.id == Patrol.station_id)
    .where(Patrol.id.in_(bindparam("patrol_ids", expanding=True)), is_on_duty(bindparam("user_id"), Patrol.id))
)


def _location_windows(user, patrol_ids):
    """For each of these patrols the user is on duty for, when locations may be taken;
    and since when the user's consent is in force (None: no consent)."""
    rows = db.session.execute(ON_DUTY_WINDOWS, {"user_id": user.id, "patrol_ids": sorted(patrol_ids)}).all()
    windows = {row.id: location_window(row.starts_at, row.ends_at, row.checkin_opens_minutes) for row in rows}
    if rows:
        return windows, rows[0].consent_granted_at
    return windows, None  # no patrol to keep points for: consent does not matter


def _rejection(point, windows, consent_granted):
    if point["patrol_id"] not in windows:
        return "NOT_A_PARTICIPANT"
    # Nothing recorded before consent was given (or after it was withdrawn) is kept.
    if consent_granted is None or point["recorded_at"] < consent_granted:
        return "CONSENT_REQUIRED"
    return location_time_problem(point["recorded_at"], windows[point["patrol_id"]])


def _sent_event_id(sent):
    """The id a malformed point came with, when that part of it is a UUID: the phone drops
    points from its buffer by id."""
    value = sent.get("client_event_id") if isinstance(sent, dict) else None
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _insert(user, points):
    columns = {name: [point[name] for point in points] for name in BATCH_COLUMNS}
    late_minutes = current_app.config["LATE_UPLOAD_MINUTES"]
    return db.session.execute(INSERT_POINTS, {"user_id": user.id, "late_minutes": late_minutes, **columns}).all()


def _earliest(stored):
    """{patrol_id: the earliest recorded_at} of the points just stored."""
    earliest = {}
    for patrol_id, recorded_at, _ in stored:
        earliest[patrol_id] = min(earliest.get(patrol_id, recorded_at), recorded_at)
    return earliest


def approve_late_points(patrol_id, user_ids):
    """An officer confirmed these people's attendance: their late points waiting for review count."""
    db.session.execute(
        update(LocationPoint)
        .where(
            LocationPoint.patrol_id == patrol_id,
            LocationPoint.user_id.in_(user_ids),
            LocationPoint.late_review == Review.PENDING.value,
        )
        .values(late_review=Review.APPROVED.value)
    )


def patrol_dwell(viewer, patrol_id, pagination):
    """Minutes per person and zone; volunteers see only their own."""
    patrol = get_patrol(viewer, patrol_id)
    statement = select(ZoneDwell).where(ZoneDwell.patrol_id == patrol.id).order_by(ZoneDwell.user_id, ZoneDwell.zone_id)
    if not is_staff_or_admin(viewer):
        statement = statement.where(ZoneDwell.user_id == viewer.id)
    return paginate(statement, pagination)
