"""Attendance derived from check-ins and points, set-based, for some people on a patrol.

Duty runs over the person's span (backend.checkins.spans), clipped to the patrol; while the
span is open (no check-out), to the last accepted point (and the record says it was
estimated). A record an officer corrected keeps the officer's word, and a confirmed one
changes only when it is confirmed again. Before the start, whoever has not checked in is
expected, not absent. Facts that reached the server late (is_late_upload) are listed on the
record for good; while any of them awaits an officer, the record is pending_review and
credits no duty.
"""
import functools
from datetime import timedelta

from sqlalchemy import Integer, any_, bindparam, case, cast, delete, exists, extract, false, func, literal, select, true
from sqlalchemy.dialects.postgresql import ARRAY, array, insert

from backend.attendance.models import AttendanceRecord, AttendanceStatus, LateFact
from backend.checkins import spans
from backend.checkins.models import LATE_UPLOAD, CheckIn, CheckInKind, Review
from backend.derivation.models import DERIVED_AT
from backend.extensions import db
from backend.locations.models import LocationPoint, ZoneDwell
from backend.organizations.models import Station
from backend.patrols.models import ParticipantStatus, Patrol, PatrolParticipant
from backend.zones.models import Zone, ZoneKind

ONE_MINUTE = literal(timedelta(minutes=1))


def refresh(patrol_id, user_ids, *, reconfirm=False):
    """Bring these people's attendance on the patrol up to date with their check-ins and points.

    A confirmed record keeps the figure an officer vouched for (an approved month counts it)
    until an officer confirms again (`reconfirm`): what arrives later waits in the review
    queues instead of moving certified hours unseen."""
    parameters = {"patrol_id": patrol_id, "user_ids": sorted(set(user_ids))}
    forget, upsert = _statements(reconfirm)
    db.session.execute(forget, parameters)
    db.session.execute(upsert, parameters)


@functools.cache
def _statements(reconfirm):
    """Built once: building them costs more than running them for one person."""
    return _forget_withdrawn(), _upsert(reconfirm)


def _of(column_patrol, column_user):
    """The rows of the patrol and people asked for. The people come as one array, so that the
    statement reads the same however many they are, and PostgreSQL prepares it once."""
    return column_patrol == bindparam("patrol_id"), column_user == any_(bindparam("user_ids", type_=ARRAY(Integer)))


def _forget_withdrawn():
    # Whoever withdrew (or was taken off) after a record was made, which can only happen
    # before the start (nobody leaves a patrol under way), has no record to keep.
    confirmed = exists().where(
        PatrolParticipant.patrol_id == AttendanceRecord.patrol_id,
        PatrolParticipant.user_id == AttendanceRecord.user_id,
        PatrolParticipant.status == ParticipantStatus.CONFIRMED,
    )
    return delete(AttendanceRecord.__table__).where(
        *_of(AttendanceRecord.patrol_id, AttendanceRecord.user_id),
        ~AttendanceRecord.is_corrected,
        ~confirmed,
    )


