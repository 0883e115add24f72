"""Moving people up from the waitlist when seats free up (Patrol.waitlist says in which order)."""
from backend.core.time import utcnow
from backend.notifications.outbox import record_event
from backend.patrols.models import ParticipantStatus, PatrolState


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
