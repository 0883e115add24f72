"""Background exports: a report file too large to make within a request, made by a worker.

The request that starts one only records it (status queued). A worker (`flask reports work`)
claims it, counts its rows, writes the file while saying how many rows it has read, and keeps
the file for EXPORT_FILE_HOURS; the person who asked follows the job and downloads the file.
A worker that stops mid-job stops beating; after HEARTBEAT_TIMEOUT another takes the job over,
up to MAX_ATTEMPTS times.
"""
import math
import os
import tempfile
from datetime import timedelta

from flask import Response, current_app, stream_with_context
from sqlalchemy import delete, insert, or_, select, update

from backend.core.pagination import paginate
from backend.core.time import utcnow
from backend.errors import ERROR_CATALOGUE, AppError
from backend.extensions import db
from backend.reports import exporters, queries, services
from backend.reports.models import ExportFilePart, ExportJob, ExportStatus
from backend.reports.policies import require_report_role
from backend.reports.schemas import REPORT_QUERIES
from backend.users.models import User

HEARTBEAT_TIMEOUT = timedelta(minutes=5)
MAX_ATTEMPTS = 3
# Progress is written this many times over a job, whatever its size.
PROGRESS_STEPS = 50
# A finished file is stored, and sent, in parts of this size.
FILE_PART_BYTES = 1 << 20


def start(viewer, request):
    """Record a background export of one of the reports, as `viewer` may read it."""
    report, fmt, filters = request["report"], request["format"], request["filters"]
    require_report_role(viewer, report)
    job = ExportJob(
        requested_by_id=viewer.id,
        report=report,
        format=fmt,
        filters=REPORT_QUERIES[report]().dump(filters),
        status=ExportStatus.QUEUED,
        rows_done=0,
        attempts=0,
    )
    db.session.add(job)
    services.log_export(viewer, report, filters, fmt)
    return job


def get(viewer, job_id):
    """One of the viewer's own exports; anyone else's is not found."""
    job = db.session.get(ExportJob, job_id)
    if job is None or job.requested_by_id != viewer.id:
        raise AppError("NOT_FOUND")
    return job


def list_mine(viewer, pagination):
    statement = (
        select(ExportJob)
        .where(ExportJob.requested_by_id == viewer.id)
        .order_by(ExportJob.created_at.desc(), ExportJob.id.desc())
    )
    return paginate(statement, pagination)


def download(viewer, job_id):
    """The finished export's file, as a download."""
    job = get(viewer, job_id)
    if job.status == ExportStatus.EXPIRED:
        raise AppError("EXPORT_EXPIRED")
    if job.status != ExportStatus.DONE:
        raise AppError("EXPORT_NOT_READY")
    mimetype = exporters.MIMETYPES[job.format] + ("; charset=utf-8" if job.format == "csv" else "")
    # Read a part at a time on the request's session, which Flask tears down as soon as the
    # view returns, before a streamed body is read.
    response = Response(stream_with_context(_file_parts(job.id)), content_type=mimetype)
    response.content_length = job.size_bytes
    return exporters.as_attachment(response, job.file_name)


def _file_parts(job_id):
    statement = select(ExportFilePart.data).where(ExportFilePart.job_id == job_id).order_by(ExportFilePart.number)
    yield from db.session.scalars(statement.execution_options(yield_per=1))


def claim_next():
    """Take the oldest queued job, or a running one whose worker has stopped beating, and mark
    it running. Meant to be committed at once, so other workers see it taken."""
    now = utcnow()
    job = db.session.scalars(
        select(ExportJob)
        .where(or_(
            ExportJob.status == ExportStatus.QUEUED,
            (ExportJob.status == ExportStatus.RUNNING) & (ExportJob.heartbeat_at < now - HEARTBEAT_TIMEOUT),
        ))
        .order_by(ExportJob.created_at, ExportJob.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    ).first()
    if job is None:
        return None
    job.attempts += 1
    if job.attempts > MAX_ATTEMPTS:
        _finish_failed(job, "EXPORT_FAILED", now)
    else:
        job.status = ExportStatus.RUNNING
        job.started_at = job.heartbeat_at = now
        job.rows_done = 0
    db.session.flush()
    return job


def run(job, progress):
    """Write the claimed job's file. `progress` hears the row count, then the rows read so far.

    The job's row is not touched in this transaction until the file is written: the progress
    is written to it meanwhile, from another connection, which would wait for this one's lock.
    """
    viewer = db.session.get(User, job.requested_by_id)
    if not viewer.is_active:
        raise AppError("FORBIDDEN")
    require_report_role(viewer, job.report)
    query = {**load_filters(job.report, job.filters), "format": job.format}
    report, stem = services.REPORTS[job.report](viewer, query)
    total = queries.count_rows(report.query)
    progress.started(total)
    with tempfile.TemporaryFile() as file:
        with queries.counting_rows(progress.read, every=max(1, math.ceil(total / PROGRESS_STEPS))):
            exporters.write(report, job.format, services.report_language(viewer, query), file)
        size = file.seek(0, os.SEEK_END)
        file.seek(0)
        number = 0
        while data := file.read(FILE_PART_BYTES):
            db.session.execute(insert(ExportFilePart).values(job_id=job.id, number=number, data=data))
            number += 1
    now = utcnow()
    job.status = ExportStatus.DONE
    job.rows_total = job.rows_done = total
    job.size_bytes = size
    job.file_name = exporters.file_name(stem, job.format)
    job.finished_at = job.heartbeat_at = now
    job.expires_at = now + timedelta(hours=current_app.config["EXPORT_FILE_HOURS"])
    db.session.flush()


def fail(job_id, error):
    """Record why a job failed, after its own transaction was rolled back."""
    job = db.session.get(ExportJob, job_id)
    code = error.code if isinstance(error, AppError) and "{" not in ERROR_CATALOGUE[error.code][1] else "EXPORT_FAILED"
    _finish_failed(job, code, utcnow())
    db.session.flush()


def _finish_failed(job, code, now):
    job.status = ExportStatus.FAILED
    job.error_code = code
    job.finished_at = now


def expire_files():
    """Delete the files kept past their time; the jobs stay, as expired. Returns how many."""
    expired = db.session.scalars(
        update(ExportJob)
        .where(ExportJob.status == ExportStatus.DONE, ExportJob.expires_at <= utcnow())
        .values(status=ExportStatus.EXPIRED)
        .returning(ExportJob.id)
    ).all()
    db.session.execute(delete(ExportFilePart).where(ExportFilePart.job_id.in_(expired)))
    return len(expired)


def load_filters(report, filters):
    """A job's stored filters, loaded as the report's own query string would be."""
    return REPORT_QUERIES[report](exclude=("format",)).load(filters)


class ProgressWriter:
    """Writes a running job's progress through a connection of its own (in autocommit), so
    that whoever follows the job sees it move while the file is still being written."""

    def __init__(self, connection, job_id):
        self.connection = connection
        self.job_id = job_id

    def started(self, rows_total):
        self._write(rows_total=rows_total, rows_done=0)

    def read(self, rows):
        self._write(rows_done=rows)

    def _write(self, **values):
        self.connection.execute(
            update(ExportJob).where(ExportJob.id == self.job_id).values(heartbeat_at=utcnow(), **values)
        )
