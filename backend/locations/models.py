import sqlalchemy as sa
from geoalchemy2 import Geometry

from backend.checkins.models import Review
from backend.core.models import created_at_column, enum_column
from backend.extensions import db


class LocationPoint(db.Model):
    """One GPS fix from a participant's phone, kept only for the retention period.

    Partitioned by UTC day of recorded_at (backend/locations/partitions.py), so keys
    hold recorded_at: a phone resends a fix with its recorded_at, so a retried point
    still meets its first copy.
    """

    __tablename__ = "location_points"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "client_event_id", "recorded_at"),
        sa.Index("ix_location_points_patrol_id_user_id_recorded_at", "patrol_id", "user_id", "recorded_at"),
        # Time ranges within a day: points are written in about the order they were recorded.
        sa.Index("ix_location_points_recorded_at", "recorded_at", postgresql_using="brin"),
        # Attendance looks for a person's late points on every refresh; few points are late.
        sa.Index("ix_location_points_late", "patrol_id", "user_id", postgresql_where=sa.text("late_review IS NOT NULL")),
        # Walking alone looks for the other participants' points near a volunteer's in the minutes before it.
        sa.Index("ix_location_points_near", "patrol_id", "recorded_at", sa.text("geography(point)"), postgresql_using="gist"),
        {"postgresql_partition_by": "RANGE (recorded_at)"},
    )

    id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    client_event_id = sa.Column(sa.Uuid, nullable=False)
    point = sa.Column(Geometry("POINT", srid=4326), nullable=False)
    accuracy_m = sa.Column(sa.Float, nullable=False)
    recorded_at = sa.Column(sa.DateTime(timezone=True), primary_key=True)
    received_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())
    speed_mps = sa.Column(sa.Float)
    battery = sa.Column(sa.SmallInteger)
    # Why the point is kept but left out of dwell: low_accuracy or impossible_jump.
    exclusion = sa.Column(sa.String(20))
    # Received late (LATE_UPLOAD_MINUTES): pending until an officer confirms the person's
    # attendance; NULL for a point that came in time.
    late_review = enum_column(Review, "late_review")


class DwellStep(db.Model):
    """One step between two consecutive kept points of a person on a patrol, both inside a
    zone: what dwell is summed from. Kept so that new points replace only the steps from the
    last kept point before them. Raw location data (the steps along a route say where the
    person walked): erased with the points."""

    __tablename__ = "dwell_steps"
    __table_args__ = (
        sa.Index("ix_dwell_steps_patrol_id_user_id_started_at", "patrol_id", "user_id", "started_at"),
        # The retention purge deletes by time; steps are written in about the order they happened.
        sa.Index("ix_dwell_steps_started_at", "started_at", postgresql_using="brin"),
    )

    id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    zone_id = sa.Column(sa.Integer, sa.ForeignKey("zones.id", ondelete="CASCADE"), nullable=False, index=True)
    started_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    ended_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    # Started between 22:00 and 06:00 Korean time.
    is_night = sa.Column(sa.Boolean, nullable=False)
    # Safe-return routes only: the stretch of the route walked, as fractions of its length
    # (route_from <= route_to).
    route_from = sa.Column(sa.Float)
    route_to = sa.Column(sa.Float)


class ZoneDwell(db.Model):
    """Time one person spent in one zone on one patrol; outlives the raw points."""

    __tablename__ = "zone_dwell"

    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    zone_id = sa.Column(sa.Integer, sa.ForeignKey("zones.id", ondelete="CASCADE"), primary_key=True, index=True)
    seconds = sa.Column(sa.Integer, nullable=False)
    # Of `seconds`, those between 22:00 and 06:00 Korean time.
    night_seconds = sa.Column(sa.Integer, nullable=False, server_default="0")
    last_seen_at = sa.Column(sa.DateTime(timezone=True))
    # Safe-return routes only: the share of the route walked within its corridor (0..1).
    route_coverage = sa.Column(sa.Float)
    updated_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


class LocationAccess(db.Model):
    """Who read whose location, when and where (위치정보 열람 기록)."""

    __tablename__ = "location_access_log"
    __table_args__ = (sa.Index("ix_location_access_log_subject_id_accessed_at", "subject_id", "accessed_at"),)

    id = sa.Column(sa.BigInteger, primary_key=True)
    viewer_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    subject_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="SET NULL"))
    endpoint = sa.Column(sa.String(100), nullable=False)
    accessed_at = created_at_column()
