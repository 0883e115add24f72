"""notifications: devices, deliveries, preferences

Revision ID: a836394efdee
Revises: 714279d5e86f
Create Date: 2026-11-22 13:39:43.652612

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a836394efdee'
down_revision = '714279d5e86f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=4096), nullable=False),
    sa.Column('platform', sa.Enum('android', 'ios', 'web', name='device_platform', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('app_version', sa.String(length=32), nullable=True),
    sa.Column('locale', sa.Enum('ko', 'en', name='device_locale', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_devices_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('token', name=op.f('uq_devices_token'))
    )
    op.create_index(op.f('ix_devices_last_seen_at'), 'devices', ['last_seen_at'], unique=False)
    op.create_index(op.f('ix_devices_user_id'), 'devices', ['user_id'], unique=False)
    op.create_table('notification_deliveries',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('event_id', sa.BigInteger(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'sent', 'dead', 'dropped', name='delivery_status', native_enum=False, create_constraint=True, length=32), server_default='pending', nullable=False),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.Column('fcm_message_id', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_notification_deliveries_device_id_devices'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['outbox_events.id'], name=op.f('fk_notification_deliveries_event_id_outbox_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notification_deliveries_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_deliveries')),
    sa.UniqueConstraint('event_id', 'device_id', name=op.f('uq_notification_deliveries_event_id_device_id'))
    )
    op.create_index('ix_notification_deliveries_dead', 'notification_deliveries', ['id'], unique=False, postgresql_where=sa.text("status = 'dead'"))
    op.create_index(op.f('ix_notification_deliveries_device_id'), 'notification_deliveries', ['device_id'], unique=False)
    op.create_index('ix_notification_deliveries_due', 'notification_deliveries', ['next_attempt_at'], unique=False, postgresql_where=sa.text("status = 'pending'"))
    op.add_column('users', sa.Column('is_reminders_muted', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    op.add_column('users', sa.Column('is_announcements_muted', sa.Boolean(), server_default=sa.text('false'), nullable=False))


def downgrade():
    op.drop_column('users', 'is_announcements_muted')
    op.drop_column('users', 'is_reminders_muted')
    op.drop_index('ix_notification_deliveries_due', table_name='notification_deliveries', postgresql_where=sa.text("status = 'pending'"))
    op.drop_index(op.f('ix_notification_deliveries_device_id'), table_name='notification_deliveries')
    op.drop_index('ix_notification_deliveries_dead', table_name='notification_deliveries', postgresql_where=sa.text("status = 'dead'"))
    op.drop_table('notification_deliveries')
    op.drop_index(op.f('ix_devices_user_id'), table_name='devices')
    op.drop_index(op.f('ix_devices_last_seen_at'), table_name='devices')
    op.drop_table('devices')
