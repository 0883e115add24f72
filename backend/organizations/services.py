from sqlalchemy import select

from backend.core.filters import where_equal
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404, station_is_visible
from backend.errors import AppError
from backend.extensions import db
from backend.organizations import policies
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.users.models import User


def create_station(data):
    if data["parent_id"] is not None:
        parent = db.session.get(Station, data["parent_id"])
        # Two levels only: a 지구대/파출소 hangs under a 경찰서, never under another unit.
        if parent is None or parent.parent_id is not None:
            raise AppError("STATION_PARENT_INVALID")
    if db.session.scalar(select(Station.id).where(Station.code == data["code"])) is not None:
        raise AppError("STATION_CODE_TAKEN")
    station = Station(**data)
    db.session.add(station)
    db.session.flush()
    return station


def list_stations(viewer, pagination):
    return paginate(policies.visible_stations(viewer).order_by(Station.id), pagination)


def get_station(viewer, station_id):
    return one_or_404(policies.visible_stations(viewer).where(Station.id == station_id))


def update_station_rules(actor, station_id, changes):
    station = get_station(actor, station_id)
    if not policies.can_set_rules(actor, station):
        raise AppError("FORBIDDEN")
    for name, value in changes.items():
        setattr(station, name, value)
    db.session.flush()
    return station


def create_group(actor, data):
    if not station_is_visible(actor, data["station_id"]):
        raise AppError("STATION_OUT_OF_SCOPE")
    name_taken = select(VolunteerGroup.id).where(
        VolunteerGroup.station_id == data["station_id"], VolunteerGroup.name == data["name"]
    )
    if db.session.scalar(name_taken) is not None:
        raise AppError("GROUP_NAME_TAKEN")
    group = VolunteerGroup(**data)
    db.session.add(group)
    db.session.flush()
    return group


def list_groups(viewer, filters, pagination):
    statement = policies.visible_groups(viewer).order_by(VolunteerGroup.name, VolunteerGroup.id)
    statement = where_equal(statement, VolunteerGroup, filters, "station_id", "kind")
    return paginate(statement, pagination)


def get_group(viewer, group_id):
    return one_or_404(policies.visible_groups(viewer).where(VolunteerGroup.id == group_id))


def list_members(viewer, group_id, pagination):
    group = get_group(viewer, group_id)
    if not policies.can_see_members(viewer, group):
        raise AppError("NOT_FOUND")
    statement = (
        select(GroupMembership)
        .join(GroupMembership.user)
        .where(GroupMembership.group_id == group.id)
        .order_by(GroupMembership.is_leader.desc(), User.name)
    )
    return paginate(statement, pagination)


def add_member(actor, group_id, user_id, is_leader):
    group = get_group(actor, group_id)
    if not policies.can_add_member(actor, group, as_leader=is_leader):
        raise AppError("FORBIDDEN")
    # Whoever may not be added looks the same as someone absent.
    user = db.session.scalar(policies.addable_people(actor, group).where(User.id == user_id))
    if user is None:
        raise AppError("MEMBER_OUTSIDE_STATION" if actor.role in policies.GROUP_MANAGERS else "MEMBER_NOT_VOLUNTEER")
    if policies.membership_of(user, group) is not None:
        raise AppError("ALREADY_MEMBER")
    membership = GroupMembership(group=group, user=user, is_leader=is_leader)
    db.session.add(membership)
    db.session.flush()
    return membership


def set_leader(actor, group_id, user_id, is_leader):
    """Appoint or stand down a leader; the route admits only those who manage groups."""
    _, membership = _membership(actor, group_id, user_id)
    membership.is_leader = is_leader
    db.session.flush()
    return membership


def remove_member(actor, group_id, user_id):
    group, membership = _membership(actor, group_id, user_id)
    if not policies.can_remove_member(actor, group, user_id):
        raise AppError("FORBIDDEN")
    db.session.delete(membership)
    db.session.flush()


def _membership(actor, group_id, user_id):
    group = get_group(actor, group_id)
    membership = next((m for m in group.memberships if m.user_id == user_id), None)
    # Those who may not list the members cannot learn from here who is one.
    if membership is None or not policies.can_see_members(actor, group):
        raise AppError("NOT_FOUND")
    return group, membership
