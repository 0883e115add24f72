"""A person's span on a patrol, from their check-ins: one definition, read by the live board
and by attendance alike.

It starts at the first check-in that counts (an officer's rejection means it did not). It
ends at the last check-out, unless a check-in came after that check-out: then the person is
back on patrol and the span is open again. These are aggregates over a person's check-ins on
a patrol; group by (patrol_id, user_id), or select one person's.
"""
from sqlalchemy import case, func

from backend.checkins.models import CheckIn, CheckInKind, Review

COUNTS = CheckIn.review.is_distinct_from(Review.REJECTED)


def _recorded(aggregate, kind):
    return aggregate(CheckIn.recorded_at).filter(CheckIn.kind == kind, COUNTS)


def checked_in_at():
    return _recorded(func.min, CheckInKind.CHECK_IN).label("checked_in_at")


def checked_out_at():
    """NULL while the person has not checked out since their last check-in."""
    last_check_out = _recorded(func.max, CheckInKind.CHECK_OUT)
    return case((last_check_out > _recorded(func.max, CheckInKind.CHECK_IN), last_check_out)).label("checked_out_at")
