"""Volunteers signing up and withdrawing, officers being assigned, and the roster."""
from datetime import timedelta

from psycopg.types.range import Range
from sqlalchemy import case, extract, select

from backend.core.pagination import paginate
from backend.core.scopes import one_or_404, station_family_ids
from backend.core.time import utcnow
from backend.errors import AppError, reader_language
from backend.extensions import db
from backend.patrols import policies, rules
from backend.patrols.models import (
    HOLDING_STATUSES,
    ParticipantKind,
    ParticipantStatus,
    Patrol,
    PatrolParticipant,
    PatrolState,
    patrol_groups,
)
from backend.patrols.schemas import ConflictingPatrolSchema
from backend.patrols.services import WHAT_A_PAGE_SHOWS, get_managed_patrol, get_patrol, occurrences_in_scope
from backend.patrols.waitlist import fill_from_waitlist
from backend.users.models import Role, User
from backend.users.policies import visible_users

OFFICER_ROLES = (Role.OFFICER, Role.STATION_CHIEF)
HOLDING = [status.value for status in HOLDING_STATUSES]


def sign_up(actor, patrol_id, user_id=None):
    patrol = get_patrol(actor, patrol_id, for_update=True)
    user = actor if user_id in (None, actor.id) else one_or_404(visible_users(actor).where(User.id == user_id))
    if not policies.may_act_for(actor, user, patrol):
        raise AppError("FORBIDDEN")
    if patrol.status != "published":
        raise AppError("PATROL_NOT_OPEN")
    if not policies.is_invited(user, patrol):
        raise AppError("NOT_INVITED")
    is_full = len(patrol.confirmed_volunteers) >= patrol.max_volunteers
    participant = _hold_seat(patrol, user, actor, ParticipantKind.VOLUNTEER)
    participant.status = ParticipantStatus.WAITLISTED if is_full else ParticipantStatus.CONFIRMED
    participant.confirmed_at = None if is_full else utcnow()
    db.session.flush()
    if not is_full:
        return {"status": "confirmed", "position": None}
    return {"status": "waitlisted", "position": patrol.waitlist.index(participant) + 1}


def withdraw(actor, patrol_id, user_id):
    """Leave a patrol before it starts, or its waitlist at any time. Once it has started,
    someone confirmed on it stays on its record (check-ins, points, attendance): leaving
    early is a check-out, which attendance shows as left_early."""
    patrol = get_patrol(actor, patrol_id, for_update=True)
    participant = _holding(patrol, user_id, ParticipantKind.VOLUNTEER)
    if not policies.may_act_for(actor, participant.user, patrol):
        raise AppError("FORBIDDEN")
    was_confirmed = participant.status == ParticipantStatus.CONFIRMED
    if was_confirmed and patrol.status == "in_progress":
        raise AppError("PATROL_ALREADY_STARTED")
    if patrol.status not in ("published", "in_progress"):
        raise AppError("PATROL_NOT_OPEN")
    now = utcnow()
    participant.status = ParticipantStatus.WITHDRAWN
    participant.withdrawn_at = now
    cutoff = patrol.starts_at - timedelta(minutes=patrol.station.withdrawal_cutoff_minutes)
    participant.is_late_cancellation = now > cutoff
    if was_confirmed:
        fill_from_waitlist(patrol)
    db.session.flush()


def assign_officer(actor, patrol_id, user_id, scope):
    patrol = get_managed_patrol(actor, patrol_id, for_update=True)
    officer = db.session.scalar(
        select(User).where(
            User.id == user_id,
            User.role.in_([role.value for role in OFFICER_ROLES]),
            User.is_active,
            User.station_id.in_(station_family_ids(patrol.station_id)),
        )
    )
    if officer is None:
        raise AppError("OFFICER_OUTSIDE_STATION")
    for occurrence in occurrences_in_scope(patrol, scope):
        if occurrence.state == PatrolState.CANCELLED or occurrence.status == "completed":
            raise AppError("PATROL_NOT_EDITABLE")
        participant = _hold_seat(occurrence, officer, actor, ParticipantKind.OFFICER)
        participant.status = ParticipantStatus.CONFIRMED
        participant.confirmed_at = utcnow()
    db.session.flush()
    return roster(patrol, reader_language(actor))


def unassign_officer(actor, patrol_id, user_id, scope="this"):
    """Take the officer off this patrol, and with scope "following" off the later nights of its
    series that they hold and that have not started."""
    patrol = get_managed_patrol(actor, patrol_id, for_update=True)
    _holding(patrol, user_id, ParticipantKind.OFFICER)
    if patrol.status in ("in_progress", "completed"):
        raise AppError("PATROL_ALREADY_STARTED")  # the officer's duty is on the record, as a volunteer's
    for occurrence in occurrences_in_scope(patrol, scope):
        participant = _held_by(occurrence, user_id, ParticipantKind.OFFICER)
        if participant is not None:
            participant.status = ParticipantStatus.WITHDRAWN
            participant.withdrawn_at = utcnow()
    db.session.flush()


def patrol_roster(viewer, patrol_id):
    return roster(get_patrol(viewer, patrol_id), reader_language(viewer))


