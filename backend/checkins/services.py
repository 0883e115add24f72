"""Check-in and check-out: who may, when, where, and answering retries with the first answer."""
import hashlib
import json

from flask import current_app
from sqlalchemy import any_, bindparam, func, literal, select, true
from sqlalchemy.dialects.postgresql import aggregate_order_by, insert
from sqlalchemy.orm import joinedload

from backend.attendance import derive as attendance
from backend.checkins import policies
from backend.checkins.models import LATE_UPLOAD, CheckIn, CheckInKind, CheckInReview, CheckInStatus, Review
from backend.core.filters import where_equal
from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404
from backend.core.time import utcnow
from backend.derivation import services as derivation
from backend.errors import AppError
from backend.extensions import db
from backend.organizations.models import GeofencePolicy, Station
from backend.patrols.models import Patrol, patrol_zones
from backend.patrols.policies import is_on_duty, visible_patrols
from backend.patrols.timing import location_time_problem, location_window
from backend.users.models import consent_granted_at
from backend.zones.models import Zone


def record(actor, patrol_id, kind, fix):
    """Record a check-in or check-out. Returns (answer row, is_new): a retry gets the first one.

    Everything the decision needs comes from one statement (_situation), and the row goes
    in with a second one that returns the answer: check-ins are a hot path, dozens of people
    arriving at once at the start of every patrol.
    """
    situation = _situation(actor, patrol_id, fix)
    if situation is None:
        raise AppError("NOT_FOUND")
    if not situation.is_on_duty:
        raise AppError("NOT_A_PARTICIPANT")
    fingerprint = _fingerprint(patrol_id, kind, fix)
    if situation.earlier_fingerprint is not None:
        return _earlier_answer(actor, fix["client_event_id"], fingerprint), False
    _check_may_record(situation, kind, fix)
    row = {**_judge(situation, kind, fix), "user_id": actor.id, "request_fingerprint": fingerprint}
    return _insert_once(row, actor, fix["client_event_id"], fingerprint)


# The columns of a check-in's answer (CheckInSchema), read straight from the row.
ANSWER_COLUMNS = (
    CheckIn.id, CheckIn.patrol_id, CheckIn.user_id, CheckIn.kind, CheckIn.status, CheckIn.reasons,
    CheckIn.distance_m, CheckIn.zone_ids, CheckIn.recorded_at, CheckIn.received_at, CheckIn.review,
    CheckIn.review_note, CheckIn.reviewed_by_id, CheckIn.reviewed_at,
)

# The fix as a point; its lon and lat are given as parameters when a statement runs.
FIX_POINT = func.ST_SetSRID(func.ST_MakePoint(bindparam("lon"), bindparam("lat")), 4326)


def _situation(actor, patrol_id, fix):
    """The patrol as the actor may see it (None: not visible), with whether they are on
    duty, have consent, have checked in, sent this client_event_id before, and how far
    the fix lies from the meeting point and from each of the patrol's zones."""
    fix_place = func.Geography(FIX_POINT)
    # Only the patrol's few zones are measured (found through patrol_zones), so measuring
    # on the geography type here costs no index.
    zones = (
        select(
            func.array_agg(aggregate_order_by(Zone.id, Zone.id)).label("ids"),
            func.array_agg(
                aggregate_order_by(func.ST_Distance(func.Geography(Zone.area), fix_place), Zone.id)
            ).label("distances"),
        )
        .join(patrol_zones, patrol_zones.c.zone_id == Zone.id)
        .where(patrol_zones.c.patrol_id == Patrol.id)
        .lateral("patrol_zone_distances")
    )
    earlier = select(CheckIn.request_fingerprint).where(
        CheckIn.user_id == actor.id, CheckIn.client_event_id == fix["client_event_id"]
    )
    checked_in = select(CheckIn.id).where(
        CheckIn.patrol_id == Patrol.id, CheckIn.user_id == actor.id, CheckIn.kind == CheckInKind.CHECK_IN.value
    )
    late_minutes = current_app.config["LATE_UPLOAD_MINUTES"]
    statement = (
        visible_patrols(actor)
        .where(Patrol.id == patrol_id)
        .join(Station, Station.id == Patrol.station_id)
        .join(zones, true(), isouter=True)
        .with_only_columns(
            Patrol.id,
            Patrol.starts_at,
            Patrol.ends_at,
            Patrol.meeting_radius_m,
            Station.checkin_opens_minutes,
            Station.geofence_policy,
            is_on_duty(actor.id, Patrol.id).label("is_on_duty"),
            consent_granted_at(actor.id).label("consent_granted_at"),
            checked_in.exists().label("has_checked_in"),
            earlier.scalar_subquery().label("earlier_fingerprint"),
            func.ST_Distance(func.Geography(Patrol.meeting_point), fix_place).label("distance_m"),
            zones.c.ids.label("zone_ids"),
            zones.c.distances.label("zone_distances"),
            # now() is the transaction's time, which the row's received_at will be.
            func.is_late_upload(func.now(), fix["recorded_at"], Patrol.ends_at, late_minutes).label("is_late"),
        )
    )
    return db.session.execute(statement, {"lon": fix["lon"], "lat": fix["lat"]}).first()


