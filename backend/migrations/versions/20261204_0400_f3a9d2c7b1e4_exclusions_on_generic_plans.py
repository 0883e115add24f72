"""mark_location_exclusions() plans its statements once per session

Its statements name a person, a patrol and a time, never a day partition, so PostgreSQL's
default of planning them anew for each call (a custom plan looks cheaper than a generic one
that lists every partition) cost more than running them. With a generic plan the partitions
are pruned when the statement starts, from the values it is given.

Revision ID: f3a9d2c7b1e4
Revises: e8c4a1d6b2f7
Create Date: 2026-12-04 04:00:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'f3a9d2c7b1e4'
down_revision = 'e8c4a1d6b2f7'
branch_labels = None
depends_on = None

FUNCTION = "mark_location_exclusions(integer, integer, timestamptz, float8, float8)"


def upgrade():
    op.execute(f"ALTER FUNCTION {FUNCTION} SET plan_cache_mode = force_generic_plan")


def downgrade():
    op.execute(f"ALTER FUNCTION {FUNCTION} RESET plan_cache_mode")
