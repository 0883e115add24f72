from concurrent.futures import ThreadPoolExecutor

import pytest

from backend.extensions import limiter
from backend.testing.fixtures.app import PASSWORD
from tests.helpers import assert_problem
from backend.testing.fixtures.auth import bearer, jti_of, let_rotation_grace_pass, sign_in


@pytest.mark.parametrize("typed", ["010-1234-5678", "01012345678", "+82 10 1234 5678", "+821012345678"])
def test_sign_in_accepts_phone_as_people_type_it(client, volunteer, typed):
    response = sign_in(client, typed)
    assert response.status_code == 200
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 15 * 60
    me = client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.get_json()["id"] == volunteer.id
    assert me.get_json()["phone"] == "+821012345678"


def test_wrong_password_and_unknown_phone_look_the_same(client, volunteer):
    wrong = assert_problem(sign_in(client, "010-1234-5678", "not-the-password"), 401, "INVALID_CREDENTIALS")
    unknown = assert_problem(sign_in(client, "010-9999-8888"), 401, "INVALID_CREDENTIALS")
    assert wrong["detail"] == unknown["detail"]


def test_detail_follows_accept_language(client, volunteer):
    korean = sign_in(client, "010-1234-5678", "nope-nope", **{"Accept-Language": "ko"}).get_json()
    english = sign_in(client, "010-1234-5678", "nope-nope", **{"Accept-Language": "en-US,en;q=0.9"}).get_json()
    assert korean["detail"] == "전화번호 또는 비밀번호가 올바르지 않습니다."
    assert english["detail"] == "Phone number or password is wrong."


def test_deactivated_account_cannot_sign_in(client, make_user, home_station):
    make_user("volunteer", home_station, phone="+821022223333", is_active=False)
    assert_problem(sign_in(client, "010-2222-3333"), 401, "INVALID_CREDENTIALS")


def test_repeated_failures_are_throttled_with_retry_after(client, volunteer):
    for _ in range(5):
        assert_problem(sign_in(client, "010-1234-5678", "bad-password"), 401, "INVALID_CREDENTIALS")
    throttled = sign_in(client, "010-1234-5678", PASSWORD)
    assert_problem(throttled, 429, "RATE_LIMITED")
    assert int(throttled.headers["Retry-After"]) > 0


def test_successful_sign_ins_do_not_count_towards_the_throttle(client, volunteer):
    for _ in range(8):
        assert sign_in(client, "010-1234-5678").status_code == 200


def test_refresh_rotates_and_a_reused_refresh_token_ends_the_session(client, volunteer, db_session):
    first = sign_in(client, "010-1234-5678").get_json()
    second = client.post("/api/v1/auth/refresh", headers=bearer(first["refresh_token"]))
    assert second.status_code == 200
    rotated = second.get_json()
    assert jti_of(rotated["refresh_token"]) != jti_of(first["refresh_token"])
    assert client.get("/api/v1/me", headers=bearer(rotated["access_token"])).status_code == 200

    # The old refresh token again, later: somebody copied it. The whole session ends.
    let_rotation_grace_pass(db_session)
    assert_problem(client.post("/api/v1/auth/refresh", headers=bearer(first["refresh_token"])), 401, "TOKEN_REVOKED")
    assert_problem(client.get("/api/v1/me", headers=bearer(rotated["access_token"])), 401, "TOKEN_REVOKED")


def test_a_refresh_costs_four_statements(client, volunteer, count_queries):
    refresh_token = sign_in(client, "010-1234-5678").get_json()["refresh_token"]

    with count_queries(as_a_new_request=True) as sent:
        assert client.post("/api/v1/auth/refresh", headers=bearer(refresh_token)).status_code == 200
    # The statement timeout; the token's session with its person; the session again, locked
    # against a refresh sent twice at once; the rotation written.
    assert len(sent) == 4, sent


def test_the_refresh_token_rotated_last_gets_its_successor_at_once_and_only_at_once(client, volunteer, db_session):
    first = sign_in(client, "010-1234-5678").get_json()["refresh_token"]
    one = client.post("/api/v1/auth/refresh", headers=bearer(first)).get_json()["refresh_token"]
    # A second tab sent the same token a moment later: it gets the same successor.
    two = client.post("/api/v1/auth/refresh", headers=bearer(first)).get_json()["refresh_token"]
    assert jti_of(one) == jti_of(two)
    three = client.post("/api/v1/auth/refresh", headers=bearer(two))
    assert three.status_code == 200
    # Only the one rotated last: the first token is now two rotations old.
    assert_problem(client.post("/api/v1/auth/refresh", headers=bearer(first)), 401, "TOKEN_REVOKED")


def test_access_token_is_not_a_refresh_token(client, volunteer):
    tokens = sign_in(client, "010-1234-5678").get_json()
    assert_problem(client.post("/api/v1/auth/refresh", headers=bearer(tokens["access_token"])), 401, "TOKEN_INVALID")