def roster(patrol, language):
    def person(participant, position=None):
        return {"user_id": participant.user_id, "name": participant.user.name, "position": position}

    return {
        "confirmed": [person(p) for p in patrol.confirmed_volunteers],
        "waitlisted": [person(p, n) for n, p in enumerate(patrol.waitlist, start=1)],
        "officers": [person(p) for p in patrol.officers],
        "gaps": rules.staffing_gaps(patrol, language),
    }


def my_patrols(viewer, filters, pagination):
    """Patrols I am on (or was, until they were cancelled, and with include_withdrawn until I
    withdrew): upcoming first, soonest first."""
    now = utcnow()
    statuses = [*HOLDING, ParticipantStatus.PATROL_CANCELLED.value]
    if filters.get("include_withdrawn"):
        statuses.append(ParticipantStatus.WITHDRAWN.value)
    mine = select(PatrolParticipant.patrol_id).where(
        PatrolParticipant.user_id == viewer.id, PatrolParticipant.status.in_(statuses)
    )
    is_past = Patrol.ends_at <= now
    seconds = extract("epoch", Patrol.starts_at)
    statement = (
        select(Patrol)
        .where(Patrol.id.in_(mine))
        .order_by(is_past, case((is_past, -seconds), else_=seconds), Patrol.id)
        .options(*WHAT_A_PAGE_SHOWS)
    )
    page = paginate(statement, pagination)
    _note_my_signups(viewer, page)
    return page


def _note_my_signups(viewer, patrols):
    """Set `my_signup` on each patrol of a page: how the viewer is on it (its participants are loaded)."""
    for patrol in patrols:
        mine = next(p for p in patrol.participants if p.user_id == viewer.id)
        line = [p.user_id for p in patrol.waitlist]
        position = line.index(viewer.id) + 1 if viewer.id in line else None
        patrol.my_signup = {"kind": mine.kind, "status": mine.status, "waitlist_position": position}


def open_patrols(viewer, pagination):
    """Published patrols not yet started that my groups are invited to and I am not on."""
    mine = select(PatrolParticipant.patrol_id).where(
        PatrolParticipant.user_id == viewer.id, PatrolParticipant.status.in_(HOLDING)
    )
    invited = select(patrol_groups.c.patrol_id).where(patrol_groups.c.group_id.in_(policies.my_group_ids(viewer)))
    statement = (
        select(Patrol)
        .where(
            Patrol.state == PatrolState.PUBLISHED.value,
            Patrol.starts_at > utcnow(),
            Patrol.id.in_(invited),
            Patrol.id.not_in(mine),
        )
        .order_by(Patrol.starts_at, Patrol.id)
        .options(*WHAT_A_PAGE_SHOWS)
    )
    return paginate(statement, pagination)


def _held_by(patrol, user_id, kind):
    """The participant row by which `user_id` holds a place of `kind` on the patrol, or None."""
    return next(
        (
            participant
            for participant in patrol.participants
            if participant.user_id == user_id and participant.kind == kind and participant.status in HOLDING_STATUSES
        ),
        None,
    )


def _holding(patrol, user_id, kind):
    participant = _held_by(patrol, user_id, kind)
    if participant is None:
        raise AppError("NOT_FOUND")
    return participant


def _hold_seat(patrol, user, actor, kind):
    """The participant row for `user` (new, or a withdrawn one reused), checked for clashes."""
    participant = next((p for p in patrol.participants if p.user_id == user.id), None)
    if participant is not None and participant.status in HOLDING_STATUSES:
        raise AppError("ALREADY_SIGNED_UP")
    clash = _clash(user, patrol)
    if clash is not None:
        raise AppError("SCHEDULE_CONFLICT", members={"conflicting_patrol": _as_seen_by(actor, clash)})
    if participant is None:
        participant = PatrolParticipant(user=user)
        patrol.participants.append(participant)
    participant.kind = kind
    participant.period = Range(patrol.starts_at, patrol.ends_at, bounds="[)")
    participant.signed_up_at = utcnow()
    participant.signed_up_by_id = actor.id
    participant.withdrawn_at = None
    participant.is_late_cancellation = False
    return participant


def _clash(user, patrol):
    """The patrol `user` already holds that overlaps `patrol`, or None."""
    clash = (
        select(Patrol)
        .join(PatrolParticipant, PatrolParticipant.patrol_id == Patrol.id)
        .where(
            PatrolParticipant.user_id == user.id,
            PatrolParticipant.patrol_id != patrol.id,
            PatrolParticipant.status.in_(HOLDING),
            PatrolParticipant.period.op("&&")(Range(patrol.starts_at, patrol.ends_at, bounds="[)")),
        )
        .order_by(Patrol.starts_at, Patrol.id)
    )
    return db.session.scalars(clash.limit(1)).first()


def _as_seen_by(actor, patrol):
    """The patrol for a problem body: its time always, its id and title only if `actor` may see it."""
    visible = db.session.scalar(policies.visible_patrols(actor).where(Patrol.id == patrol.id).with_only_columns(Patrol.id))
    only = None if visible is not None else ("starts_at", "ends_at")
    return ConflictingPatrolSchema(only=only).dump(patrol)
