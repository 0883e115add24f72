"""Walking alone: a volunteer in a women-safe zone at night, far from everyone else on the patrol.

Judged by the derivation worker when a person's points arrive, right after their exclusions,
for everyone of its pass in one statement, against what the others had sent by then. The
patrol's officers are told once per patrol and volunteer (`patrol.walking_alone`).

A point of the volunteer is *alone* when it is a trusted one (kept, not excluded) recorded
during the patrol (between its start and end), between 22:00 and 06:00 Korean time, inside one
of the patrol's women-safe zones, and no other confirmed participant's *latest trusted point*
from the MAX_GAP before it lies within PATROL_ALONE_DISTANCE_M of it. The latest point and not
any point of those minutes: where somebody is now is what keeps the volunteer company, not
where they passed four minutes ago. Older than MAX_GAP, as for dwell, nobody knows where they
are, so they keep nobody company. The volunteer *walked alone* when a run of consecutive alone
points, none more than MAX_GAP after the one before, spans more than PATROL_ALONE_MINUTES.

Only the points from PATROL_ALONE_MINUTES and MAX_GAP before the earliest new one are read: a
run going on before that has points within MAX_GAP of that start and reaches the new points,
so it spans the minutes already.
"""
import functools
from datetime import timedelta

from flask import current_app
from sqlalchemy import Float, Integer, Interval, String, bindparam, case, cast, exists, func, literal, or_, select, true
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by, distinct_on
from sqlalchemy.orm import aliased

from backend.extensions import db
from backend.locations.dwell import FIRST_AT, MAX_GAP, asked_people, belonging_to, is_seoul_night
from backend.locations.models import LocationPoint
from backend.notifications.models import OutboxEvent
from backend.notifications.outbox import dedupe_key, events_from
from backend.patrols.early_warnings import WALKING_ALONE
from backend.patrols.models import ParticipantKind, ParticipantStatus, Patrol, PatrolParticipant, PatrolState, patrol_zones
from backend.users.models import User
from backend.zones.models import Zone, ZoneKind

ALONE_M = bindparam("alone_m", type_=Float)
ALONE_FOR = bindparam("alone_for", type_=Interval)
ALONE_MINUTES = bindparam("alone_minutes", type_=Integer)


def _has_company(mine):
    """SQL: another confirmed participant's latest trusted point of the MAX_GAP before `mine`'s
    point lies within ALONE_M of it: one of their trusted points of those minutes that near,
    with none of theirs after it. Looked for near `mine`'s point first (ix_location_points_near),
    so that only the few people close by are read, not everyone on the patrol one by one."""
    near = aliased(LocationPoint)
    later = aliased(LocationPoint)
    is_their_latest = ~exists().where(
        later.patrol_id == near.patrol_id,
        later.user_id == near.user_id,
        later.exclusion.is_(None),
        later.recorded_at > near.recorded_at,
        later.recorded_at <= mine.c.recorded_at,
    ).correlate_except(later)
    is_confirmed = exists().where(
        PatrolParticipant.patrol_id == near.patrol_id,
        PatrolParticipant.user_id == near.user_id,
        PatrolParticipant.status == ParticipantStatus.CONFIRMED,
    ).correlate_except(PatrolParticipant)
    return exists().where(
        near.patrol_id == mine.c.patrol_id,
        near.user_id != mine.c.user_id,
        near.exclusion.is_(None),
        near.recorded_at.between(mine.c.recorded_at - MAX_GAP, mine.c.recorded_at),
        func.ST_DWithin(func.Geography(near.point), func.Geography(mine.c.point), ALONE_M),
        is_confirmed,
        is_their_latest,
    ).correlate_except(near)


def _told(people):
    """SQL: the officers were told already that this volunteer walked alone on this patrol.
    Looking for company is the costly part, and once told there is nothing more to say."""
    key = literal(dedupe_key(WALKING_ALONE, "")) + _cause(people.c.patrol_id, people.c.user_id)
    return exists().where(OutboxEvent.dedupe_key == key)


def _in_women_safe_zone(mine):
    return (
        select(patrol_zones.c.zone_id)
        .join(Zone, Zone.id == patrol_zones.c.zone_id)
        .where(patrol_zones.c.patrol_id == mine.c.patrol_id, Zone.kind == ZoneKind.WOMEN_SAFE_ZONE,
               func.ST_Covers(Zone.area, mine.c.point))
        .exists()
    )


def _cause(patrol_id, user_id):
    """SQL: what names a walking-alone event's cause, the patrol and the volunteer."""
    return cast(patrol_id, String) + ":" + cast(user_id, String)


