"""GET /metrics: only the configured scraper reads it; it counts requests by route rule and
status, reads the workers' queues from the database, and shows the database pool in use."""
from datetime import timedelta

import pytest
from sqlalchemy import delete

from backend import create_app
from backend.config import ConfigError, load_config, sqlalchemy_url
from backend.core.time import utcnow
from backend.extensions import db
from backend.derivation.models import DerivationRequest
from backend.notifications.models import Delivery, DeliveryStatus, OutboxEvent
from backend.reports.models import ExportJob, ExportStatus
from backend.testing.database import TEST_DATABASE_URL
from tests.helpers import assert_problem
from tests.metrics.scrape import TOKEN, requests_counted, samples, value

NOBODY_LISTENS = "postgresql://postgres@127.0.0.1:9/patrol"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


def metrics_client(**settings):
    settings = {"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL), **settings}
    return create_app(settings).test_client()


def from_address(address, **headers):
    return {"environ_base": {"REMOTE_ADDR": address}, "headers": headers}


@pytest.fixture
def scraper(db_session):
    """A client of an app with a metrics token, on the test's rolled-back transaction."""
    return metrics_client(METRICS_TOKEN=TOKEN)


def scrape(client):
    response = client.get("/metrics", headers=BEARER)
    assert response.status_code == 200, response.get_data(as_text=True)
    return samples(response.get_data(as_text=True))


# ------------------------------------------------------------------------ who may read it


def test_without_a_token_or_an_address_list_there_are_no_metrics(client):
    assert_problem(client.get("/metrics"), 404, "NOT_FOUND")
    assert_problem(client.post("/metrics"), 404, "NOT_FOUND")  # not even a 405 gives it away


def test_the_token_opens_the_metrics_and_nothing_else_does(scraper):
    answer = scraper.get("/metrics", headers={"Authorization": f"bearer {TOKEN}"})  # the scheme in any case
    assert answer.status_code == 200
    assert answer.mimetype == "text/plain"
    assert "patrol_http_request_duration_seconds" in answer.get_data(as_text=True)
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Bearer {TOKEN[:-1]}"},
                    {"Authorization": f"Basic {TOKEN}"}):
        assert_problem(scraper.get("/metrics", headers=headers), 403, "METRICS_ACCESS_DENIED")


def test_an_allowed_address_reads_the_metrics_and_others_are_refused(db_session):
    client = metrics_client(METRICS_ALLOW="10.0.0.0/8, 2001:db8::/32 192.0.2.7")
    for allowed in ("10.1.2.3", "192.0.2.7", "2001:db8::5", "::ffff:10.9.9.9"):
        assert client.get("/metrics", **from_address(allowed)).status_code == 200, allowed
    for refused in ("11.1.2.3", "192.0.2.8", "2001:db9::5", "127.0.0.1"):
        assert_problem(client.get("/metrics", **from_address(refused)), 403, "METRICS_ACCESS_DENIED")


def test_behind_a_proxy_the_client_address_is_judged_not_the_proxys(db_session):
    client = metrics_client(METRICS_ALLOW="10.0.0.0/8", PROXY_HOPS=1)
    outsider = from_address("10.0.0.1", **{"X-Forwarded-For": "203.0.113.9"})
    assert_problem(client.get("/metrics", **outsider), 403, "METRICS_ACCESS_DENIED")
    assert client.get("/metrics", **from_address("10.0.0.1", **{"X-Forwarded-For": "10.20.30.40"})).status_code == 200


def test_with_both_set_the_scraper_needs_the_token_and_an_allowed_address(db_session):
    client = metrics_client(METRICS_TOKEN=TOKEN, METRICS_ALLOW="10.0.0.0/8")
    assert client.get("/metrics", **from_address("10.1.1.1", **BEARER)).status_code == 200
    assert_problem(client.get("/metrics", **from_address("10.1.1.1")), 403, "METRICS_ACCESS_DENIED")
    assert_problem(client.get("/metrics", **from_address("172.16.0.1", **BEARER)), 403, "METRICS_ACCESS_DENIED")


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("METRICS_TOKEN", "too-short"),
        ("METRICS_TOKEN", 12345678901234567890123456789012345),  # a number-like token arrives as a number
        ("METRICS_ALLOW", "10.0.0.0/8, not-an-address"),
        ("METRICS_ALLOW", "10.0.0.1/8"),  # host bits set: which network was meant?
    ],
)
def test_a_bad_metrics_setting_stops_the_start(setting, value):
    with pytest.raises(ConfigError, match=f"PATROL_{setting}"):
        load_config({"PATROL_ENV": "testing", setting: value})


# ------------------------------------------------------------------------ requests


def test_each_request_is_counted_under_its_route_rule_and_status(scraper):
    before = scrape(scraper)
    scraper.get("/healthz")
    scraper.get("/healthz")
    scraper.get("/api/v1/patrols/4242")  # no sign-in: 401
    scraper.get("/no/such/page/4242")
    scraper.open("/healthz", method="BREW")  # any invented method is counted as "other"
    after = samples(scraper.get("/metrics", headers=BEARER).get_data(as_text=True))

    def counted(method, route, status):
        return requests_counted(after, method, route, status) - requests_counted(before, method, route, status)

    assert counted("GET", "/healthz", "200") == 2
    assert counted("GET", "/api/v1/patrols/<patrol_id>", "401") == 1
    assert counted("GET", "(no route)", "404") == 1
    assert counted("other", "(no route)", "405") == 1  # a method the rule lacks matches no rule
    # Paths never become labels: they hold ids, secrets and names.
    label_values = {value for _, labels in after for _, value in labels}
    assert not any("4242" in value or "BREW" in value for value in label_values)
    assert value(after, "patrol_http_request_duration_seconds_bucket", method="GET", route="/healthz", status="200", le="+Inf") >= 2


