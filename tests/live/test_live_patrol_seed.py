"""`seed live-patrol --once`: a demo patrol running now, whose phones show on the live board."""
from sqlalchemy import func, select

from backend.locations.models import LocationPoint
from backend.patrols.models import Patrol

CHIEF = {"phone": "010-0000-0002", "password": "patrol-demo-2026"}


def run(app, *args):
    result = app.test_cli_runner().invoke(args=["seed", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_live_patrol_shows_walking_volunteers_on_the_live_board(app, client, db_session):
    run(app, "load")
    run(app, "live-patrol", "--once")
    patrol = db_session.scalar(select(Patrol).where(Patrol.title == "범계역 실시간 순찰 (시연)"))
    token = client.post("/api/v1/auth/token", json=CHIEF).get_json()["access_token"]
    response = client.get(f"/api/v1/patrols/{patrol.id}/live", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.get_json()
    participants = response.get_json()["participants"]
    walking = [p for p in participants if p["state"] == "checked_in"]
    assert len(walking) == 6  # the officer and five volunteers
    assert all(p["last_point"]["age_s"] < 120 for p in walking)
    assert all(abs(p["last_point"]["lat"] - 37.3897) < 0.005 for p in walking)
    assert [p["state"] for p in participants if p["last_point"] is None] == ["not_arrived"]
    assert patrol.status == "in_progress"


def test_running_it_again_reuses_the_patrol_and_adds_a_round_of_points(app, db_session):
    run(app, "load")
    run(app, "live-patrol", "--once")
    run(app, "live-patrol", "--once")
    assert db_session.scalar(select(func.count()).select_from(Patrol).where(Patrol.title == "범계역 실시간 순찰 (시연)")) == 1
    points = db_session.scalar(select(func.count()).select_from(LocationPoint).where(LocationPoint.exclusion.is_(None)))
    assert points == 12
