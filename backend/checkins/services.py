"""Check-in and check-out: who may, when, where, and answering retries with the first answer."""
import hashlib
import json

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert

from backend.attendance import derive as attendance
from backend.checkins import policies
from backend.checkins.models import CheckIn, CheckInKind, CheckInStatus, Review
from backend.core.filters import where_equal
from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404
from backend.core.time import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.organizations.models import GeofencePolicy
from backend.patrols.models import Patrol, patrol_zones
from backend.patrols.policies import is_on_duty
from backend.patrols.services import get_patrol
from backend.patrols.timing import location_time_problem, location_window
from backend.zones.models import Zone


def record(actor, patrol_id, kind, fix):
    """Record a check-in or check-out. Returns (check-in, is_new): a retry gets the first one."""
    patrol = get_patrol(actor, patrol_id)
    if not is_on_duty(actor, patrol):
        raise AppError("NOT_A_PARTICIPANT")
    fingerprint = _fingerprint(patrol_id, kind, fix)
    earlier = _earlier_answer(actor, fix["client_event_id"], fingerprint)
    if earlier is not None:
        return earlier, False
    _check_may_record(actor, patrol, kind, fix)
    row = {**_judge(patrol, kind, fix), "user_id": actor.id, "request_fingerprint": fingerprint}
    return _insert_once(row, actor, fix["client_event_id"], fingerprint)


def _check_may_record(actor, patrol, kind, fix):
    if actor.active_consent is None:
        raise AppError("CONSENT_REQUIRED")
    problem = location_time_problem(fix["recorded_at"], location_window(patrol))
    if problem:
        raise AppError(problem)
    if kind == CheckInKind.CHECK_OUT and not _has_checked_in(actor, patrol):
        raise AppError("NOT_CHECKED_IN")


def _judge(patrol, kind, fix):
    """The check-in row: where the fix lies against the meeting point and zones, and
    whether to flag it for review."""
    point = func.ST_SetSRID(func.ST_MakePoint(fix["lon"], fix["lat"]), 4326)
    distance_m, zone_distances = _distances(patrol, point)
    # The fix is a circle of radius accuracy_m: any part of it inside counts as inside.
    zone_ids = sorted(zone_id for zone_id, distance in zone_distances if distance <= fix["accuracy_m"])
    reasons = []
    if distance_m > patrol.meeting_radius_m + fix["accuracy_m"] and not zone_ids:
        if patrol.station.geofence_policy == GeofencePolicy.BLOCK:
            raise AppError("OUTSIDE_GEOFENCE")
        reasons.append("outside_geofence")
    if fix["accuracy_m"] > SUSPECT_ACCURACY_M:
        reasons.append("low_accuracy")
    return {
        "patrol_id": patrol.id,
        "kind": kind,
        "client_event_id": fix["client_event_id"],
        "point": point,
        "accuracy_m": fix["accuracy_m"],
        "recorded_at": fix["recorded_at"],
        "status": CheckInStatus.FLAGGED if reasons else CheckInStatus.ACCEPTED,
        "reasons": reasons,
        "distance_m": distance_m,
        "zone_ids": zone_ids,
        "review": Review.PENDING if reasons else None,
    }


def _distances(patrol, point):
    """Metres from the fix to the meeting point, and to each of the patrol's zones.

    Only the patrol's few zones are measured (found through patrol_zones), so measuring on
    the geography type here costs no index.
    """
    fix = func.Geography(point)
    to_meeting_point = db.session.scalar(
        select(func.ST_Distance(func.Geography(Patrol.meeting_point), fix)).where(Patrol.id == patrol.id)
    )
    to_zones = db.session.execute(
        select(Zone.id, func.ST_Distance(func.Geography(Zone.area), fix))
        .join(patrol_zones, patrol_zones.c.zone_id == Zone.id)
        .where(patrol_zones.c.patrol_id == patrol.id)
    ).all()
    return to_meeting_point, to_zones


def _has_checked_in(user, patrol):
    earlier = select(CheckIn.id).where(
        CheckIn.patrol_id == patrol.id, CheckIn.user_id == user.id, CheckIn.kind == CheckInKind.CHECK_IN.value
    )
    return db.session.scalar(earlier.limit(1)) is not None


def _fingerprint(patrol_id, kind, fix):
    canonical = {
        "patrol_id": patrol_id,
        "kind": str(kind),
        "lat": fix["lat"],
        "lon": fix["lon"],
        "accuracy_m": fix["accuracy_m"],
        "recorded_at": fix["recorded_at"].timestamp(),
        "client_event_id": str(fix["client_event_id"]),
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def _earlier_answer(user, client_event_id, fingerprint):
    """The check-in already stored under this id, or None; a different request under it is refused."""
    earlier = db.session.scalar(
        select(CheckIn).where(CheckIn.user_id == user.id, CheckIn.client_event_id == client_event_id)
    )
    if earlier is not None and earlier.request_fingerprint != fingerprint:
        raise AppError("IDEMPOTENCY_MISMATCH")
    return earlier


def _insert_once(row, user, client_event_id, fingerprint):
    """Insert unless a simultaneous retry got there first; then answer as that one did."""
    statement = (
        insert(CheckIn)
        .values(**row)
        .on_conflict_do_nothing(index_elements=["user_id", "client_event_id"])
        .returning(CheckIn.id)
    )
    new_id = db.session.scalar(statement)
    if new_id is None:
        return _earlier_answer(user, client_event_id, fingerprint), False
    attendance.refresh([row["patrol_id"]], [user.id])
    return db.session.get(CheckIn, new_id), True


def list_checkins(viewer, filters, pagination):
    statement = policies.reviewable_checkins(viewer).order_by(CheckIn.recorded_at, CheckIn.id)
    return paginate(where_equal(statement, CheckIn, filters, "patrol_id", "review"), pagination)


def review_checkin(actor, checkin_id, review, note):
    checkin = one_or_404(policies.reviewable_checkins(actor).where(CheckIn.id == checkin_id))
    if checkin.status != CheckInStatus.FLAGGED:
        raise AppError("NOT_FLAGGED")
    checkin.review = review
    checkin.review_note = note
    checkin.reviewed_by_id = actor.id
    checkin.reviewed_at = utcnow()
    db.session.flush()
    attendance.refresh([checkin.patrol_id], [checkin.user_id])  # a rejected check-in no longer counts
    return checkin
