"""auth sessions remember the refresh token they rotated last, for a refresh sent twice at once

Revision ID: c4d2e8f1a937
Revises: 3f6a9c2d71e4
Create Date: 2026-12-03 17:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'c4d2e8f1a937'
down_revision = '3f6a9c2d71e4'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('auth_sessions', sa.Column('previous_refresh_jti', sa.String(length=64), nullable=True))


def downgrade():
    op.drop_column('auth_sessions', 'previous_refresh_jti')
