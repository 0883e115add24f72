from flask.views import MethodView
from flask_jwt_extended import current_user
from flask_smorest import Blueprint

from backend.core.auth import login_required
from backend.reports import services
from backend.reports.schemas import AttendanceQuerySchema, ReportSchema, VolunteerHoursQuerySchema, ZoneCoverageQuerySchema
from backend.users.models import STAFF_ROLES, Role

blp = Blueprint("reports", __name__, description="Attendance, volunteer-hour and zone-coverage reports (JSON, CSV, XLSX, PDF)")

FILE_DESCRIPTION = "format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON"


@blp.route("/reports/attendance")
class AttendanceReport(MethodView):
    @login_required()
    @blp.arguments(AttendanceQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    def get(self, query):
        """Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self)"""
        return services.attendance_report(current_user, query)


@blp.route("/reports/volunteer-hours")
class VolunteerHoursReport(MethodView):
    @login_required()
    @blp.arguments(VolunteerHoursQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION + "; pdf is a person's certificate")
    def get(self, query):
        """Confirmed volunteer minutes per person and group for a month"""
        return services.volunteer_hours_report(current_user, query)


@blp.route("/reports/zone-coverage")
class ZoneCoverageReport(MethodView):
    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.arguments(ZoneCoverageQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    def get(self, query):
        """Presence per zone, night minutes and last visit; zones nobody visited come first"""
        return services.zone_coverage_report(current_user, query)


@blp.route("/patrols/<int:patrol_id>/sign-in-sheet.pdf")
class SignInSheet(MethodView):
    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf")
    def get(self, patrol_id):
        """A printable sign-in sheet of the people on a patrol"""
        return services.sign_in_sheet(current_user, patrol_id)
