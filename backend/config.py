"""Settings read from the environment: DATABASE_URL, and PATROL_* for everything else.

Values are validated once at start so a misconfigured production server refuses to boot
instead of running with a guessable secret.
"""
import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path

from limits import parse_many

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/patrol"
# Only ever used outside production; production refuses to start with it.
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"
MIN_SECRET_KEY_LENGTH = 32
ENVIRONMENTS = ("development", "testing", "production")
REFRESH_COOKIE_NAME = "patrol_refresh_token"


# A tile server's address template as Leaflet takes it; {s} (subdomains) is allowed too.
TILE_URL_PATTERN = re.compile(r"^https?://[^/\s]+/(?=.*\{z\})(?=.*\{x\})(?=.*\{y\})\S*$")
MAX_SETTING_MINUTES = 24 * 60
# Whole numbers read from PATROL_<name>: the least and the most each may be (None: no most).
WHOLE_NUMBER_SETTINGS = {
    "ACCESS_TOKEN_MINUTES": (1, None),
    "REFRESH_TOKEN_DAYS": (1, None),
    "LOGIN_BACKOFF_AFTER": (1, None),
    "LOGIN_BACKOFF_MAX_SECONDS": (1, None),
    "LOCATION_RETENTION_DAYS": (1, None),
    "INCIDENT_RETENTION_DAYS": (1, None),
    "CHECKOUT_GRACE_MINUTES": (0, MAX_SETTING_MINUTES),
    "LATE_UPLOAD_MINUTES": (0, MAX_SETTING_MINUTES),
    "DUTY_MARGIN_MINUTES": (0, MAX_SETTING_MINUTES),
    "SOS_AFTER_END_MINUTES": (0, MAX_SETTING_MINUTES),
    "SOS_NEARBY_M": (0, 10_000),
    "SOS_ESCALATE_AFTER_S": (0, 3600),
    "SOS_REPEAT_S": (1, 3600),
    "SOS_REPEATS": (0, 20),
    "NO_SHOW_AFTER_MINUTES": (1, MAX_SETTING_MINUTES),
    "ALONE_DISTANCE_M": (1, 10_000),
    "ALONE_MINUTES": (1, MAX_SETTING_MINUTES),
    "PROXY_HOPS": (0, None),
    "STATEMENT_TIMEOUT_MS": (1, None),
    "LONG_STATEMENT_TIMEOUT_MS": (1, None),
    "EXPORT_JOB_ROWS": (1, None),
    "EXPORT_FILE_HOURS": (1, None),
}
# Rate limits read from PATROL_<name>, in the limits library's notation ("30 per hour").
RATE_LIMIT_SETTINGS = ("LOGIN_FAILURE_LIMIT", "CERTIFICATE_CHECK_LIMIT")


class ConfigError(RuntimeError):
    """The environment does not describe a server we may start."""


def sqlalchemy_url(database_url):
    """Point plain postgresql:// URLs at the psycopg 3 driver we install."""
    for prefix in ("postgresql://", "postgres://"):
        if database_url.startswith(prefix):
            return "postgresql+psycopg://" + database_url[len(prefix):]
    return database_url


