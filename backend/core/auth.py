"""JWT wiring: who the caller is, whether their token still counts, and the role gate.

Every token names its AuthSession ("sid"). A token counts only while that session is not
revoked and its user is active, so logout and deactivation take effect at once.
"""
import functools
import uuid

from flask import g, request
from flask_jwt_extended import current_user, jwt_required
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from backend.auth.models import AuthSession
from backend.core.routing import problems
from backend.errors import AppError, problem_response

# What any route behind a token may answer before it runs.
TOKEN_PROBLEMS = ("UNAUTHORIZED", "TOKEN_INVALID", "TOKEN_EXPIRED", "TOKEN_REVOKED")
from backend.extensions import db, jwt


def login_required(*roles):
    """Route-level permission: a valid access token, and one of `roles` if any are named.
    The spec documents the 401 and, for a role gate, the 403 from here."""

    def decorator(view):
        @problems(*TOKEN_PROBLEMS, *(("FORBIDDEN",) if roles else ()))
        @functools.wraps(view)
        @jwt_required()
        def wrapper(*args, **kwargs):
            if roles and current_user.role not in roles:
                raise AppError("FORBIDDEN")
            return view(*args, **kwargs)

        return wrapper

    return decorator


def accept_bearer_in_any_case():
    """before_request: RFC 9110 makes the scheme of Authorization case-insensitive, while
    flask-jwt-extended looks for "Bearer" exactly; werkzeug's parse of the header gives the
    token, which is handed on under the spelling the extension expects."""
    authorization = request.authorization
    if authorization is not None and authorization.type == "bearer" and authorization.token:
        request.environ["HTTP_AUTHORIZATION"] = f"Bearer {authorization.token}"


def session_of(jwt_payload):
    """The AuthSession a token names, with its user, in one query; cached for the request,
    since both the revocation check and the user lookup need it."""
    cached = g.get("auth_session")
    if cached is not None and str(cached.id) == jwt_payload.get("sid"):
        return cached
    try:
        session_id = uuid.UUID(jwt_payload.get("sid", ""))
    except ValueError:
        return None
    g.auth_session = db.session.scalar(
        select(AuthSession)
        .join(AuthSession.user)
        .options(contains_eager(AuthSession.user))
        .where(AuthSession.id == session_id)
    )
    # Kept apart for the access log, which runs after the commit has expired the row.
    g.auth_user_id = g.auth_session.user_id if g.auth_session is not None else None
    return g.auth_session


def current_session_id():
    """The AuthSession of the request's token (None outside a signed-in request)."""
    session = g.get("auth_session")
    return session.id if session is not None else None


@jwt.token_in_blocklist_loader
def token_is_revoked(_jwt_header, jwt_payload):
    session = session_of(jwt_payload)
    return session is None or session.revoked_at is not None or not session.user.is_active


@jwt.user_lookup_loader
def load_user(_jwt_header, jwt_payload):
    session = session_of(jwt_payload)
    return session.user if session is not None else None


@jwt.unauthorized_loader
def missing_token(_reason):
    return problem_response("UNAUTHORIZED")


@jwt.invalid_token_loader
def invalid_token(_reason):
    return problem_response("TOKEN_INVALID")


@jwt.expired_token_loader
def expired_token(_jwt_header, _jwt_payload):
    return problem_response("TOKEN_EXPIRED")


@jwt.revoked_token_loader
def revoked_token(_jwt_header, _jwt_payload):
    return problem_response("TOKEN_REVOKED")


@jwt.user_lookup_error_loader
def unknown_user(_jwt_header, _jwt_payload):
    return problem_response("TOKEN_REVOKED")
