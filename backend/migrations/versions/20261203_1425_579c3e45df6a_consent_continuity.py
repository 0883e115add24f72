"""consent continuity: a renewal to a newer policy version carries consent on

location_consents.continuous_since: for a consent that renewed an earlier one without a
break, since when consent has been in force; NULL for a consent given afresh (in force
since its granted_at). Existing rows stay NULL and count from their own granted_at, as
they did until now.

Revision ID: 579c3e45df6a
Revises: b5e1c7a93d24
Create Date: 2026-12-03 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '579c3e45df6a'
down_revision = 'b5e1c7a93d24'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('location_consents', sa.Column('continuous_since', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column('location_consents', 'continuous_since')
