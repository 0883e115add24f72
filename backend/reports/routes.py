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

FILE_DESCRIPTION = (
    "format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON; "
    "generated clients use the download operation of each file type (the same path ending in .csv, .xlsx or .pdf)"
)
FILE = {"type": "string", "format": "binary"}
MIMETYPES = {"csv": "text/csv", "xlsx": xlsx.MIMETYPE, "pdf": "application/pdf"}


def with_downloads(path, report_name, query_schema, formats, roles=(), codes_of=None):
    """Register `{path}.{format}` for each file format of a report: one operation per media
    type, so that a client generated from the spec reads each answer as the file it is.
    The JSON report at `path` is the decorated MethodView."""

    def register(view_class):
        file_query = query_schema(exclude=("format",))
        for file_format in formats:

            def get(self, query, file_format=file_format):
                return view_class.report(current_user, {**query, "format": file_format})

            get.__doc__ = f"{view_class.get.__doc__.splitlines()[0]}, as a {file_format.upper()} file"
            get = problems(*(codes_of or {}).get(file_format, ()))(get)
            get = blp.response(200, FILE, content_type=MIMETYPES[file_format])(get)
            get = blp.arguments(file_query, location="query")(get)
            get = login_required(*roles)(get)
            name = f"{view_class.__name__}{file_format.capitalize()}"
            download = type(name, (MethodView,), {"get": get, "operation_ids": {"get": f"download{report_name}{file_format.capitalize()}"}})
            blp.route(f"{path}.{file_format}")(download)
        for file_format in formats:
            view_class.get = blp.alt_response(200, schema=FILE, content_type=MIMETYPES[file_format], success=True)(view_class.get)
        return blp.route(path)(view_class)

    return register


@with_downloads("/reports/attendance", "AttendanceReport", AttendanceQuerySchema, ("csv", "xlsx", "pdf"))
class AttendanceReport(MethodView):
    report = staticmethod(services.attendance_report)

    @login_required()
    @blp.arguments(AttendanceQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    def get(self, query):
        """Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self)"""
        return services.attendance_report(current_user, query)


CERTIFICATE_PROBLEMS = ("CERTIFICATE_PERSON_REQUIRED", "NOT_A_VOLUNTEER", "HOURS_NOT_APPROVED", "CERTIFICATE_GROUP_REQUIRED")


@with_downloads("/reports/volunteer-hours", "VolunteerHoursReport", VolunteerHoursQuerySchema, ("csv", "xlsx", "pdf"),
                codes_of={"pdf": CERTIFICATE_PROBLEMS})
class VolunteerHoursReport(MethodView):
    report = staticmethod(services.volunteer_hours_report)

    @login_required()
    @blp.arguments(VolunteerHoursQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION + "; pdf is a volunteer's certificate of the approved month")
    @problems(*CERTIFICATE_PROBLEMS)
    def get(self, query):
        """Confirmed and approved volunteer minutes per person and group for a month"""
        return services.volunteer_hours_report(current_user, query)


@with_downloads("/reports/zone-coverage", "ZoneCoverageReport", ZoneCoverageQuerySchema, ("csv", "xlsx"),
                roles=(Role.ADMIN, *STAFF_ROLES))
class ZoneCoverageReport(MethodView):
    report = staticmethod(services.zone_coverage_report)

    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.arguments(ZoneCoverageQuerySchema, location="query")
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
