"""patrols: scheduling, sign-ups, outbox

Revision ID: a1218edf1622
Revises: 878b9922e907
Create Date: 2026-11-22 13:17:21.424966

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'a1218edf1622'
down_revision = '878b9922e907'
branch_labels = None
depends_on = None


def upgrade():
    # The no-overlap exclusion constraint compares user_id (=) in a GiST index.
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.create_table('patrol_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('rrule', sa.String(length=500), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_patrol_series_created_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_patrol_series_station_id_stations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patrol_series'))
    )
    op.create_geospatial_table('patrols',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('meeting_point', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('meeting_radius_m', sa.Integer(), server_default='100', nullable=False),
    sa.Column('min_officers', sa.Integer(), server_default='1', nullable=False),
    sa.Column('min_volunteers', sa.Integer(), server_default='0', nullable=False),
    sa.Column('max_volunteers', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('state', sa.Enum('draft', 'published', 'cancelled', name='patrol_state', native_enum=False, create_constraint=True, length=32), server_default='draft', nullable=False),
    sa.Column('revision', sa.Integer(), server_default='1', nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancel_reason', sa.String(length=500), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("ends_at - starts_at <= interval '12 hours'", name=op.f('ck_patrols_at_most_12_hours')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_patrols_ends_after_start')),
    sa.CheckConstraint('meeting_radius_m BETWEEN 10 AND 2000', name=op.f('ck_patrols_meeting_radius_range')),
    sa.CheckConstraint('min_volunteers <= max_volunteers', name=op.f('ck_patrols_min_within_capacity')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_patrols_created_by_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['series_id'], ['patrol_series.id'], name=op.f('fk_patrols_series_id_patrol_series'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_patrols_station_id_stations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patrols'))
    )
    op.create_index(op.f('ix_patrols_series_id'), 'patrols', ['series_id'], unique=False)
    op.create_index('ix_patrols_station_id_starts_at', 'patrols', ['station_id', 'starts_at'], unique=False)
    op.create_table('outbox_events',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=False),
    sa.Column('dedupe_key', sa.String(length=200), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=True),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('available_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_outbox_events_patrol_id_patrols'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_events')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_outbox_events_dedupe_key'))
    )
    op.create_index(op.f('ix_outbox_events_patrol_id'), 'outbox_events', ['patrol_id'], unique=False)
    op.create_index('ix_outbox_events_pending', 'outbox_events', ['available_at'], unique=False, postgresql_where=sa.text('processed_at IS NULL'))
    op.create_table('patrol_groups',
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['volunteer_groups.id'], name=op.f('fk_patrol_groups_group_id_volunteer_groups'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_patrol_groups_patrol_id_patrols'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('patrol_id', 'group_id', name=op.f('pk_patrol_groups'))
    )
    op.create_index(op.f('ix_patrol_groups_group_id'), 'patrol_groups', ['group_id'], unique=False)
    op.create_table('patrol_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('volunteer', 'officer', name='participant_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('confirmed', 'waitlisted', 'withdrawn', 'patrol_cancelled', name='participant_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('period', postgresql.TSTZRANGE(), nullable=False),
    sa.Column('signed_up_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('signed_up_by_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_late_cancellation', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    postgresql.ExcludeConstraint((sa.column('user_id'), '='), (sa.column('period'), '&&'), where=sa.text("status IN ('confirmed', 'waitlisted')"), using='gist', name='ex_patrol_participants_no_overlap'),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_patrol_participants_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['signed_up_by_id'], ['users.id'], name=op.f('fk_patrol_participants_signed_up_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_patrol_participants_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_patrol_participants')),
    sa.UniqueConstraint('patrol_id', 'user_id', name=op.f('uq_patrol_participants_patrol_id_user_id'))
    )
    op.create_index(op.f('ix_patrol_participants_user_id'), 'patrol_participants', ['user_id'], unique=False)
    op.create_table('patrol_zones',
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_patrol_zones_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['zone_id'], ['zones.id'], name=op.f('fk_patrol_zones_zone_id_zones'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('patrol_id', 'zone_id', name=op.f('pk_patrol_zones'))
    )
    op.create_index(op.f('ix_patrol_zones_zone_id'), 'patrol_zones', ['zone_id'], unique=False)
    op.add_column('stations', sa.Column('withdrawal_cutoff_minutes', sa.Integer(), server_default='180', nullable=False))
    op.add_column('stations', sa.Column('is_officer_required_at_night_in_women_safe_zones', sa.Boolean(), server_default=sa.text('true'), nullable=False))


def downgrade():
    op.drop_column('stations', 'is_officer_required_at_night_in_women_safe_zones')
    op.drop_column('stations', 'withdrawal_cutoff_minutes')
    op.drop_index(op.f('ix_patrol_zones_zone_id'), table_name='patrol_zones')
    op.drop_table('patrol_zones')
    op.drop_index(op.f('ix_patrol_participants_user_id'), table_name='patrol_participants')
    op.drop_table('patrol_participants')
    op.drop_index(op.f('ix_patrol_groups_group_id'), table_name='patrol_groups')
    op.drop_table('patrol_groups')
    op.drop_index('ix_outbox_events_pending', table_name='outbox_events', postgresql_where=sa.text('processed_at IS NULL'))
    op.drop_index(op.f('ix_outbox_events_patrol_id'), table_name='outbox_events')
    op.drop_table('outbox_events')
    op.drop_index('ix_patrols_station_id_starts_at', table_name='patrols')
    op.drop_index(op.f('ix_patrols_series_id'), table_name='patrols')
    op.drop_geospatial_table('patrols')
    op.drop_table('patrol_series')
