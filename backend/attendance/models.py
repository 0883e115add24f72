import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.hybrid import hybrid_property

from backend.core.models import StrEnum, created_at_column, enum_column
from backend.extensions import db


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"  # checked in more than the station's grace after the start
    LEFT_EARLY = "left_early"  # checked out more than that grace before the end
    NO_SHOW = "no_show"
    EXCUSED = "excused"  # only ever set by an officer
    EXPECTED = "expected"  # the patrol has not started and they have not checked in
    PENDING_REVIEW = "pending_review"  # rests on a late upload an officer has not approved yet


# What an officer may set when correcting a record; the others follow from the data.
CORRECTABLE_STATUSES = (
    AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.NO_SHOW, AttendanceStatus.EXCUSED,
)


class LateFact(StrEnum):
    """Which of a person's facts on a patrol reached the server late (see LATE_UPLOAD_MINUTES)."""

    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    POINTS = "points"


class AttendanceRecord(db.Model):
    """One person on one patrol: derived from check-ins and points until an officer confirms
    or corrects it; a corrected record keeps the officer's word."""

    __tablename__ = "attendance_records"
    __table_args__ = (
        sa.Index("ix_attendance_records_user_id_patrol_id", "user_id", "patrol_id"),
        # The review queue: few records wait for an officer among a year's.
        sa.Index("ix_attendance_records_pending_review", "patrol_id", postgresql_where=sa.text("status = 'pending_review'")),
    )

    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    status = enum_column(AttendanceStatus, "attendance_status", nullable=False)
    checked_in_at = sa.Column(sa.DateTime(timezone=True))
    checked_out_at = sa.Column(sa.DateTime(timezone=True))
    duty_minutes = sa.Column(sa.Integer, nullable=False, server_default="0")
    # No check-out: duty is counted to the last accepted point instead, and says so.
    is_duty_end_estimated = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    dense_area_minutes = sa.Column(sa.Integer, nullable=False, server_default="0")
    women_safe_minutes = sa.Column(sa.Integer, nullable=False, server_default="0")
    # LateFact values, kept after an officer approved them so reports still say so.
    late_facts = sa.Column(ARRAY(sa.String(20)), nullable=False, server_default="{}")
    is_corrected = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())
    note = sa.Column(sa.String(500))
    confirmed_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_at = sa.Column(sa.DateTime(timezone=True))
    updated_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())

    patrol = db.relationship("Patrol")
    user = db.relationship("User", foreign_keys=[user_id])


class AttendanceChange(db.Model):
    """Who changed a record, when, from what to what: corrections are never silent."""

    __tablename__ = "attendance_changes"
    __table_args__ = (sa.Index("ix_attendance_changes_patrol_id_user_id", "patrol_id", "user_id"),)

    id = sa.Column(sa.BigInteger, primary_key=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    changed_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    changed_at = created_at_column()
    before = sa.Column(JSONB, nullable=False)
    after = sa.Column(JSONB, nullable=False)


class HoursApproval(db.Model):
    """A group's volunteer hours for one month, approved: the figures are locked from then on.

    An admin may revoke an approval (with a reason); the month is then open to be approved
    again, and the revoked approval stays as history, with what it certified.
    """

    __tablename__ = "hours_approvals"
    __table_args__ = (
        # One standing approval per group and month; revoked ones do not count.
        sa.Index(
            "uq_hours_approvals_group_id_month_standing", "group_id", "month",
            unique=True, postgresql_where=sa.text("revoked_at IS NULL"),
        ),
        sa.CheckConstraint("(revoked_at IS NULL) = (revocation_reason IS NULL)", name="revocation_has_reason"),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    group_id = sa.Column(sa.Integer, sa.ForeignKey("volunteer_groups.id", ondelete="CASCADE"), nullable=False)
    month = sa.Column(sa.Date, nullable=False)  # the first day of the month
    approved_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    approved_at = created_at_column()
    revoked_at = sa.Column(sa.DateTime(timezone=True))
    revoked_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    revocation_reason = sa.Column(sa.String(500))

    group = db.relationship("VolunteerGroup")

    @hybrid_property
    def is_standing(self):
        """Not revoked: it locks its group's month and its figures are the certified ones."""
        return self.revoked_at is None

    @is_standing.inplace.expression
    @classmethod
    def _is_standing_expression(cls):
        return cls.revoked_at.is_(None)

    @property
    def is_revoked(self):
        return not self.is_standing


class ApprovedHours(db.Model):
    """The certified minutes of one member under one approval."""

    __tablename__ = "approved_hours"

    approval_id = sa.Column(sa.Integer, sa.ForeignKey("hours_approvals.id", ondelete="CASCADE"), primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    minutes = sa.Column(sa.Integer, nullable=False)


class HoursAdjustment(db.Model):
    """A change to a locked month's confirmed minutes (a correction, or a patrol confirmed after
    the approval): shown beside the certified figure, never folded in silently."""

    __tablename__ = "hours_adjustments"
    __table_args__ = (sa.Index("ix_hours_adjustments_approval_id_user_id", "approval_id", "user_id"),)

    id = sa.Column(sa.BigInteger, primary_key=True)
    approval_id = sa.Column(sa.Integer, sa.ForeignKey("hours_approvals.id", ondelete="CASCADE"), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="SET NULL"))
    minutes = sa.Column(sa.Integer, nullable=False)  # + or -
    reason = sa.Column(sa.String(500))
    created_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = created_at_column()


class HoursCertificate(db.Model):
    """A volunteer-hours certificate as printed: its number, for whom, what it certified, by
    whom and when. The figures are kept as printed so anyone holding the paper can check it."""

    __tablename__ = "hours_certificates"

    id = sa.Column(sa.BigInteger, primary_key=True)
    number = sa.Column(sa.String(16), nullable=False, unique=True)  # normalised: no dashes
    approval_id = sa.Column(
        sa.Integer, sa.ForeignKey("hours_approvals.id", ondelete="CASCADE"), nullable=False, index=True
    )
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # The name printed: the certificate still checks out after the account is gone or renamed.
    holder_name = sa.Column(sa.String(100), nullable=False)
    station_id = sa.Column(sa.Integer, sa.ForeignKey("stations.id", ondelete="CASCADE"), nullable=False)
    month = sa.Column(sa.Date, nullable=False)
    approved_minutes = sa.Column(sa.Integer, nullable=False)
    adjustment_minutes = sa.Column(sa.Integer, nullable=False)
    issued_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    issued_at = created_at_column()

    approval = db.relationship("HoursApproval")
    station = db.relationship("Station")


class ExportRecord(db.Model):
    """Every report downloaded: who, which report and filters, in which format, when."""

    __tablename__ = "export_log"

    id = sa.Column(sa.BigInteger, primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    report = sa.Column(sa.String(40), nullable=False)
    filters = sa.Column(JSONB, nullable=False)
    format = sa.Column(sa.String(10), nullable=False)
    exported_at = created_at_column()