def _walking_alone():
    """A SELECT of (cause, patrol_id, payload) per confirmed volunteer of the people asked for
    with a run of alone points spanning more than ALONE_FOR: the latest such run."""
    people = asked_people(FIRST_AT)
    order = (LocationPoint.recorded_at, LocationPoint.client_event_id)
    points = (
        select(LocationPoint.point, LocationPoint.recorded_at, LocationPoint.client_event_id,
               func.lag(LocationPoint.recorded_at).over(order_by=order).label("previous_at"))
        .where(belonging_to(people, LocationPoint), LocationPoint.exclusion.is_(None),
               LocationPoint.recorded_at >= people.c.first_at - ALONE_FOR - MAX_GAP)
        .lateral("points")
    )
    mine = (
        select(people.c.patrol_id, people.c.user_id, points, Patrol.starts_at, Patrol.ends_at)
        .select_from(people)
        .join(points, true())
        .join(Patrol, Patrol.id == people.c.patrol_id)
        .join(PatrolParticipant, belonging_to(people, PatrolParticipant))
        .where(Patrol.state == PatrolState.PUBLISHED, PatrolParticipant.kind == ParticipantKind.VOLUNTEER,
               PatrolParticipant.status == ParticipantStatus.CONFIRMED, ~_told(people))
        .cte("mine")
    )
    counts = (mine.c.recorded_at.between(mine.c.starts_at, mine.c.ends_at) & is_seoul_night(mine.c.recorded_at)
              & _in_women_safe_zone(mine))
    # Company is looked for only where being alone would count.
    alone = case((counts, ~_has_company(mine)), else_=False)
    # Materialized: `alone` is read twice below (numbering the runs, keeping the alone points),
    # and a subquery merged into them would look for company twice per point.
    marked = select(mine, alone.label("alone")).cte("marked").prefix_with("MATERIALIZED")
    m = marked.c
    # Runs numbered by counting the points that start one: not alone, or after a silence.
    starts_run = or_(~m.alone, m.previous_at.is_(None), m.recorded_at - m.previous_at > MAX_GAP)
    runs = select(
        marked,
        func.sum(case((starts_run, 1), else_=0))
        .over(partition_by=(m.patrol_id, m.user_id), order_by=(m.recorded_at, m.client_event_id))
        .label("run"),
    ).subquery("runs")
    latest_first = runs.c.recorded_at.desc()
    stretches = (
        select(
            runs.c.patrol_id, runs.c.user_id,
            func.min(runs.c.recorded_at).label("since"), func.max(runs.c.recorded_at).label("until"),
            func.array_agg(aggregate_order_by(func.ST_X(runs.c.point), latest_first), type_=ARRAY(Float))[1].label("lon"),
            func.array_agg(aggregate_order_by(func.ST_Y(runs.c.point), latest_first), type_=ARRAY(Float))[1].label("lat"),
        )
        .where(runs.c.alone)
        .group_by(runs.c.patrol_id, runs.c.user_id, runs.c.run)
        .having(func.max(runs.c.recorded_at) - func.min(runs.c.recorded_at) > ALONE_FOR)
        .subquery("stretches")
    )
    s = stretches.c
    payload = func.jsonb_build_object(
        "user_id", s.user_id, "volunteer_name", User.name, "lat", s.lat, "lon", s.lon, "alone_since", s.since,
        "alone_m", ALONE_M, "alone_minutes", ALONE_MINUTES,
    )
    return (
        select(_cause(s.patrol_id, s.user_id).label("cause"), s.patrol_id, payload.label("payload"))
        .join(User, User.id == s.user_id)
        .ext(distinct_on(s.patrol_id, s.user_id))
        .order_by(s.patrol_id, s.user_id, s.until.desc())
    )


@functools.cache
def _statement():
    """Built once, like dwell's."""
    return events_from(WALKING_ALONE, _walking_alone())


def warn(requests):
    """Tell the patrol's officers of the volunteers among `requests` who walked alone, once
    per patrol and volunteer. `requests`: (patrol_id, user_id, first_at) each, as for dwell."""
    patrol_ids, user_ids, first_ats = (list(values) for values in zip(*requests))
    minutes = current_app.config["ALONE_MINUTES"]
    db.session.execute(_statement(), {
        "patrol_ids": patrol_ids, "user_ids": user_ids, "first_ats": first_ats,
        "alone_m": float(current_app.config["ALONE_DISTANCE_M"]), "alone_minutes": minutes,
        "alone_for": timedelta(minutes=minutes),
    })
