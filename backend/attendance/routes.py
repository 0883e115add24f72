from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.attendance import services
from backend.attendance.schemas import (
    APPROVE_HOURS_EXAMPLE,
    CONFIRM_EXAMPLE,
    ApproveHoursSchema,
    AttendanceChangeSchema,
    AttendanceSchema,
    ConfirmSchema,
    HoursApprovalQuerySchema,
    HoursApprovalSchema,
    RevokeApprovalSchema,
)
from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.users.models import STAFF_ROLES, Role

blp = Blueprint("attendance", __name__, description="Attendance per patrol, its confirmation, and volunteer hours")


@blp.route("/patrols/<id:patrol_id>/attendance")
class PatrolAttendance(MethodView):
    operation_ids = {"patch": "confirmPatrolAttendance"}

    @login_required()
    @blp.response(200, AttendanceSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, patrol_id, pagination_parameters):
        """Attendance of a patrol, derived from check-ins and points (volunteers: their own)"""
        return services.patrol_attendance(current_user, patrol_id, pagination_parameters)

    @login_required(*services.CONFIRMERS)
    @blp.arguments(ConfirmSchema, example=CONFIRM_EXAMPLE)
    @blp.response(200, AttendanceSchema(many=True))
    @problems("PATROL_NOT_FINISHED", "NOT_ON_PATROL", "DUTY_EXCEEDS_PATROL")
    def patch(self, data, patrol_id):
        """Confirm attendance after the patrol, correcting status, minutes or notes where needed"""
        return services.confirm(current_user, patrol_id, data["entries"])


@blp.route("/attendance/pending-review")
class PendingReview(MethodView):
    operation_ids = {"get": "listAttendancePendingReview"}

    @login_required(*services.CONFIRMERS)
    @blp.response(200, AttendanceSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, pagination_parameters):
        """Attendance awaiting an officer because it rests on late uploads (confirm it to approve them)"""
        return services.pending_review(current_user, pagination_parameters)


@blp.route("/patrols/<id:patrol_id>/attendance/changes")
class AttendanceChanges(MethodView):
    @login_required()
    @blp.response(200, AttendanceChangeSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, patrol_id, pagination_parameters):
        """Every correction made to the patrol's attendance, with its author"""
        return services.changes_of(current_user, patrol_id, pagination_parameters)


@blp.route("/reports/volunteer-hours/approvals")
class HoursApprovals(MethodView):
    operation_ids = {"post": "approveHours"}

    @login_required(*services.HOURS_APPROVERS)
    @blp.arguments(ApproveHoursSchema, example=APPROVE_HOURS_EXAMPLE)
    @blp.response(201, HoursApprovalSchema)
    @problems("NOT_FOUND", "MONTH_NOT_ENDED", "HOURS_ALREADY_APPROVED")
    def post(self, data):
        """Approve a group's volunteer hours for a month that has ended; they are locked from then on"""
        return services.approve_hours(current_user, data["group_id"], data["month"])

    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.arguments(HoursApprovalQuerySchema, location="query")
    @blp.response(200, HoursApprovalSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """Approvals of your station's groups, standing and revoked, newest month first"""
        return services.list_approvals(current_user, filters, pagination_parameters)


@blp.route("/reports/volunteer-hours/approvals/<id:approval_id>/revoke")
class HoursApprovalRevocation(MethodView):
    operation_ids = {"post": "revokeHoursApproval"}

    @login_required(Role.ADMIN)
    @blp.arguments(RevokeApprovalSchema)
    @blp.response(200, HoursApprovalSchema)
    @problems("APPROVAL_ALREADY_REVOKED")
    def post(self, data, approval_id):
        """Revoke an approval with a reason (admins): the month unlocks and its certificates stop being current"""
        return services.revoke_approval(current_user, approval_id, data["reason"])
