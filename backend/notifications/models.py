import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from backend.core.models import StrEnum, created_at_column, enum_column
from backend.extensions import db
from backend.users.models import Locale


class OutboxEvent(db.Model):
    """Something to tell people, written in the same transaction as its cause.

    dedupe_key names the cause (e.g. "patrol.published:12"), so a cause is recorded once
    however often the code path runs. Delivery happens after commit, from this table.
    """

    __tablename__ = "outbox_events"
    __table_args__ = (sa.Index("ix_outbox_events_pending", "available_at", postgresql_where=sa.text("processed_at IS NULL")),)

    id = sa.Column(sa.BigInteger, primary_key=True)
    event_type = sa.Column(sa.String(64), nullable=False)
    dedupe_key = sa.Column(sa.String(200), nullable=False, unique=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), index=True)
    payload = sa.Column(JSONB, nullable=False, server_default=sa.text("'{}'::jsonb"))
    # Not to be sent before this (reminders are written ahead of time).
    available_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())
    processed_at = sa.Column(sa.DateTime(timezone=True))
    created_at = created_at_column()


class Platform(StrEnum):
    ANDROID = "android"
    IOS = "ios"
    WEB = "web"


class Device(db.Model):
    """A phone (or browser) that can receive pushes for one person: its FCM registration token."""

    __tablename__ = "devices"

    id = sa.Column(sa.Integer, primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    token = sa.Column(sa.String(4096), nullable=False, unique=True)
    platform = enum_column(Platform, "device_platform", nullable=False)
    app_version = sa.Column(sa.String(32))
    locale = enum_column(Locale, "device_locale")
    created_at = created_at_column()
    # FCM drops tokens idle for 270 days; so do we.
    last_seen_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now(), index=True)


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # to send (again) at next_attempt_at
    SENT = "sent"
    DEAD = "dead"  # gave up: visible to admins, re-queueable
    DROPPED = "dropped"  # the device is gone (token unregistered or invalid)


class Delivery(db.Model):
    """One event to one device: what was sent, how it went, and when to try again."""

    __tablename__ = "notification_deliveries"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "device_id"),
        sa.Index("ix_notification_deliveries_due", "next_attempt_at", postgresql_where=sa.text("status = 'pending'")),
        sa.Index("ix_notification_deliveries_dead", "id", postgresql_where=sa.text("status = 'dead'")),
    )

    id = sa.Column(sa.BigInteger, primary_key=True)
    event_id = sa.Column(sa.BigInteger, sa.ForeignKey("outbox_events.id", ondelete="CASCADE"), nullable=False)
    # The device row goes when its token dies; the record of what happened stays.
    device_id = sa.Column(sa.Integer, sa.ForeignKey("devices.id", ondelete="SET NULL"), index=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    status = enum_column(DeliveryStatus, "delivery_status", nullable=False, server_default=DeliveryStatus.PENDING.value)
    attempts = sa.Column(sa.Integer, nullable=False, server_default="0")
    next_attempt_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())
    last_error = sa.Column(sa.String(200))
    fcm_message_id = sa.Column(sa.String(200))
    created_at = created_at_column()
    sent_at = sa.Column(sa.DateTime(timezone=True))

    event = db.relationship("OutboxEvent")
    device = db.relationship("Device")
