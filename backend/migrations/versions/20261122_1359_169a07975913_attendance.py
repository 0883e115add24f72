"""attendance, volunteer hours, export log

Revision ID: 169a07975913
Revises: a836394efdee
Create Date: 2026-11-22 13:59:47.451978

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '169a07975913'
down_revision = 'a836394efdee'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('export_log',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('report', sa.String(length=40), nullable=False),
    sa.Column('filters', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('exported_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_export_log_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_log'))
    )
    op.create_index(op.f('ix_export_log_user_id'), 'export_log', ['user_id'], unique=False)
    op.create_table('hours_approvals',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_hours_approvals_approved_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['volunteer_groups.id'], name=op.f('fk_hours_approvals_group_id_volunteer_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'month', name=op.f('pk_hours_approvals'))
    )
    op.create_table('approved_hours',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id', 'month'], ['hours_approvals.group_id', 'hours_approvals.month'], name=op.f('fk_approved_hours_group_id_hours_approvals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_approved_hours_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'month', 'user_id', name=op.f('pk_approved_hours'))
    )
    op.create_table('attendance_changes',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('before', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('after', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_attendance_changes_changed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_attendance_changes_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attendance_changes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_changes'))
    )
    op.create_index('ix_attendance_changes_patrol_id_user_id', 'attendance_changes', ['patrol_id', 'user_id'], unique=False)
    op.create_table('attendance_records',
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('present', 'late', 'left_early', 'no_show', 'excused', name='attendance_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('checked_out_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('duty_minutes', sa.Integer(), server_default='0', nullable=False),
    sa.Column('is_duty_end_estimated', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('dense_area_minutes', sa.Integer(), server_default='0', nullable=False),
    sa.Column('women_safe_minutes', sa.Integer(), server_default='0', nullable=False),
    sa.Column('is_corrected', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['users.id'], name=op.f('fk_attendance_records_confirmed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_attendance_records_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attendance_records_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('patrol_id', 'user_id', name=op.f('pk_attendance_records'))
    )
    op.create_index('ix_attendance_records_user_id_patrol_id', 'attendance_records', ['user_id', 'patrol_id'], unique=False)
    op.create_table('hours_adjustments',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_hours_adjustments_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id', 'month'], ['hours_approvals.group_id', 'hours_approvals.month'], name=op.f('fk_hours_adjustments_group_id_hours_approvals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_hours_adjustments_patrol_id_patrols'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_hours_adjustments_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hours_adjustments'))
    )
    op.create_index('ix_hours_adjustments_group_id_month', 'hours_adjustments', ['group_id', 'month'], unique=False)
    op.add_column('stations', sa.Column('late_after_minutes', sa.Integer(), server_default='15', nullable=False))
    op.add_column('zone_dwell', sa.Column('night_seconds', sa.Integer(), server_default='0', nullable=False))
    op.add_column('zone_dwell', sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column('zone_dwell', 'last_seen_at')
    op.drop_column('zone_dwell', 'night_seconds')
    op.drop_column('stations', 'late_after_minutes')
    op.drop_index('ix_hours_adjustments_group_id_month', table_name='hours_adjustments')
    op.drop_table('hours_adjustments')
    op.drop_index('ix_attendance_records_user_id_patrol_id', table_name='attendance_records')
    op.drop_table('attendance_records')
    op.drop_index('ix_attendance_changes_patrol_id_user_id', table_name='attendance_changes')
    op.drop_table('attendance_changes')
    op.drop_table('approved_hours')
    op.drop_table('hours_approvals')
    op.drop_index(op.f('ix_export_log_user_id'), table_name='export_log')
    op.drop_table('export_log')
