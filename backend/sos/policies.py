"""Who answers an SOS and who reads it.

Responders are the staff of the patrol's station family (officers, station chiefs,
coordinators) and admins; they read, acknowledge and resolve its alerts. Anyone else reads
only the alerts they raised themselves.
"""
from sqlalchemy import select

from backend.core.scopes import restrict_to_visible_stations
from backend.patrols.models import Patrol
from backend.sos.models import SosAlert
from backend.users.models import Role

RESPONDERS = (Role.ADMIN, Role.COORDINATOR, Role.STATION_CHIEF, Role.OFFICER)


def visible_alerts(viewer):
    """The alerts `viewer` may read: every alert of their station family's patrols for a
    responder, their own for anyone else."""
    statement = select(SosAlert).join(Patrol, Patrol.id == SosAlert.patrol_id)
    statement = restrict_to_visible_stations(statement, Patrol.station_id, viewer)
    if viewer.role not in RESPONDERS:
        statement = statement.where(SosAlert.raiser_id == viewer.id)
    return statement
