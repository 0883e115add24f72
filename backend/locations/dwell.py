"""Recomputation of what a person's points mean: which to leave out, and the time spent in
each zone of the patrol.

Everything follows from the set of a person's points on a patrol, ordered by recorded_at
(then client_event_id, so ties break the same way whatever the arrival order): a late,
shuffled or repeated upload ends in exactly the same figures. Exclusions are judged again
from just before the new points; dwell is summed again over all of them.
"""
import functools
from datetime import timedelta

from sqlalchemy import Integer, bindparam, case, cast, delete, extract, func, insert, select

from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.core.time import SEOUL
from backend.derivation.models import DERIVED_AT
from backend.extensions import db
from backend.locations.models import LocationPoint, ZoneDwell
from backend.patrols.models import patrol_zones
from backend.zones.models import Zone, ZoneKind

MAX_SPEED_MPS = 50  # faster than any patrol on foot or by car in town: a GPS jump
MAX_GAP = timedelta(minutes=5)  # a longer silence between two points is not counted as time spent

# Which points to leave out is judged by mark_location_exclusions(), a function created by
# a migration: in recorded order, each point against the last one kept, so that a run of
# points far away is left out as a whole. It re-judges only from the last kept point before
# the new ones onwards.
MARK_EXCLUSIONS = select(
    func.mark_location_exclusions(
        bindparam("patrol_id"), bindparam("user_id"), bindparam("first_at"), MAX_SPEED_MPS, SUSPECT_ACCURACY_M
    )
)

FORGET_DWELL = delete(ZoneDwell.__table__).where(
    ZoneDwell.patrol_id == bindparam("patrol_id"), ZoneDwell.user_id == bindparam("user_id")
)

# Time between two consecutive kept points counts for a zone when both lie in its area and
# they are at most MAX_GAP apart; it is night time when the step starts between 22:00 and
# 06:00 Korean time. For a safe-return route, each such step also covers the
# stretch of the route between the two points' positions along it.
@functools.cache
def _compute_dwell():
    """Built once: building it costs more than running it for one person."""
    patrol_id, user_id = bindparam("patrol_id", type_=Integer), bindparam("user_id", type_=Integer)
    order = (LocationPoint.recorded_at, LocationPoint.client_event_id)
    kept = (
        select(
            LocationPoint.point,
            LocationPoint.recorded_at,
            func.lead(LocationPoint.point).over(order_by=order).label("next_point"),
            func.lead(LocationPoint.recorded_at).over(order_by=order).label("next_at"),
        )
        .where(LocationPoint.patrol_id == patrol_id, LocationPoint.user_id == user_id, LocationPoint.exclusion.is_(None))
        .cte("kept")
    )
    seoul_hour = extract("hour", func.timezone(SEOUL.key, kept.c.recorded_at))
    steps = (
        select(
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
            Zone.id.label("zone_id"), Zone.kind, Zone.geom, steps.c.seconds, steps.c.is_night, steps.c.next_at,
            case((is_route, func.ST_LineLocatePoint(Zone.geom, steps.c.point))).label("from_fraction"),
            case((is_route, func.ST_LineLocatePoint(Zone.geom, steps.c.next_point))).label("to_fraction"),
        )
        .select_from(patrol_zones)
        .join(Zone, Zone.id == patrol_zones.c.zone_id)
        .join(steps, func.ST_Covers(Zone.area, steps.c.point) & func.ST_Covers(Zone.area, steps.c.next_point))
        .where(patrol_zones.c.patrol_id == patrol_id)
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
        patrol_id,
        user_id,
        inside.c.zone_id,
        cast(func.round(func.sum(inside.c.seconds)), Integer),
        func.coalesce(cast(func.round(func.sum(inside.c.seconds).filter(inside.c.is_night)), Integer), 0),
        func.max(inside.c.next_at),
        case((inside.c.kind == ZoneKind.SAFE_RETURN_ROUTE, coverage)),
        DERIVED_AT,
    ).group_by(inside.c.zone_id, inside.c.kind, inside.c.geom)
    columns = ["patrol_id", "user_id", "zone_id", "seconds", "night_seconds", "last_seen_at", "route_coverage", "updated_at"]
    return insert(ZoneDwell.__table__).from_select(columns, rows)


def recompute(patrol_id, user_id, first_at):
    """Re-derive one person's exclusions on a patrol from just before `first_at` (the earliest
    recorded_at of the points that arrived since they were last judged), then their dwell."""
    parameters = {"patrol_id": patrol_id, "user_id": user_id, "first_at": first_at}
    db.session.execute(MARK_EXCLUSIONS, parameters)
    db.session.execute(FORGET_DWELL, parameters)
    db.session.execute(_compute_dwell(), parameters)