def default_settings():
    return {
        "PATROL_ENV": "development",
        "SECRET_KEY": None,
        "SQLALCHEMY_ENGINE_OPTIONS": {
            "pool_pre_ping": True,
            # Timestamps leave the database in UTC whatever the server's zone; an
            # unreachable database fails the request in seconds, not minutes.
            "connect_args": {"options": "-c timezone=UTC", "connect_timeout": 5},
            # Error messages and logs show SQL without its values (password hashes, phones).
            "hide_parameters": True,
        },
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "JSON_AS_ASCII": False,
        "ACCESS_TOKEN_MINUTES": 15,
        "REFRESH_TOKEN_DAYS": 30,
        "LOGIN_FAILURE_LIMIT": "5 per 5 minutes",
        # Look-ups of certificate numbers from one address: anyone may check, nobody may sweep.
        "CERTIFICATE_CHECK_LIMIT": "30 per hour",
        # Sign-in attempts on one phone in an hour, from addresses that have not signed in to
        # it, before each further one holds the phone from them (1 s, doubling, at most the maximum).
        "LOGIN_BACKOFF_AFTER": 10,
        "LOGIN_BACKOFF_MAX_SECONDS": 900,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_ENABLED": True,
        "LOCATION_RETENTION_DAYS": 90,
        # Where an SOS was raised and the positions its raiser's phone sent are incident
        # records, kept this long rather than as raw track points.
        "INCIDENT_RETENTION_DAYS": 365,
        # Where zones and meeting points may lie: min lon, min lat, max lon, max lat (WGS84).
        # The default is generous around the Korean peninsula and islands (Jeju, Ulleungdo, Dokdo).
        "SERVICE_AREA": "124.0,33.0,132.0,39.0",
        # Firebase service-account JSON (falls back to GOOGLE_APPLICATION_CREDENTIALS).
        "FIREBASE_CREDENTIALS": None,
        # Replaces https://fcm.googleapis.com: for tests and staging against a fake FCM only.
        "FCM_URL": None,
        "PUSH_RETRY_BASE_SECONDS": 30,
        # How long after a patrol's end people may check out and their points are taken; a
        # check-in or check-out recorded later is refused (the consent text states it).
        "CHECKOUT_GRACE_MINUTES": 15,
        # A fact received more than this after it was recorded (or after the patrol ended)
        # waits for an officer's review before attendance counts it.
        "LATE_UPLOAD_MINUTES": 15,
        # How far confirmed duty may exceed the patrol's own length (walking back, handover).
        "DUTY_MARGIN_MINUTES": 30,
        # How long after a patrol's end its people may still raise an SOS: the walk home.
        "SOS_AFTER_END_MINUTES": 60,
        # Participants whose last trusted position lies within this many metres of an SOS
        # are alerted with the patrol's officers and station chief.
        "SOS_NEARBY_M": 300,
        # An alert nobody has acknowledged this long after it was raised reaches the whole
        # station family's staff and, again, the first tier; then, every SOS_REPEAT_S, at
        # most SOS_REPEATS times, everyone it reached is told again.
        "SOS_ESCALATE_AFTER_S": 60,
        "SOS_REPEAT_S": 30,
        "SOS_REPEATS": 3,
        # The patrol's officers hear who has not checked in this long after its start.
        "NO_SHOW_AFTER_MINUTES": 15,
        # ... and of a volunteer in a women-safe zone at night whose trusted positions stayed
        # farther than ALONE_DISTANCE_M from every other participant for over ALONE_MINUTES.
        "ALONE_DISTANCE_M": 200,
        "ALONE_MINUTES": 5,
        # How long one database statement of a request may run (reports and imports: the
        # long limit) before the request is answered 503 QUERY_TIMEOUT.
        "STATEMENT_TIMEOUT_MS": 5000,
        "LONG_STATEMENT_TIMEOUT_MS": 120000,
        # A report file of more rows than this is made by a background job (POST
        # /export-jobs) rather than in the request, which a browser or proxy may time out.
        "EXPORT_JOB_ROWS": 10000,
        # How long a background export's file is kept for download.
        "EXPORT_FILE_HOURS": 24,
        # Map tiles under the console's zones, {z}/{x}/{y} filled in by the map; empty for
        # none (the console then draws zones on a plain background). Its origin joins the
        # console's image policy.
        "MAP_TILE_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "MAP_TILE_ATTRIBUTION": "© OpenStreetMap contributors",
        # The built console (npm run build in console/), served at /console/.
        "CONSOLE_DIST": str(Path(__file__).resolve().parent.parent / "console" / "dist"),
        # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted.
        "PROXY_HOPS": 0,
        # Who may read /metrics: a bearer token, addresses and networks ("10.0.0.0/8, ::1"),
        # or both (both must then hold). Neither: /metrics does not exist.
        "METRICS_TOKEN": None,
        "METRICS_ALLOW": None,
        # flask-smorest / OpenAPI
        "API_TITLE": "Joint Patrol API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }


def load_config(overrides=None):
    """Build the settings dict: defaults, then the environment, then explicit overrides."""
    from flask import Config

    config = Config(root_path=os.getcwd())
    config.update(default_settings())
    config["SQLALCHEMY_DATABASE_URI"] = sqlalchemy_url(
        os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    # PATROL_SECRET_KEY -> SECRET_KEY, PATROL_ENV stays PATROL_ENV ...
    config.from_prefixed_env("PATROL")
    if "ENV" in config:
        config["PATROL_ENV"] = config.pop("ENV")
    config.update(overrides or {})
    _finish(config)
    return config


def _finish(config):
    env = config["PATROL_ENV"]
    if env not in ENVIRONMENTS:
        raise ConfigError(f"PATROL_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    if env == "production":
        key = config.get("SECRET_KEY") or ""
        if len(key) < MIN_SECRET_KEY_LENGTH or key == DEVELOPMENT_SECRET_KEY:
            raise ConfigError(
                f"production needs PATROL_SECRET_KEY: a random secret of at least "
                f"{MIN_SECRET_KEY_LENGTH} characters"
            )
    elif not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = DEVELOPMENT_SECRET_KEY
    config["FIREBASE_CREDENTIALS"] = config["FIREBASE_CREDENTIALS"] or os.environ.get("GOOGLE_APPLICATION_CREDENTIALS")
    if env == "production" and not config["FIREBASE_CREDENTIALS"]:
        raise ConfigError(
            "production needs Firebase credentials: PATROL_FIREBASE_CREDENTIALS or "
            "GOOGLE_APPLICATION_CREDENTIALS naming a service-account JSON file"
        )
    for name in RATE_LIMIT_SETTINGS:
        _check_rate_limit(config, name)
    for name, (least, most) in WHOLE_NUMBER_SETTINGS.items():
        _check_whole_number(config, name, least, most)
    if "LOGIN_ACCOUNT_LOCKOUT_LIMIT" in config:
        # Its lockout let anyone lock a known phone out; refusing the setting tells whoever
        # still sets it that it no longer does anything.
        raise ConfigError(
            "PATROL_LOGIN_ACCOUNT_LOCKOUT_LIMIT is gone: the per-phone lockout is now a back-off, "
            "set by PATROL_LOGIN_BACKOFF_AFTER and PATROL_LOGIN_BACKOFF_MAX_SECONDS"
        )
    config["SERVICE_AREA"] = parse_service_area(config["SERVICE_AREA"])
    if config["MAP_TILE_URL"] and not TILE_URL_PATTERN.match(config["MAP_TILE_URL"]):
        raise ConfigError(
            "PATROL_MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y} in it, or empty for no tiles, "
            f"not {config['MAP_TILE_URL']!r}"
        )
    _check_metrics_token(config)
    config["METRICS_ALLOW"] = parse_allow_list(config["METRICS_ALLOW"])
    config["TESTING"] = env == "testing"
    config["JWT_SECRET_KEY"] = config["SECRET_KEY"]
    config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(minutes=config["ACCESS_TOKEN_MINUTES"])
    config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=config["REFRESH_TOKEN_DAYS"])
    config["JWT_TOKEN_LOCATION"] = ["headers"]
    # A browser client may ask for its refresh token in a cookie that script cannot read
    # (POST /auth/token, refresh_token_in=cookie); only the refresh route reads it, and the
    # cookie goes nowhere but the auth paths.
    config["JWT_REFRESH_COOKIE_NAME"] = REFRESH_COOKIE_NAME
    config["JWT_REFRESH_COOKIE_PATH"] = "/api/v1/auth"
    config["JWT_COOKIE_SECURE"] = True
    config["JWT_COOKIE_SAMESITE"] = "Strict"
    # Double submit against cross-site requests: the cookie's token holds a random value
    # that the client reads from a second, readable cookie and sends back in X-CSRF-TOKEN,
    # which another site can neither read nor send. It is no credential, so any path may see it.
    config["JWT_COOKIE_CSRF_PROTECT"] = True
    config["JWT_REFRESH_CSRF_COOKIE_NAME"] = "patrol_refresh_csrf"
    config["JWT_REFRESH_CSRF_COOKIE_PATH"] = "/"
    # Problem+json handlers need the raw exception rather than Flask's default page.
    config["PROPAGATE_EXCEPTIONS"] = False
    config["JWT_ERROR_MESSAGE_KEY"] = "detail"


def _check_whole_number(config, name, least, most):
    # from_prefixed_env reads "15" as JSON, so a whole number arrives as an int (and true as a bool).
    value = config[name]
    if type(value) is not int or value < least or (most is not None and value > most):
        bounds = f"from {least} to {most}" if most is not None else f"of at least {least}"
        raise ConfigError(f"PATROL_{name} must be a whole number {bounds}, not {value!r}")


def _check_rate_limit(config, name):
    try:
        parse_many(config[name])
    except (TypeError, ValueError):
        raise ConfigError(f"PATROL_{name} must be a rate limit such as '30 per hour', not {config[name]!r}") from None


def _check_metrics_token(config):
    # A number-like token would arrive as a number (from_prefixed_env reads JSON); a random
    # one of this length is text.
    token = config["METRICS_TOKEN"]
    if token is not None and not (isinstance(token, str) and len(token) >= MIN_SECRET_KEY_LENGTH):
        raise ConfigError(f"PATROL_METRICS_TOKEN must be a random text of at least {MIN_SECRET_KEY_LENGTH} characters")


def parse_allow_list(value):
    """PATROL_METRICS_ALLOW, addresses and networks separated by commas or spaces (or a list
    of them), as a tuple of networks; empty for none."""
    parts = value.replace(",", " ").split() if isinstance(value, str) else (value or ())
    try:
        # strict: "10.0.0.1/8" is refused rather than read as 10.0.0.0/8, which may not be meant.
        return tuple(ipaddress.ip_network(part, strict=True) for part in parts)
    except (TypeError, ValueError):
        raise ConfigError(
            f"PATROL_METRICS_ALLOW must list IP addresses or networks such as 10.0.0.0/8, not {value!r}"
        ) from None


def parse_service_area(value):
    """PATROL_SERVICE_AREA, "minLon,minLat,maxLon,maxLat" (or a list of four numbers), as a tuple."""
    parts = value.split(",") if isinstance(value, str) else value
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except (TypeError, ValueError):
        raise ConfigError(f"PATROL_SERVICE_AREA must be minLon,minLat,maxLon,maxLat, not {value!r}") from None
    if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
        raise ConfigError(
            f"PATROL_SERVICE_AREA must be minLon,minLat,maxLon,maxLat with each minimum below its "
            f"maximum, longitudes within -180..180 and latitudes within -90..90, not {value!r}"
        )
    return (min_lon, min_lat, max_lon, max_lat)
