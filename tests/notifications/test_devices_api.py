from datetime import timedelta

from sqlalchemy import select

from backend.core.time import utcnow
from backend.notifications.models import Device
from tests.helpers import assert_problem

TOKEN = "fcm-token-" + "a" * 60


def test_register_refresh_list_and_forget_a_device(client, auth_headers, volunteers):
    me = auth_headers(volunteers[1])
    first = client.post("/api/v1/devices", json={"token": TOKEN, "platform": "android", "app_version": "1.4.0"}, headers=me)
    assert first.status_code == 201
    again = client.post("/api/v1/devices", json={"token": TOKEN, "platform": "android", "app_version": "1.5.0"}, headers=me)
    assert again.status_code == 200 and again.get_json()["app_version"] == "1.5.0"
    listed = client.get("/api/v1/devices", headers=me).get_json()
    assert [d["token"] for d in listed] == [TOKEN]
    assert client.delete(f"/api/v1/devices/{TOKEN}", headers=me).status_code == 204
    assert client.get("/api/v1/devices", headers=me).get_json() == []


def test_a_token_seen_under_another_person_moves_to_the_caller(client, auth_headers, volunteers):
    client.post("/api/v1/devices", json={"token": TOKEN, "platform": "ios"}, headers=auth_headers(volunteers[1]))
    client.post("/api/v1/devices", json={"token": TOKEN, "platform": "ios"}, headers=auth_headers(volunteers[2]))
    assert client.get("/api/v1/devices", headers=auth_headers(volunteers[1])).get_json() == []
    assert [d["token"] for d in client.get("/api/v1/devices", headers=auth_headers(volunteers[2])).get_json()] == [TOKEN]


def test_nobody_forgets_someone_elses_device(client, auth_headers, volunteers):
    client.post("/api/v1/devices", json={"token": TOKEN, "platform": "web"}, headers=auth_headers(volunteers[1]))
    assert_problem(client.delete(f"/api/v1/devices/{TOKEN}", headers=auth_headers(volunteers[2])), 404, "NOT_FOUND")


def test_bad_device_input(client, auth_headers, volunteers):
    body = assert_problem(client.post("/api/v1/devices", json={"token": "short", "platform": "blackberry"}, headers=auth_headers(volunteers[1])), 422, "VALIDATION_ERROR")
    assert {"token", "platform"} <= body["errors"].keys()


def test_devices_idle_for_270_days_are_forgotten(app, client, auth_headers, volunteers, db_session):
    client.post("/api/v1/devices", json={"token": TOKEN, "platform": "android"}, headers=auth_headers(volunteers[1]))
    client.post("/api/v1/devices", json={"token": TOKEN + "b", "platform": "android"}, headers=auth_headers(volunteers[2]))
    idle = db_session.scalar(select(Device).where(Device.token == TOKEN))
    idle.last_seen_at = utcnow() - timedelta(days=271)
    db_session.commit()
    output = app.test_cli_runner().invoke(args=["notifications", "prune-devices"]).output
    assert "forgot 1 idle devices" in output
    assert [d.token for d in db_session.scalars(select(Device))] == [TOKEN + "b"]


def test_preferences(client, auth_headers, volunteers):
    me = auth_headers(volunteers[1])
    assert client.get("/api/v1/me/notification-preferences", headers=me).get_json() == {"is_reminders_muted": False, "is_announcements_muted": False}
    changed = client.patch("/api/v1/me/notification-preferences", json={"is_reminders_muted": True}, headers=me).get_json()
    assert changed == {"is_reminders_muted": True, "is_announcements_muted": False}
