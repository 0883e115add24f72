"""Set-based recomputation of what a person's points mean: which to leave out, and the
time spent in each zone of the patrol.

Everything follows from the set of a person's points on a patrol, ordered by recorded_at
(then client_event_id, so ties break the same way whatever the arrival order): a late,
shuffled or repeated upload ends in exactly the same figures. Exclusions are judged again
only around the new points; dwell is summed again over all of them.
"""
from sqlalchemy import text

from backend.core.location_input import SUSPECT_ACCURACY_M
from backend.extensions import db

MAX_SPEED_MPS = 50  # faster than any patrol on foot or by car in town: a GPS jump
MAX_GAP = "5 minutes"  # a longer silence between two points is not counted as time spent

# A point is a jump when it is impossible to reach from its neighbour on either side (or
# its only neighbour): a lone spike, not the good point that follows it.
#
# Only the stretch that new points can change is judged again: from the last kept point
# before the first new one to the first kept point after the last new one (their
# neighbours changed); to judge those two, one more kept point is read on each side. Each
# distance is measured once (a point's speed out is its successor's speed in), and the
# window runs once (MATERIALIZED), whatever join order the planner picks for a table
# without statistics.
MARK_EXCLUSIONS = text(f"""
WITH person AS NOT MATERIALIZED (
    SELECT recorded_at, accuracy_m <= {SUSPECT_ACCURACY_M} AS is_kept
    FROM location_points
    WHERE patrol_id = :patrol_id AND user_id = :user_id
), judged AS MATERIALIZED (
    SELECT COALESCE((SELECT max(recorded_at) FROM person WHERE is_kept AND recorded_at < :first_at),
                    '-infinity') AS since,
           COALESCE((SELECT min(recorded_at) FROM person WHERE is_kept AND recorded_at > :last_at),
                    'infinity') AS until
), read AS MATERIALIZED (
    SELECT COALESCE((SELECT max(recorded_at) FROM person WHERE is_kept AND recorded_at < judged.since),
                    '-infinity') AS since,
           COALESCE((SELECT min(recorded_at) FROM person WHERE is_kept AND recorded_at > judged.until),
                    'infinity') AS until
    FROM judged
), fixes AS MATERIALIZED (
    SELECT id, recorded_at, client_event_id,
           ST_Distance(LAG(here) OVER w, here)
               / GREATEST(EXTRACT(EPOCH FROM recorded_at - LAG(recorded_at) OVER w), 0.001) AS speed_in
    FROM (SELECT id, recorded_at, client_event_id, point::geography AS here
          FROM location_points
          WHERE patrol_id = :patrol_id AND user_id = :user_id AND accuracy_m <= {SUSPECT_ACCURACY_M}
            AND recorded_at BETWEEN (SELECT since FROM read) AND (SELECT until FROM read)) AS kept
    WINDOW w AS (ORDER BY recorded_at, client_event_id)
), speeds AS (
    SELECT id, recorded_at, speed_in,
           LEAD(speed_in) OVER (ORDER BY recorded_at, client_event_id) AS speed_out
    FROM fixes
), verdicts AS (
    SELECT id,
           CASE WHEN COALESCE(speed_in, speed_out) > {MAX_SPEED_MPS}
                 AND COALESCE(speed_out, speed_in) > {MAX_SPEED_MPS} THEN 'impossible_jump' END AS exclusion
    FROM speeds
    WHERE recorded_at BETWEEN (SELECT since FROM judged) AND (SELECT until FROM judged)
    UNION ALL
    SELECT id, 'low_accuracy'
    FROM location_points
    WHERE patrol_id = :patrol_id AND user_id = :user_id AND accuracy_m > {SUSPECT_ACCURACY_M}
      AND recorded_at BETWEEN :first_at AND :last_at
)
UPDATE location_points p SET exclusion = v.exclusion
FROM verdicts v
WHERE p.id = v.id AND p.exclusion IS DISTINCT FROM v.exclusion
""")

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

    `new_points` maps (patrol_id, user_id) to the (first, last) recorded_at of the points
    just stored for that person on that patrol.
    """
    for (patrol_id, user_id), (first_at, last_at) in sorted(new_points.items()):
        params = {"patrol_id": patrol_id, "user_id": user_id}
        db.session.execute(MARK_EXCLUSIONS, {**params, "first_at": first_at, "last_at": last_at})
        db.session.execute(FORGET_DWELL, params)
        db.session.execute(COMPUTE_DWELL, params)
