"""The day partitions of location_points: made ahead of time, dropped past retention.

One partition per UTC day of recorded_at. Korean evening and night patrols (18:00-06:00
KST) fall inside one UTC day, so a patrol's points share a partition; Seoul midnight
would cut every night patrol in two. A point of a day that has no partition (a phone's
clock far off, or the daily maintenance not run for a week) lands in the default
partition; making its day moves it in.

The DDL is done by two functions created by the migration that partitioned the table.
"""
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import func, select

from backend.extensions import db
from backend.locations.models import LocationPoint

DAYS_AHEAD = 7  # made in advance, so that a week without maintenance loses nothing to the default
# A patrol's points lie in its location window, which opens at most 3 hours before its start
# (a station's check-in setting) and closes at most a day after its end (the checkout grace).
PATROL_POINTS_MARGIN = timedelta(days=1)


def utc_day_start(moment):
    return datetime.combine(moment.astimezone(timezone.utc).date(), time(), timezone.utc)


def create_days(first, now):
    """Make the partitions from the day of `first` to DAYS_AHEAD after `now`'s; how many were new."""
    last_day = now.astimezone(timezone.utc).date() + timedelta(days=DAYS_AHEAD)
    return db.session.scalar(select(func.create_location_points_partitions(utc_day_start(first).date(), last_day)))


def drop_days_before(day_start):
    """Detach and drop every day's partition before `day_start`; how many there were. Their
    points are not counted: that would read them all, where dropping takes the same short
    time whatever a day holds."""
    return db.session.scalar(select(func.drop_location_points_partitions(day_start.date())))


def recorded_around(patrol):
    """The condition that finds all of a patrol's points in the two or three day partitions
    around it, instead of looking into every day kept."""
    return LocationPoint.recorded_at.between(patrol.starts_at - PATROL_POINTS_MARGIN, patrol.ends_at + PATROL_POINTS_MARGIN)
