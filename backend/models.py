"""Every model, imported in one place so Alembic and the app see the whole schema."""
from backend.attendance.models import (
    ApprovedHours,
    AttendanceChange,
    AttendanceRecord,
    ExportRecord,
    HoursAdjustment,
    HoursApproval,
    HoursCertificate,
)
from backend.auth.models import AuthSession
from backend.calendar_feeds.models import CalendarFeed
from backend.checkins.models import CheckIn
from backend.derivation.models import DerivationRequest
from backend.locations.models import LocationAccess, LocationPoint, ZoneDwell
from backend.notifications.models import Delivery, Device, OutboxEvent
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols.models import Patrol, PatrolParticipant, PatrolSeries
from backend.reports.models import ExportJob
from backend.sos.models import SosAlert, SosPress
from backend.users.models import LocationConsent, User
from backend.zones.models import Zone

__all__ = [
    "ApprovedHours",
    "AttendanceChange",
    "AttendanceRecord",
    "AuthSession",
    "CalendarFeed",
    "CheckIn",
    "Delivery",
    "DerivationRequest",
    "Device",
    "ExportJob",
    "ExportRecord",
    "HoursAdjustment",
    "HoursApproval",
    "HoursCertificate",
    "GroupMembership",
    "LocationAccess",
    "LocationConsent",
    "LocationPoint",
    "OutboxEvent",
    "Patrol",
    "PatrolParticipant",
    "PatrolSeries",
    "SosAlert",
    "SosPress",
    "Station",
    "User",
    "VolunteerGroup",
    "Zone",
    "ZoneDwell",
]
