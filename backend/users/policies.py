"""Who may see and change whom.

Station staff (coordinators, station chiefs, officers) see the people of their station
family; volunteers see themselves and the members of their own groups. Phone numbers are
shown only to the person themself, station staff and admins.
"""
from sqlalchemy import or_, select

from backend.core.scopes import restrict_to_visible_stations, station_is_visible
from backend.organizations.models import GroupMembership
from backend.users.models import Role, User, is_staff_or_admin

# Which roles each role may give when creating or changing an account.
ASSIGNABLE_ROLES = {
    Role.ADMIN: set(Role),
    Role.STATION_CHIEF: {Role.COORDINATOR, Role.OFFICER, Role.VOLUNTEER},
    Role.COORDINATOR: {Role.VOLUNTEER},
}

# What a person may change on their own account.
SELF_EDITABLE_FIELDS = {"name", "locale", "password"}


def visible_users(viewer):
    statement = select(User)
    if viewer.role == Role.VOLUNTEER:
        my_groups = select(GroupMembership.group_id).where(GroupMembership.user_id == viewer.id)
        fellow_members = select(GroupMembership.user_id).where(GroupMembership.group_id.in_(my_groups))
        return statement.where(or_(User.id == viewer.id, User.id.in_(fellow_members)))
    return restrict_to_visible_stations(statement, User.station_id, viewer)


def can_see_phone(viewer, user):
    return viewer.id == user.id or is_staff_or_admin(viewer)


def can_assign_role(actor, role):
    return role in ASSIGNABLE_ROLES.get(actor.role, set())


def can_manage(actor, user):
    """May `actor` change `user`'s account (beyond their own name, locale, password)?"""
    if actor.id == user.id:
        return actor.role == Role.ADMIN
    return can_assign_role(actor, user.role) and (
        actor.role == Role.ADMIN or station_is_visible(actor, user.station_id)
    )
