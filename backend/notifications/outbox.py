"""Writing events to the outbox, in the transaction of the change that causes them."""
from sqlalchemy import delete, func, literal, select
from sqlalchemy.dialects.postgresql import insert

from backend.core.time import utcnow
from backend.extensions import db
from backend.notifications.models import OutboxEvent

# Dispatchers LISTEN here (backend/notifications/wakeup.py) to send an event as soon as it is committed.
CHANNEL = "patrol_outbox"


def dedupe_key(event_type, cause):
    """The name of an event's cause, unique among all events."""
    return f"{event_type}:{cause}"


def record_event(event_type, cause, *, patrol_id=None, payload=None, available_at=None):
    """Record an event once per cause: a second call with the same cause changes nothing."""
    values = {
        "event_type": event_type,
        "dedupe_key": dedupe_key(event_type, cause),
        "patrol_id": patrol_id,
        "payload": payload or {},
    }
    if available_at is not None:
        values["available_at"] = available_at
    statement = insert(OutboxEvent).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
    if available_at is None or available_at <= utcnow():
        # PostgreSQL delivers the notification at commit only, so a rolled-back event wakes
        # nobody; RETURNING runs for an inserted row only, so neither does a duplicate. In the
        # same statement, it costs no round trip. An event due later is found by the poll.
        statement = statement.returning(func.pg_notify(CHANNEL, ""))
    db.session.execute(statement)


def events_from(event_type, rows):
    """The statement that records an event for each row of `rows`, a SELECT of (cause,
    patrol_id, payload), each once per cause as record_event does, due now."""
    causes = rows.subquery("causes")
    events = select(
        literal(event_type), literal(dedupe_key(event_type, "")) + causes.c.cause, causes.c.patrol_id, causes.c.payload
    )
    return (
        # The table, not the entity: the ORM would read the statement's parameters as rows to insert.
        insert(OutboxEvent.__table__)
        .from_select(["event_type", "dedupe_key", "patrol_id", "payload"], events)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(func.pg_notify(CHANNEL, ""))
    )


def drop_pending_events(patrol_id, event_types):
    """Forget events not yet sent (reminders for a patrol that moved or was cancelled)."""
    db.session.execute(
        delete(OutboxEvent).where(
            OutboxEvent.patrol_id == patrol_id,
            OutboxEvent.event_type.in_(event_types),
            OutboxEvent.processed_at.is_(None),
        )
    )
