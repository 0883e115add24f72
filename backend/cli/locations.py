from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

from backend.core.time import utcnow
from backend.extensions import db
from backend.locations import partitions
from backend.locations.retention import erase_older_than
from backend.sos.retention import erase_incident_locations_older_than

locations_cli = AppGroup("locations", help="Location data retention and its day partitions.")


@locations_cli.command("purge")
@click.option("--days", type=click.IntRange(min=1), default=None, help="Keep this many days (default: PATROL_LOCATION_RETENTION_DAYS)")
def purge(days):
    """Drop the days of raw location points past the retention period and make the coming
    days' partitions; dwell figures stay. Erase the positions of SOS alerts past the incident
    records' retention. Run it daily."""
    days = days or current_app.config["LOCATION_RETENTION_DAYS"]
    incident_days = current_app.config["INCIDENT_RETENTION_DAYS"]
    now = utcnow()
    cutoff = now - timedelta(days=days)
    dropped, points, checkins = erase_older_than(cutoff)
    created = partitions.create_days(cutoff, now)
    alerts, positions = erase_incident_locations_older_than(now - timedelta(days=incident_days))
    db.session.commit()
    click.echo(f"dropped {dropped} days of location points, deleted {points} more points and the positions of "
               f"{checkins} check-ins older than {days} days")
    click.echo(f"made {created} day partitions of location points")
    click.echo(f"erased where {alerts} SOS alerts were raised and {positions} positions sent during them, "
               f"older than {incident_days} days")
