"""Dispatchers racing each other, one killed mid-batch, FCM down for minutes: every message
goes, none twice from a finished delivery. These commit for real (no surrounding rollback)
and clean up."""
import signal
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from backend.cli.notifications import drain
from backend.extensions import db
from backend.notifications.fcm import FcmSender
from backend.notifications.models import Delivery
from backend.notifications.outbox import record_event
from backend.testing.fixtures.notifications import start_dispatcher

PHONES = 600


@pytest.fixture
def committed_event(committed_world):
    patrol_id, group_id = committed_world(PHONES)
    record_event("patrol.published", f"fault-{patrol_id}", patrol_id=patrol_id, payload={"group_ids": [group_id]})
    db.session.commit()


def delivery_counts(app):
    with app.app_context():
        rows = db.session.execute(select(Delivery.status, func.count()).group_by(Delivery.status)).all()
        db.session.remove()
        return {str(status): count for status, count in rows}


def test_two_dispatchers_racing_send_each_message_once(app, committed_event, process_fcm):
    start_together = threading.Barrier(2)
    errors = []

    def dispatcher():
        sender = FcmSender(process_fcm.credentials, fcm_url=process_fcm.url)
        try:
            with app.app_context():
                start_together.wait()
                drain(sender)
                db.session.remove()
        except Exception as error:  # surfaced below: a thread's exception would be lost
            errors.append(error)
        finally:
            sender.close()

    threads = [threading.Thread(target=dispatcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    tokens = [body["message"]["token"] for body in process_fcm.sent]
    assert len(tokens) == PHONES and len(set(tokens)) == PHONES
    assert delivery_counts(app) == {"sent": PHONES}


def test_a_dispatcher_killed_mid_batch_loses_nothing(app, committed_event, process_fcm):
    process_fcm.delay_s = 0.3  # each send takes a while: the kill lands inside a batch
    process = start_dispatcher(process_fcm)
    try:
        deadline = time.monotonic() + 60
        while len(process_fcm.sent) < 100 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(process_fcm.sent) >= 100, "the dispatcher never started sending"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    received_before_restart = len(process_fcm.sent)
    assert received_before_restart < PHONES  # it really died mid-way
    assert delivery_counts(app).get("sent", 0) < PHONES

    process_fcm.delay_s = 0.0
    sender = FcmSender(process_fcm.credentials, fcm_url=process_fcm.url)
    try:
        with app.app_context():
            drain(sender)
            db.session.remove()
    finally:
        sender.close()

    assert delivery_counts(app) == {"sent": PHONES}
    tokens = [body["message"]["token"] for body in process_fcm.sent]
    assert len(set(tokens)) == PHONES  # every phone, at least once
    # At least once: only the messages of the interrupted batch may have gone twice.
    assert len(tokens) - PHONES <= 500
    message_ids = {body["message"]["data"]["message_id"] for body in process_fcm.sent}
    assert len(message_ids) == PHONES  # a duplicate carries the same id, for the app to drop


# Time runs 50 times faster than in production (PATROL_PUSH_RETRY_BASE_SECONDS, 30 s there).
RETRY_BASE_S = 0.6
# FCM stays down for 8 retry bases (4 minutes in production) after every message's first
# attempt. A message is dead-lettered when its sixth attempt fails, at the soonest 15.5 bases
# after its first (retries wait 1, 2, 4, 8 and 16 bases, each cut by up to half by jitter):
# the margin covers the dispatcher's and this test's own delays on a busy machine.
OUTAGE_BASES = 8


def fewest_attempts(app):
    with app.app_context():
        fewest = db.session.scalar(select(func.min(Delivery.attempts)))
        db.session.remove()
        return fewest


def wait_for_deliveries(app, description, condition, timeout_s=90):
    """Until condition(counts by status, fewest attempts of any delivery) holds."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        counts = delivery_counts(app)
        assert "dead" not in counts, f"dead-lettered: {counts}"
        if condition(counts, fewest_attempts(app)):
            return
        time.sleep(0.1)
    raise AssertionError(f"deliveries never {description}: {counts}")


def test_fcm_down_for_minutes_loses_nothing_and_everything_goes_once_it_is_back(app, committed_event, process_fcm):
    process_fcm.fail_all("UNAVAILABLE")  # first FCM answers 503 to every send ...
    settings = {"PATROL_PUSH_RETRY_BASE_SECONDS": str(RETRY_BASE_S)}
    process = start_dispatcher(process_fcm, "--idle-seconds", "0.1", **settings)
    try:
        wait_for_deliveries(app, "tried", lambda counts, fewest: sum(counts.values()) == PHONES and fewest >= 1)
        time.sleep(OUTAGE_BASES / 2 * RETRY_BASE_S)
        process_fcm.stop()  # ... then refuses connections
        time.sleep(OUTAGE_BASES / 2 * RETRY_BASE_S)
        at_the_end_of_the_outage = delivery_counts(app), fewest_attempts(app)
        process_fcm.recover()
        process_fcm.start()
        wait_for_deliveries(app, "all sent", lambda counts, _: counts == {"sent": PHONES})
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)

    # The outbox kept every message, and kept trying each of them.
    assert at_the_end_of_the_outage[0] == {"pending": PHONES} and at_the_end_of_the_outage[1] >= 2
    assert Counter(Counter(process_fcm.delivered).values()) == {1: PHONES}  # then every phone got it once
