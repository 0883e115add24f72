import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import TSTZRANGE, ExcludeConstraint
from sqlalchemy.ext.hybrid import hybrid_property

from backend.core.models import StrEnum, created_at_column, enum_column, updated_at_column
from backend.core.time import utcnow
from backend.extensions import db

patrol_zones = sa.Table(
    "patrol_zones",
    db.metadata,
    sa.Column("patrol_id", sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("zone_id", sa.Integer, sa.ForeignKey("zones.id", ondelete="RESTRICT"), primary_key=True, index=True),
)

patrol_groups = sa.Table(
    "patrol_groups",
    db.metadata,
    sa.Column("patrol_id", sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "group_id", sa.Integer, sa.ForeignKey("volunteer_groups.id", ondelete="RESTRICT"), primary_key=True, index=True
    ),
)


class PatrolSeries(db.Model):
    """Occurrences made from one RRULE (evaluated in Asia/Seoul local time)."""

    __tablename__ = "patrol_series"

    id = sa.Column(sa.Integer, primary_key=True)
    station_id = sa.Column(sa.Integer, sa.ForeignKey("stations.id", ondelete="RESTRICT"), nullable=False)
    rrule = sa.Column(sa.String(500), nullable=False)
    created_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False)
    created_at = created_at_column()


class PatrolState(StrEnum):
    """What people decide. in_progress and completed follow from the clock (see status)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


class Patrol(db.Model):
    __tablename__ = "patrols"
    __table_args__ = (
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        sa.CheckConstraint("ends_at - starts_at <= interval '12 hours'", name="at_most_12_hours"),
        sa.CheckConstraint("min_volunteers <= max_volunteers", name="min_within_capacity"),
        sa.CheckConstraint("meeting_radius_m BETWEEN 10 AND 2000", name="meeting_radius_range"),
        sa.Index("ix_patrols_station_id_starts_at", "station_id", "starts_at"),
        # Reports list a period's patrols in time order, whatever their station: read in that
        # order, their people need sorting only within each patrol (an incremental sort).
        sa.Index("ix_patrols_starts_at_id", "starts_at", "id"),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    station_id = sa.Column(sa.Integer, sa.ForeignKey("stations.id", ondelete="RESTRICT"), nullable=False)
    series_id = sa.Column(sa.Integer, sa.ForeignKey("patrol_series.id", ondelete="SET NULL"), index=True)
    title = sa.Column(sa.String(200), nullable=False)
    starts_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    ends_at = sa.Column(sa.DateTime(timezone=True), nullable=False)
    meeting_point = sa.Column(Geometry("POINT", srid=4326, spatial_index=False), nullable=False)
    meeting_radius_m = sa.Column(sa.Integer, nullable=False, server_default="100")
    meeting_place_name = sa.Column(sa.String(200))  # e.g. 범계역 2번 출구
    min_officers = sa.Column(sa.Integer, nullable=False, server_default="1")
    min_volunteers = sa.Column(sa.Integer, nullable=False, server_default="0")
    max_volunteers = sa.Column(sa.Integer, nullable=False)
    notes = sa.Column(sa.Text, nullable=False, server_default="")
    state = enum_column(PatrolState, "patrol_state", nullable=False, server_default=PatrolState.DRAFT.value)
    # Bumped whenever time or place changes, so each change is announced once.
    revision = sa.Column(sa.Integer, nullable=False, server_default="1")
    published_at = sa.Column(sa.DateTime(timezone=True))
    cancelled_at = sa.Column(sa.DateTime(timezone=True))
    cancel_reason = sa.Column(sa.String(500))
    created_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False)
    created_at = created_at_column()
    updated_at = updated_at_column()

    station = db.relationship("Station")
    series = db.relationship("PatrolSeries")
    zones = db.relationship("Zone", secondary=patrol_zones, order_by="Zone.id")
    groups = db.relationship("VolunteerGroup", secondary=patrol_groups, order_by="VolunteerGroup.id")
    participants = db.relationship(
        "PatrolParticipant",
        back_populates="patrol",
        order_by="(PatrolParticipant.signed_up_at, PatrolParticipant.id)",
        # A deleted draft takes its assigned officers with it (ON DELETE CASCADE does the work).
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @hybrid_property
    def status(self):
        """draft, published, in_progress, completed or cancelled: the clock decides the middle."""
        if self.state != PatrolState.PUBLISHED:
            return PatrolState(self.state).value
        now = utcnow()
        if now >= self.ends_at:
            return "completed"
        return "in_progress" if now >= self.starts_at else "published"

    @status.inplace.expression
    @classmethod
    def _status_expression(cls):
        return sa.case(
            (cls.state != PatrolState.PUBLISHED.value, cls.state),
            (cls.ends_at <= sa.func.now(), "completed"),
            (cls.starts_at <= sa.func.now(), "in_progress"),
            else_="published",
        )

    def holding(self, kind, status):
        return [p for p in self.participants if p.kind == kind and p.status == status]

    @property
    def confirmed_volunteers(self):
        return self.holding(ParticipantKind.VOLUNTEER, ParticipantStatus.CONFIRMED)

    @property
    def waitlist(self):
        """Waitlisted volunteers, first come first promoted."""
        waiting = self.holding(ParticipantKind.VOLUNTEER, ParticipantStatus.WAITLISTED)
        return sorted(waiting, key=lambda p: (p.signed_up_at, p.id or 0))

    @property
    def officers(self):
        return self.holding(ParticipantKind.OFFICER, ParticipantStatus.CONFIRMED)


class ParticipantKind(StrEnum):
    VOLUNTEER = "volunteer"
    OFFICER = "officer"


class ParticipantStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    WITHDRAWN = "withdrawn"
    PATROL_CANCELLED = "patrol_cancelled"


HOLDING_STATUSES = (ParticipantStatus.CONFIRMED, ParticipantStatus.WAITLISTED)


class PatrolParticipant(db.Model):
    """A volunteer's sign-up or an officer's assignment to one patrol."""

    __tablename__ = "patrol_participants"
    __table_args__ = (
        sa.UniqueConstraint("patrol_id", "user_id"),
        # Nobody holds two overlapping patrols, whoever writes the rows (needs btree_gist).
        ExcludeConstraint(
            ("user_id", "="),
            ("period", "&&"),
            using="gist",
            where=sa.text("status IN ('confirmed', 'waitlisted')"),
            name="ex_patrol_participants_no_overlap",
        ),
        # Who is confirmed on a patrol: the derivation worker's sweep looks for confirmed people
        # still without an attendance record, over every patrol when it starts.
        sa.Index("ix_patrol_participants_confirmed", "patrol_id", "user_id", postgresql_where=sa.text("status = 'confirmed'")),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), nullable=False)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = enum_column(ParticipantKind, "participant_kind", nullable=False)
    status = enum_column(ParticipantStatus, "participant_status", nullable=False)
    # The patrol's [starts_at, ends_at), kept here so the database can refuse overlaps.
    period = sa.Column(TSTZRANGE, nullable=False)
    signed_up_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())
    signed_up_by_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_at = sa.Column(sa.DateTime(timezone=True))
    withdrawn_at = sa.Column(sa.DateTime(timezone=True))
    is_late_cancellation = sa.Column(sa.Boolean, nullable=False, server_default=sa.false())

    patrol = db.relationship("Patrol", back_populates="participants")
    user = db.relationship("User", foreign_keys=[user_id])
