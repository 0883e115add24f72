import logging
import time
from datetime import datetime, timedelta

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import OperationalError

from backend.core.time import SEOUL
from backend.extensions import db
from backend.notifications.dispatcher import fan_out_due_events, prune_idle_devices, send_due_deliveries
from backend.notifications.fcm import DevelopmentSender, FcmSender
from backend.notifications.wakeup import OutboxListener
from backend.testing.fake_fcm import FakeFcm

notifications_cli = AppGroup("notifications", help="Push notifications.")
PRUNE_EVERY_SECONDS = 3600
log = logging.getLogger(__name__)


def push_sender(app):
    """The real SDK when credentials are configured; otherwise (never in production, which
    refuses to start without them) a development sender that only logs."""
    if app.config["FIREBASE_CREDENTIALS"]:
        return FcmSender(app.config["FIREBASE_CREDENTIALS"], fcm_url=app.config["FCM_URL"])
    return DevelopmentSender()


def drain(sender):
    """Fan out and send until nothing is due. Each step is its own transaction, so the rows
    a step claimed are released (sent or not) before the next one starts."""
    retry_base = timedelta(seconds=current_app.config["PUSH_RETRY_BASE_SECONDS"])
    events = deliveries = 0
    while True:
        fanned = fan_out_due_events()
        db.session.commit()
        taken = send_due_deliveries(sender, retry_base=retry_base)
        db.session.commit()
        events, deliveries = events + fanned, deliveries + taken
        if not fanned and not taken:
            return events, deliveries


@notifications_cli.command("dispatch")
@click.option("--once", is_flag=True, help="Send what is due now, then exit.")
@click.option("--idle-seconds", type=float, default=2.0, show_default=True,
              help="When nothing is due, look again after this long at the latest; a new event's commit wakes it sooner.")
def dispatch(once, idle_seconds):
    """Send due notifications through FCM; run several at once if you like."""
    sender = push_sender(current_app)
    listener = OutboxListener()
    next_prune = 0.0
    try:
        while True:
            try:
                if time.monotonic() >= next_prune:  # hourly housekeeping, as FCM does its own
                    prune_idle_devices()
                    db.session.commit()
                    next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
                events, deliveries = drain(sender)
            except OperationalError as error:
                if once:
                    raise
                # The database failed the round (a restart, say): the rows it claimed went back
                # with its transaction, and a round after the pause takes them again.
                db.session.rollback()
                log.warning("dispatching failed, trying again after the pause: %s", error)
                events = deliveries = 0
            if once:
                click.echo(f"fanned out {events} events, handled {deliveries} deliveries")
                return
            # After work, only take the wake-ups that came meanwhile (the next round, at once,
            # covers their events), so that they neither pile up nor cost a round each later.
            listener.wait(0 if events or deliveries else idle_seconds)
    finally:
        listener.close()
        sender.close()


@notifications_cli.command("fake-fcm")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--credentials", type=click.Path(dir_okay=False), required=True,
              help="Where to write the service-account file that points the SDK at this fake")
def fake_fcm(port, credentials):
    """A stand-in for FCM on 127.0.0.1, for the demo and development without Firebase: the
    dispatcher's real SDK sends to it (PATROL_FCM_URL), and it prints what each phone would show."""
    fake = FakeFcm(port).start()
    fake.write_service_account(credentials, project_id="patrol-demo")
    click.echo(f"fake FCM listening on {fake.url}; credentials in {credentials}")
    shown = 0
    try:
        while True:
            received = fake.sent
            for body in received[shown:]:
                message = body["message"]
                title = message.get("notification", {}).get("title")
                click.echo(f"{datetime.now(SEOUL):%H:%M:%S.%f}"[:-3] + f" push to {message.get('token', '')[:20]}: "
                           f"{message.get('data', {}).get('type')} {title!r}")
            shown = len(received)
            time.sleep(0.05)
    except KeyboardInterrupt:
        fake.stop()


@notifications_cli.command("prune-devices")
def prune_devices():
    """Forget devices idle for 270 days, as FCM does."""
    count = prune_idle_devices()
    db.session.commit()
    click.echo(f"forgot {count} idle devices")
