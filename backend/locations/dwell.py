"""Recomputation of what a person's points mean: which to leave out, and the time spent in
each zone of the patrol.

Everything follows from the set of a person's points on a patrol, ordered by recorded_at
(then client_event_id, so ties break the same way whatever the arrival order): a late,
shuffled or repeated upload ends in exactly the same figures. Exclusions are judged again
from the last kept point before the new points; the steps between kept points from there on
replace the ones kept before (dwell_steps), and dwell is summed from the steps. The worker
derives many people at once, so each statement takes them all (one array parameter per column).
"""
import functools
from datetime import timedelta

from sqlalchemy import (
    DateTime, Integer, bindparam, case, cast, column, delete, extract, func, insert, literal_column, select, true,
)
from sqlalchemy.dialects.postgresql import ARRAY

from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.core.time import SEOUL
from backend.derivation.models import DERIVED_AT
from backend.extensions import db
from backend.locations.models import DwellStep, LocationPoint, ZoneDwell
from backend.patrols.models import patrol_zones
from backend.zones.models import Zone, ZoneKind

MAX_SPEED_MPS = 50  # faster than any patrol on foot or by car in town: a GPS jump
MAX_GAP = timedelta(minutes=5)  # a longer silence between two points is not counted as time spent
# Per person, the earliest recorded_at of the points that arrived since they were last judged.
FIRST_AT = ("first_at", DateTime(timezone=True))
# Per person, the recorded_at from which mark_location_exclusions() judged the points again.
JUDGED_FROM = ("judged_from", DateTime(timezone=True))


def asked_people(*extra):
    """The people asked for, one row each: (patrol_id, user_id, *extra) from array parameters."""
    columns = [("patrol_id", Integer), ("user_id", Integer), *extra]
    return (
        func.unnest(*(bindparam(f"{name}s", type_=ARRAY(kind)) for name, kind in columns))
        .table_valued(*(column(name, kind) for name, kind in columns))
        .render_derived(name="people")
    )


def belonging_to(people, model):
    """The rows of `model` that belong to the people asked for."""
    return (model.patrol_id == people.c.patrol_id) & (model.user_id == people.c.user_id)


def _from_where_judged(people, at):
    """`at` no earlier than where the person's points were judged again (NULL: from the first)."""
    return at >= func.coalesce(people.c.judged_from, literal_column("'-infinity'::timestamptz"))


def is_seoul_night(at):
    """SQL: does the moment `at` fall between 22:00 and 06:00 Korean time?"""
    return ~extract("hour", func.timezone(SEOUL.key, at)).between(6, 21)


# Which points to leave out is judged by mark_location_exclusions(), a function created by
# a migration: in recorded order, each point against the last one kept, so that a run of
# points far away is left out as a whole. It judges again only from the last kept point before
# the new ones onwards, and returns that point's recorded_at.
def _mark_exclusions():
    people = asked_people(FIRST_AT)
    judged_from = func.mark_location_exclusions(
        people.c.patrol_id, people.c.user_id, people.c.first_at, MAX_SPEED_MPS, SUSPECT_ACCURACY_M
    )
    return select(people.c.patrol_id, people.c.user_id, judged_from.label("judged_from"))


def _forget_steps():
    people = asked_people(JUDGED_FROM)
    return delete(DwellStep.__table__).where(belonging_to(people, DwellStep), _from_where_judged(people, DwellStep.started_at))


# A step between two consecutive kept points counts for a zone when both lie in its area and
# they are at most MAX_GAP apart; it is night time when the step starts between 22:00 and
# 06:00 Korean time. For a safe-return route, each such step also covers the stretch of the
# route between the two points' positions along it.
def _add_steps():
    people = asked_people(JUDGED_FROM)
    order = (LocationPoint.recorded_at, LocationPoint.client_event_id)
    # Each person's points through the (patrol_id, user_id, recorded_at) index, one person at
    # a time (LATERAL), whatever the planner guesses of how many people there are.
    points = (
        select(
            LocationPoint.point,
            LocationPoint.recorded_at,
            func.lead(LocationPoint.point).over(order_by=order).label("next_point"),
            func.lead(LocationPoint.recorded_at).over(order_by=order).label("next_at"),
        )
        .where(belonging_to(people, LocationPoint), LocationPoint.exclusion.is_(None),
               _from_where_judged(people, LocationPoint.recorded_at))
        .lateral("points")
    )
    steps = (
        select(people.c.patrol_id, people.c.user_id, points)
        .join(points, true())
        .where(points.c.next_at.is_not(None), points.c.next_at - points.c.recorded_at <= MAX_GAP)
        .cte("steps")
    )
    along = [case((Zone.kind == ZoneKind.SAFE_RETURN_ROUTE, func.ST_LineLocatePoint(Zone.geom, at)))
             for at in (steps.c.point, steps.c.next_point)]
    rows = (
        select(
            steps.c.patrol_id, steps.c.user_id, Zone.id, steps.c.recorded_at, steps.c.next_at,
            is_seoul_night(steps.c.recorded_at),
            func.least(*along), func.greatest(*along),
        )
        .select_from(patrol_zones)
        .join(Zone, Zone.id == patrol_zones.c.zone_id)
        .join(steps, (patrol_zones.c.patrol_id == steps.c.patrol_id)
              & func.ST_Covers(Zone.area, steps.c.point) & func.ST_Covers(Zone.area, steps.c.next_point))
    )
    columns = ["patrol_id", "user_id", "zone_id", "started_at", "ended_at", "is_night", "route_from", "route_to"]
    return insert(DwellStep.__table__).from_select(columns, rows)


