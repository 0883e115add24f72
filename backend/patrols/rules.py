"""Pairing rules: who must be on a patrol before it may go out.

Officer rules block publishing: the station fills them by assigning officers to the
draft. The volunteer minimum is shown as a gap but cannot block publishing, because
volunteers can only sign up to a published patrol.

The rules are SQL expressions over a patrol row, so one query answers them for a whole
page of patrols and a list can be filtered by them; the night window (22:00-06:00 Korean
time) is the database function touches_seoul_night.
"""
from sqlalchemy import and_, func, literal, or_, select

from backend.extensions import db
from backend.organizations.models import Station
from backend.patrols.models import ParticipantKind, ParticipantStatus, Patrol, PatrolParticipant, PatrolState, patrol_zones
from backend.zones.models import Zone, ZoneKind

# rule: (stable code, blocks publishing, English, Korean)
GAP_RULES = {
    "min_officers": ("OFFICERS_BELOW_MINIMUM", True, "needs {needed} officers, has {have}", "경찰관 {needed}명이 필요하지만 {have}명입니다."),
    "min_volunteers": ("VOLUNTEERS_BELOW_MINIMUM", False, "needs {needed} volunteers, has {have}", "자원봉사자 {needed}명이 필요하지만 {have}명입니다."),
    "night_women_safe_zone_officer": (
        "NIGHT_WOMEN_SAFE_ZONE_WITHOUT_OFFICER",
        True,
        "needs {needed} officer for a women-safe zone at night (22:00-06:00), has {have}",
        "야간(22:00~06:00) 여성안심구역 순찰에는 경찰관 {needed}명이 필요하지만 {have}명입니다.",
    ),
}
GAP_CODES = [code for code, *_ in GAP_RULES.values()]


def _confirmed(kind):
    return (
        select(func.count())
        .where(
            PatrolParticipant.patrol_id == Patrol.id,
            PatrolParticipant.kind == kind.value,
            PatrolParticipant.status == ParticipantStatus.CONFIRMED.value,
        )
        .correlate(Patrol)
        .scalar_subquery()
    )


def _needs_night_officer():
    station_requires = (
        select(Station.is_officer_required_at_night_in_women_safe_zones)
        .where(Station.id == Patrol.station_id)
        .correlate(Patrol)
        .scalar_subquery()
    )
    covers_women_safe_zone = (
        select(patrol_zones.c.zone_id)
        .join(Zone, Zone.id == patrol_zones.c.zone_id)
        .where(patrol_zones.c.patrol_id == Patrol.id, Zone.kind == ZoneKind.WOMEN_SAFE_ZONE.value)
        .correlate(Patrol)
        .exists()
    )
    return and_(station_requires, covers_women_safe_zone, func.touches_seoul_night(Patrol.starts_at, Patrol.ends_at))


def _rules():
    """rule: (is it missing, how many are needed, how many there are), as SQL over a patrol row."""
    officers = _confirmed(ParticipantKind.OFFICER)
    volunteers = _confirmed(ParticipantKind.VOLUNTEER)
    # A cancelled patrol goes out with nobody, so it lacks nobody.
    goes_out = Patrol.state != PatrolState.CANCELLED.value
    return {
        "min_officers": (and_(goes_out, officers < Patrol.min_officers), Patrol.min_officers, officers),
        "min_volunteers": (and_(goes_out, volunteers < Patrol.min_volunteers), Patrol.min_volunteers, volunteers),
        "night_women_safe_zone_officer": (and_(goes_out, officers == 0, _needs_night_officer()), literal(1), officers),
    }


def has_gaps():
    """SQL: does the patrol row miss anything the rules ask for?"""
    return or_(*(missing for missing, _, _ in _rules().values()))


def gaps_by_patrol(patrols, language):
    """{patrol id: its gaps} for these patrols, in one query."""
    if not patrols:
        return {}
    columns = [Patrol.id]
    for rule, expressions in _rules().items():
        columns += [expression.label(f"{rule}__{part}") for part, expression in zip(("missing", "needed", "have"), expressions)]
    rows = db.session.execute(select(*columns).where(Patrol.id.in_([patrol.id for patrol in patrols]))).mappings()
    return {
        row["id"]: [
            _gap(rule, row[f"{rule}__needed"], row[f"{rule}__have"], language) for rule in GAP_RULES if row[f"{rule}__missing"]
        ]
        for row in rows
    }


def staffing_gaps(patrol, language):
    """What the patrol still lacks, as a list of gaps (empty when fully staffed)."""
    return gaps_by_patrol([patrol], language)[patrol.id]


def note_gaps(patrols, language):
    """Set `gaps` on each of these patrols (PatrolSchema shows them), in one query."""
    gaps = gaps_by_patrol(patrols, language)
    for patrol in patrols:
        patrol.gaps = gaps[patrol.id]


def blocking_gaps_by_patrol(patrols, language):
    """{patrol id: the gaps that keep it from being published} for these patrols, in one query."""
    return {
        patrol_id: [gap for gap in gaps if gap["blocks_publishing"]]
        for patrol_id, gaps in gaps_by_patrol(patrols, language).items()
    }


def _gap(rule, needed, have, language):
    code, blocks_publishing, _, _ = GAP_RULES[rule]
    return {
        "rule": rule,
        "code": code,
        "needed": needed,
        "have": have,
        "blocks_publishing": blocks_publishing,
        "message": describe(rule, needed, have, language),
    }


def describe(rule, needed, have, language):
    """A gap in words, in Korean or English."""
    _, _, english, korean = GAP_RULES[rule]
    return (korean if language == "ko" else english).format(needed=needed, have=have)
