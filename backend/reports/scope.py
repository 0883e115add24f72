"""Whose rows a report may show: station staff their station family, group leaders their
groups' members, volunteers themselves, admins everyone."""
from sqlalchemy import false, or_, select

from backend.core.scopes import visible_station_ids
from backend.organizations.models import GroupMembership
from backend.users.models import STAFF_ROLES, Role


def led_group_ids(user):
    return select(GroupMembership.group_id).where(GroupMembership.user_id == user.id, GroupMembership.is_leader)


def person_condition(viewer, user_id_column, station_id_column):
    """A SQL condition on a row's person and station that keeps only what `viewer` may see."""
    if viewer.role == Role.ADMIN:
        return None
    if viewer.role in STAFF_ROLES:
        return station_id_column.in_(visible_station_ids(viewer))
    led_members = select(GroupMembership.user_id).where(GroupMembership.group_id.in_(led_group_ids(viewer)))
    return or_(user_id_column == viewer.id, user_id_column.in_(led_members))


def zone_condition(viewer, station_id_column):
    """Zone coverage is for station staff (and admins); others see no zones."""
    if viewer.role == Role.ADMIN:
        return None
    if viewer.role in STAFF_ROLES:
        return station_id_column.in_(visible_station_ids(viewer))
    return false()
