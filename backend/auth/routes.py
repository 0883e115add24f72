from flask import after_this_request, current_app, request
from flask.views import MethodView
from flask_jwt_extended import (
    get_jwt,
    get_jwt_request_location,
    jwt_required,
    set_refresh_cookies,
    unset_refresh_cookies,
)
from flask_limiter.util import get_remote_address

from backend.auth import services
from backend.auth.backoff import address_group
from backend.auth.schemas import TOKEN_REQUEST_EXAMPLE, TokenRequestSchema, TokenSchema
from backend.core.phones import normalize_korean_mobile
from backend.core.auth import TOKEN_PROBLEMS
from backend.core.routing import Blueprint, problems
from backend.extensions import limiter

blp = Blueprint("auth", __name__, url_prefix="/auth", description="Sign in, refresh, sign out")


def _phone_in_body():
    body = request.get_json(silent=True)
    phone = body.get("phone") if isinstance(body, dict) else None
    return (normalize_korean_mobile(phone) if isinstance(phone, str) else None) or "-"


def _failed_login_key():
    # Counted per phone and address, so one attacker cannot lock out everyone; guessing
    # spread over many addresses meets the per-phone back-off (backend/auth/backoff.py).
    return f"login:{_phone_in_body()}:{address_group(get_remote_address())}"


def _login_failure_limit():
    return current_app.config["LOGIN_FAILURE_LIMIT"]


def _failed(response):
    return response.status_code == 401


def _deliver(tokens, *, in_cookie):
    """The new pair of tokens, the refresh token where the client keeps it: in the body, or
    (browsers) in an HttpOnly cookie that no script, injected ones included, can read."""
    if not in_cookie:
        return tokens
    refresh_token = tokens["refresh_token"]
    tokens["refresh_token"] = None

    @after_this_request
    def set_cookie(response):
        set_refresh_cookies(response, refresh_token)
        return response

    return tokens


@blp.route("/token")
class Token(MethodView):
    operation_ids = {"post": "signIn"}

    @blp.doc(security=[])
    @limiter.limit(_login_failure_limit, key_func=_failed_login_key, deduct_when=_failed)
    @blp.arguments(TokenRequestSchema, example=TOKEN_REQUEST_EXAMPLE)
    @blp.response(200, TokenSchema)
    @blp.alt_response(
        429,
        description="RATE_LIMITED after repeated failures for one phone from one address (5 in 5 "
        "minutes), or, once a phone has had many attempts (10 in an hour) from addresses that have "
        "not signed in to it, while the phone is held from them (a back-off that doubles, at most "
        "15 minutes); see Retry-After",
    )
    @problems("INVALID_CREDENTIALS")
    def post(self, credentials):
        """Sign in with phone and password"""
        tokens = services.sign_in(credentials["phone"], credentials["password"], get_remote_address())
        return _deliver(tokens, in_cookie=credentials["refresh_token_in"] == "cookie")


@blp.route("/refresh")
class Refresh(MethodView):
    operation_ids = {"post": "refreshTokens"}

    # Only this route reads the cookie: every other one takes its token from the header alone.
    @jwt_required(refresh=True, locations=["headers", "cookies"])
    @blp.response(200, TokenSchema)
    @blp.doc(
        security=[{"bearerAuth": []}, {"refreshCookie": []}],
        parameters=[
            {
                "in": "header",
                "name": "X-CSRF-TOKEN",
                "required": False,
                "schema": {"type": "string"},
                "description": "With the refresh cookie only: the patrol_refresh_csrf cookie's value",
            }
        ],
        description="Send the refresh token as the bearer token, or, with no Authorization header, "
        "let the browser send its refresh cookie together with the header X-CSRF-TOKEN holding "
        "the patrol_refresh_csrf cookie's value; the new refresh token goes back where the old one "
        "came from. Each refresh token works once (TOKEN_REVOKED: a refresh token used twice ends "
        f"its session), but the one just replaced, sent again within {services.ROTATION_GRACE.seconds} "
        "seconds (two browser tabs refreshing at once), gets the same new refresh token.",
    )
    @problems(*TOKEN_PROBLEMS, "CSRF_CHECK_FAILED")
    def post(self):
        """Exchange a refresh token for a new pair of tokens"""
        return _deliver(services.refresh(get_jwt()), in_cookie=get_jwt_request_location() == "cookies")


@blp.route("/logout")
class Logout(MethodView):
    operation_ids = {"post": "signOut"}

    @jwt_required()
    @blp.response(204)
    @blp.doc(description="Also clears the refresh cookie of a browser that signed in with refresh_token_in=cookie.")
    @problems(*TOKEN_PROBLEMS)
    def post(self):
        """Sign out: revoke this session's access and refresh tokens"""
        services.sign_out(get_jwt())

        @after_this_request
        def clear_cookie(response):
            unset_refresh_cookies(response)
            return response
