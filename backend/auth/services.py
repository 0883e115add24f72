import uuid
from datetime import timedelta

from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token, get_jti
from sqlalchemy import select, update

from backend.auth import backoff
from backend.auth.models import AuthSession
from backend.auth.passwords import hash_password, needs_rehash, verify_password
from backend.core.auth import session_of
from backend.core.time import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.users.models import User

# How long the refresh token rotated last still gets its successor: as long as two browser
# tabs' refreshes by one cookie, sent at once, may take to be answered one after the other.
ROTATION_GRACE = timedelta(seconds=10)


def sign_in(phone, password, address):
    """Check the credentials, sent from `address`, and open a new session with its first pair
    of tokens."""
    backoff.admit(phone, address)
    user = db.session.scalar(select(User).where(User.phone == phone))
    password_ok = verify_password(user.password_hash if user else None, password)
    if user is None or not password_ok or not user.is_active:
        raise AppError("INVALID_CREDENTIALS")
    backoff.remember(phone, address)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session = AuthSession(id=uuid.uuid4(), user=user, refresh_jti="")
    db.session.add(session)
    tokens = _issue_tokens(session)
    db.session.flush()
    return tokens


def refresh(jwt_payload):
    """Rotate the refresh token. Presenting a used one means it leaked: end the session; but
    the one rotated last, presented again within ROTATION_GRACE, gets its successor."""
    # Locked: a refresh sent twice at once is answered one after the other.
    session = db.session.scalars(
        select(AuthSession)
        .where(AuthSession.id == session_of(jwt_payload).id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    now = utcnow()
    if jwt_payload["jti"] == session.refresh_jti:
        session.previous_refresh_jti = session.refresh_jti
        session.refreshed_at = now
        tokens = _issue_tokens(session)
    elif jwt_payload["jti"] == session.previous_refresh_jti and now - session.refreshed_at <= ROTATION_GRACE:
        tokens = _issue_tokens(session, refresh_jti=session.refresh_jti)
    else:
        session.revoked_at = now
        db.session.flush()
        raise AppError("TOKEN_REVOKED", keep_changes=True)
    db.session.flush()
    return tokens


def sign_out(jwt_payload):
    session_of(jwt_payload).revoked_at = utcnow()
    db.session.flush()


def end_sessions(user, except_session_id=None):
    """End every open session of `user`, but the one named (the device asking)."""
    statement = update(AuthSession).where(AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None))
    if except_session_id is not None:
        statement = statement.where(AuthSession.id != except_session_id)
    db.session.execute(statement.values(revoked_at=utcnow()))


def _issue_tokens(session, refresh_jti=None):
    """A new pair; the refresh token rotates unless `refresh_jti` names the one to carry on."""
    identity = str(session.user.id)
    claims = {"sid": str(session.id), "role": session.user.role.value}
    # A claim given here takes precedence over flask-jwt-extended's own (a fresh random jti).
    refresh_claims = {"sid": str(session.id), **({"jti": refresh_jti} if refresh_jti else {})}
    refresh_token = create_refresh_token(identity, additional_claims=refresh_claims)
    session.refresh_jti = get_jti(refresh_token)
    return {
        "access_token": create_access_token(identity, additional_claims=claims),
        "refresh_token": refresh_token,
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
    }
