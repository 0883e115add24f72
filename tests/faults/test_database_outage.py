"""The database goes away under load: requests fail fast with 503 and recover by
themselves, and nothing a phone was told is stored gets lost.

Real gunicorn workers serve a database of a private cluster. Phones (threads) send
check-ins and location batches, each with ids of their own, as fast as they are answered.
Mid-load the cluster dies (`pg_ctl stop -m immediate`: a crash, recovered from the
write-ahead log at the next start), stays down while every phone hears from the server,
and comes back. The app is never restarted.
"""
import json
import time

from backend.testing.phones import Phones, build_world, stored_event_ids

PHONES = 6
EXCHANGES_PER_PHASE = 3  # each phone, before, during and after the outage


def assert_service_unavailable(exchange):
    assert exchange.status == 503, (exchange.status, exchange.answer[:300])
    assert exchange.headers["Content-Type"] == "application/problem+json"
    assert json.loads(exchange.answer)["code"] == "SERVICE_UNAVAILABLE"
    assert int(exchange.headers["Retry-After"]) >= 1


def test_the_database_going_away_mid_load(private_cluster, outage_database, outage_app, outage_server):
    patrol_id, tokens = build_world(outage_app, PHONES)
    with Phones(outage_server.port, patrol_id, tokens) as phones:
        phones.wait_until_each(EXCHANGES_PER_PHASE, "acknowledged before the outage", lambda x: x.acknowledged)
        private_cluster.stop("immediate")
        down_at = time.monotonic()
        # Answered while the database is down: nobody waits for it to come back.
        phones.wait_until_each(EXCHANGES_PER_PHASE, "answered during the outage", lambda x: x.started > down_at)
        restarting_at = time.monotonic()
        private_cluster.start()
        up_at = time.monotonic()
        phones.wait_until_each(
            EXCHANGES_PER_PHASE, "acknowledged after the restart", lambda x: x.started > up_at and x.acknowledged
        )

    exchanges = phones.all()
    assert not [x for x in exchanges if down_at < x.started and x.finished < restarting_at and x.acknowledged]
    # All along, around the stop and the restart too, a request either went through or was
    # told to come back later: never a 500, a hang, nor a dropped connection.
    for exchange in exchanges:
        if not exchange.acknowledged:
            assert_service_unavailable(exchange)

    stored = stored_event_ids(outage_database)
    acknowledged = {event_id for x in exchanges if x.acknowledged for event_id in x.event_ids}
    assert acknowledged - set(stored) == set(), "acknowledged with 2xx, then lost"

    # The phones resend what was refused, with the same ids: now everything is stored once.
    resent = phones.resend_refused()
    assert [(x.status, x.answer[:300]) for x in resent if not x.acknowledged] == []
    stored = stored_event_ids(outage_database)
    sent = [event_id for x in exchanges for event_id in x.event_ids]
    assert sorted(stored) == sorted(sent)
