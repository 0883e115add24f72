"""Joint Patrol API: police stations and volunteer groups running night patrols together."""
import re
import uuid
from pathlib import Path

from flask import Flask, g, request
from sqlalchemy.exc import OperationalError
from werkzeug.middleware.proxy_fix import ProxyFix

from backend.auth import backoff
from backend.config import REFRESH_COOKIE_NAME, load_config
from backend.core.auth import accept_bearer_in_any_case
from backend.core.chunked_body import SizedChunkedBody
from backend.core.json_input import StrictJSONProvider, refuse_unstorable_url
from backend.core.request_log import configure_logging
from backend.core.routing import ID_CONVERTERS
from backend.errors import handle_database_unavailable, register_error_handlers
from backend.extensions import api, db, jwt, limiter, migrate, talisman
from backend.metrics.instruments import watch_pool

API_PREFIX = "/api/v1"
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def create_app(config=None):
    app = Flask(__name__, static_folder=None)
    app.config.from_mapping(load_config(config))
    app.json = StrictJSONProvider(app)
    app.json.ensure_ascii = False  # Korean stays readable in responses
    configure_logging(app)  # first, so that its access line is written after everything else

    _init_extensions(app)
    _register_blueprints(app)
    register_error_handlers(app)
    _register_request_hooks(app)
    _register_commands(app)
    if app.config["MAX_CONTENT_LENGTH"]:
        app.wsgi_app = SizedChunkedBody(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])
    if app.config["PROXY_HOPS"]:
        # Behind a TLS proxy: client addresses (rate limits) and https URLs (feed links).
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app


def _init_extensions(app):
    from backend import models  # noqa: F401  (every model registered before first use)
    from backend.core import auth  # noqa: F401  (JWT callbacks)
    from backend.core import statement_timeout  # noqa: F401  (each request's statement limit)
    app.config.setdefault("API_SPEC_OPTIONS", _spec_options())
    app.url_map.converters.update(ID_CONVERTERS)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    jwt.init_app(app)
    # Before the limiter: Flask runs after-request functions last registered first.
    app.after_request(backoff.keep_retry_after)
    limiter.init_app(app)
    api.init_app(app)
    _init_security_headers(app)
    with app.app_context():
        watch_pool(db.engine.pool)


def _init_security_headers(app):
    # A JSON API: nothing may frame, embed or sniff its answers. TLS ends at the proxy in
    # front (PATROL_PROXY_HOPS), which redirects plain HTTP; HSTS goes on secure requests.
    talisman.init_app(
        app,
        force_https=False,
        content_security_policy={"default-src": "'none'", "frame-ancestors": "'none'"},
        frame_options="DENY",
        referrer_policy="no-referrer",
        session_cookie_secure=True,
    )

    @app.after_request
    def keep_out_of_caches(response):
        # Answers carry people's names, phones and locations: no shared or disk cache keeps them.
        response.headers.setdefault("Cache-Control", "no-store")
        return response


def _spec_options():
    return {
        "info": {
            "description": "Joint night patrols of police stations and citizen volunteer "
            "groups. Errors are application/problem+json with a stable `code`; see "
            "mobile_api_spec/README.md.",
            # Who answers app developers' questions; the code carries no public licence.
            "contact": {"name": "Joint Patrol API maintainers (합동순찰 API 관리자)"},
            "license": {"name": "Proprietary"},
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}],
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                # A browser's refresh token (POST /auth/token with refresh_token_in=cookie).
                "refreshCookie": {"type": "apiKey", "in": "cookie", "name": REFRESH_COOKIE_NAME},
            }
        },
    }


def _register_blueprints(app):
    from backend.api_docs.routes import blp as index_blp, pages as docs_pages
    from backend.attendance.routes import blp as attendance_blp
    from backend.auth.routes import blp as auth_blp
    from backend.calendar_feeds.routes import blp as calendar_feeds_blp
    from backend.checkins.routes import blp as checkins_blp
    from backend.console.routes import pages as console_pages
    from backend.health.routes import probes
    from backend.live.routes import blp as live_blp
    from backend.locations.routes import blp as locations_blp
    from backend.metrics.routes import exposition, is_exposed
    from backend.notifications.routes import blp as notifications_blp
    from backend.organizations.routes import blp as organizations_blp
    from backend.patrols.routes import blp as patrols_blp
    from backend.reports.routes import blp as reports_blp
    from backend.sos.routes import blp as sos_blp
    from backend.users.routes import blp as users_blp
    from backend.zones.routes import blp as zones_blp

    blueprints = (
        index_blp,
        auth_blp,
        users_blp,
        organizations_blp,
        zones_blp,
        patrols_blp,
        calendar_feeds_blp,
        checkins_blp,
        locations_blp,
        live_blp,
        notifications_blp,
        attendance_blp,
        reports_blp,
        sos_blp,
    )
    for blueprint in blueprints:
        # Flask replaces a blueprint's own prefix with the one given here, so join them.
        api.register_blueprint(blueprint, url_prefix=API_PREFIX + (blueprint.url_prefix or ""))
    app.register_blueprint(docs_pages, url_prefix=API_PREFIX)
    app.register_blueprint(console_pages)
    app.register_blueprint(probes)
    if is_exposed(app.config):
        app.register_blueprint(exposition)


def _register_request_hooks(app):
    @app.before_request
    def assign_request_id():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex

    app.before_request(refuse_unstorable_url)
    app.before_request(accept_bearer_in_any_case)

    @app.after_request
    def commit_once(response):
        # The one commit of the request (services only flush). A failed request keeps
        # nothing, unless its AppError said the refusal must be recorded.
        if response.status_code < 400 or g.get("keep_changes"):
            try:
                db.session.commit()
            except OperationalError as error:
                # The database went away between the work and its commit. Whether the
                # commit landed is unknown, so the caller is told to retry: a retry with
                # the same client_event_id stores nothing twice.
                db.session.rollback()
                response = handle_database_unavailable(error)
        else:
            db.session.rollback()
        response.headers["X-Request-ID"] = g.get("request_id", "")
        return response


def _register_commands(app):
    from backend.cli.derive import derive_cli
    from backend.cli.drill import sos_drill
    from backend.cli.locations import locations_cli
    from backend.cli.notifications import notifications_cli
    from backend.cli.reports import reports_cli
    from backend.cli.seed import seed_cli
    from backend.cli.users import users_cli

    app.cli.add_command(derive_cli)
    app.cli.add_command(locations_cli)
    app.cli.add_command(notifications_cli)
    app.cli.add_command(reports_cli)
    seed_cli.add_command(sos_drill)
    app.cli.add_command(seed_cli)
    app.cli.add_command(users_cli)