def _forget_dwell():
    people = asked_people()
    return delete(ZoneDwell.__table__).where(belonging_to(people, ZoneDwell))


def _route_walked(people):
    """Per person and safe-return route, the length walked along it: the stretches of its
    steps merged where they overlap or touch (a stretch starts a new piece where it begins
    beyond everything walked before it), each piece measured on the ground."""
    person_zone = (DwellStep.patrol_id, DwellStep.user_id, DwellStep.zone_id)
    stretches = (
        select(
            *person_zone, DwellStep.route_from, DwellStep.route_to,
            func.max(DwellStep.route_to)
            .over(partition_by=person_zone, order_by=(DwellStep.route_from, DwellStep.route_to), rows=(None, -1))
            .label("reached_before"),
        )
        .join(people, belonging_to(people, DwellStep))
        .where(DwellStep.route_from < DwellStep.route_to)
        .subquery("stretches")
    )
    s = stretches.c
    starts_piece = case((s.route_from <= s.reached_before, 0), else_=1)
    numbered = select(
        s.patrol_id, s.user_id, s.zone_id, s.route_from, s.route_to,
        func.sum(starts_piece).over(partition_by=(s.patrol_id, s.user_id, s.zone_id), order_by=(s.route_from, s.route_to))
        .label("piece"),
    ).subquery("numbered")
    n = numbered.c
    pieces = (
        select(n.patrol_id, n.user_id, n.zone_id, func.min(n.route_from).label("start"), func.max(n.route_to).label("end"))
        .group_by(n.patrol_id, n.user_id, n.zone_id, n.piece)
        .subquery("pieces")
    )
    p = pieces.c
    length = func.sum(func.ST_Length(func.Geography(func.ST_LineSubstring(Zone.geom, p.start, p.end))))
    return (
        select(p.patrol_id, p.user_id, p.zone_id, length.label("length"))
        .join(Zone, Zone.id == p.zone_id)
        .group_by(p.patrol_id, p.user_id, p.zone_id)
        .subquery("walked")
    )


def _sum_dwell():
    people = asked_people()
    walked = _route_walked(people)
    seconds = extract("epoch", DwellStep.ended_at - DwellStep.started_at)
    coverage = func.coalesce(walked.c.length / func.nullif(func.ST_Length(func.Geography(Zone.geom)), 0), 0)
    rows = (
        select(
            DwellStep.patrol_id,
            DwellStep.user_id,
            DwellStep.zone_id,
            cast(func.round(func.sum(seconds)), Integer),
            func.coalesce(cast(func.round(func.sum(seconds).filter(DwellStep.is_night)), Integer), 0),
            func.max(DwellStep.ended_at),
            case((Zone.kind == ZoneKind.SAFE_RETURN_ROUTE, coverage)),
            DERIVED_AT,
        )
        .join(people, belonging_to(people, DwellStep))
        .join(Zone, Zone.id == DwellStep.zone_id)
        .outerjoin(walked, (walked.c.patrol_id == DwellStep.patrol_id) & (walked.c.user_id == DwellStep.user_id)
                   & (walked.c.zone_id == DwellStep.zone_id))
        .group_by(DwellStep.patrol_id, DwellStep.user_id, DwellStep.zone_id, Zone.id, walked.c.length)
    )
    columns = ["patrol_id", "user_id", "zone_id", "seconds", "night_seconds", "last_seen_at", "route_coverage", "updated_at"]
    return insert(ZoneDwell.__table__).from_select(columns, rows)


@functools.cache
def _statements():
    """Built once: building them costs more than running them."""
    return _mark_exclusions(), _forget_steps(), _add_steps(), _forget_dwell(), _sum_dwell()


def recompute(requests):
    """Judge these people's points again from just before their `first_at` (the earliest
    recorded_at of the points that arrived since they were last judged), replace their steps
    from there on, and sum their dwell again.
    `requests`: (patrol_id, user_id, first_at) each, in the order their rows were locked."""
    patrol_ids, user_ids, first_ats = (list(values) for values in zip(*requests))
    people = {"patrol_ids": patrol_ids, "user_ids": user_ids}
    mark, forget_steps, add_steps, forget_dwell, sum_dwell = _statements()
    judged = db.session.execute(mark, {**people, "first_ats": first_ats}).all()
    from_where_judged = {f"{name}s": [getattr(row, name) for row in judged] for name in ("patrol_id", "user_id", "judged_from")}
    db.session.execute(forget_steps, from_where_judged)
    db.session.execute(add_steps, from_where_judged)
    db.session.execute(forget_dwell, people)
    db.session.execute(sum_dwell, people)
