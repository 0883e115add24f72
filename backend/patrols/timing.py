"""The rules for a patrol's times, checked by the schema and again on a PATCH's merged values."""
from datetime import timedelta

from backend.core.time import utcnow

MAX_PATROL_DURATION = timedelta(hours=12)


def timing_problem(starts_at, ends_at):
    """(error code, field) for times a patrol cannot have, or None. Either may be None (unknown)."""
    if starts_at is not None and starts_at <= utcnow():
        return "PATROL_STARTS_IN_PAST", "starts_at"
    if starts_at is None or ends_at is None:
        return None
    if ends_at <= starts_at:
        return "PATROL_ENDS_BEFORE_START", "ends_at"
    if ends_at - starts_at > MAX_PATROL_DURATION:
        return "PATROL_TOO_LONG", "ends_at"
    return None
