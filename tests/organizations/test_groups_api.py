import pytest

from tests.helpers import assert_problem


def test_chief_creates_groups_of_each_kind(client, auth_headers, chief, home_station):
    headers = auth_headers(chief)
    kinds = ["patrol_association", "citizen_police", "safety_council", "merchant_association", "community", "other"]
    for number, kind in enumerate(kinds):
        response = client.post("/api/v1/groups", json={"name": f"단체 {number}", "kind": kind, "station_id": home_station.id}, headers=headers)
        assert response.status_code == 201
        assert response.get_json()["kind"] == kind
    listed = client.get("/api/v1/groups?kind=merchant_association", headers=headers).get_json()
    assert [group["name"] for group in listed] == ["단체 3"]


def test_group_input_errors(client, auth_headers, chief, home_station, other_station, make_group):
    headers = auth_headers(chief)
    assert "kind" in assert_problem(
        client.post("/api/v1/groups", json={"name": "x", "kind": "gang", "station_id": home_station.id}, headers=headers), 422, "VALIDATION_ERROR"
    )["errors"]
    assert_problem(
        client.post("/api/v1/groups", json={"name": "x", "kind": "other", "station_id": other_station.id}, headers=headers), 422, "STATION_OUT_OF_SCOPE"
    )
    make_group(home_station, name="범계동 자율방범대")
    assert_problem(
        client.post("/api/v1/groups", json={"name": "범계동 자율방범대", "kind": "other", "station_id": home_station.id}, headers=headers),
        409,
        "GROUP_NAME_TAKEN",
    )


def test_groups_of_another_station_are_invisible(client, auth_headers, make_user, make_group, home_station, other_station):
    volunteer = make_user("volunteer", home_station)
    mine = make_group(home_station)
    theirs = make_group(other_station)
    headers = auth_headers(volunteer)
    assert [group["id"] for group in client.get("/api/v1/groups", headers=headers).get_json()] == [mine.id]
    assert_problem(client.get(f"/api/v1/groups/{theirs.id}", headers=headers), 404, "NOT_FOUND")
    assert_problem(client.get(f"/api/v1/groups/{theirs.id}/members", headers=headers), 404, "NOT_FOUND")


@pytest.mark.parametrize("role", ["officer", "volunteer"])
def test_officers_and_volunteers_do_not_create_groups(client, auth_headers, make_user, home_station, role):
    actor = make_user(role, home_station)
    response = client.post("/api/v1/groups", json={"name": "x", "kind": "other", "station_id": home_station.id}, headers=auth_headers(actor))
    assert_problem(response, 403, "FORBIDDEN")


def test_leader_adds_and_removes_members_but_does_not_appoint_leaders(client, auth_headers, make_user, make_group, home_station, home_unit):
    leader = make_user("volunteer", home_station)
    newcomer = make_user("volunteer", home_unit)  # units belong to the same family
    group = make_group(home_station, leaders=[leader])
    headers = auth_headers(leader)
    url = f"/api/v1/groups/{group.id}/members"

    assert_problem(client.post(url, json={"user_id": newcomer.id, "is_leader": True}, headers=headers), 403, "FORBIDDEN")
    added = client.post(url, json={"user_id": newcomer.id}, headers=headers)
    assert added.status_code == 201
    assert added.get_json()["is_leader"] is False
    assert_problem(client.post(url, json={"user_id": newcomer.id}, headers=headers), 409, "ALREADY_MEMBER")

    members = client.get(url, headers=headers).get_json()
    assert [member["user_id"] for member in members] == [leader.id, newcomer.id]
    assert members[1]["phone"] is None  # a leader is a volunteer: no phones of others

    assert client.delete(f"{url}/{newcomer.id}", headers=headers).status_code == 204
    assert [member["user_id"] for member in client.get(url, headers=headers).get_json()] == [leader.id]


def test_people_of_another_station_cannot_join(client, auth_headers, chief, make_user, make_group, home_station, other_station):
    group = make_group(home_station)
    outsider = make_user("volunteer", other_station)
    response = client.post(f"/api/v1/groups/{group.id}/members", json={"user_id": outsider.id}, headers=auth_headers(chief))
    assert_problem(response, 422, "MEMBER_OUTSIDE_STATION")
    missing = client.post(f"/api/v1/groups/{group.id}/members", json={"user_id": 999999}, headers=auth_headers(chief))
    assert_problem(missing, 422, "MEMBER_OUTSIDE_STATION")


def test_plain_members_may_leave_but_not_remove_others(client, auth_headers, make_user, make_group, home_station):
    me = make_user("volunteer", home_station)
    other = make_user("volunteer", home_station)
    group = make_group(home_station, members=[me, other])
    headers = auth_headers(me)
    assert_problem(client.delete(f"/api/v1/groups/{group.id}/members/{other.id}", headers=headers), 403, "FORBIDDEN")
    assert_problem(client.post(f"/api/v1/groups/{group.id}/members", json={"user_id": other.id}, headers=headers), 403, "FORBIDDEN")
    assert client.delete(f"/api/v1/groups/{group.id}/members/{me.id}", headers=headers).status_code == 204


