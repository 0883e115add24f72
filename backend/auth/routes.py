from flask import current_app, request
from flask.views import MethodView
from flask_jwt_extended import get_jwt, jwt_required
from flask_limiter.util import get_remote_address

from backend.auth import services
from backend.auth.schemas import TokenRequestSchema, TokenSchema
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
    return f"login:{_phone_in_body()}:{get_remote_address()}"


def _login_failure_limit():
    return current_app.config["LOGIN_FAILURE_LIMIT"]


def _failed(response):
    return response.status_code == 401


@blp.route("/token")
class Token(MethodView):
    operation_ids = {"post": "signIn"}

    @blp.doc(security=[])
    @limiter.limit(_login_failure_limit, key_func=_failed_login_key, deduct_when=_failed)
    @blp.arguments(TokenRequestSchema)
    @blp.response(200, TokenSchema)
    @blp.alt_response(
        429,
        description="RATE_LIMITED after repeated failures for one phone from one address (5 in 5 "
        "minutes), or, once a phone has had many failures (10 in an hour), for an address that "
        "has just failed on it (a back-off that doubles, at most 15 minutes); see Retry-After",
    )
    @problems("INVALID_CREDENTIALS")
    def post(self, credentials):
        """Sign in with phone and password"""
        return services.sign_in(credentials["phone"], credentials["password"], get_remote_address())


@blp.route("/refresh")
class Refresh(MethodView):
    operation_ids = {"post": "refreshTokens"}

    @jwt_required(refresh=True)
    @blp.response(200, TokenSchema)
    @blp.doc(description="Send the refresh token as the bearer token. Each refresh token works once.")
    @problems(*TOKEN_PROBLEMS)
    def post(self):
        """Exchange a refresh token for a new pair of tokens"""
        return services.refresh(get_jwt())


@blp.route("/logout")
class Logout(MethodView):
    operation_ids = {"post": "signOut"}

    @jwt_required()
    @blp.response(204)
    @problems(*TOKEN_PROBLEMS)
    def post(self):
        """Sign out: revoke this session's access and refresh tokens"""
        services.sign_out(get_jwt())
