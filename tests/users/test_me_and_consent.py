from datetime import datetime, timedelta

from backend.core.time import utcnow
from backend.users.consent_policy import CURRENT_VERSION
from backend.users.models import LocationConsent
from tests.helpers import assert_problem


def test_me_shows_station_groups_and_no_consent_yet(client, auth_headers, make_user, make_group, home_station):
    me = make_user("volunteer", home_station)
    group = make_group(home_station, name="범계동 자율방범대", leaders=[me])
    body = client.get("/api/v1/me", headers=auth_headers(me)).get_json()
    assert body["station_name"] == "안양동안경찰서"
    assert body["groups"] == [{"group_id": group.id, "group_name": "범계동 자율방범대", "is_leader": True}]
    assert body["location_consent"] is None


def test_the_profile_costs_five_statements_however_many_groups(client, auth_headers, make_user, make_group, home_station, count_queries):
    me = make_user("volunteer", home_station)
    make_group(home_station, members=[me])
    make_group(home_station, leaders=[me])
    headers = auth_headers(me)

    with count_queries(as_a_new_request=True) as sent:
        assert len(client.get("/api/v1/me", headers=headers).get_json()["groups"]) == 2
    # The statement timeout; the sign-in's session with its person; the person with their
    # station; their consents; their memberships with the groups.
    assert len(sent) == 5, sent


def test_consent_is_recorded_shown_and_withdrawn(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    headers = auth_headers(me)
    response = client.post("/api/v1/me/consents", json={"policy_version": CURRENT_VERSION}, headers=headers)
    assert response.status_code == 201
    assert response.get_json()["policy_version"] == CURRENT_VERSION
    assert client.get("/api/v1/me", headers=headers).get_json()["location_consent"]["policy_version"] == CURRENT_VERSION

    assert client.delete("/api/v1/me/consents", headers=headers).status_code == 204
    assert client.get("/api/v1/me", headers=headers).get_json()["location_consent"] is None
    history = me.consents
    assert len(history) == 1 and history[0].withdrawn_at is not None


def test_renewing_consent_to_the_current_version_carries_the_earlier_one_on(client, auth_headers, make_user, home_station, db_session):
    me = make_user("volunteer", home_station)
    earlier = LocationConsent(user=me, policy_version="2026-01", granted_at=utcnow() - timedelta(days=30))
    db_session.add(earlier)
    db_session.commit()
    headers = auth_headers(me)
    renewed = client.post("/api/v1/me/consents", json={"policy_version": CURRENT_VERSION}, headers=headers)
    assert renewed.status_code == 201
    retried = client.post("/api/v1/me/consents", json={"policy_version": CURRENT_VERSION}, headers=headers)
    assert retried.get_json() == renewed.get_json()
    shown = client.get("/api/v1/me", headers=headers).get_json()["location_consent"]
    assert shown["policy_version"] == CURRENT_VERSION
    assert datetime.fromisoformat(shown["in_force_since"]) == earlier.granted_at
    versions = [(c.policy_version, c.withdrawn_at is None) for c in me.consents]
    assert versions == [("2026-01", False), (CURRENT_VERSION, True)]


def test_consent_after_a_withdrawal_starts_afresh(client, auth_headers, make_user, home_station, db_session):
    me = make_user("volunteer", home_station)
    db_session.add(LocationConsent(user=me, policy_version="2026-01", granted_at=utcnow() - timedelta(days=30)))
    db_session.commit()
    headers = auth_headers(me)
    client.delete("/api/v1/me/consents", headers=headers)
    again = client.post("/api/v1/me/consents", json={"policy_version": CURRENT_VERSION}, headers=headers).get_json()
    assert again["in_force_since"] == again["granted_at"]
    assert utcnow() - datetime.fromisoformat(again["in_force_since"]) < timedelta(hours=1)


def test_consent_is_given_to_the_current_policy_version_only(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    response = client.post("/api/v1/me/consents", json={"policy_version": "2026-01"}, headers=auth_headers(me))
    body = assert_problem(response, 409, "CONSENT_POLICY_OUTDATED")
    assert CURRENT_VERSION in body["detail"]
    assert client.get("/api/v1/me", headers=auth_headers(me)).get_json()["location_consent"] is None


def test_the_consent_policy_is_public_with_its_version_retention_and_both_texts(client):
    response = client.get("/api/v1/consent-policy")
    assert response.status_code == 200
    policy = response.get_json()
    assert (policy["version"], policy["retention_days"]) == (CURRENT_VERSION, 90)
    assert "90일" in policy["text"]["ko"] and "철회" in policy["text"]["ko"]
    assert "90 days" in policy["text"]["en"] and "withdraw" in policy["text"]["en"]


def test_the_consent_text_states_the_servers_grace_after_a_patrols_end(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "CHECKOUT_GRACE_MINUTES", 20)
    text = client.get("/api/v1/consent-policy").get_json()["text"]
    assert "순찰 종료 20분 후까지" in text["ko"]
    assert "until 20 minutes after the patrol ends" in text["en"]


def test_consent_needs_a_policy_version(client, auth_headers, make_user, home_station):
    me = make_user("volunteer", home_station)
    response = client.post("/api/v1/me/consents", json={}, headers=auth_headers(me))
    assert "policy_version" in assert_problem(response, 422, "VALIDATION_ERROR")["errors"]
