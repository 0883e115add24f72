"""Telling more people, and telling them again, while nobody takes an alert.

Raising an alert records an `sos.escalated` event due PATROL_SOS_ESCALATE_AFTER_S later. The
dispatcher hands each such follow-up to `take_follow_up` as it fans it out, which decides then
who it reaches: nobody once the alert is no longer open. Each follow-up that goes out records
the next repeat (`sos.repeated`), up to PATROL_SOS_REPEATS of them, every PATROL_SOS_REPEAT_S.
"""
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from backend.core.time import utcnow
from backend.extensions import db
from backend.notifications.models import OutboxEvent
from backend.notifications.outbox import dedupe_key, record_event
from backend.sos.models import SosAlert, SosStatus
from backend.sos.policies import station_responders
from backend.users.models import User

ESCALATED = "sos.escalated"
REPEATED = "sos.repeated"
FOLLOW_UPS = (ESCALATED, REPEATED)
# What a follow-up's payload gains when it is fanned out, on top of the alert's facts.
DECIDED_KEYS = ("user_ids", "stopped_by")


def schedule_escalation(alert, facts):
    """Record the escalation of a new alert, due once nobody has taken it in time."""
    after = timedelta(seconds=current_app.config["SOS_ESCALATE_AFTER_S"])
    record_event(ESCALATED, alert.id, patrol_id=alert.patrol_id, payload=facts, available_at=utcnow() + after)


def repeat_key_prefix(alert_id):
    """What the dedupe keys of an alert's repeats begin with."""
    return dedupe_key(REPEATED, f"{alert_id}:")


def went_out():
    """A SQL condition on an outbox event: a follow-up that reached people (one the alert's
    closing stopped was processed too, to nobody)."""
    return OutboxEvent.processed_at.is_not(None) & ~OutboxEvent.payload.has_key("stopped_by")


def take_follow_up(event):
    """Write into a due follow-up's payload who it reaches, and record the next repeat;
    False when the alert is no longer open and the follow-up reaches nobody.

    The alert is locked until the dispatcher commits, so an acknowledgement, cancellation or
    resolution either committed before (and this follow-up reaches nobody) or waits for it.
    Escalation adds the station family's staff (the people who read the alert) to those
    already alerted, so a repeat and a cancellation tell them too.
    """
    facts = {key: value for key, value in event.payload.items() if key not in DECIDED_KEYS}
    alert = db.session.scalar(select(SosAlert).where(SosAlert.id == facts["alert_id"]).with_for_update())
    if alert is None or alert.status != SosStatus.OPEN:
        event.payload = {**facts, "user_ids": [], "stopped_by": str(alert.status) if alert else "deleted"}
        return False
    if event.event_type == ESCALATED:
        tier_two = (
            station_responders(alert.patrol.station_id)
            .where(User.id != alert.raiser_id, User.id.not_in(alert.alerted_user_ids))
            .order_by(User.id)
        )
        alert.alerted_user_ids = [*alert.alerted_user_ids, *db.session.scalars(tier_two)]
    event.payload = {**facts, "user_ids": alert.alerted_user_ids}
    repeat = facts.get("repeat", 0) + 1
    if repeat <= current_app.config["SOS_REPEATS"]:
        after = timedelta(seconds=current_app.config["SOS_REPEAT_S"])
        record_event(
            REPEATED,
            f"{alert.id}:{repeat}",
            patrol_id=alert.patrol_id,
            payload={**facts, "repeat": repeat},
            available_at=utcnow() + after,
        )
    return True
