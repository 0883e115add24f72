from tests.helpers import assert_problem


def test_me_shows_station_groups_and_no_consent_yet(client, auth_headers, make_user, make_group, home_station):
    me = make_user("volunteer", home_station)
    group = make_group(home_station, name="범계동 자율방범대", leaders=[me])
    body = client.get("/api/v1/me", headers=auth_headers(me)).get_json()
    assert body["station_name"] == "안양동안경찰서"
    assert body["groups"] == [{"group_id": group.id, "group_name": "범계동 자율방범대", "is_leader": True}]
    assert body["location_consent"] is None


def test_consent_is_recorded_shown_and_withdrawn(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    headers = auth_headers(me)
    response = client.post("/api/v1/me/consents", json={"policy_version": "2026-11"}, headers=headers)
    assert response.status_code == 201
    assert response.get_json()["policy_version"] == "2026-11"
    assert client.get("/api/v1/me", headers=headers).get_json()["location_consent"]["policy_version"] == "2026-11"

    assert client.delete("/api/v1/me/consents", headers=headers).status_code == 204
    assert client.get("/api/v1/me", headers=headers).get_json()["location_consent"] is None
    history = me.consents
    assert len(history) == 1 and history[0].withdrawn_at is not None


def test_consenting_to_a_new_policy_version_replaces_the_old_one(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    headers = auth_headers(me)
    client.post("/api/v1/me/consents", json={"policy_version": "2026-01"}, headers=headers)
    client.post("/api/v1/me/consents", json={"policy_version": "2026-01"}, headers=headers)  # a retry
    client.post("/api/v1/me/consents", json={"policy_version": "2026-11"}, headers=headers)
    versions = [(c.policy_version, c.withdrawn_at is None) for c in me.consents]
    assert versions == [("2026-01", False), ("2026-11", True)]


def test_consent_needs_a_policy_version(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    response = client.post("/api/v1/me/consents", json={}, headers=auth_headers(me))
    assert "policy_version" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]
