"""Who may read which report. Rows are scoped by `backend.reports.scope`; this decides the
report as a whole."""
from backend.errors import AppError
from backend.users.models import STAFF_ROLES, Role

# Reports only some roles may read; the others are for everyone, each seeing their own rows.
REPORT_ROLES = {"zone-coverage": (Role.ADMIN, *STAFF_ROLES)}


def require_report_role(viewer, report):
    roles = REPORT_ROLES.get(report)
    if roles is not None and viewer.role not in roles:
        raise AppError("FORBIDDEN")
