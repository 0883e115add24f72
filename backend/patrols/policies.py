"""Who sees which patrols and who runs them.

Station staff see every patrol of their station family; volunteers see published
patrols their groups are invited to, and those they are on. Admins and station chiefs
of the family manage patrols; group leaders sign up and withdraw their own members.
"""
from sqlalchemy import or_, select

from backend.core.scopes import restrict_to_visible_stations
from backend.organizations.models import GroupMembership
from backend.patrols.models import ParticipantStatus, Patrol, PatrolParticipant, PatrolState, patrol_groups
from backend.users.models import Role

PATROL_MANAGERS = (Role.ADMIN, Role.STATION_CHIEF)


def my_group_ids(user):
    return select(GroupMembership.group_id).where(GroupMembership.user_id == user.id)


def visible_patrols(viewer):
    statement = restrict_to_visible_stations(select(Patrol), Patrol.station_id, viewer)
    if viewer.role != Role.VOLUNTEER:
        return statement
    invited = select(patrol_groups.c.patrol_id).where(patrol_groups.c.group_id.in_(my_group_ids(viewer)))
    mine = select(PatrolParticipant.patrol_id).where(PatrolParticipant.user_id == viewer.id)
    return statement.where(
        Patrol.state != PatrolState.DRAFT.value, or_(Patrol.id.in_(invited), Patrol.id.in_(mine))
    )


def is_manager(user):
    return user.role in PATROL_MANAGERS


def leads_a_group_of(leader, member, patrol):
    """Is `leader` the leader of an invited group that `member` belongs to?"""
    led = {m.group_id for m in leader.memberships if m.is_leader}
    return any(m.group_id in led for m in member.memberships if m.group in patrol.groups)


def may_act_for(actor, user, patrol):
    """May `actor` sign `user` up to, or withdraw them from, `patrol`?"""
    return actor.id == user.id or is_manager(actor) or leads_a_group_of(actor, user, patrol)


def is_on_duty(user_id, patrol_id):
    """SQL: is the user a confirmed volunteer or an assigned officer of the patrol, one of
    the people whose location it takes?"""
    return (
        select(PatrolParticipant.id)
        .where(
            PatrolParticipant.patrol_id == patrol_id,
            PatrolParticipant.user_id == user_id,
            PatrolParticipant.status == ParticipantStatus.CONFIRMED.value,
        )
        .exists()
    )


def is_invited(user, patrol):
    return user.role == Role.VOLUNTEER and any(m.group in patrol.groups for m in user.memberships)
