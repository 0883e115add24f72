from sqlalchemy import select

from backend.auth.passwords import hash_password
from backend.auth.services import end_sessions
from backend.core.auth import current_session_id
from backend.core.filters import where_equal
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404, station_is_visible
from backend.core.time import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.locations.retention import erase_for_person
from backend.organizations.models import GroupMembership
from backend.users import consent_policy, policies
from backend.users.models import LocationConsent, Role, User


def create_user(actor, data):
    _check_role_and_station(actor, data["role"], data["station_id"])
    _check_phone_free(data["phone"])
    user = User(
        name=data["name"],
        phone=data["phone"],
        password_hash=hash_password(data["password"]),
        role=data["role"],
        station_id=data["station_id"],
        locale=data["locale"],
    )
    db.session.add(user)
    db.session.flush()
    return user


def list_users(viewer, filters, pagination):
    statement = policies.visible_users(viewer).order_by(User.name, User.id)
    statement = where_equal(statement, User, filters, "station_id", "role", "is_active")
    if "group_id" in filters:
        members = select(GroupMembership.user_id).where(GroupMembership.group_id == filters["group_id"])
        statement = statement.where(User.id.in_(members))
    if "q" in filters:
        statement = statement.where(User.name.icontains(filters["q"], autoescape=True))
    return paginate(statement, pagination)


def get_user(viewer, user_id):
    return one_or_404(policies.visible_users(viewer).where(User.id == user_id))


def update_user(actor, user_id, changes):
    user = get_user(actor, user_id)
    if not policies.can_manage(actor, user) and not (
        actor.id == user.id and changes.keys() <= policies.SELF_EDITABLE_FIELDS
    ):
        raise AppError("FORBIDDEN")
    if "role" in changes or "station_id" in changes:
        _check_role_and_station(
            actor, changes.get("role", user.role), changes.get("station_id", user.station_id)
        )
    if "phone" in changes and changes["phone"] != user.phone:
        _check_phone_free(changes["phone"])
    if "password" in changes:
        user.password_hash = hash_password(changes.pop("password"))
        # A new password often answers a leak: every other device must sign in again.
        end_sessions(user, except_session_id=current_session_id() if actor.id == user.id else None)
    for name, value in changes.items():
        setattr(user, name, value)
    db.session.flush()
    return user


def give_location_consent(user, policy_version):
    """Record consent to the current policy version; consenting again to it changes nothing.

    Renewing a consent to an earlier version carries it on without a break, so what was
    recorded under the earlier one stays valid; only a withdrawal ends consent.
    """
    if policy_version != consent_policy.CURRENT_VERSION:
        raise AppError("CONSENT_POLICY_OUTDATED", current_version=consent_policy.CURRENT_VERSION)
    current = user.active_consent
    if current is not None and current.policy_version == policy_version:
        return current
    continuous_since = None
    if current is not None:
        continuous_since = current.in_force_since
        current.withdrawn_at = utcnow()
        db.session.flush()  # the partial unique index allows one consent in force
    consent = LocationConsent(user=user, policy_version=policy_version, continuous_since=continuous_since)
    db.session.add(consent)
    db.session.flush()
    return consent


def withdraw_location_consent(user):
    """Withdraw consent and delete the person's raw location data with it."""
    current = user.active_consent
    if current is not None:
        current.withdrawn_at = utcnow()
    erase_for_person(user.id)
    db.session.flush()


def _check_role_and_station(actor, role, station_id):
    if not policies.can_assign_role(actor, role):
        raise AppError("ROLE_NOT_ASSIGNABLE")
    if station_id is None:
        if role != Role.ADMIN:
            raise AppError("VALIDATION_ERROR", errors={"station_id": ["Required for this role."]})
        return
    if not station_is_visible(actor, station_id):
        raise AppError("STATION_OUT_OF_SCOPE")


def _check_phone_free(phone):
    if db.session.scalar(select(User.id).where(User.phone == phone)) is not None:
        raise AppError("PHONE_TAKEN")
