"""The demo data loads, loads again without change, and serves the README's walkthrough."""
import json

from sqlalchemy import func, select

from backend.auth.passwords import weakness
from backend.cli.drill import demo_token
from backend.cli.seed import SEED_DIR
from backend.core.phones import normalize_korean_mobile
from backend.notifications.models import OutboxEvent
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols.models import Patrol, PatrolParticipant
from backend.users.models import User
from backend.testing.fixtures.sos import types_to
from backend.zones.models import Zone

BEOMGYE_STATION_BBOX = "126.9470,37.3870,126.9550,37.3925"


def counts(db_session):
    models = (Station, VolunteerGroup, User, GroupMembership, Zone, Patrol, PatrolParticipant, OutboxEvent)
    return [db_session.scalar(select(func.count()).select_from(model)) for model in models]


def test_seed_loads_idempotently(app, db_session):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed", "load"])
    assert first.exit_code == 0, first.output
    loaded = counts(db_session)
    assert loaded[0] == 4 and loaded[2] >= 40 and loaded[5] == 8
    second = runner.invoke(args=["seed", "load"])
    assert second.exit_code == 0, second.output
    assert counts(db_session) == loaded


def test_seed_publishes_a_weekly_joint_patrol_series_with_officers_and_volunteers(app, client):
    assert app.test_cli_runner().invoke(args=["seed", "load"]).exit_code == 0
    tokens = client.post("/api/v1/auth/token", json={"phone": "010-0000-0006", "password": "patrol-demo-2026"}).get_json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    mine = client.get("/api/v1/me/patrols", headers=headers).get_json()
    open_ones = client.get("/api/v1/me/patrols/open", headers=headers).get_json()
    assert [p["title"] for p in mine] == ["범계역 합동 야간순찰"]
    assert len(open_ones) == 7 and all(p["status"] == "published" for p in open_ones)
    roster = client.get(f"/api/v1/patrols/{mine[0]['id']}/roster", headers=headers).get_json()
    assert len(roster["officers"]) == 2 and len(roster["confirmed"]) == 4


def test_demo_volunteer_signs_in_and_lists_zones_near_beomgye_station(app, client):
    assert app.test_cli_runner().invoke(args=["seed", "load"]).exit_code == 0
    tokens = client.post("/api/v1/auth/token", json={"phone": "010-0000-0006", "password": "patrol-demo-2026"}).get_json()
    response = client.get(f"/api/v1/zones?bbox={BEOMGYE_STATION_BBOX}", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert response.status_code == 200
    names = {feature["properties"]["name"] for feature in response.get_json()["features"]}
    assert "범계역 광장" in names
    assert "안양 일번가" not in names  # another station's, and far away


def test_the_demo_password_is_one_the_api_would_accept_for_every_demo_account():
    demo = json.loads((SEED_DIR / "demo.json").read_text(encoding="utf-8"))
    for person in demo["users"]:
        phone = normalize_korean_mobile(person["phone"])
        assert weakness(demo["demo_password"], phone=phone, name=person["name"]) is None, person["phone"]


def test_the_sos_drill_alerts_the_demo_officer_and_chief_and_runs_again(app, db_session, dispatch, fake_fcm):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed", "load"]).exit_code == 0
    officer, chief = demo_token("010-0000-0004"), demo_token("010-0000-0002")

    first = runner.invoke(args=["seed", "sos-drill", "--wait", "0"])
    assert first.exit_code == 0, first.output
    assert "raised by 한지우" in first.output
    dispatch()
    assert types_to(fake_fcm, officer) == types_to(fake_fcm, chief) == ["sos.raised"]
    [(_, first_alert)] = alerts_pushed_to(fake_fcm, officer)

    # Run again, the drill cancels its earlier alert (everyone told) and raises a new one.
    # Both pushes go out in the same batch, whose messages are sent in parallel: no order between them.
    again = runner.invoke(args=["seed", "sos-drill", "--wait", "0"])
    assert again.exit_code == 0, again.output
    dispatch()
    _, *second_run = alerts_pushed_to(fake_fcm, officer)
    [new_alert] = {alert for push_type, alert in second_run if push_type == "sos.raised"}
    assert new_alert != first_alert
    assert sorted(second_run) == [("sos.cancelled", first_alert), ("sos.raised", new_alert)]


def alerts_pushed_to(fake_fcm, token):
    """(type, alert id) of each SOS push the fake FCM took for `token`, in the order it arrived."""
    return [(body["message"]["data"]["type"], body["message"]["data"]["alert_id"]) for body in fake_fcm.sent_to(token)]
