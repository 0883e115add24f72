"""Who sees which stations and groups, and who runs a group's membership.

A station family (경찰서 + its 지구대/파출소) sees its own stations and groups. Who is in a
group is seen by station staff and the group's own members; to other volunteers the
member list does not exist (404). Admins, coordinators and station chiefs manage any group
of their family; a group's leader manages its members (but does not appoint leaders, and
adds only volunteers: station staff join a group through the station); anyone may leave a
group.
"""
from sqlalchemy import select

from backend.core.scopes import restrict_to_visible_stations, station_family_ids
from backend.organizations.models import Station, VolunteerGroup
from backend.users.models import Role, User, is_staff_or_admin

GROUP_MANAGERS = (Role.ADMIN, Role.COORDINATOR, Role.STATION_CHIEF)


def visible_stations(viewer):
    return restrict_to_visible_stations(select(Station), Station.id, viewer)


def visible_groups(viewer):
    return restrict_to_visible_stations(select(VolunteerGroup), VolunteerGroup.station_id, viewer)


def can_set_rules(actor, station):
    """Admins, and the chief of the station itself, set its patrol rules."""
    return actor.role == Role.ADMIN or (actor.role == Role.STATION_CHIEF and actor.station_id == station.id)


def membership_of(user, group):
    return next((m for m in group.memberships if m.user_id == user.id), None)


def is_leader(user, group):
    membership = membership_of(user, group)
    return membership is not None and membership.is_leader


def can_see_members(viewer, group):
    return is_staff_or_admin(viewer) or membership_of(viewer, group) is not None


def can_add_member(actor, group, *, as_leader):
    if actor.role in GROUP_MANAGERS:
        return True
    return is_leader(actor, group) and not as_leader


def addable_people(actor, group):
    """A SELECT of the people `actor` may add to `group`: those of its station family, and for
    a leader only the volunteers among them."""
    statement = select(User).where(User.station_id.in_(station_family_ids(group.station_id)))
    if actor.role not in GROUP_MANAGERS:
        statement = statement.where(User.role == Role.VOLUNTEER)
    return statement


def can_remove_member(actor, group, member_user_id):
    return actor.role in GROUP_MANAGERS or is_leader(actor, group) or actor.id == member_user_id

