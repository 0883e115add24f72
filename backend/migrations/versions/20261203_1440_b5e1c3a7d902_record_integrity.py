"""record integrity: late uploads await review, attendance says which facts came late,
expected and pending_review attendance, and every check-in review kept

Revision ID: b5e1c3a7d902
Revises: 89cc77bc6376
Create Date: 2026-12-03 14:10:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'b5e1c3a7d902'
down_revision = '89cc77bc6376'
branch_labels = None
depends_on = None

OLD_STATUSES = ('present', 'late', 'left_early', 'no_show', 'excused')
NEW_STATUSES = (*OLD_STATUSES, 'expected', 'pending_review')


# One definition of a late upload, for check-ins and points alike: received more than the
# allowed delay after it was recorded, or after the patrol ended.
IS_LATE_UPLOAD = """
CREATE FUNCTION is_late_upload(received_at timestamptz, recorded_at timestamptz, ends_at timestamptz, late_minutes integer)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT received_at - make_interval(mins => late_minutes) > LEAST(recorded_at, ends_at) $$
"""


def _status_check(statuses):
    op.drop_constraint(op.f('ck_attendance_records_attendance_status'), 'attendance_records', type_='check')
    listed = ", ".join(f"'{status}'" for status in statuses)
    op.create_check_constraint(op.f('ck_attendance_records_attendance_status'), 'attendance_records', f"status IN ({listed})")


def upgrade():
    op.execute(IS_LATE_UPLOAD)
    _status_check(NEW_STATUSES)
    op.add_column('attendance_records', sa.Column('late_facts', postgresql.ARRAY(sa.String(length=20)), server_default='{}', nullable=False))
    op.create_index('ix_attendance_records_pending_review', 'attendance_records', ['patrol_id'], unique=False, postgresql_where=sa.text("status = 'pending_review'"))
    op.add_column('location_points', sa.Column('late_review', sa.Enum('pending', 'approved', 'rejected', name='late_review', native_enum=False, create_constraint=True, length=32), nullable=True))
    op.create_index('ix_location_points_late', 'location_points', ['patrol_id', 'user_id'], unique=False, postgresql_where=sa.text('late_review IS NOT NULL'))
    op.create_table('checkin_reviews',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('checkin_id', sa.Integer(), nullable=False),
    sa.Column('review', sa.Enum('pending', 'approved', 'rejected', name='checkin_review', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['checkin_id'], ['checkins.id'], name=op.f('fk_checkin_reviews_checkin_id_checkins'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_checkin_reviews_reviewed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_reviews'))
    )
    op.create_index(op.f('ix_checkin_reviews_checkin_id'), 'checkin_reviews', ['checkin_id'], unique=False)
    # The decisions taken so far become the first entries of their history.
    op.execute(
        "INSERT INTO checkin_reviews (checkin_id, review, note, reviewed_by_id, reviewed_at) "
        "SELECT id, review, review_note, reviewed_by_id, reviewed_at FROM checkins "
        "WHERE review IN ('approved', 'rejected') AND reviewed_at IS NOT NULL"
    )


def downgrade():
    op.drop_index(op.f('ix_checkin_reviews_checkin_id'), table_name='checkin_reviews')
    op.drop_table('checkin_reviews')
    op.drop_index('ix_location_points_late', table_name='location_points', postgresql_where=sa.text('late_review IS NOT NULL'))
    op.drop_column('location_points', 'late_review')
    op.drop_index('ix_attendance_records_pending_review', table_name='attendance_records', postgresql_where=sa.text("status = 'pending_review'"))
    op.drop_column('attendance_records', 'late_facts')
    # Derived statuses only: the next refresh derives them again as the older code did.
    op.execute("UPDATE attendance_records SET status = 'no_show' WHERE status IN ('expected', 'pending_review')")
    _status_check(OLD_STATUSES)
    op.execute("DROP FUNCTION is_late_upload(timestamptz, timestamptz, timestamptz, integer)")
