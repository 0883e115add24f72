"""What every answer carries for safety, and what the logs may and may not hold."""
import json
import logging

import pytest
import sqlalchemy
from flask import g

from backend.core.request_log import access_log, json_log_handler
from backend.testing.fixtures.app import PASSWORD


def test_answers_carry_security_headers(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    # Plain HTTP (as between the proxy and the app) gets no HSTS; HTTPS does.
    assert "Strict-Transport-Security" not in response.headers
    secure = client.get("/api/v1/openapi.json", base_url="https://patrol.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_errors_carry_them_too(client):
    response = client.get("/api/v1/patrols")
    assert response.status_code == 401
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_access_line_names_the_route_not_the_secret_path(client, caplog):
    caplog.set_level(logging.INFO, logger=access_log.name)
    client.get("/api/v1/calendar/s3cret-feed-token.ics?from=2026-01-01", headers={"X-Request-ID": "req-12345678"})
    [line] = [record for record in caplog.records if record.name == access_log.name]
    assert line.route == "/api/v1/calendar/<token>.ics"
    assert line.method == "GET"
    assert line.status == 422  # the feed reads no query parameter
    assert line.request_id == "req-12345678"
    assert line.duration_ms >= 0
    assert "s3cret" not in caplog.text


def test_a_sign_in_logs_neither_password_nor_tokens(client, volunteer, caplog):
    caplog.set_level(logging.DEBUG)
    answer = client.post("/api/v1/auth/token", json={"phone": "010-1234-5678", "password": PASSWORD})
    assert answer.status_code == 200
    logged = caplog.text + " ".join(json.dumps(vars(record), default=str) for record in caplog.records)
    assert PASSWORD not in logged
    assert answer.get_json()["access_token"] not in logged
    assert answer.get_json()["refresh_token"] not in logged


def test_log_lines_are_json_with_the_request_id(app):
    with app.test_request_context("/api/v1/me"):
        g.request_id = "req-abcdefgh"
        record = logging.getLogger("backend.test").makeRecord(
            "backend.test", logging.WARNING, __file__, 1, "database unavailable", (), None
        )
    line = json.loads(json_log_handler().format(record))
    assert line["level"] == "WARNING"
    assert line["message"] == "database unavailable"
    assert line["request_id"] == "req-abcdefgh"


def test_sql_errors_hide_their_values(db_session):
    # An error's text lands in logs; the values bound to it may be hashes or phone numbers.
    with pytest.raises(sqlalchemy.exc.DataError) as failure:
        db_session.execute(sqlalchemy.text("SELECT 1 / :divisor + length(:phone)"), {"divisor": 0, "phone": "+821099998888"})
    assert "+821099998888" not in str(failure.value)
    assert "SELECT 1 /" in str(failure.value)


def test_file_downloads_carry_them_too(client, make_user, home_station, auth_headers):
    chief = make_user("station_chief", home_station)
    url = "/api/v1/reports/attendance?from=2026-11-01&to=2026-11-30&format=csv"
    response = client.get(url, headers=auth_headers(chief))
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"


def test_a_csv_download_names_its_charset_once(client, make_user, home_station, auth_headers):
    chief = make_user("station_chief", home_station)
    url = "/api/v1/reports/attendance?from=2026-11-01&to=2026-11-30&format=csv"
    response = client.get(url, headers=auth_headers(chief))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