def _derived():
    """One row per confirmed person: what their record should say now."""
    people = (
        select(PatrolParticipant.patrol_id, PatrolParticipant.user_id, Patrol.starts_at, Patrol.ends_at,
               (Station.late_after_minutes * ONE_MINUTE).label("grace"))
        .join(Patrol, Patrol.id == PatrolParticipant.patrol_id)
        .join(Station, Station.id == Patrol.station_id)
        .where(PatrolParticipant.status == ParticipantStatus.CONFIRMED,
               *_of(PatrolParticipant.patrol_id, PatrolParticipant.user_id))
        .subquery("people")
    )
    came_late = literal(LATE_UPLOAD) == any_(CheckIn.reasons)
    # Per person, through the (patrol_id, user_id, ...) indexes: the last point is one step
    # of an index scan, not a pass over the thousands of points a phone sends.
    checkins = (
        select(
            spans.checked_in_at(),
            spans.checked_out_at(),
            _any(CheckIn.kind == CheckInKind.CHECK_IN, came_late).label("late_check_in"),
            _any(CheckIn.kind == CheckInKind.CHECK_OUT, came_late).label("late_check_out"),
            _any(CheckIn.review == Review.PENDING, came_late).label("late_pending"),
        )
        .where(CheckIn.patrol_id == people.c.patrol_id, CheckIn.user_id == people.c.user_id)
        .lateral("c")
    )
    late_points = (
        select((func.count() > 0).label("found"), _any(LocationPoint.late_review == Review.PENDING).label("pending"))
        .where(LocationPoint.patrol_id == people.c.patrol_id, LocationPoint.user_id == people.c.user_id,
               LocationPoint.late_review.is_not(None))
        .lateral("late_points")
    )
    last_point = (
        select(func.max(LocationPoint.recorded_at).label("at"))
        .where(LocationPoint.patrol_id == people.c.patrol_id, LocationPoint.user_id == people.c.user_id,
               LocationPoint.exclusion.is_(None))
        .lateral("last_point")
    )
    dwell = (
        select(_minutes_in(ZoneKind.DENSE_AREA).label("dense"), _minutes_in(ZoneKind.WOMEN_SAFE_ZONE).label("women"))
        .select_from(ZoneDwell)
        .join(Zone, Zone.id == ZoneDwell.zone_id)
        .where(ZoneDwell.patrol_id == people.c.patrol_id, ZoneDwell.user_id == people.c.user_id)
        .lateral("dwell")
    )
    pending = checkins.c.late_pending | late_points.c.pending
    checked_in_at, checked_out_at = checkins.c.checked_in_at, checkins.c.checked_out_at
    duty_end = func.least(func.coalesce(checked_out_at, last_point.c.at, checked_in_at), people.c.ends_at)
    duty_seconds = extract("epoch", duty_end - func.greatest(checked_in_at, people.c.starts_at))
    status = case(
        (pending, AttendanceStatus.PENDING_REVIEW.value),
        (checked_in_at.is_(None) & (func.now() < people.c.starts_at), AttendanceStatus.EXPECTED.value),
        (checked_in_at.is_(None), AttendanceStatus.NO_SHOW.value),
        (checked_in_at > people.c.starts_at + people.c.grace, AttendanceStatus.LATE.value),
        (checked_out_at < people.c.ends_at - people.c.grace, AttendanceStatus.LEFT_EARLY.value),
        else_=AttendanceStatus.PRESENT.value,
    )
    late_facts = _facts({
        LateFact.CHECK_IN: checkins.c.late_check_in,
        LateFact.CHECK_OUT: checkins.c.late_check_out,
        LateFact.POINTS: late_points.c.found,
    }.get)
    return (
        select(
            people.c.patrol_id,
            people.c.user_id,
            status.label("status"),
            checked_in_at,
            checked_out_at,
            case((checked_in_at.is_(None) | pending, 0),
                 else_=cast(func.greatest(0, func.floor(duty_seconds / 60)), Integer)).label("duty_minutes"),
            (checked_in_at.is_not(None) & checked_out_at.is_(None) & last_point.c.at.is_not(None))
            .label("is_duty_end_estimated"),
            cast(func.coalesce(dwell.c.dense, 0), Integer).label("dense_area_minutes"),
            cast(func.coalesce(dwell.c.women, 0), Integer).label("women_safe_minutes"),
            late_facts.label("late_facts"),
            DERIVED_AT.label("updated_at"),
        )
        .select_from(people)
        .join(checkins, true())
        .join(late_points, true())
        .join(last_point, true())
        .join(dwell, true())
    )


def _any(condition, among=None):
    """Whether any row (of those `among`) meets the condition; false when there are none."""
    aggregate = func.bool_or(condition)
    return func.coalesce(aggregate.filter(among) if among is not None else aggregate, false())


def _facts(holds):
    """The late facts for which `holds(fact)` is true, in LateFact's order."""
    return func.array_remove(array([case((holds(fact), fact.value)) for fact in LateFact]), None)


def _minutes_in(kind):
    return func.sum(ZoneDwell.seconds).filter(Zone.kind == kind) // 60


def _upsert(reconfirm):
    derived = _derived()
    statement = insert(AttendanceRecord.__table__).from_select([column.name for column in derived.selected_columns], derived)
    new = statement.excluded
    # Once late, always said: deleted points (retention, consent withdrawn) do not unsay it.
    merged_facts = _facts(lambda fact: (literal(fact.value) == any_(AttendanceRecord.late_facts))
                          | (literal(fact.value) == any_(new.late_facts)))
    unchanged_by_officer = ~AttendanceRecord.is_corrected
    if not reconfirm:
        unchanged_by_officer &= AttendanceRecord.confirmed_at.is_(None)
    return statement.on_conflict_do_update(
        index_elements=[AttendanceRecord.patrol_id, AttendanceRecord.user_id],
        set_={
            "status": new.status,
            "checked_in_at": new.checked_in_at,
            "checked_out_at": new.checked_out_at,
            "duty_minutes": new.duty_minutes,
            "is_duty_end_estimated": new.is_duty_end_estimated,
            "dense_area_minutes": new.dense_area_minutes,
            "women_safe_minutes": new.women_safe_minutes,
            "late_facts": merged_facts,
            "updated_at": DERIVED_AT,
        },
        where=unchanged_by_officer,
    )
