"""A volunteer with a known phone, and signing in as the apps do."""
from datetime import timedelta

import jwt
import pytest
from sqlalchemy import update

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