def test_a_groups_members_do_not_exist_for_volunteers_outside_it(client, auth_headers, make_user, make_group, home_station):
    outsider = make_user("volunteer", home_station)
    member = make_user("volunteer", home_station)
    group = make_group(home_station, members=[member])
    headers = auth_headers(outsider)
    assert_problem(client.get(f"/api/v1/groups/{group.id}/members", headers=headers), 404, "NOT_FOUND")
    # Removing a member and removing someone who is not one answer alike: membership does not leak.
    for user in (member, make_user("volunteer", home_station)):
        assert_problem(client.delete(f"/api/v1/groups/{group.id}/members/{user.id}", headers=headers), 404, "NOT_FOUND")


def test_staff_see_members_with_phones(client, auth_headers, make_user, make_group, home_station):
    officer = make_user("officer", home_station)
    member = make_user("volunteer", home_station)
    group = make_group(home_station, members=[member])
    members = client.get(f"/api/v1/groups/{group.id}/members", headers=auth_headers(officer)).get_json()
    assert members[0]["phone"] == member.phone


def test_removing_someone_who_is_not_a_member_is_404(client, auth_headers, chief, make_group, home_station):
    group = make_group(home_station)
    assert_problem(client.delete(f"/api/v1/groups/{group.id}/members/{chief.id}", headers=auth_headers(chief)), 404, "NOT_FOUND")


@pytest.mark.parametrize("role", ["officer", "station_chief", "coordinator", "admin"])
def test_a_leader_adds_no_station_staff(client, auth_headers, make_user, make_group, home_station, role):
    leader = make_user("volunteer", home_station)
    group = make_group(home_station, leaders=[leader])
    staff = make_user(role, None if role == "admin" else home_station)
    response = client.post(f"/api/v1/groups/{group.id}/members", json={"user_id": staff.id}, headers=auth_headers(leader))
    assert_problem(response, 422, "MEMBER_NOT_VOLUNTEER")
    members = client.get(f"/api/v1/groups/{group.id}/members", headers=auth_headers(leader)).get_json()
    assert [member["user_id"] for member in members] == [leader.id]


def test_a_leader_adds_no_volunteer_of_another_station_and_says_no_more(client, auth_headers, make_user, make_group, home_station, other_station):
    leader = make_user("volunteer", home_station)
    group = make_group(home_station, leaders=[leader])
    outsider = make_user("volunteer", other_station)
    officer = make_user("officer", home_station)
    headers = auth_headers(leader)
    # An outsider, a staff member and nobody at all are refused alike.
    for user_id in (outsider.id, officer.id, 999999):
        response = client.post(f"/api/v1/groups/{group.id}/members", json={"user_id": user_id}, headers=headers)
        assert_problem(response, 422, "MEMBER_NOT_VOLUNTEER")


def test_the_chief_makes_a_member_leader_and_stands_them_down(client, auth_headers, chief, make_user, make_group, home_station):
    member = make_user("volunteer", home_station)
    group = make_group(home_station, members=[member])
    url = f"/api/v1/groups/{group.id}/members/{member.id}"
    made = client.patch(url, json={"is_leader": True}, headers=auth_headers(chief))
    assert made.status_code == 200
    assert made.get_json()["is_leader"] is True
    assert client.get(f"/api/v1/groups/{group.id}/members", headers=auth_headers(chief)).get_json()[0]["is_leader"] is True
    assert client.patch(url, json={"is_leader": False}, headers=auth_headers(chief)).get_json()["is_leader"] is False
    assert_problem(client.patch(url, json={}, headers=auth_headers(chief)), 422, "VALIDATION_ERROR")


def test_a_leader_appoints_no_leader(client, auth_headers, make_user, make_group, home_station):
    leader = make_user("volunteer", home_station)
    member = make_user("volunteer", home_station)
    group = make_group(home_station, leaders=[leader], members=[member])
    response = client.patch(f"/api/v1/groups/{group.id}/members/{member.id}", json={"is_leader": True}, headers=auth_headers(leader))
    assert_problem(response, 403, "FORBIDDEN")


def test_leadership_of_another_stations_group_or_a_non_member_is_404(client, auth_headers, chief, make_user, make_group, home_station, other_station):
    theirs_member = make_user("volunteer", other_station)
    theirs = make_group(other_station, members=[theirs_member])
    headers = auth_headers(chief)
    assert_problem(client.patch(f"/api/v1/groups/{theirs.id}/members/{theirs_member.id}", json={"is_leader": True}, headers=headers), 404, "NOT_FOUND")
    mine = make_group(home_station)
    outsider = make_user("volunteer", home_station)
    assert_problem(client.patch(f"/api/v1/groups/{mine.id}/members/{outsider.id}", json={"is_leader": True}, headers=headers), 404, "NOT_FOUND")
