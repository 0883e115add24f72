import pytest

from backend.config import DEVELOPMENT_SECRET_KEY, ConfigError, load_config, sqlalchemy_url


@pytest.mark.parametrize("secret", [None, "", "too-short", DEVELOPMENT_SECRET_KEY])
def test_production_refuses_to_start_without_a_real_secret(monkeypatch, secret):
    monkeypatch.delenv("PATROL_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="PATROL_SECRET_KEY"):
        load_config({"PATROL_ENV": "production", "SECRET_KEY": secret})


def test_production_refuses_to_start_without_firebase_credentials(monkeypatch):
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    with pytest.raises(ConfigError, match="Firebase"):
        load_config({"PATROL_ENV": "production", "SECRET_KEY": "x" * 48})


def test_production_starts_with_a_real_secret_from_the_environment(monkeypatch):
    monkeypatch.setenv("PATROL_ENV", "production")
    monkeypatch.setenv("PATROL_SECRET_KEY", "x" * 48)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", "/etc/patrol/firebase.json")
    config = load_config()
    assert config["SECRET_KEY"] == "x" * 48
    assert config["JWT_SECRET_KEY"] == "x" * 48
    assert config["TESTING"] is False


def test_unknown_environment_is_refused(monkeypatch):
    monkeypatch.setenv("PATROL_ENV", "staging")
    with pytest.raises(ConfigError, match="PATROL_ENV"):
        load_config()


def test_database_url_from_the_environment_uses_psycopg(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://app@db.internal:5432/patrol")
    assert load_config()["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://app@db.internal:5432/patrol"
    assert sqlalchemy_url("postgres://x/y") == "postgresql+psycopg://x/y"


@pytest.mark.parametrize("name", ["CERTIFICATE_CHECK_LIMIT", "LOGIN_FAILURE_LIMIT"])
def test_a_rate_limit_setting_that_is_no_rate_limit_is_refused(monkeypatch, name):
    monkeypatch.setenv(f"PATROL_{name}", "lots")
    with pytest.raises(ConfigError, match=f"PATROL_{name}"):
        load_config()
    monkeypatch.setenv(f"PATROL_{name}", "10 per minute")
    assert load_config()[name] == "10 per minute"


@pytest.mark.parametrize(
    ("name", "value"),
    [("LOGIN_BACKOFF_AFTER", "0"), ("LOGIN_BACKOFF_MAX_SECONDS", "true"), ("REFRESH_TOKEN_DAYS", "30.5"),
     ("ACCESS_TOKEN_MINUTES", "0"), ("LOCATION_RETENTION_DAYS", "\"90\""), ("PROXY_HOPS", "-1"),
     ("NO_SHOW_AFTER_MINUTES", "0"), ("ALONE_DISTANCE_M", "200.5"), ("ALONE_MINUTES", "100000")],
)
def test_whole_number_settings_are_checked_at_start(monkeypatch, name, value):
    monkeypatch.setenv(f"PATROL_{name}", value)
    with pytest.raises(ConfigError, match=f"PATROL_{name} must be a whole number"):
        load_config()


@pytest.mark.parametrize("value", ["soon", "-5", "2.5", "true", "100000"])
def test_minute_settings_must_be_whole_minutes(monkeypatch, value):
    monkeypatch.setenv("PATROL_LATE_UPLOAD_MINUTES", value)
    with pytest.raises(ConfigError, match="PATROL_LATE_UPLOAD_MINUTES"):
        load_config()


def test_minute_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("PATROL_CHECKOUT_GRACE_MINUTES", "5")
    monkeypatch.setenv("PATROL_DUTY_MARGIN_MINUTES", "0")
    config = load_config()
    assert (config["CHECKOUT_GRACE_MINUTES"], config["LATE_UPLOAD_MINUTES"], config["DUTY_MARGIN_MINUTES"]) == (5, 15, 0)


def test_the_service_area_defaults_to_korea_and_is_read_from_the_environment(monkeypatch):
    assert load_config()["SERVICE_AREA"] == (124.0, 33.0, 132.0, 39.0)
    monkeypatch.setenv("PATROL_SERVICE_AREA", "126.8, 37.2, 127.2, 37.45")
    assert load_config()["SERVICE_AREA"] == (126.8, 37.2, 127.2, 37.45)


@pytest.mark.parametrize("area", ["", "126,37,127", "a,b,c,d", "127,37,126,38", "126,91,127,92", "[1, 2]"])
def test_a_bad_service_area_is_refused(monkeypatch, area):
    monkeypatch.setenv("PATROL_SERVICE_AREA", area)
    with pytest.raises(ConfigError, match="PATROL_SERVICE_AREA"):
        load_config()


def test_the_old_account_lockout_setting_is_refused(monkeypatch):
    monkeypatch.setenv("PATROL_LOGIN_ACCOUNT_LOCKOUT_LIMIT", "20 per hour")
    with pytest.raises(ConfigError, match="PATROL_LOGIN_BACKOFF_AFTER"):
        load_config()


@pytest.mark.parametrize("name, value", [("PATROL_LOGIN_BACKOFF_AFTER", "0"), ("PATROL_LOGIN_BACKOFF_MAX_SECONDS", "soon")])
def test_a_bad_back_off_setting_is_refused(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_config()
