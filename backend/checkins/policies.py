"""Who reviews check-ins: officers and chiefs of the patrol's station family, and admins."""
from sqlalchemy import select

from backend.checkins.models import CheckIn
from backend.core.scopes import restrict_to_visible_stations
from backend.patrols.models import Patrol
from backend.users.models import Role

REVIEWERS = (Role.ADMIN, Role.STATION_CHIEF, Role.OFFICER)


def reviewable_checkins(viewer):
    """Check-ins of the patrols of the viewer's station family."""
    statement = select(CheckIn).join(Patrol, Patrol.id == CheckIn.patrol_id)
    return restrict_to_visible_stations(statement, Patrol.station_id, viewer)
