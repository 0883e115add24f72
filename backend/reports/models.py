import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from backend.core.models import StrEnum, created_at_column, enum_column
from backend.extensions import db


class ExportStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    EXPIRED = "expired"


class ExportJob(db.Model):
    """A report file made in the background, for the person who asked, kept until `expires_at`.

    A worker claims queued jobs (and running ones whose worker stopped beating), writes the
    file and keeps it in ExportFilePart rows until it expires; `rows_done` moves while it runs.
    """

    __tablename__ = "export_jobs"
    __table_args__ = (
        sa.Index("ix_export_jobs_waiting", "created_at", postgresql_where=sa.text("status IN ('queued', 'running')")),
        sa.Index("ix_export_jobs_expiring", "expires_at", postgresql_where=sa.text("status = 'done'")),
    )

    id = sa.Column(sa.BigInteger, primary_key=True)
    requested_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    report = sa.Column(sa.String(40), nullable=False)
    format = sa.Column(sa.String(10), nullable=False)
    # The report's filters as its query schema dumps them, loaded again by the worker.
    filters = sa.Column(JSONB, nullable=False)
    status = enum_column(ExportStatus, "export_status", nullable=False, default=ExportStatus.QUEUED)
    rows_total = sa.Column(sa.Integer)
    rows_done = sa.Column(sa.Integer, nullable=False, default=0)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    error_code = sa.Column(sa.String(64))
    file_name = sa.Column(sa.Text)
    size_bytes = sa.Column(sa.BigInteger)
    created_at = created_at_column()
    started_at = sa.Column(sa.DateTime(timezone=True))
    heartbeat_at = sa.Column(sa.DateTime(timezone=True))
    finished_at = sa.Column(sa.DateTime(timezone=True))
    expires_at = sa.Column(sa.DateTime(timezone=True))


class ExportFilePart(db.Model):
    """One piece of a finished export's file, numbered in order: a file of any size is stored
    and sent a piece at a time, never held whole in a worker's memory."""

    __tablename__ = "export_file_parts"

    job_id = sa.Column(sa.BigInteger, sa.ForeignKey("export_jobs.id", ondelete="CASCADE"), primary_key=True)
    number = sa.Column(sa.Integer, primary_key=True)
    data = sa.Column(sa.LargeBinary, nullable=False)
