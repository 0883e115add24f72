import sqlalchemy as sa

from backend.extensions import db

# When derived figures were derived (their as_of, kept as updated_at): the statement that
# derives them sees everything committed before it began.
DERIVED_AT = sa.func.statement_timestamp()


class DerivationRequest(db.Model):
    """A person's figures on a patrol waiting to be brought up to date by the worker.

    Written in the same transaction as the data that changes them, so no commit that
    delivered data can be left underived; one row per patrol and person, so requests that
    arrive before the worker gets to them fold into one.
    """

    __tablename__ = "derivation_queue"
    __table_args__ = (sa.Index("ix_derivation_queue_requested_at", "requested_at"),)

    patrol_id = sa.Column(sa.Integer, sa.ForeignKey("patrols.id", ondelete="CASCADE"), primary_key=True)
    user_id = sa.Column(sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    # The earliest recorded_at of the points not yet judged, from which exclusions and dwell
    # are worked out again; NULL when no new point came (a check-in: attendance only).
    points_from = sa.Column(sa.DateTime(timezone=True))
    # When the oldest request the row holds was made: the worker serves the oldest first.
    requested_at = sa.Column(sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())
