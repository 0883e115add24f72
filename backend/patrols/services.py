"""Creating, changing, publishing and cancelling patrols. Functions flush, never commit."""
from datetime import timedelta

from psycopg.types.range import Range
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from backend.core.filters import where_equal
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404, station_family_ids, station_is_visible
from backend.core.time import utcnow
from backend.errors import AppError, reader_language
from backend.extensions import db
from backend.notifications.outbox import drop_pending_events, record_event
from backend.organizations.models import VolunteerGroup
from backend.patrols import early_warnings, policies, rules
from backend.patrols.models import (
    HOLDING_STATUSES,
    ParticipantStatus,
    Patrol,
    PatrolParticipant,
    PatrolSeries,
    PatrolState,
    patrol_groups,
    patrol_zones,
)
from backend.patrols.recurrence import expand_recurrence
from backend.patrols.timing import timing_problem
from backend.patrols.waitlist import fill_from_waitlist
from backend.zones.models import Zone

REMINDERS = {"patrol.reminder_24h": timedelta(hours=24), "patrol.reminder_2h": timedelta(hours=2)}
# What a published patrol's start time brings: its reminders and early warnings, written ahead.
SCHEDULED = (*REMINDERS, early_warnings.UNFILLED, early_warnings.NO_SHOW)
# Changing any of these tells everyone on the patrol.
# What a listed patrol answers besides its own columns (zones, groups, counts of people),
# loaded in one query each for the whole page rather than one per patrol.
WHAT_A_PAGE_SHOWS = (selectinload(Patrol.zones), selectinload(Patrol.groups), selectinload(Patrol.participants))
TIME_AND_PLACE = ("starts_at", "ends_at", "meeting_point", "meeting_radius_m", "meeting_place_name")


def create_patrol(actor, data):
    """A single patrol, or with `recurrence` a series; answers the first occurrence."""
    if not station_is_visible(actor, data["station_id"]):
        raise AppError("STATION_OUT_OF_SCOPE")
    zones = _zones_of_station(data.pop("zone_ids"), data["station_id"])
    groups = _groups_of_station(data.pop("group_ids"), data["station_id"])
    recurrence = data.pop("recurrence", None)
    if recurrence is None:
        times = [(data["starts_at"], data["ends_at"])]
        series = None
    else:
        times = expand_recurrence(recurrence, data["starts_at"], data["ends_at"] - data["starts_at"])
        series = PatrolSeries(station_id=data["station_id"], rrule=recurrence, created_by_id=actor.id)
    patrols = [
        Patrol(**{**data, "starts_at": start, "ends_at": end}, series=series, zones=zones, groups=groups, created_by_id=actor.id)
        for start, end in times
    ]
    db.session.add_all(patrols)
    db.session.flush()
    first = patrols[0]
    first.occurrences = patrols if series else []
    return first


def list_patrols(viewer, filters, pagination):
    statement = policies.visible_patrols(viewer).order_by(Patrol.starts_at, Patrol.id).options(*WHAT_A_PAGE_SHOWS)
    statement = where_equal(statement, Patrol, filters, "station_id", "status")
    if "from_" in filters:
        statement = statement.where(Patrol.ends_at > filters["from_"])
    if "to" in filters:
        statement = statement.where(Patrol.starts_at < filters["to"])
    if "group_id" in filters:
        statement = statement.where(
            Patrol.id.in_(select(patrol_groups.c.patrol_id).where(patrol_groups.c.group_id == filters["group_id"]))
        )
    if "zone_id" in filters:
        statement = statement.where(
            Patrol.id.in_(select(patrol_zones.c.patrol_id).where(patrol_zones.c.zone_id == filters["zone_id"]))
        )
    if "has_gaps" in filters:
        statement = statement.where(rules.has_gaps() if filters["has_gaps"] else ~rules.has_gaps())
    return paginate(statement, pagination)


def get_patrol(viewer, patrol_id, *, for_update=False):
    statement = policies.visible_patrols(viewer).where(Patrol.id == patrol_id)
    if for_update:
        # Serialises sign-ups and withdrawals of one patrol: the last seat goes to one person.
        statement = statement.with_for_update(of=Patrol)
    return one_or_404(statement)


def get_managed_patrol(actor, patrol_id, *, for_update=False):
    patrol = get_patrol(actor, patrol_id, for_update=for_update)
    if not policies.is_manager(actor):
        raise AppError("FORBIDDEN")
    return patrol


def occurrences_in_scope(patrol, scope):
    """The patrol alone, or with scope "following" also the later open occurrences of its series."""
    if scope == "this" or patrol.series_id is None:
        return [patrol]
    later = db.session.scalars(
        select(Patrol)
        .where(
            Patrol.series_id == patrol.series_id,
            Patrol.starts_at > patrol.starts_at,
            Patrol.state != PatrolState.CANCELLED.value,
            Patrol.starts_at > utcnow(),
        )
        .order_by(Patrol.starts_at)
        .with_for_update(of=Patrol)
        .options(selectinload(Patrol.groups))  # whom a change or publication is told to
    ).all()
    return [patrol, *later]


def update_patrol(actor, patrol_id, changes):
    patrol = get_managed_patrol(actor, patrol_id, for_update=True)
    occurrences = occurrences_in_scope(patrol, changes.pop("scope"))
    # Later occurrences move by the same amounts, keeping their own dates.
    moves = {field: changes[field] - getattr(patrol, field) for field in ("starts_at", "ends_at") if field in changes}
    for occurrence in occurrences:
        moved = {field: getattr(occurrence, field) + delta for field, delta in moves.items()}
        _apply_changes(occurrence, {**changes, **moved})
    db.session.flush()
    return patrol


