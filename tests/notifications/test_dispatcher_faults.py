"""Dispatchers racing each other, one killed mid-batch, FCM down for minutes: every message
goes, none twice from a finished delivery. These commit for real (no surrounding rollback)
and clean up."""
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from backend.cli.notifications import drain
from backend.extensions import db
from backend.notifications.fcm import FcmSender
from backend.notifications.models import Delivery
from backend.testing.database import TEST_DATABASE_URL
from backend.testing.fake_fcm import FakeFcm

PHONES = 600
TABLES = "notification_deliveries, devices, outbox_events, patrols, group_memberships, volunteer_groups, users, stations"
REPO = Path(__file__).resolve().parents[2]

SETUP = text(f"""
WITH station AS (INSERT INTO stations (code, name) VALUES ('FAULT', '장애 시험 경찰서') RETURNING id),
chief AS (
    INSERT INTO users (name, phone, password_hash, role, station_id)
    SELECT '서장', '+821077000000', 'x', 'station_chief', id FROM station RETURNING id, station_id
),
grp AS (
    INSERT INTO volunteer_groups (name, kind, station_id) SELECT '시험 방범대', 'patrol_association', id FROM station RETURNING id
),
people AS (
    INSERT INTO users (name, phone, password_hash, role, station_id)
    SELECT '대원' || n, '+82107701' || lpad(n::text, 4, '0'), 'x', 'volunteer', (SELECT id FROM station)
    FROM generate_series(1, {PHONES}) n RETURNING id
),
members AS (INSERT INTO group_memberships (group_id, user_id) SELECT (SELECT id FROM grp), id FROM people),
phones AS (INSERT INTO devices (user_id, token, platform) SELECT id, 'fault-token-' || id || '-' || repeat('x', 30), 'android' FROM people),
patrol AS (
    INSERT INTO patrols (station_id, title, starts_at, ends_at, meeting_point, max_volunteers, state, created_by_id)
    SELECT station_id, '장애 시험 순찰', now() + interval '3 days', now() + interval '3 days 2 hours',
           ST_SetSRID(ST_MakePoint(126.95, 37.39), 4326), 10, 'published', id FROM chief RETURNING id
)
INSERT INTO outbox_events (event_type, dedupe_key, patrol_id, payload)
SELECT 'patrol.published', 'patrol.published:fault-' || id, id, jsonb_build_object('group_ids', jsonb_build_array((SELECT id FROM grp)))
FROM patrol
""")


@pytest.fixture
def committed_event(app):
    with app.app_context():
        db.session.execute(SETUP)
        db.session.commit()
        yield
        db.session.remove()
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))


@pytest.fixture
def fake(tmp_path):
    with FakeFcm() as server:
        server.credentials = server.write_service_account(tmp_path / "firebase.json")
        yield server


def dispatcher_environment(fake, **settings):
    """`flask notifications dispatch` on the test database, sending to the fake."""
    return {
        **os.environ,
        "DATABASE_URL": TEST_DATABASE_URL,
        "PATROL_ENV": "testing",
        "PATROL_FIREBASE_CREDENTIALS": str(fake.credentials),
        "PATROL_FCM_URL": fake.url,
        **settings,
    }


def delivery_counts(app):
    with app.app_context():
        rows = db.session.execute(select(Delivery.status, func.count()).group_by(Delivery.status)).all()
        db.session.remove()
        return {str(status): count for status, count in rows}


def test_two_dispatchers_racing_send_each_message_once(app, committed_event, fake):
    start_together = threading.Barrier(2)
    errors = []

    def dispatcher():
        sender = FcmSender(fake.credentials, fcm_url=fake.url)
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
    tokens = [body["message"]["token"] for body in fake.sent]
    assert len(tokens) == PHONES and len(set(tokens)) == PHONES
    assert delivery_counts(app) == {"sent": PHONES}


def test_a_dispatcher_killed_mid_batch_loses_nothing(app, committed_event, fake):
    fake.delay_s = 0.3  # each send takes a while: the kill lands inside a batch
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "notifications", "dispatch"],
        cwd=REPO, env=dispatcher_environment(fake), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(fake.sent) < 100 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(fake.sent) >= 100, "the dispatcher never started sending"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    received_before_restart = len(fake.sent)
    assert received_before_restart < PHONES  # it really died mid-way
    assert delivery_counts(app).get("sent", 0) < PHONES

    fake.delay_s = 0.0
    sender = FcmSender(fake.credentials, fcm_url=fake.url)
    try:
        with app.app_context():
            drain(sender)
            db.session.remove()
    finally:
        sender.close()

    assert delivery_counts(app) == {"sent": PHONES}
    tokens = [body["message"]["token"] for body in fake.sent]
    assert len(set(tokens)) == PHONES  # every phone, at least once
    # At least once: only the messages of the interrupted batch may have gone twice.
    assert len(tokens) - PHONES <= 500
    message_ids = {body["message"]["data"]["message_id"] for body in fake.sent}
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


def test_fcm_down_for_minutes_loses_nothing_and_everything_goes_once_it_is_back(app, committed_event, fake):
    fake.fail_all("UNAVAILABLE")  # first FCM answers 503 to every send ...
    settings = {"PATROL_PUSH_RETRY_BASE_SECONDS": str(RETRY_BASE_S)}
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "notifications", "dispatch", "--idle-seconds", "0.1"],
        cwd=REPO, env=dispatcher_environment(fake, **settings), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_deliveries(app, "tried", lambda counts, fewest: sum(counts.values()) == PHONES and fewest >= 1)
        time.sleep(OUTAGE_BASES / 2 * RETRY_BASE_S)
        fake.stop()  # ... then refuses connections
        time.sleep(OUTAGE_BASES / 2 * RETRY_BASE_S)
        at_the_end_of_the_outage = delivery_counts(app), fewest_attempts(app)
        fake.recover()
        fake.start()
        wait_for_deliveries(app, "all sent", lambda counts, _: counts == {"sent": PHONES})
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)

    # The outbox kept every message, and kept trying each of them.
    assert at_the_end_of_the_outage[0] == {"pending": PHONES} and at_the_end_of_the_outage[1] >= 2
    assert Counter(Counter(fake.delivered).values()) == {1: PHONES}  # then every phone got it once
