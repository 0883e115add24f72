"""Row-level scope: which stations' data a caller may see.

A 경찰서 and its 지구대/파출소 form one family; everyone in the family sees the family's
groups, people and zones, and nothing of other stations. Admins see everything.
"""
from sqlalchemy import func, or_, select

from backend.errors import AppError
from backend.extensions import db
from backend.organizations.models import Station
from backend.users.models import Role


def station_family_ids(station_id):
    """A SELECT of the ids of the family `station_id` belongs to (its 경찰서 and units)."""
    root_id = (
        select(func.coalesce(Station.parent_id, Station.id))
        .where(Station.id == station_id)
        .scalar_subquery()
    )
    return select(Station.id).where(or_(Station.id == root_id, Station.parent_id == root_id))


def visible_station_ids(user):
    """A SELECT of the station ids `user` may see, or None when unrestricted (admin)."""
    if user.role == Role.ADMIN:
        return None
    return station_family_ids(user.station_id)


def restrict_to_visible_stations(statement, station_column, user):
    station_ids = visible_station_ids(user)
    if station_ids is None:
        return statement
    return statement.where(station_column.in_(station_ids))


def station_is_visible(user, station_id):
    """Does the station exist within the user's scope?"""
    statement = select(Station.id).where(Station.id == station_id)
    return db.session.scalar(restrict_to_visible_stations(statement, Station.id, user)) is not None


def one_or_404(statement):
    """The single row of a scoped query; absent and out-of-scope look the same (404)."""
    row = db.session.scalars(statement).first()
    if row is None:
        raise AppError("NOT_FOUND")
    return row