# ------------------------------------------------------------------------ queues


def test_the_outbox_backlog_its_lag_and_the_dead_letters_are_read_from_the_database(scraper, db_session, make_user, home_station):
    person = make_user("volunteer", home_station)
    now = utcnow()
    ten_minutes_ago, an_hour_ahead = now - timedelta(minutes=10), now + timedelta(hours=1)
    events = [
        OutboxEvent(event_type="test", dedupe_key="due-long-ago", available_at=ten_minutes_ago),
        OutboxEvent(event_type="test", dedupe_key="due-just-now", available_at=now - timedelta(seconds=5)),
        OutboxEvent(event_type="test", dedupe_key="reminder-ahead", available_at=an_hour_ahead),
        OutboxEvent(event_type="test", dedupe_key="done", available_at=ten_minutes_ago, processed_at=now),
    ]
    db_session.add_all(events)
    db_session.flush()
    event = events[-1]
    pending, dead, sent = DeliveryStatus.PENDING, DeliveryStatus.DEAD, DeliveryStatus.SENT
    db_session.add_all([
        Delivery(event_id=event.id, user_id=person.id, status=pending, next_attempt_at=now - timedelta(minutes=3)),
        Delivery(event_id=event.id, user_id=person.id, status=pending, attempts=2, next_attempt_at=an_hour_ahead),
        Delivery(event_id=event.id, user_id=person.id, status=dead, attempts=6),
        Delivery(event_id=event.id, user_id=person.id, status=dead, attempts=6),
        Delivery(event_id=event.id, user_id=person.id, status=sent, attempts=1),
    ])
    db_session.commit()

    found = scrape(scraper)
    assert value(found, "patrol_metrics_database_up") == 1
    assert value(found, "patrol_outbox_backlog", stage="fan_out") == 2
    assert value(found, "patrol_outbox_backlog", stage="send") == 1
    # The test's transaction began a moment before the rows were dated: a little less than their age.
    assert 590 < value(found, "patrol_dispatcher_lag_seconds", stage="fan_out") <= 600
    assert 170 < value(found, "patrol_dispatcher_lag_seconds", stage="send") <= 180
    assert value(found, "patrol_notification_retrying") == 1
    assert value(found, "patrol_notification_dead_letters") == 2


def test_an_empty_outbox_shows_no_backlog_and_no_lag(scraper):
    found = scrape(scraper)
    for stage in ("fan_out", "send"):
        assert value(found, "patrol_outbox_backlog", stage=stage) == 0
        assert ("patrol_dispatcher_lag_seconds", frozenset({("stage", stage)})) in found
        assert value(found, "patrol_dispatcher_lag_seconds", stage=stage) == 0
    assert ("patrol_notification_dead_letters", frozenset()) in found


def test_background_exports_waiting_and_running_are_counted(scraper, db_session, make_user, home_station):
    reader = make_user("station_chief", home_station)
    job = {"requested_by_id": reader.id, "report": "attendance", "format": "csv", "filters": {}}
    db_session.add_all([
        ExportJob(**job, status=ExportStatus.QUEUED, created_at=utcnow() - timedelta(minutes=2)),
        ExportJob(**job, status=ExportStatus.QUEUED),
        ExportJob(**job, status=ExportStatus.RUNNING),
        ExportJob(**job, status=ExportStatus.FAILED),
    ])
    db_session.commit()
    found = scrape(scraper)
    assert value(found, "patrol_export_jobs", status="queued") == 2
    assert value(found, "patrol_export_jobs", status="running") == 1
    assert 110 < value(found, "patrol_export_lag_seconds") <= 120


def test_figures_waiting_for_the_derivation_worker_are_counted(scraper, db_session, running_patrol, volunteer, chief):
    db_session.execute(delete(DerivationRequest))  # whatever making the patrol asked for
    db_session.add_all([
        DerivationRequest(patrol_id=running_patrol.id, user_id=volunteer.id, requested_at=utcnow() - timedelta(seconds=30)),
        DerivationRequest(patrol_id=running_patrol.id, user_id=chief.id),
    ])
    db_session.commit()
    found = scrape(scraper)
    assert value(found, "patrol_derivation_backlog") == 2
    assert 25 < value(found, "patrol_derivation_lag_seconds") <= 30


def test_without_its_database_the_scrape_still_answers_with_the_requests():
    client = metrics_client(METRICS_TOKEN=TOKEN, SQLALCHEMY_DATABASE_URI=sqlalchemy_url(NOBODY_LISTENS))
    client.get("/healthz")
    found = scrape(client)
    assert value(found, "patrol_metrics_database_up") == 0
    assert requests_counted(found, "GET", "/healthz", "200") >= 1
    assert ("patrol_outbox_backlog", frozenset({("stage", "send")})) not in found


# ------------------------------------------------------------------------ the database pool


def test_the_pool_gauges_follow_connections_taken_and_given_back(app, scraper):
    before = scrape(scraper)
    assert value(before, "patrol_db_pool_size") >= 5  # every app of this process has its pool
    with app.app_context(), db.engine.connect():
        held = scrape(scraper)
    after = scrape(scraper)
    checked_out = "patrol_db_pool_checked_out"
    assert value(held, checked_out) == value(before, checked_out) + 1
    assert value(after, checked_out) == value(before, checked_out)
    assert value(after, "patrol_db_pool_connections") >= value(after, checked_out) >= 1  # the test's own transaction
