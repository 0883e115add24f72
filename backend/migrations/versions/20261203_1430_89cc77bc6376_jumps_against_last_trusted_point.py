"""jumps judged against the last trusted point: mark_location_exclusions()

A person's points on a patrol are judged in the order they were recorded. A point with
an accuracy radius over the limit is left out (low_accuracy). Every other point is judged
against the last point that was kept: when reaching it from there would need more than
the speed limit, it is an impossible_jump, and the next point is judged against the same
kept point. A run of points far away is so left out as a whole, not only its first
point, and the track picks up again where the person really is.

The first point kept (the seed) has nothing before it: it is left out only when the two
points after it agree with each other and neither can be reached from it (a stale first
fix). A later upload re-judges from the last kept point before its first new point that
is not the seed, since no point before that can change.

Revision ID: 89cc77bc6376
Revises: 579c3e45df6a
Create Date: 2026-12-03 14:30:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '89cc77bc6376'
down_revision = '579c3e45df6a'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("""
CREATE FUNCTION location_move_is_impossible(from_place geography, from_at timestamptz,
                                            to_place geography, to_at timestamptz, max_speed_mps float8)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ST_Distance(from_place, to_place)
           > max_speed_mps * GREATEST(abs(EXTRACT(EPOCH FROM to_at - from_at)), 0.001)
$$
""")
    op.execute("""
CREATE FUNCTION mark_location_exclusions(the_patrol_id integer, the_user_id integer, first_new_at timestamptz,
                                         max_speed_mps float8, max_accuracy_m float8)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    anchor geography;
    anchor_at timestamptz;
    anchor_event_id uuid;
    fix record;
    verdict text;
BEGIN
    UPDATE location_points SET exclusion = 'low_accuracy'
    WHERE patrol_id = the_patrol_id AND user_id = the_user_id AND recorded_at >= first_new_at
      AND accuracy_m > max_accuracy_m AND exclusion IS DISTINCT FROM 'low_accuracy';

    -- Restart from the last kept point before the new ones, unless it may be the seed (no
    -- kept point before it): then from the start.
    SELECT point::geography, recorded_at, client_event_id INTO anchor, anchor_at, anchor_event_id
    FROM location_points
    WHERE patrol_id = the_patrol_id AND user_id = the_user_id AND recorded_at < first_new_at
      AND accuracy_m <= max_accuracy_m AND exclusion IS NULL
    ORDER BY recorded_at DESC, client_event_id DESC
    LIMIT 1;
    IF anchor IS NULL OR NOT EXISTS (
        SELECT FROM location_points
        WHERE patrol_id = the_patrol_id AND user_id = the_user_id AND recorded_at <= anchor_at
          AND (recorded_at, client_event_id) < (anchor_at, anchor_event_id)
          AND accuracy_m <= max_accuracy_m AND exclusion IS NULL
    ) THEN
        anchor := NULL;
        anchor_at := '-infinity';
        anchor_event_id := NULL;
    END IF;

    FOR fix IN
        SELECT id, exclusion, place, recorded_at,
               LEAD(place, 1) OVER w AS place_1, LEAD(recorded_at, 1) OVER w AS at_1,
               LEAD(place, 2) OVER w AS place_2, LEAD(recorded_at, 2) OVER w AS at_2
        FROM (SELECT id, exclusion, point::geography AS place, recorded_at, client_event_id
              FROM location_points
              WHERE patrol_id = the_patrol_id AND user_id = the_user_id AND recorded_at >= anchor_at
                AND accuracy_m <= max_accuracy_m
                AND (anchor_event_id IS NULL OR (recorded_at, client_event_id) > (anchor_at, anchor_event_id))
             ) AS fixes
        WINDOW w AS (ORDER BY recorded_at, client_event_id)
        ORDER BY recorded_at, client_event_id
    LOOP
        IF anchor IS NULL THEN
            verdict := CASE WHEN fix.at_2 IS NOT NULL
                             AND location_move_is_impossible(fix.place, fix.recorded_at, fix.place_1, fix.at_1, max_speed_mps)
                             AND location_move_is_impossible(fix.place, fix.recorded_at, fix.place_2, fix.at_2, max_speed_mps)
                             AND NOT location_move_is_impossible(fix.place_1, fix.at_1, fix.place_2, fix.at_2, max_speed_mps)
                            THEN 'impossible_jump' END;
        ELSE
            verdict := CASE WHEN location_move_is_impossible(anchor, anchor_at, fix.place, fix.recorded_at, max_speed_mps)
                            THEN 'impossible_jump' END;
        END IF;
        IF verdict IS NULL THEN
            anchor := fix.place;
            anchor_at := fix.recorded_at;
        END IF;
        IF verdict IS DISTINCT FROM fix.exclusion THEN
            UPDATE location_points SET exclusion = verdict WHERE id = fix.id;
        END IF;
    END LOOP;
END
$$
""")


def downgrade():
    op.execute("DROP FUNCTION mark_location_exclusions(integer, integer, timestamptz, float8, float8)")
    op.execute("DROP FUNCTION location_move_is_impossible(geography, timestamptz, geography, timestamptz, float8)")