def _apply_changes(patrol, changes):
    _require_editable(patrol)
    if "starts_at" in changes or "ends_at" in changes:
        problem = timing_problem(changes.get("starts_at", patrol.starts_at), changes.get("ends_at", patrol.ends_at))
        if problem:
            code, field = problem
            raise AppError(code, errors={field: [code]})
    if "zone_ids" in changes:
        patrol.zones = _zones_of_station(changes.pop("zone_ids"), patrol.station_id)
    if "group_ids" in changes:
        patrol.groups = _groups_of_station(changes.pop("group_ids"), patrol.station_id)
    if changes.get("max_volunteers", patrol.max_volunteers) < len(patrol.confirmed_volunteers):
        raise AppError("CAPACITY_BELOW_CONFIRMED")
    moved = any(field in changes and changes[field] != getattr(patrol, field) for field in TIME_AND_PLACE)
    for field, value in changes.items():
        setattr(patrol, field, value)
    if moved:
        _after_time_or_place_change(patrol)
    fill_from_waitlist(patrol)


def _after_time_or_place_change(patrol):
    patrol.revision += 1
    db.session.execute(
        update(PatrolParticipant)
        .where(PatrolParticipant.patrol_id == patrol.id)
        .values(period=Range(patrol.starts_at, patrol.ends_at, bounds="[)"))
    )
    if patrol.state == PatrolState.PUBLISHED:
        record_event("patrol.changed", f"{patrol.id}:{patrol.revision}", patrol_id=patrol.id)
        _schedule(patrol)


def delete_patrol(actor, patrol_id):
    patrol = get_managed_patrol(actor, patrol_id, for_update=True)
    if patrol.state != PatrolState.DRAFT:
        raise AppError("PATROL_NOT_DRAFT")
    db.session.delete(patrol)
    db.session.flush()


def publish_patrol(actor, patrol_id, scope):
    patrol = get_managed_patrol(actor, patrol_id, for_update=True)
    occurrences = [p for p in occurrences_in_scope(patrol, scope) if p.state == PatrolState.DRAFT]
    if patrol not in occurrences:
        raise AppError("PATROL_NOT_DRAFT")
    if patrol.starts_at <= utcnow():  # the later occurrences in scope are all still to come
        raise AppError("PATROL_STARTS_IN_PAST")
    blocking = rules.blocking_gaps_by_patrol(occurrences, reader_language(actor))
    for occurrence in occurrences:
        if blocking[occurrence.id]:
            raise AppError("PAIRING_RULE", errors={"gaps": blocking[occurrence.id], "patrol_id": occurrence.id})
    for occurrence in occurrences:
        _publish(occurrence)
    db.session.flush()
    return patrol


def _publish(patrol):
    patrol.state = PatrolState.PUBLISHED
    patrol.published_at = utcnow()
    record_event(
        "patrol.published", patrol.id, patrol_id=patrol.id, payload={"group_ids": [g.id for g in patrol.groups]}
    )
    _schedule(patrol)


def _schedule(patrol):
    """(Re)write the reminders and early warnings of a published patrol for its current start
    time; those whose time has passed already (a patrol published late) are not written."""
    drop_pending_events(patrol.id, list(SCHEDULED))
    reminders = {event_type: patrol.starts_at - ahead for event_type, ahead in REMINDERS.items()}
    for event_type, due in {**reminders, **early_warnings.due_times(patrol.starts_at)}.items():
        if due > utcnow():
            # Keyed by start time: a patrol moved and moved back is reminded once per start.
            record_event(event_type, f"{patrol.id}:{patrol.starts_at.isoformat()}", patrol_id=patrol.id, available_at=due)


def cancel_patrol(actor, patrol_id, reason, scope):
    patrol = get_managed_patrol(actor, patrol_id, for_update=True)
    for occurrence in occurrences_in_scope(patrol, scope):
        _cancel(occurrence, reason)
    db.session.flush()
    return patrol


def _cancel(patrol, reason):
    _require_editable(patrol)
    was_published = patrol.state == PatrolState.PUBLISHED
    patrol.state = PatrolState.CANCELLED
    patrol.cancelled_at = utcnow()
    patrol.cancel_reason = reason
    db.session.execute(
        update(PatrolParticipant)
        .where(PatrolParticipant.patrol_id == patrol.id, PatrolParticipant.status.in_([s.value for s in HOLDING_STATUSES]))
        .values(status=ParticipantStatus.PATROL_CANCELLED.value)
    )
    drop_pending_events(patrol.id, list(SCHEDULED))
    if was_published:
        record_event("patrol.cancelled", patrol.id, patrol_id=patrol.id, payload={"reason": reason})


def _require_editable(patrol):
    if patrol.state == PatrolState.CANCELLED or patrol.status in ("in_progress", "completed"):
        raise AppError("PATROL_NOT_EDITABLE")


def _zones_of_station(zone_ids, station_id):
    return _all_in_family(Zone, zone_ids, station_id, "ZONE_OUTSIDE_STATION", "zone_ids")


def _groups_of_station(group_ids, station_id):
    return _all_in_family(VolunteerGroup, group_ids, station_id, "GROUP_OUTSIDE_STATION", "group_ids")


def _all_in_family(model, ids, station_id, code, field):
    """The rows with these ids, all of the patrol's station family, or a 422 naming the others."""
    wanted = set(ids)
    rows = db.session.scalars(
        select(model).where(model.id.in_(wanted), model.station_id.in_(station_family_ids(station_id))).order_by(model.id)
    ).all()
    missing = wanted - {row.id for row in rows}
    if missing:
        raise AppError(code, errors={field: [f"Not of this station: {sorted(missing)}"]})
    return rows
