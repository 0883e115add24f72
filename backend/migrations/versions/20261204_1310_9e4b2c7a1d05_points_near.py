"""points near in place and time: walking alone reads the people close by, not everyone on the patrol

Revision ID: 9e4b2c7a1d05
Revises: c4d7e1a9b3f2
Create Date: 2026-12-04 13:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '9e4b2c7a1d05'
down_revision = 'c4d7e1a9b3f2'
branch_labels = None
depends_on = None


def upgrade():
    # btree_gist (for patrol_id and recorded_at in a GiST index) is created with the patrols.
    op.create_index('ix_location_points_near', 'location_points',
                    ['patrol_id', 'recorded_at', sa.text('geography(point)')], unique=False, postgresql_using='gist')


def downgrade():
    op.drop_index('ix_location_points_near', table_name='location_points', postgresql_using='gist')
