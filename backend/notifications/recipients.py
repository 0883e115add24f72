"""Who an event is for, decided when it is sent out (so a withdrawal before then counts)."""
from sqlalchemy import or_, select

from backend.organizations.models import GroupMembership
from backend.patrols.early_warnings import NO_SHOW, UNFILLED, WALKING_ALONE
from backend.patrols.models import ParticipantKind, ParticipantStatus, Patrol, PatrolParticipant, patrol_groups
from backend.users.models import Role, User

ON_PATROL = [ParticipantStatus.CONFIRMED.value, ParticipantStatus.WAITLISTED.value]
CONFIRMED = [ParticipantStatus.CONFIRMED.value]
# A cancellation goes to those who were on the patrol when it was cancelled.
WERE_ON_PATROL = [*ON_PATROL, ParticipantStatus.PATROL_CANCELLED.value]


def recipients(event):
    """A SELECT of the ids of the active users who should hear of `event`."""
    kind = event.event_type
    if kind == "patrol.published":
        # Volunteers of the invited groups, unless they muted announcements.
        members = select(GroupMembership.user_id).where(GroupMembership.group_id.in_(event.payload["group_ids"]))
        return _active(User.id.in_(members), User.role == Role.VOLUNTEER, User.is_announcements_muted.is_(False))
    if kind.startswith("sos."):
        # Chosen by the SOS when it was raised (or acknowledged): who was near, on duty, in charge.
        return _active(User.id.in_(event.payload["user_ids"]))
    if kind == "signup.promoted":
        return _active(User.id == event.payload["user_id"])
    if kind in ("patrol.reminder_24h", "patrol.reminder_2h"):
        return _active(User.id.in_(_participants(event.patrol_id, CONFIRMED)), User.is_reminders_muted.is_(False))
    if kind == "patrol.cancelled":
        return _active(User.id.in_(_participants(event.patrol_id, WERE_ON_PATROL)))
    if kind in (NO_SHOW, WALKING_ALONE):
        return _active(User.id.in_(assigned_officers(event.patrol_id)))
    if kind == UNFILLED:
        # Those who can still fill it: the station's chiefs, and the leaders of the invited
        # groups, who sign their members up.
        station_id = select(Patrol.station_id).where(Patrol.id == event.patrol_id).scalar_subquery()
        invited = select(patrol_groups.c.group_id).where(patrol_groups.c.patrol_id == event.patrol_id)
        leaders = select(GroupMembership.user_id).where(GroupMembership.is_leader, GroupMembership.group_id.in_(invited))
        return _active(or_(User.id.in_(station_chiefs(station_id)), User.id.in_(leaders)))
    # patrol.changed, patrol.broadcast: everyone on the patrol, always.
    return _active(User.id.in_(_participants(event.patrol_id, ON_PATROL)))


def assigned_officers(patrol_id):
    """A SELECT of the ids of the officers confirmed on the patrol."""
    return _participants(patrol_id, CONFIRMED).where(PatrolParticipant.kind == ParticipantKind.OFFICER)


def station_chiefs(station_id):
    """A SELECT of the ids of the chiefs of the station itself (not of its 지구대/파출소)."""
    return select(User.id).where(User.role == Role.STATION_CHIEF, User.station_id == station_id)


def _participants(patrol_id, statuses):
    return select(PatrolParticipant.user_id).where(
        PatrolParticipant.patrol_id == patrol_id, PatrolParticipant.status.in_(statuses)
    )


def _active(*conditions):
    return select(User.id).where(User.is_active, *conditions)
