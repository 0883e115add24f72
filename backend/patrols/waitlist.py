"""Moving people up from the waitlist when seats free up, and places in line."""
from sqlalchemy import func, select

from backend.core.time import utcnow
from backend.notifications.outbox import record_event
from backend.patrols.models import ParticipantKind, ParticipantStatus, PatrolParticipant, PatrolState


def waitlist_positions(patrol_ids):
    """A subquery (patrol_id, user_id, position): each waitlisted volunteer's place in line on
    these patrols, from 1, in the order Patrol.waitlist promotes them."""
    return (
        select(
            PatrolParticipant.patrol_id,
            PatrolParticipant.user_id,
            func.row_number()
            .over(partition_by=PatrolParticipant.patrol_id, order_by=(PatrolParticipant.signed_up_at, PatrolParticipant.id))
            .label("position"),
        )
        .where(
            PatrolParticipant.patrol_id.in_(patrol_ids),
            PatrolParticipant.kind == ParticipantKind.VOLUNTEER.value,
            PatrolParticipant.status == ParticipantStatus.WAITLISTED.value,
        )
        .subquery()
    )


def fill_from_waitlist(patrol):
    """Confirm waitlisted volunteers, first come first served, while seats are free."""
    if patrol.state != PatrolState.PUBLISHED:
        return
    free_seats = patrol.max_volunteers - len(patrol.confirmed_volunteers)
    for participant in patrol.waitlist[: max(free_seats, 0)]:
        participant.status = ParticipantStatus.CONFIRMED
        participant.confirmed_at = utcnow()
        record_event(
            "signup.promoted",
            f"{participant.id}:{participant.confirmed_at.isoformat()}",
            patrol_id=patrol.id,
            payload={"user_id": participant.user_id},
        )
