import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY

from backend.core.models import StrEnum, created_at_column, enum_column
from backend.extensions import db


class SosKind(StrEnum):
    SOS = "sos"  # the button pressed
    MAN_DOWN = "man_down"  # the phone detected a fall or stillness


class SosStatus(StrEnum):
    OPEN = "open"  # nobody has taken it yet
    ACKNOWLEDGED = "acknowledged"  # a responder is on the way
    RESOLVED = "resolved"
    CANCELLED = "cancelled"  # the raiser called it a false alarm


# An alert in these is still running: a new press by its raiser joins it.
ACTIVE_STATUSES = (SosStatus.OPEN, SosStatus.ACKNOWLEDGED)
# The same, as the predicate of the index that keeps one running alert per person. Literal
# values: ON CONFLICT finds a partial index only by a predicate without parameters.
IS_ACTIVE = sa.text("status IN ('open', 'acknowledged')")


class SosOutcome(StrEnum):
    SAFE = "safe"
    FALSE_ALARM = "false_alarm"
    POLICE_DISPATCHED = "police_dispatched"
    MEDICAL = "medical"


class SosAlert(db.Model):
    """One person's call for help during a patrol, from the press to its resolution."""

    __tablename__ = "sos_alerts"
    __table_args__ = (
        # One running alert per person: a second press joins it, even two at once.
        sa.Index(
            "uq_sos_alerts_active_raiser",
            "raiser_id",
            unique=True,
            postgresql_where=IS_ACTIVE,
        ),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), nullable=False, index=True)
    raiser_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    kind = enum_column(SosKind, "sos_kind", nullable=False)
    status = enum_column(SosStatus, "sos_status", nullable=False, server_default=SosStatus.OPEN.value)
    note = sa.Column(sa.Text)
    # Where the raiser's phone was at the press; blanked with the positions when the incident
    # records' retention is over (PATROL_INCIDENT_RETENTION_DAYS).
    point = sa.Column(Geometry("POINT", srid=4326, spatial_index=False))
    accuracy_m = sa.Column(sa.Float, nullable=False)
    recorded_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    raised_at = created_at_column()
    # Who the alert has reached: the first tier, then the escalation's additions. Repeats and a
    # cancellation tell the same people.
    alerted_user_ids = sa.Column(ARRAY(sa.Integer), nullable=False, server_default="{}")
    acknowledged_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    acknowledged_at = sa.Column(sa.DateTime(timezone=True))
    resolved_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at = sa.Column(sa.DateTime(timezone=True))
    outcome = enum_column(SosOutcome, "sos_outcome")
    resolution_note = sa.Column(sa.Text)
    cancelled_at = sa.Column(sa.DateTime(timezone=True))

    raiser = db.relationship("User", foreign_keys=[raiser_id])
    acknowledged_by = db.relationship("User", foreign_keys=[acknowledged_by_id])
    resolved_by = db.relationship("User", foreign_keys=[resolved_by_id])
    patrol = db.relationship("Patrol")
    presses = db.relationship("SosPress", order_by="SosPress.id", back_populates="alert")


class SosPress(db.Model):
    """Each press of the button: the first raises the alert, later ones join it. Keyed by the
    phone's client_event_id, so a retried request finds the alert it made."""

    __tablename__ = "sos_presses"
    __table_args__ = (sa.UniqueConstraint("user_id", "client_event_id"),)

    id = sa.Column(sa.Integer, primary_key=True)
    alert_id = sa.Column(sa.Integer, sa.ForeignKey("sos_alerts.id", ondelete="CASCADE"), nullable=False, index=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    client_event_id = sa.Column(sa.Uuid, nullable=False)
    recorded_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    received_at = created_at_column()

    alert = db.relationship("SosAlert", back_populates="presses")


class SosPosition(db.Model):
    """Where the raiser's phone was while their alert ran, sent every few seconds. Kept with
    the alert as an incident record, apart from the raw track points and their shorter
    retention. Keyed by the phone's client_event_id, so a resent batch stores nothing twice."""

    __tablename__ = "sos_positions"
    __table_args__ = (
        sa.UniqueConstraint("alert_id", "client_event_id"),
        sa.Index("ix_sos_positions_alert_id_recorded_at", "alert_id", "recorded_at"),
    )

    id = sa.Column(sa.BigInteger, primary_key=True)
    alert_id = sa.Column(sa.Integer, sa.ForeignKey("sos_alerts.id", ondelete="CASCADE"), nullable=False)
    client_event_id = sa.Column(sa.Uuid, nullable=False)
    point = sa.Column(Geometry("POINT", srid=4326, spatial_index=False), nullable=False)
    accuracy_m = sa.Column(sa.Float, nullable=False)
    recorded_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    received_at = created_at_column()
