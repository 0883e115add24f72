"""Attendance derived from check-ins and points, set-based, for any number of patrols.

Duty runs from check-in to check-out, clipped to the patrol; without a check-out, to the
last accepted point (and the record says it was estimated). A record an officer corrected
keeps the officer's word, and a confirmed one changes only when it is confirmed again. Before the start, whoever has not checked in is expected, not
absent. Facts that reached the server late (is_late_upload) are listed on the record for
good; while any of them awaits an officer, the record is pending_review and credits no duty.
"""
from sqlalchemy import text

from backend.extensions import db

# One statement, one round trip: it also forgets the records of whoever withdrew (or was
# taken off) after a record was made, which can only happen before the start:
# nobody leaves a patrol under way. Those are never people the INSERT writes, who
# are all confirmed, so the two parts cannot touch the same row.
REFRESH = text("""
WITH forgotten AS (
    DELETE FROM attendance_records r
    WHERE r.patrol_id = ANY(:patrol_ids) AND NOT r.is_corrected
      AND (CAST(:user_ids AS integer[]) IS NULL OR r.user_id = ANY(:user_ids))
      AND NOT EXISTS (SELECT 1 FROM patrol_participants pp
                      WHERE pp.patrol_id = r.patrol_id AND pp.user_id = r.user_id AND pp.status = 'confirmed')
), patrol AS (
    SELECT p.id, p.starts_at, p.ends_at, make_interval(mins => s.late_after_minutes) AS grace
    FROM patrols p JOIN stations s ON s.id = p.station_id
    WHERE p.id = ANY(:patrol_ids)
), people AS (
    SELECT pp.patrol_id, pp.user_id
    FROM patrol_participants pp JOIN patrol ON patrol.id = pp.patrol_id
    WHERE pp.status = 'confirmed' AND (CAST(:user_ids AS integer[]) IS NULL OR pp.user_id = ANY(:user_ids))
), derived AS (
    SELECT people.patrol_id, people.user_id, c.checked_in_at, c.checked_out_at,
           c.checked_in_at IS NOT NULL AND c.checked_out_at IS NULL AND lp.last_point_at IS NOT NULL AS estimated,
           CASE WHEN c.checked_in_at IS NULL OR late.pending THEN 0 ELSE GREATEST(0, floor(EXTRACT(EPOCH FROM
               LEAST(COALESCE(c.checked_out_at, lp.last_point_at, c.checked_in_at), patrol.ends_at)
               - GREATEST(c.checked_in_at, patrol.starts_at)) / 60))::int END AS minutes,
           CASE WHEN late.pending THEN 'pending_review'
                WHEN c.checked_in_at IS NULL AND now() < patrol.starts_at THEN 'expected'
                WHEN c.checked_in_at IS NULL THEN 'no_show'
                WHEN c.checked_in_at > patrol.starts_at + patrol.grace THEN 'late'
                WHEN c.checked_out_at < patrol.ends_at - patrol.grace THEN 'left_early'
                ELSE 'present' END AS status,
           COALESCE(z.dense, 0)::int AS dense, COALESCE(z.women, 0)::int AS women,
           array_remove(ARRAY[CASE WHEN c.late_check_in THEN 'check_in' END,
                              CASE WHEN c.late_check_out THEN 'check_out' END,
                              CASE WHEN late_points.found THEN 'points' END], NULL) AS late_facts
    FROM people
    JOIN patrol ON patrol.id = people.patrol_id
    -- Per person, through the (patrol_id, user_id, ...) indexes: the last point is one
    -- step of an index scan, not a pass over the thousands of points a phone sends.
    CROSS JOIN LATERAL (
        SELECT min(recorded_at) FILTER (WHERE kind = 'check_in' AND review IS DISTINCT FROM 'rejected') AS checked_in_at,
               max(recorded_at) FILTER (WHERE kind = 'check_out' AND review IS DISTINCT FROM 'rejected') AS checked_out_at,
               COALESCE(bool_or(kind = 'check_in') FILTER (WHERE 'late_upload' = ANY(reasons)), false) AS late_check_in,
               COALESCE(bool_or(kind = 'check_out') FILTER (WHERE 'late_upload' = ANY(reasons)), false) AS late_check_out,
               COALESCE(bool_or(review = 'pending') FILTER (WHERE 'late_upload' = ANY(reasons)), false) AS late_pending
        FROM checkins
        WHERE patrol_id = people.patrol_id AND user_id = people.user_id
    ) c
    CROSS JOIN LATERAL (
        SELECT count(*) > 0 AS found, COALESCE(bool_or(late_review = 'pending'), false) AS pending
        FROM location_points
        WHERE patrol_id = people.patrol_id AND user_id = people.user_id AND late_review IS NOT NULL
    ) late_points
    CROSS JOIN LATERAL (SELECT c.late_pending OR late_points.pending AS pending) late
    CROSS JOIN LATERAL (
        SELECT max(recorded_at) AS last_point_at
        FROM location_points
        WHERE patrol_id = people.patrol_id AND user_id = people.user_id AND exclusion IS NULL
    ) lp
    CROSS JOIN LATERAL (
        SELECT sum(d.seconds) FILTER (WHERE z.kind = 'dense_area') / 60 AS dense,
               sum(d.seconds) FILTER (WHERE z.kind = 'women_safe_zone') / 60 AS women
        FROM zone_dwell d JOIN zones z ON z.id = d.zone_id
        WHERE d.patrol_id = people.patrol_id AND d.user_id = people.user_id
    ) z
)
INSERT INTO attendance_records AS r
    (patrol_id, user_id, status, checked_in_at, checked_out_at, duty_minutes, is_duty_end_estimated,
     dense_area_minutes, women_safe_minutes, late_facts, updated_at)
SELECT patrol_id, user_id, status, checked_in_at, checked_out_at, minutes, estimated, dense, women, late_facts, now()
FROM derived
ON CONFLICT (patrol_id, user_id) DO UPDATE SET
    status = EXCLUDED.status,
    checked_in_at = EXCLUDED.checked_in_at,
    checked_out_at = EXCLUDED.checked_out_at,
    duty_minutes = EXCLUDED.duty_minutes,
    is_duty_end_estimated = EXCLUDED.is_duty_end_estimated,
    dense_area_minutes = EXCLUDED.dense_area_minutes,
    women_safe_minutes = EXCLUDED.women_safe_minutes,
    -- Once late, always said: deleted points (retention, consent withdrawn) do not unsay it.
    late_facts = ARRAY(SELECT DISTINCT unnest(r.late_facts || EXCLUDED.late_facts) ORDER BY 1),
    updated_at = now()
WHERE NOT r.is_corrected AND (r.confirmed_at IS NULL OR CAST(:reconfirm AS boolean))
""")

