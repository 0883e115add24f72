import pytest
from sqlalchemy import select

from backend.users.models import Role, User


def test_create_admin_command_makes_an_admin_who_can_sign_in(app, client, db_session):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "--phone", "010-7777-0001", "--password", "lantern-okra-47", "--name", "관리자"]
    )
    assert result.exit_code == 0, result.output
    admin = db_session.scalar(select(User).where(User.phone == "+821077770001"))
    assert admin.role == Role.ADMIN and admin.station_id is None
    response = client.post("/api/v1/auth/token", json={"phone": "010-7777-0001", "password": "lantern-okra-47"})
    assert response.status_code == 200


def test_create_admin_refuses_a_bad_phone(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "--phone", "12345", "--password", "s3cret-pass", "--name", "x"]
    )
    assert result.exit_code != 0
    assert "Korean mobile" in result.output


def test_create_admin_refuses_a_guessable_password(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "--phone", "010-7777-0002", "--password", "qwerty123", "--name", "관리자"]
    )
    assert result.exit_code != 0
    assert "too easy to guess" in result.output


@pytest.mark.parametrize("password", ["s3-Kx9!", "lantern-okra-47-" * 9])
def test_create_admin_refuses_a_password_too_short_or_too_long(app, password):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "--phone", "010-7777-0003", "--password", password, "--name", "관리자"]
    )
    assert result.exit_code == 2, result.output
    assert "8 to 128 characters" in result.output
