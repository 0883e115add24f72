"""Recomputation of what a person's points mean: which to leave out, and the time spent in
each zone of the patrol.

Everything follows from the set of a person's points on a patrol, ordered by recorded_at
(then client_event_id, so ties break the same way whatever the arrival order): a late,
shuffled or repeated upload ends in exactly the same figures. Exclusions are judged again
from just before the new points; dwell is summed again over all of them. The worker derives
many people at once, so each statement takes them all (one array parameter per column).
"""
import functools
from datetime import timedelta

from sqlalchemy import DateTime, Integer, bindparam, case, cast, column, delete, extract, func, insert, select, true
from sqlalchemy.dialects.postgresql import ARRAY

from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.core.time import SEOUL
from backend.derivation.models import DERIVED_AT
from backend.extensions import db
from backend.locations.models import LocationPoint, ZoneDwell
from backend.patrols.models import patrol_zones
from backend.zones.models import Zone, ZoneKind

MAX_SPEED_MPS = 50  # faster than any patrol on foot or by car in town: a GPS jump
MAX_GAP = timedelta(minutes=5)  # a longer silence between two points is not counted as time spent


def _people(*extra):
    """The people asked for, one row each: (patrol_id, user_id, *extra) from array parameters."""
    columns = [("patrol_id", Integer), ("user_id", Integer), *extra]
    return (
        func.unnest(*(bindparam(f"{name}s", type_=ARRAY(kind)) for name, kind in columns))
        .table_valued(*(column(name, kind) for name, kind in columns))
        .render_derived(name="people")
    )


# Which points to leave out is judged by mark_location_exclusions(), a function created by
# a migration: in recorded order, each point against the last one kept, so that a run of
# points far away is left out as a whole. It re-judges only from the last kept point before
# the new ones onwards.
def _mark_exclusions():
    people = _people(("first_at", DateTime(timezone=True)))
    return select(
        func.mark_location_exclusions(
            people.c.patrol_id, people.c.user_id, people.c.first_at, MAX_SPEED_MPS, SUSPECT_ACCURACY_M
        )
    )


def _forget_dwell():
    people = _people()
    return delete(ZoneDwell.__table__).where(
        ZoneDwell.patrol_id == people.c.patrol_id, ZoneDwell.user_id == people.c.user_id
    )


# Time between two consecutive kept points counts for a zone when both lie in its area and
# they are at most MAX_GAP apart; it is night time when the step starts between 22:00 and
# 06:00 Korean time. For a safe-return route, each such step also covers the
# stretch of the route between the two points' positions along it.
def _compute_dwell():
    people = _people()
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
        .where(LocationPoint.patrol_id == people.c.patrol_id, LocationPoint.user_id == people.c.user_id,
               LocationPoint.exclusion.is_(None))
        .lateral("points")
    )
    kept = select(people.c.patrol_id, people.c.user_id, points).join(points, true()).cte("kept")
    seoul_hour = extract("hour", func.timezone(SEOUL.key, kept.c.recorded_at))
    steps = (
        select(
            kept.c.patrol_id,
            kept.c.user_id,
            kept.c.point,
            kept.c.next_point,
            kept.c.next_at,
            extract("epoch", kept.c.next_at - kept.c.recorded_at).label("seconds"),
            (~seoul_hour.between(6, 21)).label("is_night"),
        )
        .where(kept.c.next_at.is_not(None), kept.c.next_at - kept.c.recorded_at <= MAX_GAP)
        .cte("steps")
    )
    is_route = Zone.kind == ZoneKind.SAFE_RETURN_ROUTE
    inside = (
        select(
            steps.c.patrol_id, steps.c.user_id, Zone.id.label("zone_id"), Zone.kind, Zone.geom, steps.c.seconds, steps.c.is_night, steps.c.next_at,
            case((is_route, func.ST_LineLocatePoint(Zone.geom, steps.c.point))).label("from_fraction"),
            case((is_route, func.ST_LineLocatePoint(Zone.geom, steps.c.next_point))).label("to_fraction"),
        )
        .select_from(patrol_zones)
        .join(Zone, Zone.id == patrol_zones.c.zone_id)
        .join(steps, (patrol_zones.c.patrol_id == steps.c.patrol_id)
              & func.ST_Covers(Zone.area, steps.c.point) & func.ST_Covers(Zone.area, steps.c.next_point))
        .cte("inside")
    )
    low, high = (f(inside.c.from_fraction, inside.c.to_fraction) for f in (func.least, func.greatest))
    walked = func.ST_Union(func.ST_LineSubstring(inside.c.geom, low, high)).filter(
        inside.c.from_fraction != inside.c.to_fraction
    )
    coverage = func.coalesce(
        func.ST_Length(func.Geography(walked)) / func.nullif(func.ST_Length(func.Geography(inside.c.geom)), 0), 0
    )
    rows = select(
        inside.c.patrol_id,
        inside.c.user_id,
        inside.c.zone_id,
        cast(func.round(func.sum(inside.c.seconds)), Integer),
        func.coalesce(cast(func.round(func.sum(inside.c.seconds).filter(inside.c.is_night)), Integer), 0),
        func.max(inside.c.next_at),
        case((inside.c.kind == ZoneKind.SAFE_RETURN_ROUTE, coverage)),
        DERIVED_AT,
    ).group_by(inside.c.patrol_id, inside.c.user_id, inside.c.zone_id, inside.c.kind, inside.c.geom)
    columns = ["patrol_id", "user_id", "zone_id", "seconds", "night_seconds", "last_seen_at", "route_coverage", "updated_at"]
    return insert(ZoneDwell.__table__).from_select(columns, rows)


@functools.cache
def _statements():
    """Built once: building them costs more than running them."""
    return _mark_exclusions(), _forget_dwell(), _compute_dwell()


def recompute(requests):
    """Re-derive these people's exclusions from just before their `first_at` (the earliest
    recorded_at of the points that arrived since they were last judged), then their dwell.
    `requests`: (patrol_id, user_id, first_at) each, in the order their rows were locked."""
    patrol_ids, user_ids, first_ats = (list(values) for values in zip(*requests))
    people = {"patrol_ids": patrol_ids, "user_ids": user_ids}
    mark, forget, compute = _statements()
    db.session.execute(mark, {**people, "first_ats": first_ats})
    db.session.execute(forget, people)
    db.session.execute(compute, people)
