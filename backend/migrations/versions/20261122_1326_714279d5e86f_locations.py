"""check-ins, location points, zone dwell, access log

Revision ID: 714279d5e86f
Revises: 90c78fc4b666
Create Date: 2026-11-22 13:26:42.531181

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '714279d5e86f'
down_revision = '90c78fc4b666'
branch_labels = None
depends_on = None


def upgrade():
    op.create_geospatial_table('checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('check_in', 'check_out', name='checkin_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('client_event_id', sa.Uuid(), nullable=False),
    sa.Column('request_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('point', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry'), nullable=True),
    sa.Column('accuracy_m', sa.Float(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('status', sa.Enum('accepted', 'flagged', name='checkin_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reasons', postgresql.ARRAY(sa.String(length=40)), server_default='{}', nullable=False),
    sa.Column('distance_m', sa.Float(), nullable=False),
    sa.Column('zone_ids', postgresql.ARRAY(sa.Integer()), server_default='{}', nullable=False),
    sa.Column('review', sa.Enum('pending', 'approved', 'rejected', name='checkin_review', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('review_note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_checkins_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_checkins_reviewed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_checkins_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkins')),
    sa.UniqueConstraint('user_id', 'client_event_id', name=op.f('uq_checkins_user_id_client_event_id'))
    )
    op.create_index('ix_checkins_patrol_id_user_id_recorded_at', 'checkins', ['patrol_id', 'user_id', 'recorded_at'], unique=False)
    op.create_index('ix_checkins_pending_review', 'checkins', ['patrol_id'], unique=False, postgresql_where=sa.text("review = 'pending'"))
    op.create_table('location_access_log',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('viewer_id', sa.Integer(), nullable=True),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('patrol_id', sa.Integer(), nullable=True),
    sa.Column('endpoint', sa.String(length=100), nullable=False),
    sa.Column('accessed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_location_access_log_patrol_id_patrols'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subject_id'], ['users.id'], name=op.f('fk_location_access_log_subject_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['viewer_id'], ['users.id'], name=op.f('fk_location_access_log_viewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location_access_log'))
    )
    op.create_index('ix_location_access_log_subject_id_accessed_at', 'location_access_log', ['subject_id', 'accessed_at'], unique=False)
    op.create_index(op.f('ix_location_access_log_viewer_id'), 'location_access_log', ['viewer_id'], unique=False)
    op.create_geospatial_table('location_points',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('client_event_id', sa.Uuid(), nullable=False),
    sa.Column('point', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('accuracy_m', sa.Float(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('speed_mps', sa.Float(), nullable=True),
    sa.Column('battery', sa.SmallInteger(), nullable=True),
    sa.Column('exclusion', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_location_points_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_location_points_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location_points')),
    sa.UniqueConstraint('user_id', 'client_event_id', name=op.f('uq_location_points_user_id_client_event_id'))
    )
    op.create_geospatial_index('idx_location_points_point', 'location_points', ['point'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_index('ix_location_points_patrol_id_user_id_recorded_at', 'location_points', ['patrol_id', 'user_id', 'recorded_at'], unique=False)
    op.create_index('ix_location_points_recorded_at', 'location_points', ['recorded_at'], unique=False)
    op.create_table('zone_dwell',
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('route_coverage', sa.Float(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_zone_dwell_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_zone_dwell_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['zone_id'], ['zones.id'], name=op.f('fk_zone_dwell_zone_id_zones'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('patrol_id', 'user_id', 'zone_id', name=op.f('pk_zone_dwell'))
    )
    op.create_index(op.f('ix_zone_dwell_zone_id'), 'zone_dwell', ['zone_id'], unique=False)
    op.add_column('stations', sa.Column('checkin_opens_minutes', sa.Integer(), server_default='30', nullable=False))
    op.add_column('stations', sa.Column('geofence_policy', sa.Enum('flag', 'block', name='geofence_policy', native_enum=False, create_constraint=True, length=32), server_default='flag', nullable=False))
    op.add_geospatial_column('zones', sa.Column('area', Geometry(srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry'), sa.Computed("CASE WHEN kind = 'safe_return_route' THEN ST_Buffer(geom::geography, corridor_m)::geometry WHEN ST_Dimension(geom) < 2 THEN ST_Buffer(geom::geography, 25)::geometry ELSE geom END", persisted=True), nullable=True))
    op.create_geospatial_index('idx_zones_area', 'zones', ['area'], unique=False, postgresql_using='gist', postgresql_ops={})


def downgrade():
    op.drop_geospatial_index('idx_zones_area', table_name='zones', postgresql_using='gist', column_name='area')
    op.drop_geospatial_column('zones', 'area')
    op.drop_column('stations', 'geofence_policy')
    op.drop_column('stations', 'checkin_opens_minutes')
    op.drop_index(op.f('ix_zone_dwell_zone_id'), table_name='zone_dwell')
    op.drop_table('zone_dwell')
    op.drop_index('ix_location_points_recorded_at', table_name='location_points')
    op.drop_index('ix_location_points_patrol_id_user_id_recorded_at', table_name='location_points')
    op.drop_geospatial_index('idx_location_points_point', table_name='location_points', postgresql_using='gist', column_name='point')
    op.drop_geospatial_table('location_points')
    op.drop_index(op.f('ix_location_access_log_viewer_id'), table_name='location_access_log')
    op.drop_index('ix_location_access_log_subject_id_accessed_at', table_name='location_access_log')
    op.drop_table('location_access_log')
    op.drop_index('ix_checkins_pending_review', table_name='checkins', postgresql_where=sa.text("review = 'pending'"))
    op.drop_index('ix_checkins_patrol_id_user_id_recorded_at', table_name='checkins')
    op.drop_geospatial_table('checkins')
