import pytest

from tests.conftest import PASSWORD
from tests.helpers import assert_problem


@pytest.fixture
def volunteer(make_user, home_station):
    return make_user("volunteer", home_station, phone="+821012345678")


def sign_in(client, phone, password=PASSWORD, **headers):
    return client.post("/api/v1/auth/token", json={"phone": phone, "password": password}, headers=headers)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


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


def test_refresh_rotates_and_a_reused_refresh_token_ends_the_session(client, volunteer):
    first = sign_in(client, "010-1234-5678").get_json()
    second = client.post("/api/v1/auth/refresh", headers=bearer(first["refresh_token"]))
    assert second.status_code == 200
    rotated = second.get_json()
    assert rotated["refresh_token"] != first["refresh_token"]
    assert client.get("/api/v1/me", headers=bearer(rotated["access_token"])).status_code == 200

    # The old refresh token again: somebody copied it. The whole session ends.
    assert_problem(client.post("/api/v1/auth/refresh", headers=bearer(first["refresh_token"])), 401, "TOKEN_REVOKED")
    assert_problem(client.get("/api/v1/me", headers=bearer(rotated["access_token"])), 401, "TOKEN_REVOKED")


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


def test_guessing_from_many_addresses_cannot_lock_the_owner_out(client, volunteer):
    # Thirty guesses from fifteen addresses, each staying under its own per-address throttle.
    answers = {sign_in_from(client, f"10.0.{n // 2}.1", "guess-guess").status_code for n in range(30)}
    assert answers == {401, 429}  # guessing met the back-off...
    # ...yet the owner, from their own phone's address, signs in with their password.
    assert sign_in_from(client, "10.9.9.9", PASSWORD).status_code == 200


def held_waits(client, guesses):
    """Fail once on the phone from each of `guesses` new addresses; after each failure, what
    Retry-After that address is given when it at once tries the right password (0: let in)."""
    waits = []
    for n in range(guesses):
        address = f"10.2.{n // 200}.{n % 200}"
        assert_problem(sign_in_from(client, address, "guess-guess"), 401, "INVALID_CREDENTIALS")
        retry = sign_in_from(client, address, PASSWORD)
        if retry.status_code == 200:
            waits.append(0)
        else:
            assert_problem(retry, 429, "RATE_LIMITED")
            waits.append(int(retry.headers["Retry-After"]))
    return waits


def test_guessing_on_one_phone_backs_off_exponentially(app, client, volunteer, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 3)
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_MAX_SECONDS", 100000)
    waits = held_waits(client, 15)
    # The phone's first three failures hold nobody back (the right password gets in)...
    assert waits[:3] == [0, 0, 0]
    # ...then each failing address waits, twice as long as the one before: 1 s, 2 s, ... (the
    # throttle's own Retry-After, 300 s, shows until the waits outgrow it).
    assert all(wait > 0 for wait in waits[3:])
    assert [round(wait / 2 ** 9) for wait in waits[12:]] == [1, 2, 4]
    # The hold is on this phone only: the same address may still try another.
    assert_problem(sign_in_from(client, "10.2.0.14", "guess-guess", phone="010-1111-2222"), 401, "INVALID_CREDENTIALS")
    # An address that has not failed on the phone is not held back.
    assert sign_in_from(client, "10.3.0.1", PASSWORD).status_code == 200


def test_the_back_off_stops_at_its_maximum(app, client, volunteer, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 1)
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_MAX_SECONDS", 600)
    waits = held_waits(client, 13)
    assert [round(wait / 100) for wait in waits[10:]] == [5, 6, 6]  # 512 s, then 600 s
