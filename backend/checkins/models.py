import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY

from backend.core.models import StrEnum, created_at_column, enum_column
from backend.extensions import db


class CheckInKind(StrEnum):
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"


class CheckInStatus(StrEnum):
    ACCEPTED = "accepted"
    FLAGGED = "flagged"  # accepted, but an officer should look (reasons say why)


# Why a check-in is flagged. A late upload waits for an officer before attendance counts it.
LATE_UPLOAD = "late_upload"
FLAG_REASONS = ("outside_geofence", "low_accuracy", LATE_UPLOAD)


class Review(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class CheckIn(db.Model):
    """A check-in or check-out as the phone sent it, with the server's judgement."""

    __tablename__ = "checkins"
    __table_args__ = (
        # A phone retrying with the same id must never create a second row.
        sa.UniqueConstraint("user_id", "client_event_id"),
        sa.Index("ix_checkins_patrol_id_user_id_recorded_at", "patrol_id", "user_id", "recorded_at"),
        sa.Index("ix_checkins_pending_review", "patrol_id", postgresql_where=sa.text("review = 'pending'")),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    kind = enum_column(CheckInKind, "checkin_kind", nullable=False)
    client_event_id = sa.Column(sa.Uuid, nullable=False)
    # sha256 of the request as sent, to tell a retry from a different request with a reused id.
    request_fingerprint = sa.Column(sa.String(64), nullable=False)
    # Raw location: emptied after the retention period or when consent is withdrawn.
    point = sa.Column(Geometry("POINT", srid=4326, spatial_index=False))
    accuracy_m = sa.Column(sa.Float, nullable=False)
    recorded_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    received_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())
    status = enum_column(CheckInStatus, "checkin_status", nullable=False)
    reasons = sa.Column(ARRAY(sa.String(40)), nullable=False, server_default="{}")
    distance_m = sa.Column(sa.Float, nullable=False)
    zone_ids = sa.Column(ARRAY(sa.Integer), nullable=False, server_default="{}")
    review = enum_column(Review, "checkin_review")
    reviewed_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at = sa.Column(sa.DateTime(timezone=True))
    review_note = sa.Column(sa.String(500))

    patrol = db.relationship("Patrol")
    user = db.relationship("User", foreign_keys=[user_id])


class CheckInReview(db.Model):
    """Every decision on a flagged check-in, so a later one never hides an earlier one."""

    __tablename__ = "checkin_reviews"

    id = sa.Column(sa.BigInteger, primary_key=True)
    checkin_id = sa.Column(sa.Integer, sa.ForeignKey("checkins.id", ondelete="CASCADE"), nullable=False, index=True)
    review = enum_column(Review, "checkin_review", nullable=False)
    note = sa.Column(sa.String(500))
    reviewed_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at = created_at_column()
