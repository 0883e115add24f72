"""location points without a spatial index

Points are read by patrol, person and time only; the GIST index on point served no query
and cost about a fifth of every batch insert.

Revision ID: ea9be4038af2
Revises: 169a07975913
Create Date: 2026-11-22 16:36:31.077867

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'ea9be4038af2'
down_revision = '169a07975913'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_geospatial_index(op.f('idx_location_points_point'), table_name='location_points', postgresql_using='gist', column_name='point')


def downgrade():
    op.create_geospatial_index(op.f('idx_location_points_point'), 'location_points', ['point'], unique=False, postgresql_using='gist', postgresql_ops={})