# Patrols that have ended with someone confirmed but no record yet (nobody checked in), or
# one still saying "expected" from before the start.
UNRECORDED = text("""
SELECT DISTINCT pp.patrol_id
FROM patrol_participants pp JOIN patrols p ON p.id = pp.patrol_id
WHERE pp.status = 'confirmed' AND p.ends_at <= now() AND p.state = 'published'
  AND p.starts_at < :until AND p.ends_at > :since
  AND NOT EXISTS (SELECT 1 FROM attendance_records r
                  WHERE r.patrol_id = pp.patrol_id AND r.user_id = pp.user_id AND r.status <> 'expected')
""")


def refresh(patrol_ids, user_ids=None, *, reconfirm=False):
    """Bring the attendance of these patrols up to date with their check-ins and points;
    with `user_ids`, only those people's records (what one phone's upload can change), which
    keeps a check-in cheap however much data the patrol already holds.

    A confirmed record keeps the figure an officer vouched for (an approved month counts it)
    until an officer confirms again (`reconfirm`): what arrives later waits in the review
    queues instead of moving certified hours unseen."""
    ids = sorted(set(patrol_ids))
    if ids:
        db.session.execute(REFRESH, {"patrol_ids": ids, "user_ids": sorted(set(user_ids)) if user_ids else None,
                                     "reconfirm": reconfirm})


def refresh_unrecorded(since, until):
    """Before a report: give ended patrols their no-show records, without redoing the rest."""
    refresh(db.session.scalars(UNRECORDED, {"since": since, "until": until}).all())
