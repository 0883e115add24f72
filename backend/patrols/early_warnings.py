"""The early warnings of a patrol night, told to the people who can still act on them.

Two are scheduled when a patrol is published, with its reminders, for its start time:
`patrol.unfilled` a day before the start (to its station chiefs and the leaders of the
invited groups) and `patrol.no_show` PATROL_NO_SHOW_AFTER_MINUTES after it (to its assigned
officers). Whether either has anything to say is decided when the dispatcher fans it out:
a patrol filled meanwhile, or one that everyone came to, tells nobody. The third,
`patrol.walking_alone`, is judged from the points as they arrive (backend/locations/alone.py).
"""
from datetime import timedelta

from flask import current_app
from sqlalchemy import exists, select

from backend.checkins import spans
from backend.checkins.models import CheckIn, CheckInKind
from backend.extensions import db
from backend.patrols import rules
from backend.patrols.models import ParticipantStatus, Patrol, PatrolParticipant
from backend.users.models import User

NO_SHOW = "patrol.no_show"
UNFILLED = "patrol.unfilled"
WALKING_ALONE = "patrol.walking_alone"
UNFILLED_AHEAD = timedelta(hours=24)


def due_times(starts_at):
    """{event type: when it falls due} of the warnings scheduled for a patrol starting then."""
    after_start = timedelta(minutes=current_app.config["NO_SHOW_AFTER_MINUTES"])
    return {UNFILLED: starts_at - UNFILLED_AHEAD, NO_SHOW: starts_at + after_start}


def take_no_show(event):
    """Name, in the payload, the confirmed people who have not checked in (a check-in an
    officer rejected does not count); False when there is nobody to name."""
    patrol = db.session.get(Patrol, event.patrol_id)
    checked_in = exists().where(
        CheckIn.patrol_id == PatrolParticipant.patrol_id,
        CheckIn.user_id == PatrolParticipant.user_id,
        CheckIn.kind == CheckInKind.CHECK_IN,
        spans.COUNTS,
    )
    names = db.session.scalars(
        select(User.name)
        .join(PatrolParticipant, PatrolParticipant.user_id == User.id)
        .where(
            PatrolParticipant.patrol_id == event.patrol_id,
            PatrolParticipant.status == ParticipantStatus.CONFIRMED,
            ~checked_in,
        )
        .order_by(User.name, User.id)
    ).all()
    if not names:
        return False
    # The minutes the warning waited after the start, as it was scheduled.
    after_minutes = round((event.available_at - patrol.starts_at).total_seconds() / 60)
    event.payload = {"missing_count": len(names), "missing_names": names, "after_minutes": after_minutes}
    return True


def take_unfilled(event):
    """Write, in the payload, what the patrol still lacks under the pairing rules; False when
    it lacks nothing (or was cancelled)."""
    gaps = rules.staffing_gaps(db.session.get(Patrol, event.patrol_id), "en")
    if not gaps:
        return False
    event.payload = {
        "gaps": [{key: gap[key] for key in ("rule", "needed", "have")} for gap in gaps],
        "gap_codes": [gap["code"] for gap in gaps],
    }
    return True


# The warnings whose words and readers are decided as they go out.
TAKEN_AT_FAN_OUT = {NO_SHOW: take_no_show, UNFILLED: take_unfilled}