def _check_may_record(situation, kind, fix):
    if situation.consent_granted_at is None:
        raise AppError("CONSENT_REQUIRED")
    window = location_window(situation.starts_at, situation.ends_at, situation.checkin_opens_minutes)
    problem = location_time_problem(fix["recorded_at"], window)
    if problem == "OUTSIDE_PATROL_WINDOW" and fix["recorded_at"] > window[1]:
        # Said apart: checking in or out after the patrol is over says nothing about being there.
        problem = "RECORDED_AFTER_PATROL_END"
    if problem:
        raise AppError(problem)
    if kind == CheckInKind.CHECK_OUT and not situation.has_checked_in:
        raise AppError("NOT_CHECKED_IN")


def _judge(situation, kind, fix):
    """The check-in row: where the fix lies against the meeting point and zones, and
    whether to flag it for review."""
    # The fix is a circle of radius accuracy_m: any part of it inside counts as inside.
    zone_ids = [
        zone_id
        for zone_id, distance in zip(situation.zone_ids or [], situation.zone_distances or [])
        if distance <= fix["accuracy_m"]
    ]
    reasons = []
    if situation.distance_m > situation.meeting_radius_m + fix["accuracy_m"] and not zone_ids:
        if situation.geofence_policy == GeofencePolicy.BLOCK:
            raise AppError("OUTSIDE_GEOFENCE")
        reasons.append("outside_geofence")
    if fix["accuracy_m"] > SUSPECT_ACCURACY_M:
        reasons.append("low_accuracy")
    # Kept (offline phones upload late), but attendance waits for an officer to approve it.
    if situation.is_late:
        reasons.append(LATE_UPLOAD)
    return {
        "patrol_id": situation.id,
        "kind": kind,
        "client_event_id": fix["client_event_id"],
        "lon": fix["lon"],
        "lat": fix["lat"],
        "accuracy_m": fix["accuracy_m"],
        "recorded_at": fix["recorded_at"],
        "status": CheckInStatus.FLAGGED if reasons else CheckInStatus.ACCEPTED,
        "reasons": reasons,
        "distance_m": situation.distance_m,
        "zone_ids": zone_ids,
        "review": Review.PENDING if reasons else None,
    }


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


EARLIER_ANSWER = select(*ANSWER_COLUMNS, CheckIn.request_fingerprint).where(
    CheckIn.user_id == bindparam("user_id"), CheckIn.client_event_id == bindparam("client_event_id")
)

# The row's values come as parameters; RETURNING gives the answer without reading it back.
INSERT_ONCE = (
    insert(CheckIn.__table__)
    .values(point=FIX_POINT)
    .on_conflict_do_nothing(index_elements=["user_id", "client_event_id"])
    .returning(*ANSWER_COLUMNS)
)


def _earlier_answer(user, client_event_id, fingerprint):
    """The answer already given under this id; a different request under it is refused."""
    earlier = db.session.execute(EARLIER_ANSWER, {"user_id": user.id, "client_event_id": client_event_id}).first()
    if earlier.request_fingerprint != fingerprint:
        raise AppError("IDEMPOTENCY_MISMATCH")
    return earlier


def _insert_once(row, user, client_event_id, fingerprint):
    """Insert unless a simultaneous retry got there first; then answer as that one did."""
    answer = db.session.execute(INSERT_ONCE, row).first()
    if answer is None:
        return _earlier_answer(user, client_event_id, fingerprint), False
    derivation.request([row["patrol_id"]], user.id)
    return answer, True


def list_checkins(viewer, filters, pagination):
    # The names show beside each check-in; loaded with it, not one query a row.
    statement = policies.reviewable_checkins(viewer).order_by(CheckIn.recorded_at, CheckIn.id).options(joinedload(CheckIn.user))
    return paginate(where_equal(statement, CheckIn, filters, "patrol_id", "review"), pagination)


def review_checkin(actor, checkin_id, review, note):
    checkin = one_or_404(policies.reviewable_checkins(actor).where(CheckIn.id == checkin_id))
    if checkin.status != CheckInStatus.FLAGGED:
        raise AppError("NOT_FLAGGED")
    _decide(actor, checkin, review, note)
    db.session.flush()
    attendance.refresh(checkin.patrol_id, [checkin.user_id])  # a rejected check-in no longer counts
    return checkin


def approve_late_checkins(actor, patrol_id, user_ids, note):
    """Approve the late check-ins still pending of these people: an officer confirmed their
    attendance knowing the uploads came late."""
    pending = db.session.scalars(
        select(CheckIn).where(
            CheckIn.patrol_id == patrol_id,
            CheckIn.user_id.in_(user_ids),
            CheckIn.review == Review.PENDING.value,
            literal(LATE_UPLOAD) == any_(CheckIn.reasons),
        )
    )
    for checkin in pending:
        _decide(actor, checkin, Review.APPROVED, note)
    db.session.flush()


def _decide(actor, checkin, review, note):
    """The check-in shows the latest decision; its history keeps every one."""
    now = utcnow()
    checkin.review = review
    checkin.review_note = note
    checkin.reviewed_by_id = actor.id
    checkin.reviewed_at = now
    db.session.add(CheckInReview(checkin_id=checkin.id, review=review, note=note, reviewed_by_id=actor.id, reviewed_at=now))


def review_history(viewer, checkin_id):
    """Every decision on a check-in, oldest first."""
    checkin = one_or_404(policies.reviewable_checkins(viewer).where(CheckIn.id == checkin_id))
    return db.session.scalars(
        select(CheckInReview).where(CheckInReview.checkin_id == checkin.id).order_by(CheckInReview.id)
    ).all()
