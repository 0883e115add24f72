import pytest

from backend.testing.fixtures.app import PASSWORD
from tests.helpers import assert_problem

NEW_PERSON = {"name": "김하늘", "phone": "010-3456-7890", "password": "long-enough-1", "role": "volunteer"}


def test_station_chief_creates_a_volunteer_in_a_unit_of_the_station(client, auth_headers, chief, home_unit):
    response = client.post("/api/v1/users", json={**NEW_PERSON, "station_id": home_unit.id}, headers=auth_headers(chief))
    assert response.status_code == 201
    body = response.get_json()
    assert body["phone"] == "+821034567890"
    assert body["station_id"] == home_unit.id
    assert body["locale"] == "ko"
    assert "password" not in body and "password_hash" not in body


def test_new_person_can_sign_in_with_the_given_password(client, auth_headers, chief, home_station):
    client.post("/api/v1/users", json={**NEW_PERSON, "station_id": home_station.id}, headers=auth_headers(chief))
    response = client.post("/api/v1/auth/token", json={"phone": NEW_PERSON["phone"], "password": NEW_PERSON["password"]})
    assert response.status_code == 200


def test_creating_in_another_station_is_refused(client, auth_headers, chief, other_station):
    response = client.post("/api/v1/users", json={**NEW_PERSON, "station_id": other_station.id}, headers=auth_headers(chief))
    assert_problem(response, 422, "STATION_OUT_OF_SCOPE")


def test_coordinator_may_create_volunteers_but_not_officers(client, auth_headers, make_user, home_station):
    coordinator = make_user("coordinator", home_station)
    headers = auth_headers(coordinator)
    officer = {**NEW_PERSON, "role": "officer", "station_id": home_station.id}
    assert_problem(client.post("/api/v1/users", json=officer, headers=headers), 422, "ROLE_NOT_ASSIGNABLE")
    volunteer = {**NEW_PERSON, "station_id": home_station.id}
    assert client.post("/api/v1/users", json=volunteer, headers=headers).status_code == 201


@pytest.mark.parametrize("role", ["officer", "volunteer"])
def test_officers_and_volunteers_may_not_create_accounts(client, auth_headers, make_user, home_station, role):
    actor = make_user(role, home_station)
    response = client.post("/api/v1/users", json={**NEW_PERSON, "station_id": home_station.id}, headers=auth_headers(actor))
    assert_problem(response, 403, "FORBIDDEN")


def test_duplicate_phone_in_any_format_is_a_conflict(client, auth_headers, chief, home_station, make_user):
    make_user("volunteer", home_station, phone="+821034567890")
    response = client.post(
        "/api/v1/users",
        json={**NEW_PERSON, "phone": "+82 10 3456 7890", "station_id": home_station.id},
        headers=auth_headers(chief),
    )
    assert_problem(response, 409, "PHONE_TAKEN")


@pytest.mark.parametrize("phone", ["02-123-4567", "010-12", "hello", "+1 650 253 0000"])
def test_non_korean_mobile_numbers_are_refused(client, auth_headers, chief, home_station, phone):
    response = client.post("/api/v1/users", json={**NEW_PERSON, "phone": phone, "station_id": home_station.id}, headers=auth_headers(chief))
    body = assert_problem(response, 422, "INVALID_PHONE")
    assert "phone" in body["errors"]


def test_missing_fields_and_unknown_fields_are_named(client, auth_headers, chief):
    response = client.post("/api/v1/users", json={"name": "x", "nickname": "y"}, headers=auth_headers(chief))
    body = assert_problem(response, 422, "VALIDATION_ERROR")
    assert {"phone", "password", "role", "nickname"} <= body["errors"].keys()


@pytest.mark.parametrize("password", ["short", "lantern-okra-47-" * 9])
def test_a_password_too_short_or_too_long_is_refused(client, auth_headers, chief, home_station, password):
    response = client.post("/api/v1/users", json={**NEW_PERSON, "password": password, "station_id": home_station.id}, headers=auth_headers(chief))
    assert "password" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]
    person = client.post("/api/v1/users", json={**NEW_PERSON, "station_id": home_station.id}, headers=auth_headers(chief)).get_json()
    changed = client.patch(f"/api/v1/users/{person['id']}", json={"password": password}, headers=auth_headers(chief))
    assert "password" in assert_problem(changed, 422, "VALIDATION_ERROR")["errors"]


def test_staff_list_covers_the_station_family_and_nothing_else(client, auth_headers, chief, make_user, home_unit, other_station):
    officer_in_unit = make_user("officer", home_unit)
    outsider = make_user("volunteer", other_station)
    response = client.get("/api/v1/users", headers=auth_headers(chief))
    ids = {user["id"] for user in response.get_json()}
    assert {chief.id, officer_in_unit.id} <= ids
    assert outsider.id not in ids
    assert all(user["phone"] for user in response.get_json())  # staff see phones
    assert_problem(client.get(f"/api/v1/users/{outsider.id}", headers=auth_headers(chief)), 404, "NOT_FOUND")


