"""Devices, push preferences, station broadcasts and the dead-letter queue."""
import uuid

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from backend.core.pagination import paginate
from backend.core.time import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.notifications.models import Delivery, DeliveryStatus, Device
from backend.notifications.outbox import record_event
from backend.patrols.policies import is_manager
from backend.patrols.services import get_patrol


def register_device(user, data):
    """Register or refresh a token. A token last used by someone else now belongs to `user`
    (the phone changed hands or accounts). Returns (device, is_new)."""
    device = db.session.scalar(select(Device).where(Device.token == data["token"]))
    is_new = device is None
    if is_new:
        device = Device(token=data["token"])
        db.session.add(device)
    device.user_id = user.id
    device.platform = data["platform"]
    device.app_version = data["app_version"]
    device.locale = data["locale"]
    device.last_seen_at = utcnow()
    db.session.flush()
    return device, is_new


def list_devices(user, pagination):
    return paginate(select(Device).where(Device.user_id == user.id).order_by(Device.id), pagination)


def forget_device(user, token):
    device = db.session.scalar(select(Device).where(Device.token == token, Device.user_id == user.id))
    if device is None:
        raise AppError("NOT_FOUND")
    db.session.delete(device)
    db.session.flush()


def update_preferences(user, changes):
    for name, value in changes.items():
        setattr(user, name, value)
    db.session.flush()
    return user


def broadcast(actor, patrol_id, title, body):
    """A message from the station to everyone on the patrol, sent through the outbox."""
    patrol = get_patrol(actor, patrol_id)
    is_officer_on_it = any(p.user_id == actor.id for p in patrol.officers)
    if not (is_manager(actor) or is_officer_on_it):
        raise AppError("FORBIDDEN")
    # A draft has nobody told of it yet, and a finished patrol nobody left to tell.
    if patrol.status in ("draft", "completed"):
        raise AppError("PATROL_NOT_BROADCASTABLE")
    # Every broadcast is its own cause: two identical texts are two messages.
    record_event(
        "patrol.broadcast", uuid.uuid4().hex, patrol_id=patrol.id, payload={"title": title, "body": body, "sender_id": actor.id}
    )
    db.session.flush()
    return {"status": "queued"}


def list_deliveries(status, pagination):
    statement = (
        select(Delivery).where(Delivery.status == status.value).options(selectinload(Delivery.event)).order_by(Delivery.id.desc())
    )
    return paginate(statement, pagination)


def requeue(delivery_id):
    delivery = db.session.get(Delivery, delivery_id)
    if delivery is None:
        raise AppError("NOT_FOUND")
    if delivery.status != DeliveryStatus.DEAD:
        raise AppError("DELIVERY_NOT_DEAD")
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.last_error = None
    delivery.next_attempt_at = utcnow()
    db.session.flush()
    return delivery
