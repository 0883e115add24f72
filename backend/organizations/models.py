import sqlalchemy as sa
from geoalchemy2 import Geometry

from backend.core.models import StrEnum, created_at_column, enum_column
from backend.extensions import db


class GeofencePolicy(StrEnum):
    FLAG = "flag"
    BLOCK = "block"


class Station(db.Model):
    """A 경찰서, or a 지구대/파출소 under one (parent_id)."""

    __tablename__ = "stations"

    id = sa.Column(sa.Integer, primary_key=True)
    code = sa.Column(sa.String(32), nullable=False, unique=True)
    name = sa.Column(sa.String(100), nullable=False)
    parent_id = sa.Column(sa.Integer, sa.ForeignKey("stations.id", ondelete="RESTRICT"), index=True)
    location = sa.Column(Geometry("POINT", srid=4326, spatial_index=False))
    # Patrol rules each station sets for itself.
    withdrawal_cutoff_minutes = sa.Column(sa.Integer, nullable=False, server_default="180")
    is_officer_required_at_night_in_women_safe_zones = sa.Column(
        sa.Boolean, nullable=False, server_default=sa.true()
    )
    checkin_opens_minutes = sa.Column(sa.Integer, nullable=False, server_default="30")
    # Checked in later than this after the start is "late"; out this early before the end, "left early".
    late_after_minutes = sa.Column(sa.Integer, nullable=False, server_default="15")
    # flag: accept a check-in outside the geofence and mark it for review; block: refuse it.
    geofence_policy = enum_column(GeofencePolicy, "geofence_policy", nullable=False, server_default="flag")
    # The number an SOS screen offers besides 112 (the station's 상황실, say).
    phone = sa.Column(sa.String(20))
    created_at = created_at_column()

    parent = db.relationship("Station", remote_side=[id], back_populates="units")
    units = db.relationship("Station", back_populates="parent")


class GroupKind(StrEnum):
    PATROL_ASSOCIATION = "patrol_association"  # 자율방범대
    CITIZEN_POLICE = "citizen_police"  # 시민경찰연합회
    SAFETY_COUNCIL = "safety_council"  # 생활안전협의회
    MERCHANT_ASSOCIATION = "merchant_association"  # 상인연합회
    COMMUNITY = "community"  # 맘카페, delivery workers ...
    OTHER = "other"


class VolunteerGroup(db.Model):
    __tablename__ = "volunteer_groups"
    __table_args__ = (sa.UniqueConstraint("station_id", "name"),)

    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(100), nullable=False)
    kind = enum_column(GroupKind, "group_kind", nullable=False)
    station_id = sa.Column(
        sa.Integer, sa.ForeignKey("stations.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    created_at = created_at_column()

    station = db.relationship("Station")
    memberships = db.relationship(
        "GroupMembership", back_populates="group", cascade="all, delete-orphan"
    )


class GroupMembership(db.Model):
    __tablename__ = "group_memberships"

    group_id = sa.Column(
        sa.Integer, sa.ForeignKey("volunteer_groups.id", ondelete="CASCADE"), primary_key=True
    )
    user_id = sa.Column(
        sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    is_leader = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    joined_at = created_at_column()

    group = db.relationship("VolunteerGroup", back_populates="memberships")
    user = db.relationship("User", back_populates="memberships")
