from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

from backend.core.time import utcnow
from backend.extensions import db
from backend.locations.retention import erase_older_than

locations_cli = AppGroup("locations", help="Location data retention.")


@locations_cli.command("purge")
@click.option("--days", type=click.IntRange(min=1), default=None, help="Keep this many days (default: PATROL_LOCATION_RETENTION_DAYS)")
def purge(days):
    """Delete raw location points older than the retention period; dwell figures stay."""
    days = days or current_app.config["LOCATION_RETENTION_DAYS"]
    points, checkins = erase_older_than(utcnow() - timedelta(days=days))
    db.session.commit()
    click.echo(f"deleted {points} location points and the positions of {checkins} check-ins older than {days} days")
