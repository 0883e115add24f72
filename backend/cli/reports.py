import logging
import time

import click
from flask.cli import AppGroup

from backend.errors import AppError
from backend.extensions import db
from backend.reports import jobs
from backend.reports.models import ExportStatus

reports_cli = AppGroup("reports", help="Reports: background exports.")
log = logging.getLogger(__name__)
EXPIRE_EVERY_SECONDS = 60


def run_next_job(progress_connection, progress_writer=jobs.ProgressWriter):
    """Claim one background export and make its file, each step its own transaction.
    Returns the job's id, or None when nothing waits."""
    job = jobs.claim_next()
    db.session.commit()
    if job is None:
        return None
    job_id = job.id
    if job.status == ExportStatus.FAILED:  # given up after too many attempts
        return job_id
    try:
        jobs.run(job, progress_writer(progress_connection, job_id))
        db.session.commit()
    except Exception as error:  # the job fails and says so; the worker goes on with the next
        db.session.rollback()
        if not isinstance(error, AppError):
            log.exception("background export %s failed", job_id)
        jobs.fail(job_id, error)
        db.session.commit()
    return job_id


@reports_cli.command("work")
@click.option("--once", is_flag=True, help="Make the files of the exports waiting now, then exit.")
@click.option("--idle-seconds", type=float, default=1.0, show_default=True, help="Pause when nothing waits.")
def work(once, idle_seconds):
    """Make background exports' files, and delete those past their time; run several at once if you like."""
    next_expiry = 0.0
    with db.engine.connect() as connection:
        progress_connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        while True:
            if time.monotonic() >= next_expiry:
                jobs.expire_files()
                db.session.commit()
                next_expiry = time.monotonic() + EXPIRE_EVERY_SECONDS
            made = 0
            while run_next_job(progress_connection) is not None:
                made += 1
            if once:
                click.echo(f"handled {made} background exports")
                return
            if not made:
                time.sleep(idle_seconds)
