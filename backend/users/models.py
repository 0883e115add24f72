import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property

from backend.core.models import StrEnum, created_at_column, enum_column, updated_at_column
from backend.extensions import db


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"  # e.g. 자치경찰위원회 staff
    STATION_CHIEF = "station_chief"  # 경찰서장
    OFFICER = "officer"
    VOLUNTEER = "volunteer"


STAFF_ROLES = (Role.COORDINATOR, Role.STATION_CHIEF, Role.OFFICER)


def is_staff_or_admin(user):
    """Station staff see the people of their station family; admins see everyone."""
    return user.role == Role.ADMIN or user.role in STAFF_ROLES


class Locale(StrEnum):
    KO = "ko"
    EN = "en"


class User(db.Model):
    __tablename__ = "users"
    __table_args__ = (
        # Everyone but an admin works for a station; scoping depends on it.
        sa.CheckConstraint("role = 'admin' OR station_id IS NOT NULL", name="station_required"),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(100), nullable=False)
    phone = sa.Column(sa.String(16), nullable=False, unique=True)  # E.164
    password_hash = sa.Column(sa.String(255), nullable=False)
    role = enum_column(Role, "user_role", nullable=False)
    station_id = sa.Column(
        sa.Integer, sa.ForeignKey("stations.id", ondelete="RESTRICT"), index=True
    )
    is_active = sa.Column(sa.Boolean, nullable=False, server_default=sa.true())
    locale = enum_column(Locale, "user_locale", nullable=False, server_default=Locale.KO.value)
    # Changes and cancellations of patrols one is on are always sent; these two may be muted.
    is_reminders_muted = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    is_announcements_muted = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    created_at = created_at_column()
    updated_at = updated_at_column()

    station = db.relationship("Station")
    memberships = db.relationship(
        "GroupMembership", back_populates="user", cascade="all, delete-orphan"
    )
    consents = db.relationship("LocationConsent", back_populates="user", order_by="LocationConsent.granted_at")

    @property
    def active_consent(self):
        return next((c for c in self.consents if c.withdrawn_at is None), None)


class LocationConsent(db.Model):
    """Consent to collect location during patrols (위치정보법): granted, then maybe withdrawn."""

    __tablename__ = "location_consents"
    __table_args__ = (
        # At most one consent in force per person.
        sa.Index(
            "uq_location_consents_active_user",
            "user_id",
            unique=True,
            postgresql_where=sa.text("withdrawn_at IS NULL"),
        ),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    policy_version = sa.Column(sa.String(32), nullable=False)
    granted_at = created_at_column()
    # Ended by a withdrawal, or by a renewal to a newer policy version.
    withdrawn_at = sa.Column(sa.DateTime(timezone=True))
    # A renewal carries consent on without a break: since when it has been in force (the
    # first consent's granted_at). NULL for a consent given afresh: since its granted_at.
    continuous_since = sa.Column(sa.DateTime(timezone=True))

    user = db.relationship("User", back_populates="consents")

    @hybrid_property
    def in_force_since(self):
        return self.continuous_since or self.granted_at

    @in_force_since.inplace.expression
    @classmethod
    def _in_force_since_expression(cls):
        return sa.func.coalesce(cls.continuous_since, cls.granted_at)


def consent_granted_at(user_id):
    """SQL: since when the person's consent has been in force without a break (renewals to
    newer policy versions carry it on, a withdrawal ends it); NULL when there is none."""
    return (
        sa.select(LocationConsent.in_force_since)
        .where(LocationConsent.user_id == user_id, LocationConsent.withdrawn_at.is_(None))
        .scalar_subquery()
    )
