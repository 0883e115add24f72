"""Account safety: changing passwords, how strong they must be, and what a phone conflict says."""
import pytest

from backend.testing.fixtures.app import PASSWORD
from tests.helpers import assert_problem
from backend.testing.fixtures.auth import sign_in

NEW_PERSON = {"name": "김하늘", "phone": "010-3456-7890", "role": "volunteer"}
FEED = "/api/v1/me/calendar-feed"


def test_changing_my_own_password_needs_the_current_one(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station, phone="+821055550001")
    headers = auth_headers(me)
    url = f"/api/v1/users/{me.id}"
    missing = client.patch(url, json={"password": "lantern-okra-walnut"}, headers=headers)
    assert_problem(missing, 403, "CURRENT_PASSWORD_WRONG")
    wrong = client.patch(url, json={"password": "lantern-okra-walnut", "current_password": "not-it-at-all"}, headers=headers)
    assert_problem(wrong, 403, "CURRENT_PASSWORD_WRONG")
    assert sign_in(client, "010-5555-0001", PASSWORD).status_code == 200  # nothing changed

    changed = client.patch(url, json={"password": "lantern-okra-walnut", "current_password": PASSWORD}, headers=headers)
    assert changed.status_code == 200
    assert sign_in(client, "010-5555-0001", "lantern-okra-walnut").status_code == 200
    assert_problem(sign_in(client, "010-5555-0001", PASSWORD), 401, "INVALID_CREDENTIALS")


def test_an_admin_resets_someone_elses_password_without_theirs_and_ends_their_sessions(client, auth_headers, make_user, home_station):
    admin = make_user("admin")
    person = make_user("officer", home_station)
    their_phone = auth_headers(person)
    reset = client.patch(f"/api/v1/users/{person.id}", json={"password": "lantern-okra-walnut"}, headers=auth_headers(admin))
    assert reset.status_code == 200
    assert_problem(client.get("/api/v1/me", headers=their_phone), 401, "TOKEN_REVOKED")


def test_an_admin_changing_their_own_password_gives_the_current_one_too(client, auth_headers, make_user):
    admin = make_user("admin")
    response = client.patch(f"/api/v1/users/{admin.id}", json={"password": "lantern-okra-walnut"}, headers=auth_headers(admin))
    assert_problem(response, 403, "CURRENT_PASSWORD_WRONG")


def test_current_password_comes_only_with_a_new_password(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    response = client.patch(f"/api/v1/users/{me.id}", json={"name": "새 이름", "current_password": PASSWORD}, headers=auth_headers(me))
    assert "current_password" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]


@pytest.mark.parametrize(
    "password, english_hint",
    [
        ("password", "most common passwords"),
        ("qwerty123", "most common passwords"),
        ("Password1", "most common passwords"),
        ("zxcvbnm,./", "Keyboard patterns"),
        ("01034567890!", "phone number"),  # the new person's own phone
        ("34567890abc", "phone number"),
        ("김하늘1234!", "your name"),
        ("patrol2026!", "this service's words"),
    ],
)
def test_guessable_passwords_are_refused_with_a_hint(client, auth_headers, chief, home_station, password, english_hint):
    body = {**NEW_PERSON, "password": password, "station_id": home_station.id}
    english = client.post("/api/v1/users", json=body, headers={**auth_headers(chief), "Accept-Language": "en"})
    problem = assert_problem(english, 422, "PASSWORD_TOO_WEAK")
    assert english_hint in problem["detail"]
    assert "password" in problem["errors"]
    korean = client.post("/api/v1/users", json=body, headers={**auth_headers(chief), "Accept-Language": "ko"})
    assert "추측하기 쉬운 비밀번호" in assert_problem(korean, 422, "PASSWORD_TOO_WEAK")["detail"]


def test_a_new_own_password_is_judged_against_my_phone_and_name(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station, name="정미숙", phone="+821098761234")
    response = client.patch(
        f"/api/v1/users/{me.id}",
        json={"password": "정미숙98761234", "current_password": PASSWORD},
        headers={**auth_headers(me), "Accept-Language": "ko"},
    )
    assert "전화번호, 이름" in assert_problem(response, 422, "PASSWORD_TOO_WEAK")["detail"]


