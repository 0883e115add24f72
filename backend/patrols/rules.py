"""Pairing rules: who must be on a patrol before it may go out.

Officer rules block publishing: the station fills them by assigning officers to the
draft. The volunteer minimum is shown as a gap but cannot block publishing, because
volunteers can only sign up to a published patrol.
"""
from datetime import datetime, time, timedelta

from backend.core.time import SEOUL
from backend.zones.models import ZoneKind

NIGHT_STARTS = time(22, 0)
NIGHT_ENDS = time(6, 0)


def staffing_gaps(patrol):
    """What the patrol still lacks, as a list of gaps (empty when fully staffed)."""
    officers = len(patrol.officers)
    volunteers = len(patrol.confirmed_volunteers)
    gaps = []
    if officers < patrol.min_officers:
        gaps.append(_gap("min_officers", patrol.min_officers, officers, True, "officers"))
    if volunteers < patrol.min_volunteers:
        gaps.append(_gap("min_volunteers", patrol.min_volunteers, volunteers, False, "volunteers"))
    if officers == 0 and needs_night_officer(patrol):
        gaps.append(
            _gap("night_women_safe_zone_officer", 1, 0, True, "officer for a women-safe zone at night (22:00-06:00)")
        )
    return gaps


def blocking_gaps(patrol):
    return [gap for gap in staffing_gaps(patrol) if gap["blocks_publishing"]]


def needs_night_officer(patrol):
    covers_women_safe_zone = any(zone.kind == ZoneKind.WOMEN_SAFE_ZONE for zone in patrol.zones)
    return (
        patrol.station.is_officer_required_at_night_in_women_safe_zones
        and covers_women_safe_zone
        and overlaps_night(patrol.starts_at, patrol.ends_at)
    )


def overlaps_night(starts_at, ends_at):
    """Does [starts_at, ends_at) touch 22:00-06:00 Korean time on any night?"""
    first_day = starts_at.astimezone(SEOUL).date() - timedelta(days=1)
    last_day = ends_at.astimezone(SEOUL).date()
    day = first_day
    while day <= last_day:
        night_start = datetime.combine(day, NIGHT_STARTS, SEOUL)
        night_end = datetime.combine(day + timedelta(days=1), NIGHT_ENDS, SEOUL)
        if starts_at < night_end and night_start < ends_at:
            return True
        day += timedelta(days=1)
    return False


def _gap(rule, needed, have, blocks_publishing, what):
    return {
        "rule": rule,
        "needed": needed,
        "have": have,
        "blocks_publishing": blocks_publishing,
        "message": f"needs {needed} {what}, has {have}",
    }
