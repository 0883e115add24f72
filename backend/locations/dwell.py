"""Recomputation of what a person's points mean: which to leave out, and the time spent in
each zone of the patrol.

Everything follows from the set of a person's points on a patrol, ordered by recorded_at
(then client_event_id, so ties break the same way whatever the arrival order): a late,
shuffled or repeated upload ends in exactly the same figures. Exclusions are judged again
from just before the new points; dwell is summed again over all of them.
"""
from sqlalchemy import bindparam, func, select, text

from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.extensions import db

MAX_SPEED_MPS = 50  # faster than any patrol on foot or by car in town: a GPS jump
MAX_GAP = "5 minutes"  # a longer silence between two points is not counted as time spent

# Which points to leave out is judged by mark_location_exclusions(), a function created by
# a migration: in recorded order, each point against the last one kept, so that a run of
# points far away is left out as a whole. It re-judges only from the last kept point before
# the new ones onwards.
MARK_EXCLUSIONS = select(
    func.mark_location_exclusions(
        bindparam("patrol_id"), bindparam("user_id"), bindparam("first_at"), MAX_SPEED_MPS, SUSPECT_ACCURACY_M
    )
)

FORGET_DWELL = text("DELETE FROM zone_dwell WHERE patrol_id = :patrol_id AND user_id = :user_id")

# Time between two consecutive kept points counts for a zone when both lie in its area and
# they are at most MAX_GAP apart; it is night time when the step starts between 22:00 and
# 06:00 Korean time. For a safe-return route, each such step also covers the
# stretch of the route between the two points' positions along it.
COMPUTE_DWELL = text(f"""
WITH kept AS (
    SELECT point, recorded_at,
           LEAD(point) OVER w AS next_point, LEAD(recorded_at) OVER w AS next_at
    FROM location_points
    WHERE patrol_id = :patrol_id AND user_id = :user_id AND exclusion IS NULL
    WINDOW w AS (ORDER BY recorded_at, client_event_id)
), steps AS (
    SELECT point, next_point, next_at, EXTRACT(EPOCH FROM next_at - recorded_at) AS seconds,
           EXTRACT(HOUR FROM recorded_at AT TIME ZONE 'Asia/Seoul') NOT BETWEEN 6 AND 21 AS is_night
    FROM kept
    WHERE next_at IS NOT NULL AND next_at - recorded_at <= interval '{MAX_GAP}'
), inside AS (
    SELECT z.id AS zone_id, z.kind, z.geom, s.seconds, s.is_night, s.next_at,
           CASE WHEN z.kind = 'safe_return_route' THEN ST_LineLocatePoint(z.geom, s.point) END AS from_fraction,
           CASE WHEN z.kind = 'safe_return_route' THEN ST_LineLocatePoint(z.geom, s.next_point) END AS to_fraction
    FROM patrol_zones pz
    JOIN zones z ON z.id = pz.zone_id
    JOIN steps s ON ST_Covers(z.area, s.point) AND ST_Covers(z.area, s.next_point)
    WHERE pz.patrol_id = :patrol_id
)
INSERT INTO zone_dwell (patrol_id, user_id, zone_id, seconds, night_seconds, last_seen_at, route_coverage, updated_at)
SELECT :patrol_id, :user_id, zone_id, round(sum(seconds))::int,
       COALESCE(round(sum(seconds) FILTER (WHERE is_night))::int, 0), max(next_at),
       CASE WHEN kind = 'safe_return_route' THEN COALESCE(
           ST_Length(ST_Union(ST_LineSubstring(geom, LEAST(from_fraction, to_fraction),
                                               GREATEST(from_fraction, to_fraction)))
                     FILTER (WHERE from_fraction <> to_fraction)::geography)
           / NULLIF(ST_Length(geom::geography), 0), 0)
       END,
       now()
FROM inside
GROUP BY zone_id, kind, geom
""")


def recompute(new_points):
    """Re-derive exclusions and zone dwell where points were added.

    `new_points` maps (patrol_id, user_id) to the earliest recorded_at of the points just
    stored for that person on that patrol, from just before which exclusions are judged again.
    """
    for (patrol_id, user_id), first_at in sorted(new_points.items()):
        params = {"patrol_id": patrol_id, "user_id": user_id}
        db.session.execute(MARK_EXCLUSIONS, {**params, "first_at": first_at})
        db.session.execute(FORGET_DWELL, params)
        db.session.execute(COMPUTE_DWELL, params)
