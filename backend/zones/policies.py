"""Which zones a caller may see and where they may put them.

Zones belong to a station; its whole family (경찰서 + 지구대/파출소) sees and, with a
writing role, edits them. Other stations' zones do not exist for the caller (404).
"""
from sqlalchemy import select

from backend.core.scopes import restrict_to_visible_stations, station_is_visible
from backend.users.models import Role
from backend.zones.models import Zone

ZONE_EDITORS = (Role.ADMIN, Role.STATION_CHIEF, Role.COORDINATOR)


def visible_zones(user):
    """SELECT of the zones in the caller's station family (every zone for an admin)."""
    return restrict_to_visible_stations(select(Zone), Zone.station_id, user)


def can_place_zone_in(user, station_id):
    """A zone may only be put in an existing station the caller can see."""
    return station_is_visible(user, station_id)