@pytest.mark.parametrize("password", ["correct-horse-battery", "patrol-demo-2026", "밤길 함께 걸어요 7번"])
def test_passphrases_are_accepted(client, auth_headers, chief, home_station, password):
    body = {**NEW_PERSON, "password": password, "station_id": home_station.id}
    assert client.post("/api/v1/users", json=body, headers=auth_headers(chief)).status_code == 201


def test_changing_my_password_ends_my_calendar_feed(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    headers = auth_headers(me)
    feed_url = client.post(FEED, headers=headers).get_json()["url"]
    assert client.get(feed_url).status_code == 200
    changed = client.patch(f"/api/v1/users/{me.id}", json={"password": "lantern-okra-walnut", "current_password": PASSWORD}, headers=headers)
    assert changed.status_code == 200
    assert_problem(client.get(feed_url), 404, "NOT_FOUND")
    # The person asks for a new URL, which works.
    new_url = client.post(FEED, headers=headers).get_json()["url"]
    assert client.get(new_url).status_code == 200


def test_a_password_reset_by_the_chief_ends_the_persons_calendar_feed(client, auth_headers, chief, make_user, home_station):
    person = make_user("volunteer", home_station)
    feed_url = client.post(FEED, headers=auth_headers(person)).get_json()["url"]
    assert client.patch(f"/api/v1/users/{person.id}", json={"password": "lantern-okra-walnut"}, headers=auth_headers(chief)).status_code == 200
    assert_problem(client.get(feed_url), 404, "NOT_FOUND")


def test_a_phone_registered_at_another_station_is_not_revealed(client, auth_headers, chief, make_user, home_station, other_station):
    make_user("volunteer", other_station, phone="+821034567890")
    body = {**NEW_PERSON, "password": "lantern-okra-walnut", "station_id": home_station.id}
    response = client.post("/api/v1/users", json=body, headers={**auth_headers(chief), "Accept-Language": "en"})
    problem = assert_problem(response, 409, "PHONE_UNAVAILABLE")
    assert "administrator" in problem["detail"]
    assert other_station.name not in response.get_data(as_text=True)
    assert str(other_station.id) not in str(problem.get("errors", ""))


def test_changing_a_phone_to_one_of_another_station_is_not_revealed_either(client, auth_headers, chief, make_user, home_station, other_station):
    make_user("volunteer", other_station, phone="+821034567890")
    person = make_user("volunteer", home_station)
    response = client.patch(f"/api/v1/users/{person.id}", json={"phone": "010-3456-7890"}, headers=auth_headers(chief))
    assert_problem(response, 409, "PHONE_UNAVAILABLE")


def test_an_admin_is_told_the_phone_is_taken(client, auth_headers, make_user, home_station, other_station):
    admin = make_user("admin")
    make_user("volunteer", other_station, phone="+821034567890")
    body = {**NEW_PERSON, "password": "lantern-okra-walnut", "station_id": home_station.id}
    assert_problem(client.post("/api/v1/users", json=body, headers=auth_headers(admin)), 409, "PHONE_TAKEN")


def test_wrong_current_passwords_meet_the_sign_in_back_off(app, client, auth_headers, make_user, home_station, monkeypatch, stopped_clock):
    # A stolen access token guessing the current password is slowed like a guesser at sign-in.
    monkeypatch.setitem(app.config, "LOGIN_BACKOFF_AFTER", 2)
    me = make_user("volunteer", home_station)
    headers = auth_headers(me)
    url = f"/api/v1/users/{me.id}"
    for guess in ("guess-one-x", "guess-two-x", "guess-three-x"):
        wrong = client.patch(url, json={"password": "lantern-okra-walnut", "current_password": guess}, headers=headers)
        assert_problem(wrong, 403, "CURRENT_PASSWORD_WRONG")
    held = client.patch(url, json={"password": "lantern-okra-walnut", "current_password": PASSWORD}, headers=headers)
    assert_problem(held, 429, "RATE_LIMITED")
    # A manager's reset is not held back by it.
    chief = make_user("station_chief", home_station)
    assert client.patch(url, json={"password": "lantern-okra-walnut"}, headers=auth_headers(chief)).status_code == 200
