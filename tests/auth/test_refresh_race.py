"""Two browser tabs refresh with the one refresh cookie at the same moment: both get the same
new pair, and the session lives on.

This test commits for real (no surrounding rollback), from two threads with their own
connections, and cleans up after itself.
"""
import threading

import pytest
from sqlalchemy import text

from backend.extensions import db
from backend.organizations.models import Station
from backend.users.models import Role, User
from backend.testing.fixtures.app import PASSWORD
from backend.testing.fixtures.auth import bearer, jti_of

TABLES = "auth_sessions, users, stations"


@pytest.fixture
def refresh_token(app, password_hash):
    """A signed-in volunteer's refresh token, committed."""
    with app.app_context():
        station = Station(code="RACE-REFRESH", name="경쟁 테스트 경찰서")
        db.session.add(User(name="탭 두 개", phone="+821099990011", password_hash=password_hash, role=Role.VOLUNTEER, station=station))
        db.session.commit()
    signed_in = app.test_client().post("/api/v1/auth/token", json={"phone": "010-9999-0011", "password": PASSWORD})
    yield signed_in.get_json()["refresh_token"]
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))


def test_two_refreshes_of_one_token_at_once_both_get_the_same_successor(app, refresh_token):
    start_together = threading.Barrier(2)
    answers = []

    def refresh():
        client = app.test_client()
        start_together.wait()
        answers.append(client.post("/api/v1/auth/refresh", headers=bearer(refresh_token)))

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert [answer.status_code for answer in answers] == [200, 200]
    successors = [answer.get_json()["refresh_token"] for answer in answers]
    assert jti_of(successors[0]) == jti_of(successors[1])
    # Whichever answer the browser kept last, the session goes on.
    for successor in successors:
        refreshed = app.test_client().post("/api/v1/auth/refresh", headers=bearer(successor))
        assert refreshed.status_code == 200
        me = app.test_client().get("/api/v1/me", headers=bearer(refreshed.get_json()["access_token"]))
        assert me.status_code == 200
