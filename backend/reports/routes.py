from flask import current_app
from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.statement_timeout import long_statements
from backend.core.routing import Blueprint, problems
from backend.extensions import limiter
from backend.reports import certificates, jobs, services
from backend.reports.exporters import MIMETYPES
from backend.reports.policies import REPORT_ROLES
from backend.reports.schemas import (
    FILE_FORMATS,
    AttendanceQuerySchema,
    CertificateCheckSchema,
    ExportJobRequestSchema,
    ExportJobSchema,
    ReportFormatSchema,
    ReportSchema,
    VolunteerHoursQuerySchema,
    ZoneCoverageQuerySchema,
)
from backend.users.models import STAFF_ROLES, Role

blp = Blueprint("reports", __name__, description="Attendance, volunteer-hour and zone-coverage reports (JSON, CSV, XLSX, PDF)")

FILE_DESCRIPTION = (
    "format=csv (UTF-8 with BOM), xlsx or pdf answers a file download instead of JSON; "
    "generated clients use the download operation of each file type (the same path ending in .csv, .xlsx or .pdf). "
    "A file of more rows than the server's limit is refused with 409 EXPORT_TOO_LARGE (row_limit): "
    "start it as a background export (POST /export-jobs) instead"
)
FILE = {"type": "string", "format": "binary"}


def with_downloads(blueprint, path, report_name, query_schema, formats, roles=(), codes_of=None):
    """Register `{path}.{format}` on `blueprint` for each file format of a report: one operation per
    media type, so that a client generated from the spec reads each answer as the file it is.
    The JSON report at `path` is the decorated MethodView; its `report(viewer, query, **path
    arguments)` answers each file."""

    def register(view_class):
        file_query = query_schema(exclude=("format",))
        for file_format in formats:

            @long_statements
            def get(self, query, file_format=file_format, **path_arguments):
                return view_class.report(current_user, {**query, "format": file_format}, **path_arguments)

            get.__doc__ = f"{view_class.get.__doc__.splitlines()[0]}, as a {file_format.upper()} file"
            get = problems(*(codes_of or {}).get(file_format, ("EXPORT_TOO_LARGE",)))(get)
            get = blueprint.response(200, FILE, content_type=MIMETYPES[file_format])(get)
            get = blueprint.arguments(file_query, location="query")(get)
            get = login_required(*roles)(get)
            name = f"{view_class.__name__}{file_format.capitalize()}"
            download = type(name, (MethodView,), {"get": get, "operation_ids": {"get": f"download{report_name}{file_format.capitalize()}"}})
            blueprint.route(f"{path}.{file_format}")(download)
        for file_format in formats:
            view_class.get = blueprint.alt_response(200, schema=FILE, content_type=MIMETYPES[file_format], success=True)(view_class.get)
        return blueprint.route(path)(view_class)

    return register


@with_downloads(blp, "/reports/attendance", "AttendanceReport", AttendanceQuerySchema, FILE_FORMATS["attendance"])
class AttendanceReport(MethodView):
    report = staticmethod(services.attendance_report)

    @login_required()
    @blp.arguments(AttendanceQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    @long_statements
    def get(self, query):
        """Attendance per patrol and person over a period (staff: station; leaders: group; volunteers: self)"""
        return services.attendance_report(current_user, query)


CERTIFICATE_PROBLEMS = ("CERTIFICATE_PERSON_REQUIRED", "NOT_A_VOLUNTEER", "HOURS_NOT_APPROVED", "CERTIFICATE_GROUP_REQUIRED")


@with_downloads(blp, "/reports/volunteer-hours", "VolunteerHoursReport", VolunteerHoursQuerySchema, (*FILE_FORMATS["volunteer-hours"], "pdf"),
                codes_of={"pdf": CERTIFICATE_PROBLEMS})
class VolunteerHoursReport(MethodView):
    report = staticmethod(services.volunteer_hours_report)

    @login_required()
    @blp.arguments(VolunteerHoursQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION + "; pdf is a volunteer's certificate of the approved month")
    @problems("EXPORT_TOO_LARGE", *CERTIFICATE_PROBLEMS)
    @long_statements
    def get(self, query):
        """Confirmed and approved volunteer minutes per person and group for a month"""
        return services.volunteer_hours_report(current_user, query)


@with_downloads(blp, "/reports/zone-coverage", "ZoneCoverageReport", ZoneCoverageQuerySchema, FILE_FORMATS["zone-coverage"],
                roles=REPORT_ROLES["zone-coverage"])
class ZoneCoverageReport(MethodView):
    report = staticmethod(services.zone_coverage_report)

    @login_required(*REPORT_ROLES["zone-coverage"])
    @blp.arguments(ZoneCoverageQuerySchema, location="query")
    @blp.response(200, ReportSchema, description=FILE_DESCRIPTION)
    @long_statements
    def get(self, query):
        """Presence per zone, night minutes and last visit; zones nobody visited come first"""
        return services.zone_coverage_report(current_user, query)


@blp.route("/export-jobs")
class ExportJobs(MethodView):
    @login_required()
    @blp.paginate(**PAGE_SIZES)
    @blp.response(200, ExportJobSchema(many=True))
    def get(self, pagination_parameters):
        """Your background exports, newest first"""
        return jobs.list_mine(current_user, pagination_parameters)

    @login_required()
    @blp.arguments(ExportJobRequestSchema, example={"report": "attendance", "format": "xlsx",
                                                     "filters": {"from": "2026-01-01", "to": "2026-12-31", "lang": "ko"}})
    @blp.response(202, ExportJobSchema, description="Queued: follow it with getExportJob (every second or two) "
                                                    "until it is done, then download file_url before expires_at")
    def post(self, request):
        """Start a background export of a report file, for files too large to download at once"""
        return jobs.start(current_user, request)


@blp.route("/export-jobs/<id:job_id>")
class ExportJobById(MethodView):
    @login_required()
    @blp.response(200, ExportJobSchema)
    def get(self, job_id):
        """How far one of your background exports is"""
        return jobs.get(current_user, job_id)


@blp.route("/export-jobs/<id:job_id>/file")
class ExportJobFile(MethodView):
    operation_ids = {"get": "downloadExportJobFile"}

    @login_required()
    @blp.response(200, FILE, content_type="application/octet-stream",
                  description="The file, with its own media type (text/csv, XLSX or application/pdf)")
    @problems("EXPORT_NOT_READY", "EXPORT_EXPIRED")
    def get(self, job_id):
        """Download a finished background export"""
        return jobs.download(current_user, job_id)


@blp.route("/patrols/<id:patrol_id>/sign-in-sheet.pdf")
class SignInSheet(MethodView):
    @login_required(Role.ADMIN, *STAFF_ROLES)
    @blp.arguments(ReportFormatSchema, location="query")
    @blp.response(200, FILE, content_type=MIMETYPES["pdf"])
    def get(self, query, patrol_id):
        """A printable sign-in sheet of a patrol's people, with their unit or group and arrival time"""
        return services.sign_in_sheet(current_user, patrol_id, query)


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
