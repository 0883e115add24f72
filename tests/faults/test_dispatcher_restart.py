"""The database restarts under a dispatcher: it waits the outage out, listens again, and
sends what is committed afterwards, never giving up. Its own cluster, as the outage of
test_database_outage.py."""
import signal
import time

from backend.extensions import db
from backend.notifications.outbox import record_event
from backend.testing.fixtures.notifications import commit_world, dispatcher_is_idle, start_dispatcher, wait_until

PHONES = 2
IDLE_SECONDS = 0.5  # its poll, which also paces its attempts while the database is down
OUTAGE_S = 3  # a few of those
WAIT_S = 60  # for the restarted server and a dispatcher on a busy machine


def test_a_dispatcher_outlives_a_database_restart(private_cluster, outage_database, outage_app, process_fcm):
    with outage_app.app_context():
        patrol_id, group_id = commit_world(PHONES)
        db.session.remove()
    process = start_dispatcher(process_fcm, "--idle-seconds", str(IDLE_SECONDS), database_url=outage_database)
    try:
        wait_until("idle and listening", lambda: dispatcher_is_idle(outage_app), WAIT_S)
        private_cluster.stop("immediate")
        time.sleep(OUTAGE_S)  # the dispatcher goes round a few times meanwhile
        private_cluster.start()
        wait_until("listening again", lambda: dispatcher_is_idle(outage_app), WAIT_S)

        with outage_app.app_context():
            record_event("patrol.published", "after-the-restart", patrol_id=patrol_id, payload={"group_ids": [group_id]})
            db.session.commit()
            db.session.remove()

        wait_until("sent", lambda: len(process_fcm.sent) == PHONES, WAIT_S)
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
