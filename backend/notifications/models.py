import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from backend.core.models import created_at_column
from backend.extensions import db


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