def test_volunteers_see_group_mates_names_but_not_their_phones(client, auth_headers, make_user, make_group, home_station):
    me = make_user("volunteer", home_station)
    mate = make_user("volunteer", home_station, name="박서준")
    stranger = make_user("volunteer", home_station)
    make_group(home_station, members=[me, mate])
    headers = auth_headers(me)

    listed = {user["id"]: user for user in client.get("/api/v1/users", headers=headers).get_json()}
    assert set(listed) == {me.id, mate.id}
    assert listed[mate.id]["name"] == "박서준"
    assert listed[mate.id]["phone"] is None
    assert listed[me.id]["phone"] == me.phone
    assert client.get(f"/api/v1/users/{mate.id}", headers=headers).get_json()["phone"] is None
    assert_problem(client.get(f"/api/v1/users/{stranger.id}", headers=headers), 404, "NOT_FOUND")


def test_list_is_paginated_with_a_capped_page_size(client, auth_headers, chief, make_user, home_station):
    for _ in range(4):
        make_user("volunteer", home_station)
    response = client.get("/api/v1/users?page=2&page_size=2", headers=auth_headers(chief))
    assert len(response.get_json()) == 2
    assert '"total": 5' in response.headers["X-Pagination"]
    assert_problem(client.get("/api/v1/users?page_size=1000", headers=auth_headers(chief)), 422, "VALIDATION_ERROR")


def test_list_filters(client, auth_headers, chief, make_user, home_station, home_unit):
    officer = make_user("officer", home_unit, name="순찰 경관")
    make_user("volunteer", home_station)
    headers = auth_headers(chief)
    by_role = client.get("/api/v1/users?role=officer", headers=headers).get_json()
    assert [user["id"] for user in by_role] == [officer.id]
    by_station = client.get(f"/api/v1/users?station_id={home_unit.id}", headers=headers).get_json()
    assert [user["id"] for user in by_station] == [officer.id]
    by_name = client.get("/api/v1/users?q=경관", headers=headers).get_json()
    assert [user["id"] for user in by_name] == [officer.id]


def test_people_change_their_own_name_and_locale_but_not_their_role(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    headers = auth_headers(me)
    response = client.patch(f"/api/v1/users/{me.id}", json={"name": "새 이름", "locale": "en"}, headers=headers)
    assert response.status_code == 200
    assert response.get_json()["locale"] == "en"
    assert_problem(client.patch(f"/api/v1/users/{me.id}", json={"role": "station_chief"}, headers=headers), 403, "FORBIDDEN")


def test_deactivating_a_person_ends_their_sessions(client, auth_headers, chief, make_user, home_station):
    volunteer = make_user("volunteer", home_station)
    volunteer_headers = auth_headers(volunteer)
    response = client.patch(f"/api/v1/users/{volunteer.id}", json={"is_active": False}, headers=auth_headers(chief))
    assert response.get_json()["is_active"] is False
    assert_problem(client.get("/api/v1/me", headers=volunteer_headers), 401, "TOKEN_REVOKED")


def test_chief_cannot_change_people_of_another_station_or_promote_to_admin(client, auth_headers, chief, make_user, home_station, other_station):
    outsider = make_user("volunteer", other_station)
    headers = auth_headers(chief)
    assert_problem(client.patch(f"/api/v1/users/{outsider.id}", json={"name": "x"}, headers=headers), 404, "NOT_FOUND")
    volunteer = make_user("volunteer", home_station)
    assert_problem(client.patch(f"/api/v1/users/{volunteer.id}", json={"role": "admin"}, headers=headers), 422, "ROLE_NOT_ASSIGNABLE")
    assert_problem(client.patch(f"/api/v1/users/{volunteer.id}", json={"station_id": other_station.id}, headers=headers), 422, "STATION_OUT_OF_SCOPE")


def test_admin_sees_and_manages_every_station(client, auth_headers, make_user, other_station):
    admin = make_user("admin")
    outsider = make_user("officer", other_station)
    response = client.patch(f"/api/v1/users/{outsider.id}", json={"role": "station_chief"}, headers=auth_headers(admin))
    assert response.get_json()["role"] == "station_chief"


@pytest.mark.parametrize("guessable", ["19840512", "01034567890", "aaaaaaaa", "abababab", "abcdabcd"])
def test_guessable_passwords_are_refused_with_their_own_code(client, auth_headers, chief, home_station, guessable):
    response = client.post("/api/v1/users", json={**NEW_PERSON, "password": guessable, "station_id": home_station.id}, headers=auth_headers(chief))
    assert "password" in assert_problem(response, 422, "PASSWORD_TOO_WEAK")["errors"]


def test_changing_my_password_signs_out_my_other_devices(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    this_phone, old_tablet = auth_headers(me), auth_headers(me)
    changed = client.patch(
        f"/api/v1/users/{me.id}", json={"password": "a-brand-new-one", "current_password": PASSWORD}, headers=this_phone
    )
    assert changed.status_code == 200
    assert client.get("/api/v1/me", headers=this_phone).status_code == 200
    assert_problem(client.get("/api/v1/me", headers=old_tablet), 401, "TOKEN_REVOKED")


def test_a_password_set_by_the_chief_signs_the_person_out_everywhere(client, auth_headers, chief, make_user, home_station):
    person = make_user("volunteer", home_station)
    their_phone = auth_headers(person)
    chiefs_headers = auth_headers(chief)
    assert client.patch(f"/api/v1/users/{person.id}", json={"password": "reset-by-chief"}, headers=chiefs_headers).status_code == 200
    assert_problem(client.get("/api/v1/me", headers=their_phone), 401, "TOKEN_REVOKED")
    assert client.get("/api/v1/me", headers=chiefs_headers).status_code == 200
