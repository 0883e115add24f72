import sqlalchemy as sa

from backend.core.models import created_at_column
from backend.extensions import db


class AuthSession(db.Model):
    """One sign-in on one device. Its tokens carry its id; revoking it ends them all.

    refresh_jti is the refresh token that may be used next: each refresh rotates it, and
    presenting an older one (a stolen copy) revokes the session. The one rotated last,
    previous_refresh_jti, is still taken for a few seconds after refreshed_at: two browser tabs
    sharing the refresh cookie may both refresh with it at once.
    """

    __tablename__ = "auth_sessions"

    id = sa.Column(sa.Uuid, primary_key=True)
    user_id = sa.Column(
        sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    refresh_jti = sa.Column(sa.String(64), nullable=False)
    previous_refresh_jti = sa.Column(sa.String(64))
    created_at = created_at_column()
    refreshed_at = sa.Column(sa.DateTime(timezone=True))
    revoked_at = sa.Column(sa.DateTime(timezone=True))

    user = db.relationship("User")
