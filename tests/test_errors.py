"""Every failure answers problem+json with a stable code and the request id."""
import psycopg
import pytest
from sqlalchemy import text

from backend import create_app
from backend.config import sqlalchemy_url
from backend.extensions import db
from backend.testing.database import TEST_DATABASE_URL
from tests.helpers import assert_problem


def test_unknown_route_is_a_problem_404(client):
    assert_problem(client.get("/api/v1/no-such-thing"), 404, "NOT_FOUND")


def test_wrong_method_is_a_problem_405_with_allow(client):
    response = client.delete("/api/v1/auth/token")
    assert_problem(response, 405, "METHOD_NOT_ALLOWED")
    assert "POST" in response.headers["Allow"]


def test_malformed_json_is_a_problem_400(client):
    response = client.post("/api/v1/auth/token", data="{not json", content_type="application/json")
    assert_problem(response, 400, "MALFORMED_JSON")


def test_oversized_body_is_a_problem_413(client):
    response = client.post("/api/v1/auth/token", data="x" * (3 * 1024 * 1024), content_type="application/json")
    assert_problem(response, 413, "PAYLOAD_TOO_LARGE")


def test_request_id_is_echoed_or_made(client):
    given = client.get("/api/v1/nowhere", headers={"X-Request-ID": "phone-abc-12345"})
    assert given.headers["X-Request-ID"] == "phone-abc-12345"
    assert given.get_json()["request_id"] == "phone-abc-12345"
    # Anything that could smuggle text into logs is replaced.
    made = client.get("/api/v1/nowhere", headers={"X-Request-ID": "bad id with spaces"})
    assert made.headers["X-Request-ID"] != "bad id with spaces"
    assert len(made.headers["X-Request-ID"]) == 32


@pytest.fixture
def crashing_app():
    app = create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL)})

    @app.get("/api/v1/crash")
    def crash():
        raise RuntimeError("secret detail: SELECT * FROM users")

    return app


def test_unexpected_errors_are_a_problem_500_without_internals(crashing_app):
    response = crashing_app.test_client().get("/api/v1/crash")
    body = assert_problem(response, 500, "INTERNAL_ERROR")
    assert "SELECT" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    assert body["title"] == "Internal Server Error"


def test_a_failure_after_the_view_is_a_problem_500_too(crashing_app):
    @crashing_app.after_request
    def fail_on_the_way_out(response):
        raise RuntimeError("secret detail: SELECT * FROM users")

    response = crashing_app.test_client().get("/api/v1/openapi.json")
    assert_problem(response, 500, "INTERNAL_ERROR")
    assert "SELECT" not in response.get_data(as_text=True)


def test_database_out_of_reach_is_a_problem_503_with_retry_after():
    # Port 9 (discard) has no PostgreSQL: the request must fail fast and say why.
    app = create_app(
        {
            "PATROL_ENV": "testing",
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://postgres@127.0.0.1:9/patrol",
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 2}},
        }
    )
    response = app.test_client().post("/api/v1/auth/token", json={"phone": "010-1234-5678", "password": "whatever-1"})
    assert_problem(response, 503, "SERVICE_UNAVAILABLE")
    assert int(response.headers["Retry-After"]) >= 1


def test_the_database_lost_at_commit_is_a_problem_503_with_retry_after(app):
    # The work is done, then the connection dies before the request's one commit: the
    # caller must hear "retry later" (its retry is idempotent), not an internal error.
    lost_at_commit = create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL)})

    @lost_at_commit.post("/api/v1/work-then-lose-the-database")
    def work_then_lose_the_database():
        backend_pid = db.session.scalar(text("SELECT pg_backend_pid()"))
        with psycopg.connect(TEST_DATABASE_URL, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s, 10000)", [backend_pid])  # waits until it is gone
        return {"done": True}, 201

    response = lost_at_commit.test_client().post("/api/v1/work-then-lose-the-database")
    assert_problem(response, 503, "SERVICE_UNAVAILABLE")
    assert int(response.headers["Retry-After"]) >= 1