def test_logout_revokes_access_and_refresh_tokens(client, volunteer):
    tokens = sign_in(client, "010-1234-5678").get_json()
    other_device = sign_in(client, "010-1234-5678").get_json()
    assert client.post("/api/v1/auth/logout", headers=bearer(tokens["access_token"])).status_code == 204
    assert_problem(client.get("/api/v1/me", headers=bearer(tokens["access_token"])), 401, "TOKEN_REVOKED")
    assert_problem(client.post("/api/v1/auth/refresh", headers=bearer(tokens["refresh_token"])), 401, "TOKEN_REVOKED")
    # Signing out on one phone leaves the other signed in.
    assert client.get("/api/v1/me", headers=bearer(other_device["access_token"])).status_code == 200


def test_missing_and_garbage_tokens(client):
    assert_problem(client.get("/api/v1/me"), 401, "UNAUTHORIZED")
    assert_problem(client.get("/api/v1/me", headers=bearer("not.a.jwt")), 401, "TOKEN_INVALID")


def test_sign_in_validates_the_phone(client):
    assert_problem(sign_in(client, "02-123-4567"), 422, "INVALID_PHONE")


def sign_in_from(client, address, password, phone="010-1234-5678"):
    return client.post(
        "/api/v1/auth/token", json={"phone": phone, "password": password}, environ_base={"REMOTE_ADDR": address}
    )


def lapse_hold(phone="+821012345678"):
    """What waiting out the phone's current hold would do."""
    limiter.storage.clear(f"login-held:{phone}")


def test_guessing_from_many_addresses_holds_the_phone_but_not_its_owner(app, client, volunteer, monkeypatch, stopped_clock):
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 3)
    # The owner signs in from home, a new address then, so one of the three free attempts.
    assert sign_in_from(client, "10.9.9.9", PASSWORD).status_code == 200
    # Two guesses from two addresses are free; the third holds the phone for 1 s.
    for n in range(3):
        assert_problem(sign_in_from(client, f"10.0.{n}.1", "guess-guess"), 401, "INVALID_CREDENTIALS")
    # Every address that has not signed in to the phone is held, the right password or not...
    for address in ("10.0.9.1", "10.0.0.1"):
        held = sign_in_from(client, address, PASSWORD)
        assert_problem(held, 429, "RATE_LIMITED")
        assert held.headers["Retry-After"] == "1"
    # ...but the owner's own address is not.
    assert sign_in_from(client, "10.9.9.9", PASSWORD).status_code == 200


def test_each_attempt_beyond_the_free_ones_holds_the_phone_twice_as_long(app, client, volunteer, monkeypatch, stopped_clock):
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 2)
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_MAX_SECONDS", 600)
    for n in range(2):
        assert_problem(sign_in_from(client, f"10.2.0.{n}", "guess-guess"), 401, "INVALID_CREDENTIALS")
    waits = []
    for n in range(2, 14):
        # Each guess beyond the free ones is let in once the last hold has run out...
        assert_problem(sign_in_from(client, f"10.2.0.{n}", "guess-guess"), 401, "INVALID_CREDENTIALS")
        # ...and holds the phone from everyone else, the right password included.
        probe = sign_in_from(client, "10.3.0.1", PASSWORD)
        assert_problem(probe, 429, "RATE_LIMITED")
        # The back-off's own wait, not the sign-in throttle's five-minute window.
        waits.append(int(probe.headers["Retry-After"]))
        lapse_hold()
    assert waits == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]
    # The hold is on this phone only.
    assert_problem(sign_in_from(client, "10.2.0.1", "guess-guess", phone="010-1111-2222"), 401, "INVALID_CREDENTIALS")


def test_guesses_sent_at_once_get_one_turn_per_hold(app, client, volunteer, monkeypatch, stopped_clock):
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 1)
    assert_problem(sign_in_from(client, "10.4.0.1", "guess-guess"), 401, "INVALID_CREDENTIALS")
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda n: sign_in_from(app.test_client(), f"10.4.1.{n}", "guess-guess"), range(6)))
    assert sorted(answer.status_code for answer in answers) == [401, 429, 429, 429, 429, 429]


def test_ipv6_addresses_count_by_their_64_prefix(app, client, volunteer, monkeypatch, stopped_clock):
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 2)
    # Signed in from one address of the home network's /64...
    assert sign_in_from(client, "2001:db8:1:2::10", PASSWORD).status_code == 200
    assert_problem(sign_in_from(client, "2001:db8:9:9::1", "guess-guess"), 401, "INVALID_CREDENTIALS")
    assert_problem(sign_in_from(client, "2001:db8:9:9::2", "guess-guess"), 401, "INVALID_CREDENTIALS")
    # ...the phone is held from another address of the guesser's /64...
    assert_problem(sign_in_from(client, "2001:db8:9:9::3", PASSWORD), 429, "RATE_LIMITED")
    # ...while another address of the owner's /64 still gets in.
    assert sign_in_from(client, "2001:db8:1:2:abcd::1", PASSWORD).status_code == 200
