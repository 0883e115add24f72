"""Every model, imported in one place so Alembic and the app see the whole schema."""
from backend.auth.models import AuthSession
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.users.models import LocationConsent, User
from backend.zones.models import Zone

__all__ = ["AuthSession", "GroupMembership", "LocationConsent", "Station", "User", "VolunteerGroup", "Zone"]
