"""confirmed participants index: reports find unrecorded attendance fast

Revision ID: 5c0e2f7a9b31
Revises: 169a07975913
Create Date: 2026-11-22 15:40:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '5c0e2f7a9b31'
down_revision = '169a07975913'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_patrol_participants_confirmed', 'patrol_participants', ['patrol_id', 'user_id'], unique=False, postgresql_where=sa.text("status = 'confirmed'"))


def downgrade():
    op.drop_index('ix_patrol_participants_confirmed', table_name='patrol_participants', postgresql_where=sa.text("status = 'confirmed'"))
