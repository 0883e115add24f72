"""Two people take the last seat at the same moment: exactly one gets it.

This test commits for real (no surrounding rollback), from two threads with their own
connections, and cleans up after itself.
"""
import threading
import uuid
from datetime import datetime, time, timedelta

import pytest
from flask_jwt_extended import create_access_token
from geoalchemy2.shape import from_shape
from shapely.geometry import Point
from sqlalchemy import text

from backend.auth.models import AuthSession
from backend.core.time import SEOUL
from backend.extensions import db
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols.models import ParticipantKind, ParticipantStatus, Patrol, PatrolParticipant
from backend.users.models import Role, User

TABLES = "outbox_events, patrol_participants, patrol_groups, patrol_zones, patrols, patrol_series, auth_sessions, group_memberships, volunteer_groups, users, stations"


@pytest.fixture
def committed_patrol(app):
    """A published patrol with one seat left and two invited volunteers, committed."""
    with app.app_context():
        station = Station(code=f"RACE-{uuid.uuid4().hex[:6]}".upper(), name="경쟁 테스트 경찰서")
        chief = User(name="서장", phone="+821099990001", password_hash="x", role=Role.STATION_CHIEF, station=station)
        racers = [User(name=f"경쟁자{n}", phone=f"+82109999000{n + 1}", password_hash="x", role=Role.VOLUNTEER, station=station) for n in (1, 2)]
        group = VolunteerGroup(name="경쟁 자율방범대", kind="patrol_association", station=station)
        group.memberships = [GroupMembership(user=user) for user in racers]
        starts = datetime.combine(datetime.now(SEOUL).date() + timedelta(days=2), time(20), SEOUL)
        patrol = Patrol(
            title="마지막 자리", station=station, starts_at=starts, ends_at=starts + timedelta(hours=2),
            meeting_point=from_shape(Point(126.95, 37.39), srid=4326), max_volunteers=1, min_officers=0,
            state="published", groups=[group], created_by_id=None,
        )
        db.session.add_all([station, chief, *racers, group])
        db.session.flush()
        patrol.created_by_id = chief.id
        db.session.add(patrol)
        sessions = [AuthSession(id=uuid.uuid4(), user=user, refresh_jti="x") for user in racers]
        db.session.add_all(sessions)
        db.session.commit()
        tokens = [
            create_access_token(str(s.user_id), additional_claims={"sid": str(s.id), "role": "volunteer"}) for s in sessions
        ]
        yield patrol.id, tokens
        db.session.remove()
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))


def test_the_last_seat_goes_to_exactly_one_of_two_simultaneous_sign_ups(app, committed_patrol):
    patrol_id, tokens = committed_patrol
    start_together = threading.Barrier(len(tokens))
    answers = []

    def sign_up(token):
        client = app.test_client()
        start_together.wait()
        response = client.post(f"/api/v1/patrols/{patrol_id}/signups", json={}, headers={"Authorization": f"Bearer {token}"})
        answers.append((response.status_code, response.get_json()["status"]))

    threads = [threading.Thread(target=sign_up, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(answers) == [(201, "confirmed"), (201, "waitlisted")]
    with app.app_context():
        statuses = sorted(
            db.session.scalars(
                db.select(PatrolParticipant.status).where(
                    PatrolParticipant.patrol_id == patrol_id, PatrolParticipant.kind == ParticipantKind.VOLUNTEER
                )
            ).all()
        )
        assert statuses == [ParticipantStatus.CONFIRMED, ParticipantStatus.WAITLISTED]
