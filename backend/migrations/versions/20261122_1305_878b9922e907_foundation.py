"""foundation: stations, groups, people, zones, auth sessions

Revision ID: 878b9922e907
Revises:
Create Date: 2026-11-22 13:05:19.795632

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '878b9922e907'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # Setup creates the extension as a superuser; this keeps a bare `db upgrade` working too.
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.create_geospatial_table('stations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('location', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['stations.id'], name=op.f('fk_stations_parent_id_stations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stations')),
    sa.UniqueConstraint('code', name=op.f('uq_stations_code'))
    )
    op.create_index(op.f('ix_stations_parent_id'), 'stations', ['parent_id'], unique=False)
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('admin', 'coordinator', 'station_chief', 'officer', 'volunteer', name='user_role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('is_active', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('locale', sa.Enum('ko', 'en', name='user_locale', native_enum=False, create_constraint=True, length=32), server_default='ko', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("role = 'admin' OR station_id IS NOT NULL", name=op.f('ck_users_station_required')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_users_station_id_stations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('phone', name=op.f('uq_users_phone'))
    )
    op.create_index(op.f('ix_users_station_id'), 'users', ['station_id'], unique=False)
    op.create_table('volunteer_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.Enum('patrol_association', 'citizen_police', 'safety_council', 'merchant_association', 'community', 'other', name='group_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_volunteer_groups_station_id_stations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_groups')),
    sa.UniqueConstraint('station_id', 'name', name=op.f('uq_volunteer_groups_station_id_name'))
    )
    op.create_index(op.f('ix_volunteer_groups_station_id'), 'volunteer_groups', ['station_id'], unique=False)
    op.create_geospatial_table('zones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.Enum('dense_area', 'women_safe_zone', 'safe_return_route', 'safe_house', 'other', name='zone_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('geom', Geometry(srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('corridor_m', sa.Integer(), nullable=True),
    sa.Column('properties', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("(kind <> 'safe_return_route') = (corridor_m IS NULL)", name=op.f('ck_zones_corridor_for_routes')),
    sa.CheckConstraint("kind = 'other' OR (kind IN ('dense_area', 'women_safe_zone')     AND ST_GeometryType(geom) IN ('ST_Polygon', 'ST_MultiPolygon')) OR (kind = 'safe_return_route' AND ST_GeometryType(geom) = 'ST_LineString') OR (kind = 'safe_house' AND ST_GeometryType(geom) = 'ST_Point')", name=op.f('ck_zones_geometry_fits_kind')),
    sa.CheckConstraint('ST_IsValid(geom)', name=op.f('ck_zones_geom_valid')),
    sa.CheckConstraint('corridor_m IS NULL OR corridor_m BETWEEN 1 AND 500', name=op.f('ck_zones_corridor_range')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_zones_station_id_stations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_zones'))
    )
    op.create_geospatial_index('idx_zones_geom', 'zones', ['geom'], unique=False, postgresql_using='gist', postgresql_ops={})
    op.create_index(op.f('ix_zones_station_id'), 'zones', ['station_id'], unique=False)
    op.create_table('auth_sessions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('refresh_jti', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('refreshed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_auth_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_sessions'))
    )
    op.create_index(op.f('ix_auth_sessions_user_id'), 'auth_sessions', ['user_id'], unique=False)
    op.create_table('group_memberships',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('is_leader', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['volunteer_groups.id'], name=op.f('fk_group_memberships_group_id_volunteer_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_group_memberships_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'user_id', name=op.f('pk_group_memberships'))
    )
    op.create_index(op.f('ix_group_memberships_user_id'), 'group_memberships', ['user_id'], unique=False)
    op.create_table('location_consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('policy_version', sa.String(length=32), nullable=False),
    sa.Column('granted_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_location_consents_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location_consents'))
    )
    op.create_index('uq_location_consents_active_user', 'location_consents', ['user_id'], unique=True, postgresql_where=sa.text('withdrawn_at IS NULL'))


def downgrade():
    # The postgis extension stays: it may predate this schema and belongs to the database.
    op.drop_index('uq_location_consents_active_user', table_name='location_consents', postgresql_where=sa.text('withdrawn_at IS NULL'))
    op.drop_table('location_consents')
    op.drop_index(op.f('ix_group_memberships_user_id'), table_name='group_memberships')
    op.drop_table('group_memberships')
    op.drop_index(op.f('ix_auth_sessions_user_id'), table_name='auth_sessions')
    op.drop_table('auth_sessions')
    op.drop_index(op.f('ix_zones_station_id'), table_name='zones')
    op.drop_geospatial_index('idx_zones_geom', table_name='zones', postgresql_using='gist', column_name='geom')
    op.drop_geospatial_table('zones')
    op.drop_index(op.f('ix_volunteer_groups_station_id'), table_name='volunteer_groups')
    op.drop_table('volunteer_groups')
    op.drop_index(op.f('ix_users_station_id'), table_name='users')
    op.drop_table('users')
    op.drop_index(op.f('ix_stations_parent_id'), table_name='stations')
    op.drop_geospatial_table('stations')
