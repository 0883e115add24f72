"""Browsers keep the refresh token in an HttpOnly cookie (refresh_token_in=cookie), out of
reach of scripts, and prove each refresh by cookie came from the console itself (X-CSRF-TOKEN)."""

from backend.testing.fixtures.app import PASSWORD
from tests.helpers import assert_problem
from backend.testing.fixtures.auth import bearer, let_rotation_grace_pass

REFRESH = "/api/v1/auth/refresh"
COOKIE = "patrol_refresh_token"
CSRF_COOKIE = "patrol_refresh_csrf"


def sign_in_for_cookie(client):
    return client.post(
        "/api/v1/auth/token",
        json={"phone": "010-1234-5678", "password": PASSWORD, "refresh_token_in": "cookie"},
    )


def set_cookies(response):
    """name -> the Set-Cookie header that sets it."""
    return {header.split("=", 1)[0]: header for header in response.headers.getlist("Set-Cookie")}


def csrf(client):
    return {"X-CSRF-TOKEN": client.get_cookie(CSRF_COOKIE, path="/").value}


def test_cookie_mode_keeps_the_refresh_token_out_of_the_body_and_out_of_reach_of_scripts(client, volunteer):
    response = sign_in_for_cookie(client)
    assert response.status_code == 200
    body = response.get_json()
    assert body["refresh_token"] is None
    assert client.get("/api/v1/me", headers=bearer(body["access_token"])).status_code == 200
    cookies = set_cookies(response)
    attributes = [part.strip() for part in cookies[COOKIE].split(";")]
    assert {"HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth"} <= set(attributes)
    # The double-submit value is readable by the console's script, and by nothing cross-site.
    readable = [part.strip() for part in cookies[CSRF_COOKIE].split(";")]
    assert "HttpOnly" not in readable
    assert {"Secure", "SameSite=Strict", "Path=/"} <= set(readable)
    assert client.get_cookie(COOKIE, path="/api/v1/auth") is not None
    assert client.get_cookie(COOKIE, path="/api/v1/me") is None  # scoped to the auth paths


def test_refresh_by_cookie_rotates_the_cookie(client, volunteer):
    sign_in_for_cookie(client)
    first = client.get_cookie(COOKIE, path="/api/v1/auth").value
    refreshed = client.post(REFRESH, headers=csrf(client))
    assert refreshed.status_code == 200
    assert refreshed.get_json()["refresh_token"] is None
    assert client.get("/api/v1/me", headers=bearer(refreshed.get_json()["access_token"])).status_code == 200
    second = client.get_cookie(COOKIE, path="/api/v1/auth").value
    assert second != first
    assert client.post(REFRESH, headers=csrf(client)).status_code == 200


def test_a_reused_refresh_cookie_ends_the_session(client, volunteer, db_session):
    signed_in = sign_in_for_cookie(client)
    access_token = signed_in.get_json()["access_token"]
    stolen = client.get_cookie(COOKIE, path="/api/v1/auth").value
    stolen_csrf = csrf(client)
    assert client.post(REFRESH, headers=stolen_csrf).status_code == 200
    let_rotation_grace_pass(db_session)
    current = client.get_cookie(COOKIE, path="/api/v1/auth").value
    client.set_cookie(COOKIE, stolen, path="/api/v1/auth")
    assert_problem(client.post(REFRESH, headers=stolen_csrf), 401, "TOKEN_REVOKED")
    client.set_cookie(COOKIE, current, path="/api/v1/auth")
    assert_problem(client.post(REFRESH, headers=csrf(client)), 401, "TOKEN_REVOKED")
    assert_problem(client.get("/api/v1/me", headers=bearer(access_token)), 401, "TOKEN_REVOKED")


def test_refresh_by_cookie_needs_the_csrf_header(client, volunteer):
    sign_in_for_cookie(client)
    assert_problem(client.post(REFRESH), 403, "CSRF_CHECK_FAILED")
    assert_problem(client.post(REFRESH, headers={"X-CSRF-TOKEN": "guessed"}), 403, "CSRF_CHECK_FAILED")
    # The refusals used nothing up: the cookie still refreshes once the header is right.
    assert client.post(REFRESH, headers=csrf(client)).status_code == 200


def test_bearer_mode_is_unchanged(client, volunteer):
    signed_in = client.post("/api/v1/auth/token", json={"phone": "010-1234-5678", "password": PASSWORD})
    assert "Set-Cookie" not in signed_in.headers
    refresh_token = signed_in.get_json()["refresh_token"]
    refreshed = client.post(REFRESH, headers=bearer(refresh_token))
    assert refreshed.status_code == 200
    assert refreshed.get_json()["refresh_token"] != refresh_token
    assert "Set-Cookie" not in refreshed.headers
    # Without a cookie there is nothing to forge, so no CSRF header is asked of apps.
    assert_problem(client.post(REFRESH), 401, "UNAUTHORIZED")


def test_refresh_token_in_takes_body_or_cookie_only(client, volunteer):
    refused = client.post(
        "/api/v1/auth/token",
        json={"phone": "010-1234-5678", "password": PASSWORD, "refresh_token_in": "localStorage"},
    )
    assert "refresh_token_in" in assert_problem(refused, 422, "VALIDATION_ERROR")["errors"]


def test_logout_clears_the_refresh_cookie(client, volunteer):
    access_token = sign_in_for_cookie(client).get_json()["access_token"]
    logged_out = client.post("/api/v1/auth/logout", headers=bearer(access_token))
    assert logged_out.status_code == 204
    cleared = set_cookies(logged_out)
    assert "Expires=Thu, 01 Jan 1970" in cleared[COOKIE] and "Path=/api/v1/auth" in cleared[COOKIE]
    assert "Expires=Thu, 01 Jan 1970" in cleared[CSRF_COOKIE] and "Path=/" in cleared[CSRF_COOKIE]
    assert client.get_cookie(COOKIE, path="/api/v1/auth") is None
    assert client.get_cookie(CSRF_COOKIE, path="/") is None
    assert_problem(client.post(REFRESH), 401, "UNAUTHORIZED")
