from flask.views import MethodView
from flask_jwt_extended import current_user
from flask_limiter.util import get_remote_address

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.users import consent_policy, services
from backend.users.models import Role
from backend.users.schemas import (
    CONSENT_REQUEST_EXAMPLE,
    USER_CREATE_EXAMPLE,
    ConsentPolicySchema,
    ConsentRequestSchema,
    ConsentSchema,
    MeSchema,
    UserCreateSchema,
    UserQuerySchema,
    UserSchema,
    UserUpdateSchema,
)

blp = Blueprint("users", __name__, description="People, their own profile and location consent")

ACCOUNT_MANAGERS = (Role.ADMIN, Role.STATION_CHIEF, Role.COORDINATOR)
PHONE_CONFLICT = "PHONE_UNAVAILABLE: the number is held at a station you cannot see (ask an admin)"


@blp.route("/users")
class Users(MethodView):
    @login_required(*ACCOUNT_MANAGERS)
    @blp.arguments(UserCreateSchema, example=USER_CREATE_EXAMPLE)
    @blp.response(201, UserSchema)
    @blp.alt_response(409, description=PHONE_CONFLICT)
    @problems("ROLE_NOT_ASSIGNABLE", "STATION_OUT_OF_SCOPE", "PHONE_TAKEN", "PHONE_UNAVAILABLE", "PASSWORD_TOO_WEAK")
    def post(self, data):
        """Create an account (admins, station chiefs, coordinators)"""
        return services.create_user(current_user, data)

    @login_required()
    @blp.arguments(UserQuerySchema, location="query")
    @blp.response(200, UserSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """List the people you may see"""
        return services.list_users(current_user, filters, pagination_parameters)


@blp.route("/users/<id:user_id>")
class UserById(MethodView):
    @login_required()
    @blp.response(200, UserSchema)
    def get(self, user_id):
        """Show one person"""
        return services.get_user(current_user, user_id)

    @login_required()
    @blp.arguments(UserUpdateSchema)
    @blp.response(200, UserSchema)
    @blp.doc(
        description="A new password ends the person's other sessions and their calendar feed URL. "
        "Your own needs current_password; a manager resets someone else's without it."
    )
    @blp.alt_response(403, description="CURRENT_PASSWORD_WRONG: your own password changes only with the present one")
    @blp.alt_response(429, description="RATE_LIMITED: wrong current passwords count as failed sign-ins; see Retry-After")
    @blp.alt_response(409, description=PHONE_CONFLICT)
    @problems("FORBIDDEN", "CURRENT_PASSWORD_WRONG", "ROLE_NOT_ASSIGNABLE", "STATION_OUT_OF_SCOPE", "PHONE_TAKEN", "PHONE_UNAVAILABLE", "PASSWORD_TOO_WEAK")
    def patch(self, changes, user_id):
        """Change an account; `is_active: false` deactivates it and ends its sessions"""
        return services.update_user(current_user, user_id, changes, get_remote_address())


@blp.route("/me")
class Me(MethodView):
    @login_required()
    @blp.response(200, MeSchema)
    def get(self):
        """Your profile, groups and location consent"""
        return services.profile(current_user)


@blp.route("/me/consents")
class MyConsents(MethodView):
    operation_ids = {"post": "giveConsent", "delete": "withdrawConsent"}

    @login_required()
    @blp.arguments(ConsentRequestSchema, example=CONSENT_REQUEST_EXAMPLE)
    @blp.response(201, ConsentSchema)
    @blp.alt_response(409, description="CONSENT_POLICY_OUTDATED: not the current version of GET /consent-policy")
    @problems("CONSENT_POLICY_OUTDATED")
    def post(self, data):
        """Consent to location collection during patrols under the current policy version"""
        return services.give_location_consent(current_user, data["policy_version"])

    @login_required()
    @blp.response(204)
    def delete(self):
        """Withdraw location consent"""
        services.withdraw_location_consent(current_user)


@blp.route("/consent-policy")
class ConsentPolicy(MethodView):
    # Public: the policy is shown before consent is asked, and may be read before signing in.
    @blp.doc(security=[])
    @blp.response(200, ConsentPolicySchema)
    def get(self):
        """The location consent policy in force: its version and its text in Korean and English"""
        return consent_policy.current_policy()
