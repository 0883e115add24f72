"""`flask --app wsgi seed sos-drill`: the demo volunteer presses SOS on the live demo patrol,
through the API as the app would, and the drill shows when each push was in FCM's hands.

It needs the dispatcher running (scripts/run.sh starts it) to send anything; it only watches.
"""
import json
import logging
import time
import uuid

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from backend.cli.seed import LIVE_CHIEF, LIVE_OFFICER, SEED_DIR, prepare_live_patrol, walking_position
from backend.core.time import utcnow
from backend.extensions import db
from backend.notifications.models import Delivery, DeliveryStatus, OutboxEvent
from backend.notifications.outbox import dedupe_key
from backend.sos.escalation import ESCALATED
from backend.users.models import User

RAISER = "010-0000-0006"  # 한지우, a volunteer of the live patrol
API = "/api/v1"


@click.command("sos-drill")
@with_appcontext
@click.option("--wait", type=click.FloatRange(min=0), default=90.0, show_default=True,
              help="Seconds to watch the pushes go out, escalation included (0: press and exit).")
def sos_drill(wait):
    """The demo volunteer's SOS on the live demo patrol: who is told, and how soon."""
    logging.getLogger("backend.access").setLevel(logging.WARNING)  # the drill's own requests: not news
    patrol, _ = prepare_live_patrol()
    db.session.commit()
    api = DemoPhones(current_app.test_client())
    for phone in (LIVE_OFFICER, LIVE_CHIEF):
        api.call(phone, "POST", "/devices", {"token": demo_token(phone), "platform": "android", "locale": "ko"})
    for status in ("open", "acknowledged"):
        for running in api.call(RAISER, "GET", "/sos", query={"status": status}):
            api.call(RAISER, "POST", f"/sos/{running['id']}/cancel")  # an earlier drill's alert
    lon, lat = walking_position(1, time.time())
    pressed = utcnow()
    alert = api.call(RAISER, "POST", "/sos", {
        "patrol_id": patrol.id, "lat": lat, "lon": lon, "accuracy_m": 8.0, "recorded_at": pressed.isoformat(),
        "client_event_id": str(uuid.uuid4()), "kind": "sos", "note": "시연: 골목에서 따라오는 사람이 있어요",
    })
    answered = utcnow()
    click.echo(f"SOS #{alert['id']} raised by 한지우 on patrol {patrol.id}: {alert['recipients']} people alerted at once")
    click.echo("open the console as 박정훈 (010-0000-0002): every page shows the banner until someone acknowledges")
    watch(alert["id"], answered, wait)


class DemoPhones:
    """The demo people's phones: signed in once each, calling the API in this process."""

    def __init__(self, client):
        self.client = client
        self.tokens = {}
        self.password = json.loads((SEED_DIR / "demo.json").read_text(encoding="utf-8"))["demo_password"]

    def call(self, phone, method, path, body=None, query=None):
        if phone not in self.tokens:
            signed_in = self._checked(self.client.post(f"{API}/auth/token", json={"phone": phone, "password": self.password}))
            self.tokens[phone] = signed_in["access_token"]
        response = self.client.open(f"{API}{path}", method=method, json=body, query_string=query,
                                    headers={"Authorization": f"Bearer {self.tokens[phone]}"})
        return self._checked(response)

    @staticmethod
    def _checked(response):
        if response.status_code >= 400:
            raise click.ClickException(f"{response.status_code}: {response.get_json()}")
        return response.get_json()


def demo_token(phone):
    """The demo phones' FCM registration tokens: made up, long enough to be taken."""
    return f"demo-{phone}-registration-token"


def watch(alert_id, answered, wait):
    """Print each push of the alert once it is sent, timed from the SOS's answer, until a
    second after its escalation began to go out, or `wait` seconds have passed."""
    keys = [dedupe_key(event_type, alert_id) for event_type in ("sos.raised", ESCALATED)]
    shown = set()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        db.session.rollback()  # a fresh snapshot each look
        sent = db.session.execute(
            select(Delivery.id, Delivery.sent_at, OutboxEvent.event_type, User.name)
            .join(OutboxEvent, OutboxEvent.id == Delivery.event_id)
            .join(User, User.id == Delivery.user_id)
            .where(OutboxEvent.dedupe_key.in_(keys), Delivery.status == DeliveryStatus.SENT.value)
            .order_by(Delivery.sent_at)
        ).all()
        for delivery_id, sent_at, event_type, name in sent:
            if delivery_id not in shown:
                shown.add(delivery_id)
                click.echo(f"  {(sent_at - answered).total_seconds():6.2f} s  {event_type} → {name}")
        if any(event_type == ESCALATED for *_, event_type, _ in sent):
            deadline = min(deadline, time.monotonic() + 1)
        time.sleep(0.1)
