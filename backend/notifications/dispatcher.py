"""Sending the outbox through FCM: at least once, and a finished delivery never again.

Two steps, each meant to be its own transaction (the dispatch command commits after each),
each claiming rows with FOR UPDATE SKIP LOCKED so any number of dispatchers can run side by
side without taking the same rows:

1. fan out: a due event becomes one pending delivery per device of each recipient, and
   is marked processed in the same transaction;
2. send: up to 500 due deliveries go to FCM in one batch; each outcome is written back
   before the rows are released. A dispatcher that dies mid-batch releases its rows
   unchanged and the next one sends them again (the app drops duplicates by message_id).
"""
import random
from datetime import timedelta

from sqlalchemy import delete, insert, literal, select

from backend.core.time import utcnow
from backend.extensions import db
from backend.notifications import messages
from backend.notifications.models import Delivery, DeliveryStatus, Device, OutboxEvent
from backend.notifications.recipients import recipients
from backend.patrols import early_warnings
from backend.patrols.models import Patrol, PatrolState
from backend.sos.escalation import FOLLOW_UPS, take_follow_up
from backend.users.models import User

BATCH_SIZE = 500  # FCM's send_each limit
MAX_ATTEMPTS = 6
MAX_BACKOFF = timedelta(hours=1)
RETRYABLE = {"QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL", "UNKNOWN"}
DEVICE_IDLE_LIMIT = timedelta(days=270)  # FCM drops tokens idle this long
# Events written ahead whose readers and words depend on how things stand when they fall due
# (an SOS still open, people still missing): the domain that knows writes them into the
# payload as the event is fanned out, or answers False when there is nobody left to tell.
TAKEN_AT_FAN_OUT = {**dict.fromkeys(FOLLOW_UPS, take_follow_up), **early_warnings.TAKEN_AT_FAN_OUT}


def fan_out_due_events(limit=100):
    """Turn due events into pending deliveries. Returns how many events were taken."""
    events = db.session.scalars(
        select(OutboxEvent)
        .where(OutboxEvent.processed_at.is_(None), OutboxEvent.available_at <= utcnow())
        .order_by(OutboxEvent.available_at, OutboxEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    for event in events:
        take = TAKEN_AT_FAN_OUT.get(event.event_type)
        if take is None or take(event):
            devices = select(literal(event.id), Device.id, Device.user_id).where(Device.user_id.in_(recipients(event)))
            db.session.execute(insert(Delivery).from_select(["event_id", "device_id", "user_id"], devices))
        event.processed_at = utcnow()
    db.session.flush()
    return len(events)


def send_due_deliveries(sender, *, batch_size=BATCH_SIZE, retry_base=timedelta(seconds=30)):
    """Send one batch of due deliveries and record each outcome. Returns how many were taken."""
    now = utcnow()
    due = db.session.scalars(
        select(Delivery)
        .where(Delivery.status == DeliveryStatus.PENDING.value, Delivery.next_attempt_at <= now)
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(batch_size)
        .with_for_update(skip_locked=True)
    ).all()
    if not due:
        return 0
    context = _Context(due)
    outgoing = []
    for delivery in due:
        reason = context.reason_not_to_send(delivery, now)
        if reason:
            _finish(delivery, DeliveryStatus.DROPPED, reason)
        else:
            outgoing.append((delivery, context.message_for(delivery, now)))
    results = sender.send([message for _, message in outgoing]) if outgoing else []
    for (delivery, _), result in zip(outgoing, results, strict=True):
        _record(delivery, result, now, retry_base)
    db.session.flush()
    return len(due)


class _Context:
    """Everything a batch needs, loaded in a few queries rather than per delivery."""

    def __init__(self, deliveries):
        self.events = _by_id(OutboxEvent, {d.event_id for d in deliveries})
        self.patrols = _by_id(Patrol, {e.patrol_id for e in self.events.values()})
        self.devices = _by_id(Device, {d.device_id for d in deliveries})
        self.users = _by_id(User, {d.user_id for d in deliveries})

    def reason_not_to_send(self, delivery, now):
        event = self.events[delivery.event_id]
        patrol = self.patrols.get(event.patrol_id)
        if delivery.device_id not in self.devices:
            return "DEVICE_GONE"
        if patrol is None or messages.has_expired(event, patrol, now):
            return "EXPIRED"
        if patrol.state == PatrolState.CANCELLED and event.event_type != "patrol.cancelled":
            return "PATROL_CANCELLED"
        return None

    def message_for(self, delivery, now):
        event = self.events[delivery.event_id]
        device = self.devices[delivery.device_id]
        locale = device.locale or self.users[delivery.user_id].locale
        return messages.build_message(event, self.patrols[event.patrol_id], device, delivery.user_id, str(locale), now)


def _by_id(model, ids):
    ids.discard(None)
    return {row.id: row for row in db.session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}


def _record(delivery, result, now, retry_base):
    delivery.attempts += 1
    if result.ok:
        delivery.fcm_message_id = result.message_id
        delivery.sent_at = now
        _finish(delivery, DeliveryStatus.SENT, None)
    elif result.is_dead_token:
        # FCM says the token will never work again: forget the device.
        _finish(delivery, DeliveryStatus.DROPPED, result.error_code)
        db.session.execute(delete(Device).where(Device.id == delivery.device_id))
    elif result.error_code in RETRYABLE and delivery.attempts < MAX_ATTEMPTS:
        delivery.last_error = result.error_code
        delivery.next_attempt_at = now + _backoff(delivery.attempts, retry_base, result.retry_after_s)
    else:
        _finish(delivery, DeliveryStatus.DEAD, result.error_code)


def _backoff(attempts, base, retry_after_s):
    """Exponential, with jitter so that many failed messages do not come back all at once;
    never sooner than the server's Retry-After."""
    exponential = min(base * 2 ** (attempts - 1), MAX_BACKOFF)
    delay = exponential * random.uniform(0.5, 1.5)
    return max(delay, timedelta(seconds=retry_after_s or 0))


def _finish(delivery, status, reason):
    delivery.status = status
    delivery.last_error = reason


def prune_idle_devices():
    cutoff = utcnow() - DEVICE_IDLE_LIMIT
    return db.session.execute(delete(Device).where(Device.last_seen_at < cutoff)).rowcount
