"""patrols carry their meeting place's name; the night window of the pairing rules as a function

Revision ID: 3f6a9c2d71e4
Revises: b5e1c3a7d902
Create Date: 2026-12-03 15:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '3f6a9c2d71e4'
down_revision = 'b5e1c3a7d902'
branch_labels = None
depends_on = None


# Does [starts, ends) touch 22:00-06:00 Korean time on any night? A patrol (12 hours at most)
# misses every night only when it starts at 06:00 or later and ends by 22:00 of that same day.
TOUCHES_SEOUL_NIGHT = """
CREATE FUNCTION touches_seoul_night(starts timestamptz, ends timestamptz)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NOT ((starts AT TIME ZONE 'Asia/Seoul')::time >= time '06:00'
                  AND ends AT TIME ZONE 'Asia/Seoul' <= (starts AT TIME ZONE 'Asia/Seoul')::date + time '22:00') $$
"""


def upgrade():
    op.add_column('patrols', sa.Column('meeting_place_name', sa.String(length=200), nullable=True))
    op.execute(TOUCHES_SEOUL_NIGHT)


def downgrade():
    op.execute("DROP FUNCTION touches_seoul_night(timestamptz, timestamptz)")
    op.drop_column('patrols', 'meeting_place_name')
