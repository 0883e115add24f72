"""The rules for a patrol's times, checked by the schema and again on a PATCH's merged values."""
from datetime import timedelta

from flask import current_app

from backend.core.time import utcnow

MAX_PATROL_DURATION = timedelta(hours=12)
# A phone's clock may run a little fast; more than this ahead is not a real fix.
CLOCK_SKEW_ALLOWED = timedelta(minutes=2)


def location_window(starts_at, ends_at, checkin_opens_minutes):
    """When a participant's location may be taken for a patrol: [opens, closes]. The
    minutes before the start come from the patrol's station."""
    return checkin_opens_at(starts_at, checkin_opens_minutes), ends_at + grace_after_end()


def sos_window(starts_at, ends_at, checkin_opens_minutes):
    """When a participant may raise an SOS: from check-in's opening until the walk home is
    over (PATROL_SOS_AFTER_END_MINUTES after the end)."""
    after_end = timedelta(minutes=current_app.config["SOS_AFTER_END_MINUTES"])
    return checkin_opens_at(starts_at, checkin_opens_minutes), ends_at + after_end


def checkin_opens_at(starts_at, checkin_opens_minutes):
    return starts_at - timedelta(minutes=checkin_opens_minutes)


def grace_after_end():
    """How long after a patrol's end its people may still check out and their points are taken:
    they walk back to the meeting point (PATROL_CHECKOUT_GRACE_MINUTES)."""
    return timedelta(minutes=current_app.config["CHECKOUT_GRACE_MINUTES"])


def is_recorded_in_future(recorded_at):
    return recorded_at > utcnow() + CLOCK_SKEW_ALLOWED


def location_time_problem(recorded_at, window):
    """The error code for a fix recorded at this time, or None when it may be kept."""
    if is_recorded_in_future(recorded_at):
        return "RECORDED_IN_FUTURE"
    opens, closes = window
    if not opens <= recorded_at <= closes:
        return "OUTSIDE_PATROL_WINDOW"
    return None


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
