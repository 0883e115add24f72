"""A volunteer with a known phone, signing in as the apps do, and a stopped clock for the
sign-in back-off."""
import time
from datetime import timedelta

import jwt
import limits.storage.memory
import pytest
from sqlalchemy import update

from backend.auth import backoff
from backend.auth.models import AuthSession
from backend.auth.services import ROTATION_GRACE
from tests.conftest import PASSWORD


@pytest.fixture
def volunteer(make_user, home_station):
    """A volunteer whose phone is 010-1234-5678 and whose password is PASSWORD."""
    return make_user("volunteer", home_station, phone="+821012345678")


def sign_in(client, phone, password=PASSWORD, **headers):
    return client.post("/api/v1/auth/token", json={"phone": phone, "password": password}, headers=headers)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def jti_of(token):
    """Which token this is: its id, read without checking the signature."""
    return jwt.decode(token, options={"verify_signature": False})["jti"]


def let_rotation_grace_pass(db_session):
    """What waiting out the grace of the refresh token rotated last would do."""
    db_session.execute(update(AuthSession).values(refreshed_at=AuthSession.refreshed_at - ROTATION_GRACE - timedelta(seconds=1)))
    db_session.commit()


class StoppedClock:
    """A clock that does not move: what the limiter's storage and the back-off read as now."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


@pytest.fixture
def stopped_clock(monkeypatch):
    """Holds of a second or two cannot lapse while a busy machine runs the test, and
    Retry-After is exactly the hold."""
    clock = StoppedClock()
    monkeypatch.setattr(limits.storage.memory, "time", clock)
    monkeypatch.setattr(backoff, "time", clock)
    return clock
