import threading
import time

import click
from flask.cli import AppGroup

from backend.core.time import utcnow
from backend.derivation import services
from backend.extensions import db

derive_cli = AppGroup("derive", help="Derived figures: dwell, route coverage and attendance.")
SWEEP_EVERY_SECONDS = 10


def run(idle_seconds, *, sweep_every=SWEEP_EVERY_SECONDS, once=False, stopping=None):
    """The worker's loop: sweep every `sweep_every` seconds, derive whatever waits, pause when nothing does;
    until `stopping` (a threading.Event) is set, or after one round with `once`. Returns how
    many requests the last round handled."""
    stopping = stopping or threading.Event()
    since = None  # the first sweep looks at every patrol: the worker may have been stopped for long
    next_sweep = 0.0
    while not stopping.is_set():
        if time.monotonic() >= next_sweep:
            swept_at = utcnow()
            services.sweep(since)
            db.session.commit()
            since, next_sweep = swept_at - services.SWEEP_HORIZON, time.monotonic() + sweep_every
        try:
            handled = services.drain()
        except Exception:  # logged where it failed; the request stays queued, the worker goes on
            handled = 0
        if once:
            return handled
        if not handled:
            stopping.wait(idle_seconds)
    return 0


@derive_cli.command("work")
@click.option("--once", is_flag=True, help="Derive what waits now (after a sweep of every patrol), then exit.")
@click.option("--idle-seconds", type=float, default=0.2, show_default=True, help="Pause when nothing waits.")
def work(once, idle_seconds):
    """Bring dwell, route coverage and attendance up to date after the data arrives; run several at once if you like."""
    handled = run(idle_seconds, once=once)
    if once:
        click.echo(f"derived the figures of {handled} people on patrols")
