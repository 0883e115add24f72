import logging

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from backend.auth import backoff
from backend.auth.passwords import hash_password, require_strong, verify_password
from backend.auth.services import end_sessions
from backend.calendar_feeds.services import close_feed
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

log = logging.getLogger(__name__)


def create_user(actor, data):
    _check_role_and_station(actor, data["role"], data["station_id"])
    _check_phone_free(actor, data["phone"])
    require_strong(data["password"], phone=data["phone"], name=data["name"])
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


def profile(user):
    """The person with what their profile shows: station, groups and consents, loaded
    together rather than group by group."""
    return db.session.scalars(
        select(User)
        .where(User.id == user.id)
        .options(
            joinedload(User.station),
            selectinload(User.memberships).joinedload(GroupMembership.group),
            selectinload(User.consents),
        )
    ).one()


def get_user(viewer, user_id):
    return one_or_404(policies.visible_users(viewer).where(User.id == user_id))


def update_user(actor, user_id, changes, address):
    """Change `user_id`'s account as `actor` asks, from `address` (for the sign-in back-off)."""
    user = get_user(actor, user_id)
    current_password = changes.pop("current_password", None)
    if not policies.can_manage(actor, user) and not (
        actor.id == user.id and changes.keys() <= policies.SELF_EDITABLE_FIELDS
    ):
        raise AppError("FORBIDDEN")
    if "role" in changes or "station_id" in changes:
        _check_role_and_station(
            actor, changes.get("role", user.role), changes.get("station_id", user.station_id)
        )
    if "phone" in changes and changes["phone"] != user.phone:
        _check_phone_free(actor, changes["phone"])
    if "password" in changes:
        _set_password(actor, user, changes.pop("password"), current_password, changes, address)
    for name, value in changes.items():
        setattr(user, name, value)
    db.session.flush()
    return user


def _set_password(actor, user, password, current_password, other_changes, address):
    """One's own new password needs the current one (a borrowed phone or a stolen token is not
    enough); someone who manages the account resets it without. Either way every other
    device signs in again and the calendar feed URL stops working (it may have leaked too)."""
    is_own = actor.id == user.id
    if is_own:
        # Guessing the current password here is guessing at sign-in by another door.
        backoff.admit(user.phone, address)
        if not verify_password(user.password_hash, current_password or ""):
            raise AppError("CURRENT_PASSWORD_WRONG")
    require_strong(
        password, phone=other_changes.get("phone", user.phone), name=other_changes.get("name", user.name)
    )
    user.password_hash = hash_password(password)
    end_sessions(user, except_session_id=current_session_id() if is_own else None)
    close_feed(user)


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


def _check_phone_free(actor, phone):
    holder_id = db.session.scalar(select(User.id).where(User.phone == phone))
    if holder_id is None:
        return
    if db.session.scalar(policies.visible_users(actor).where(User.id == holder_id)) is not None:
        raise AppError("PHONE_TAKEN")
    # The number is someone's at a station the caller cannot see: the answer must not say so,
    # only send them to an admin, who sees every station.
    log.info("user %s gave a phone held by account %s outside their stations", actor.id, holder_id)
    raise AppError("PHONE_UNAVAILABLE")
