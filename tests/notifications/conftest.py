"""A fake FCM server, the app pointed at it through the real SDK, and phones registered."""
import pytest

from tests.notifications.fake_fcm import FakeFcm


@pytest.fixture
def fake_fcm(app, tmp_path, monkeypatch):
    with FakeFcm() as fake:
        monkeypatch.setitem(app.config, "FIREBASE_CREDENTIALS", fake.write_service_account(tmp_path / "firebase.json"))
        monkeypatch.setitem(app.config, "FCM_URL", fake.url)
        yield fake


@pytest.fixture
def dispatch(app, fake_fcm):
    """Run `flask notifications dispatch --once` as an operator would."""

    def run():
        result = app.test_cli_runner().invoke(args=["notifications", "dispatch", "--once"])
        assert result.exit_code == 0, result.output
        return result.output

    return run


@pytest.fixture
def phone(client, auth_headers):
    """Register a device for a person; returns its token."""

    def register(user, platform="android", locale=None):
        token = f"fcm-token-{user.id}-{platform}-{'x' * 40}"
        body = {"token": token, "platform": platform, **({"locale": locale} if locale else {})}
        response = client.post("/api/v1/devices", json=body, headers=auth_headers(user))
        assert response.status_code in (200, 201), response.get_json()
        return token

    return register
