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


def test_an_account_locks_after_failures_from_many_addresses(client, volunteer):
    # Five failures from each of four addresses stay under the per-address throttle...
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"):
        for _ in range(5):
            failed = client.post(
                "/api/v1/auth/token",
                json={"phone": "010-1234-5678", "password": "guess-guess"},
                environ_base={"REMOTE_ADDR": address},
            )
            assert_problem(failed, 401, "INVALID_CREDENTIALS")
    # ...but the account is now locked, even for the right password from a new address.
    locked = client.post(
        "/api/v1/auth/token",
        json={"phone": "010-1234-5678", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.5"},
    )
    assert_problem(locked, 429, "RATE_LIMITED")
    assert int(locked.headers["Retry-After"]) > 0
    # The lockout is the account's, not the address's: another phone is still only refused.
    other = client.post(
        "/api/v1/auth/token",
        json={"phone": "010-1111-2222", "password": "guess-guess"},
        environ_base={"REMOTE_ADDR": "10.0.0.5"},
    )
    assert_problem(other, 401, "INVALID_CREDENTIALS")
