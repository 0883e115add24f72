"""The platform's probes: /healthz while the process answers, /readyz only when the service
can serve, saying which dependency is missing otherwise; neither needs a sign-in."""
import pytest

from backend import create_app
from backend.config import sqlalchemy_url
from backend.testing.database import TEST_DATABASE_URL, recreate_database
from tests.helpers import assert_problem

NOBODY_LISTENS = "postgresql://postgres@127.0.0.1:9/patrol"
NO_REDIS = "redis://127.0.0.1:9/0"


def probe_client(**settings):
    return create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL), **settings}).test_client()


def test_a_migrated_service_is_alive_and_ready(app, client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {"status": "ready", "checks": {"database": "ok", "migrations": "ok", "rate_limit_storage": "ok"}}


def test_without_its_database_the_service_lives_but_is_not_ready():
    client = probe_client(SQLALCHEMY_DATABASE_URI=sqlalchemy_url(NOBODY_LISTENS))
    assert client.get("/healthz").status_code == 200
    body = assert_problem(client.get("/readyz"), 503, "SERVICE_UNAVAILABLE")
    assert body["checks"] == {"database": "unreachable", "migrations": "unreachable", "rate_limit_storage": "ok"}


def test_a_database_not_yet_migrated_is_not_ready(app):
    unmigrated = TEST_DATABASE_URL + "_unmigrated"
    recreate_database(unmigrated)
    response = probe_client(SQLALCHEMY_DATABASE_URI=sqlalchemy_url(unmigrated)).get("/readyz")
    body = assert_problem(response, 503, "SERVICE_UNAVAILABLE")
    assert body["checks"]["migrations"] == "behind" and response.headers["Retry-After"] == "5"


@pytest.fixture
def limiter_restored():
    """The rate limiter is one object shared by every app of the process, and each app made
    gives it that app's storage: the tests' memory storage is put back afterwards."""
    yield
    probe_client()


def test_an_unreachable_rate_limit_store_is_not_ready(app, limiter_restored):
    body = assert_problem(probe_client(RATELIMIT_STORAGE_URI=NO_REDIS).get("/readyz"), 503, "SERVICE_UNAVAILABLE")
    assert body["checks"] == {"database": "ok", "migrations": "ok", "rate_limit_storage": "unreachable"}
