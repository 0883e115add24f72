from flask import current_app
from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.routing import Blueprint, problems
from backend.extensions import limiter
from backend.reports import certificates, services, xlsx
from backend.reports.schemas import (
    AttendanceQuerySchema,
    CertificateCheckSchema,
    ReportSchema,
    VolunteerHoursQuerySchema,
    ZoneCoverageQuerySchema,
)
from backend.users.models import STAFF_ROLES, Role

blp = Blueprint("reports", __name__, description="Attendance, volunteer-hour and zone-coverage reports (JSON, CSV, XLSX, PDF)")

FILE_DESCRIPTION = "format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON"
FILE = {"type": "string", "format": "binary"}
MIMETYPES = {"csv": "text/csv", "xlsx": xlsx.MIMETYPE, "pdf": "application/pdf"}


def downloads(*formats):
    """Document the file types a report's 200 answer may also take (besides JSON)."""

    def decorator(view):
        for name in formats:
            view = blp.alt_response(200, schema=FILE, content_type=MIMETYPES[name], success=True)(view)
        return view

    return decorator


@blp.route("/reports/attendance")
class AttendanceReport(MethodView):
    @login_required()
    @blp.arguments(AttendanceQuerySchema, location="query")
    @downloads("csv", "xlsx", "pdf")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    def get(self, query):
        """Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self)"""
        return services.attendance_report(current_user, query)


@blp.route("/reports/volunteer-hours")
class VolunteerHoursReport(MethodView):
    @login_required()
    @blp.arguments(VolunteerHoursQuerySchema, location="query")
    @downloads("csv", "xlsx", "pdf")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION + "; pdf is a volunteer's certificate of the approved month")
    @problems("CERTIFICATE_PERSON_REQUIRED", "NOT_A_VOLUNTEER", "HOURS_NOT_APPROVED", "CERTIFICATE_GROUP_REQUIRED")
    def get(self, query):
        """Confirmed and approved volunteer minutes per person and group for a month"""
        return services.volunteer_hours_report(current_user, query)


@blp.route("/reports/zone-coverage")
class ZoneCoverageReport(MethodView):
    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.arguments(ZoneCoverageQuerySchema, location="query")
    @downloads("csv", "xlsx")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    def get(self, query):
        """Presence per zone, night minutes and last visit; zones nobody visited come first"""
        return services.zone_coverage_report(current_user, query)


@blp.route("/patrols/<id:patrol_id>/sign-in-sheet.pdf")
class SignInSheet(MethodView):
    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.response(200, FILE, content_type=MIMETYPES["pdf"])
    def get(self, patrol_id):
        """A printable sign-in sheet of the people on a patrol"""
        return services.sign_in_sheet(current_user, patrol_id)


def _certificate_check_limit():
    return current_app.config["CERTIFICATE_CHECK_LIMIT"]


@blp.route("/certificates/<number>")
class CertificateCheck(MethodView):
    operation_ids = {"get": "checkCertificate"}

    @blp.doc(security=[])
    @limiter.limit(_certificate_check_limit)
    @blp.response(200, CertificateCheckSchema)
    @blp.alt_response(422, description="CERTIFICATE_NUMBER_INVALID: not a number we could have printed (a typo)")
    @blp.alt_response(404, description="NOT_FOUND: no certificate has this number")
    @blp.alt_response(429, description="RATE_LIMITED: too many look-ups from one address; wait Retry-After seconds")
    @problems("CERTIFICATE_NUMBER_INVALID")
    def get(self, number):
        """Check a volunteer-hours certificate by its number (no sign-in): genuine or not, for whom and for what"""
        return certificates.check(number)
