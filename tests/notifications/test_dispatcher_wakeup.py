"""A dispatcher with nothing to do sends an event as soon as its transaction commits, not at
its next poll; an event rolled back wakes nobody. A real dispatcher process polls only once a
minute here, so a message that arrives within seconds came by the wake-up. These commit for
real (no surrounding rollback) and clean up."""
import signal

import psycopg
import pytest
from sqlalchemy import text

from backend.extensions import db
from backend.notifications.outbox import record_event
from backend.testing.database import TEST_DATABASE_URL
from backend.testing.fixtures.notifications import (
    LISTEN,
    dispatcher_is_idle,
    dispatcher_listeners,
    start_dispatcher,
    wait_until,
)

IDLE_SECONDS = 60  # the poll: far later than any wait below
WAIT_S = 15  # for what a wake-up brings, long enough for a busy machine
PHONES = 2


@pytest.fixture
def world(committed_world):
    return committed_world(PHONES)


@pytest.fixture
def idle_dispatcher(app, world, process_fcm):
    """A dispatcher process, returned once it listens and has nothing left to do."""
    process = start_dispatcher(process_fcm, "--idle-seconds", str(IDLE_SECONDS))
    try:
        wait_until("idle and listening", lambda: dispatcher_is_idle(app), timeout_s=60)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture
def channel():
    """A session of the test's own listening for outbox events."""
    with psycopg.connect(TEST_DATABASE_URL, autocommit=True) as connection:
        connection.execute(LISTEN)
        yield connection


def publish(app, world, cause, *, commit=True):
    patrol_id, group_id = world
    with app.app_context():
        record_event("patrol.published", cause, patrol_id=patrol_id, payload={"group_ids": [group_id]})
        if commit:
            db.session.commit()
        else:
            db.session.rollback()
        db.session.remove()


def test_an_event_committed_while_it_idles_is_sent_at_once(app, world, process_fcm, idle_dispatcher):
    publish(app, world, "wakeup")

    wait_until("sent by a wake-up", lambda: len(process_fcm.sent) == PHONES, WAIT_S)
    assert idle_dispatcher.poll() is None


def test_an_event_rolled_back_wakes_nobody_and_sends_nothing(app, world, process_fcm, idle_dispatcher, channel):
    publish(app, world, "rolled-back", commit=False)
    publish(app, world, "committed")

    wait_until("sent the committed event", lambda: len(process_fcm.sent) == PHONES, WAIT_S)
    # Had the rolled-back event notified, that would have arrived first.
    assert len(list(channel.notifies(timeout=0))) == 1
    assert len(process_fcm.sent) == PHONES


def test_a_listening_connection_cut_is_opened_again_at_once(app, world, process_fcm, idle_dispatcher):
    (cut,) = dispatcher_listeners(app)
    with app.app_context():
        db.session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": cut})
        db.session.remove()
    wait_until("listening again", lambda: cut not in dispatcher_listeners(app) and dispatcher_is_idle(app), WAIT_S)

    publish(app, world, "after-the-cut")

    wait_until("sent by a wake-up", lambda: len(process_fcm.sent) == PHONES, WAIT_S)
    assert idle_dispatcher.poll() is None
