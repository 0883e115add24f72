"""A request whose database statement runs past its limit is cut off and answered 503
QUERY_TIMEOUT (reports and imports have a limit of their own); nothing is left half done."""
from contextlib import contextmanager

import psycopg

from backend.testing.database import TEST_DATABASE_URL
from tests.helpers import assert_problem

LIMIT_MS = 200
NO_LIMIT_MS = 600_000


def signed_in(client, headers):
    """A first request: the app's session begins inside each request, where the limit is set,
    but the fixtures' reads began this test's session outside one."""
    assert client.get("/api/v1/me", headers=headers).status_code == 200


@contextmanager
def patrols_locked():
    """Another session holding the patrols table, as a long migration or a stuck job would:
    every statement reading it waits."""
    with psycopg.connect(TEST_DATABASE_URL) as other:
        other.execute("LOCK TABLE patrols IN ACCESS EXCLUSIVE MODE")
        yield
        other.rollback()


def test_a_statement_past_the_limit_answers_503_and_the_next_request_is_served(app, client, volunteer, auth_headers, monkeypatch):
    monkeypatch.setitem(app.config, "STATEMENT_TIMEOUT_MS", LIMIT_MS)
    headers = auth_headers(volunteer)
    signed_in(client, headers)
    with patrols_locked():
        response = client.get("/api/v1/me/patrols", headers=headers)
    body = assert_problem(response, 503, "QUERY_TIMEOUT")
    assert response.headers["Retry-After"] == "5" and "다시 시도" in body["detail"]
    assert client.get("/api/v1/me/patrols", headers=headers).status_code == 200


def test_reports_have_their_own_limit(app, client, chief, auth_headers, monkeypatch):
    monkeypatch.setitem(app.config, "STATEMENT_TIMEOUT_MS", NO_LIMIT_MS)
    monkeypatch.setitem(app.config, "LONG_STATEMENT_TIMEOUT_MS", LIMIT_MS)
    headers = auth_headers(chief)
    signed_in(client, headers)
    with patrols_locked():
        response = client.get("/api/v1/reports/attendance.csv?from=2026-11-01&to=2026-11-30", headers=headers)
    assert_problem(response, 503, "QUERY_TIMEOUT")
