import time

import click
from flask.cli import AppGroup

from backend.core.time import utcnow
from backend.derivation import services
from backend.extensions import db

derive_cli = AppGroup("derive", help="Derived figures: dwell, route coverage and attendance.")


@derive_cli.command("work")
@click.option("--once", is_flag=True, help="Derive what waits now (after a sweep of every patrol), then exit.")
@click.option("--idle-seconds", type=float, default=0.2, show_default=True, help="Pause when nothing waits.")
@click.option("--sweep-seconds", type=float, default=10.0, show_default=True,
              help="How often to look for attendance that the clock or the roster changed.")
def work(once, idle_seconds, sweep_seconds):
    """Bring dwell, route coverage and attendance up to date after the data arrives; run several at once if you like."""
    since = None  # the first sweep looks at every patrol: the worker may have been stopped for long
    next_sweep = 0.0
    while True:
        if time.monotonic() >= next_sweep:
            swept_at = utcnow()
            services.sweep(since)
            db.session.commit()
            since, next_sweep = swept_at - services.SWEEP_HORIZON, time.monotonic() + sweep_seconds
        try:
            handled = services.drain()
        except Exception:  # logged where it failed; the request stays queued, the worker goes on
            handled = 0
        if once:
            click.echo(f"derived the figures of {handled} people on patrols")
            return
        if not handled:
            time.sleep(idle_seconds)
