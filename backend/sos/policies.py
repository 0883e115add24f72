"""Who answers an SOS and who reads it.

Responders are the staff of the patrol's station family (officers, station chiefs,
coordinators) and admins; they read, acknowledge and resolve its alerts. Anyone else reads
only the alerts they raised themselves.
"""
from sqlalchemy import select

from backend.core.scopes import restrict_to_visible_stations, station_family_ids
from backend.patrols.models import Patrol
from backend.sos.models import SosAlert
from backend.users.models import STAFF_ROLES, Role, User

RESPONDERS = (Role.ADMIN, *STAFF_ROLES)


def visible_alerts(viewer):
    """The alerts `viewer` may read: every alert of their station family's patrols for a
    responder, their own for anyone else."""
    statement = select(SosAlert).join(Patrol, Patrol.id == SosAlert.patrol_id)
    statement = restrict_to_visible_stations(statement, Patrol.station_id, viewer)
    if viewer.role not in RESPONDERS:
        statement = statement.where(SosAlert.raiser_id == viewer.id)
    return statement


def station_responders(station_id):
    """A SELECT of the ids of the active staff who answer the SOS of a patrol of `station_id`:
    the people who read its alerts, less the admins, who answer every station's."""
    return select(User.id).where(
        User.is_active,
        User.role.in_([role.value for role in STAFF_ROLES]),
        User.station_id.in_(station_family_ids(station_id)),
    )
