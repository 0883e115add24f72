from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.errors import PROBLEM_MIMETYPE, reader_language
from backend.patrols import rules, services, signups
from backend.patrols.policies import PATROL_MANAGERS
from backend.patrols.schemas import (
    PATROL_CREATE_EXAMPLE,
    SIGNUP_REQUEST_EXAMPLE,
    CancelSchema,
    MyPatrolQuerySchema,
    MyPatrolSchema,
    OfficerRequestSchema,
    PatrolCreatedSchema,
    PatrolCreateSchema,
    PatrolQuerySchema,
    PatrolSchema,
    PatrolUpdateSchema,
    RosterSchema,
    ScheduleConflictSchema,
    ScopeQuerySchema,
    ScopeSchema,
    SignupRequestSchema,
    SignupResultSchema,
)

CONFLICT_DESCRIPTION = "SCHEDULE_CONFLICT names the patrol held at that time in conflicting_patrol"


def with_gaps(answer):
    """The patrol, or page of patrols, answered, each with what the pairing rules still miss."""
    rules.note_gaps(answer if isinstance(answer, list) else [answer], reader_language(current_user))
    return answer

blp = Blueprint("patrols", __name__, description="Joint patrols: schedule, publish, sign up, roster")


@blp.route("/patrols")
class Patrols(MethodView):
    @login_required(*PATROL_MANAGERS)
    @blp.arguments(PatrolCreateSchema, example=PATROL_CREATE_EXAMPLE)
    @blp.response(201, PatrolCreatedSchema)
    @problems("STATION_OUT_OF_SCOPE", "PATROL_STARTS_IN_PAST", "PATROL_ENDS_BEFORE_START", "PATROL_TOO_LONG", "ZONE_OUTSIDE_STATION", "GROUP_OUTSIDE_STATION")
    def post(self, data):
        """Create a draft patrol, or a series of them with `recurrence`"""
        return with_gaps(services.create_patrol(current_user, data))

    @login_required()
    @blp.arguments(PatrolQuerySchema, location="query")
    @blp.response(200, PatrolSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """List the patrols you may see, soonest first"""
        return with_gaps(services.list_patrols(current_user, filters, pagination_parameters))


@blp.route("/patrols/<id:patrol_id>")
class PatrolById(MethodView):
    @login_required()
    @blp.response(200, PatrolSchema)
    def get(self, patrol_id):
        """Show one patrol"""
        return with_gaps(services.get_patrol(current_user, patrol_id))

    @login_required(*PATROL_MANAGERS)
    @blp.arguments(PatrolUpdateSchema)
    @blp.response(200, PatrolSchema)
    @problems("PATROL_NOT_EDITABLE", "CAPACITY_BELOW_CONFIRMED", "PATROL_STARTS_IN_PAST", "PATROL_ENDS_BEFORE_START", "PATROL_TOO_LONG", "ZONE_OUTSIDE_STATION", "GROUP_OUTSIDE_STATION")
    def patch(self, changes, patrol_id):
        """Change a patrol (or it and the later occurrences of its series)"""
        return with_gaps(services.update_patrol(current_user, patrol_id, changes))

    @login_required(*PATROL_MANAGERS)
    @blp.response(204)
    @problems("PATROL_NOT_DRAFT")
    def delete(self, patrol_id):
        """Delete a draft patrol"""
        services.delete_patrol(current_user, patrol_id)


@blp.route("/patrols/<id:patrol_id>/publish")
class PatrolPublish(MethodView):
    operation_ids = {"post": "publishPatrol"}

    @login_required(*PATROL_MANAGERS)
    @blp.arguments(ScopeSchema)
    @blp.response(200, PatrolSchema)
    @blp.alt_response(409, description="PAIRING_RULE: errors.gaps lists what is missing")
    @problems("PATROL_NOT_DRAFT", "PATROL_STARTS_IN_PAST", "PAIRING_RULE")
    def post(self, data, patrol_id):
        """Publish a draft: the invited groups can now sign up"""
        return with_gaps(services.publish_patrol(current_user, patrol_id, data["scope"]))


@blp.route("/patrols/<id:patrol_id>/cancel")
class PatrolCancel(MethodView):
    operation_ids = {"post": "cancelPatrol"}

    @login_required(*PATROL_MANAGERS)
    @blp.arguments(CancelSchema)
    @blp.response(200, PatrolSchema)
    def post(self, data, patrol_id):
        """Cancel a patrol, telling everyone on it"""
        return with_gaps(services.cancel_patrol(current_user, patrol_id, data["reason"], data["scope"]))


@blp.route("/patrols/<id:patrol_id>/signups")
class PatrolSignups(MethodView):
    operation_ids = {"post": "signUpForPatrol"}

    @login_required()
    @blp.arguments(SignupRequestSchema, example=SIGNUP_REQUEST_EXAMPLE)
    @blp.response(201, SignupResultSchema)
    @problems("PATROL_NOT_OPEN", "NOT_INVITED", "ALREADY_SIGNED_UP", "SCHEDULE_CONFLICT")
    @blp.alt_response(409, schema=ScheduleConflictSchema, content_type=PROBLEM_MIMETYPE, description=CONFLICT_DESCRIPTION)
    def post(self, data, patrol_id):
        """Sign up yourself, or (group leaders) a member of your group"""
        return signups.sign_up(current_user, patrol_id, data.get("user_id"))


@blp.route("/patrols/<id:patrol_id>/signups/me")
class MySignup(MethodView):
    operation_ids = {"delete": "withdrawMySignup"}

    @login_required()
    @blp.response(204)
    @problems("PATROL_ALREADY_STARTED", "PATROL_NOT_OPEN")
    def delete(self, patrol_id):
        """Withdraw from a patrol"""
        signups.withdraw(current_user, patrol_id, current_user.id)


@blp.route("/patrols/<id:patrol_id>/signups/<id:user_id>")
class PatrolSignup(MethodView):
    operation_ids = {"delete": "removePatrolSignup"}

    @login_required()
    @blp.response(204)
    @problems("PATROL_ALREADY_STARTED", "PATROL_NOT_OPEN")
    def delete(self, patrol_id, user_id):
        """Withdraw someone (yourself, a member of your group, or anyone as station chief)"""
        signups.withdraw(current_user, patrol_id, user_id)


@blp.route("/patrols/<id:patrol_id>/officers")
class PatrolOfficers(MethodView):
    operation_ids = {"post": "addPatrolOfficer"}

    @login_required(*PATROL_MANAGERS)
    @blp.arguments(OfficerRequestSchema)
    @blp.response(201, RosterSchema)
    @problems("OFFICER_OUTSIDE_STATION", "PATROL_NOT_EDITABLE", "ALREADY_SIGNED_UP", "SCHEDULE_CONFLICT")
    @blp.alt_response(409, schema=ScheduleConflictSchema, content_type=PROBLEM_MIMETYPE, description=CONFLICT_DESCRIPTION)
    def post(self, data, patrol_id):
        """Assign an officer of the station (to this occurrence or the following ones too)"""
        return signups.assign_officer(current_user, patrol_id, data["user_id"], data["scope"])


@blp.route("/patrols/<id:patrol_id>/officers/<id:user_id>")
class PatrolOfficer(MethodView):
    operation_ids = {"delete": "removePatrolOfficer"}

    @login_required(*PATROL_MANAGERS)
    @blp.arguments(ScopeQuerySchema, location="query")
    @blp.response(204)
    @problems("PATROL_ALREADY_STARTED")
    def delete(self, query, patrol_id, user_id):
        """Take an officer off a patrol (this occurrence, or the following ones they hold too)"""
        signups.unassign_officer(current_user, patrol_id, user_id, query["scope"])


@blp.route("/patrols/<id:patrol_id>/roster")
class PatrolRoster(MethodView):
    @login_required()
    @blp.response(200, RosterSchema)
    def get(self, patrol_id):
        """Who is confirmed, waitlisted and assigned, and what is still missing"""
        return signups.patrol_roster(current_user, patrol_id)


@blp.route("/me/patrols")
class MyPatrols(MethodView):
    @login_required()
    @blp.arguments(MyPatrolQuerySchema, location="query")
    @blp.response(200, MyPatrolSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """Patrols you are on: upcoming first, then past ones, each with where you stand"""
        return with_gaps(signups.my_patrols(current_user, filters, pagination_parameters))


@blp.route("/me/patrols/open")
class OpenPatrols(MethodView):
    @login_required()
    @blp.response(200, PatrolSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, pagination_parameters):
        """Published patrols you may still join"""
        return with_gaps(signups.open_patrols(current_user, pagination_parameters))
