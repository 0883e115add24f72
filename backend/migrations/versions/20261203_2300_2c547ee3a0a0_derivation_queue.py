"""derivation queue: figures derived by a worker after the commit that delivered the data

Revision ID: 2c547ee3a0a0
Revises: d7a1f0b3c5e2
Create Date: 2026-12-03 23:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '2c547ee3a0a0'
down_revision = 'd7a1f0b3c5e2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'derivation_queue',
        sa.Column('patrol_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('points_from', sa.DateTime(timezone=True), nullable=True),
        sa.Column('requested_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_derivation_queue_patrol_id_patrols'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_derivation_queue_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('patrol_id', 'user_id', name=op.f('pk_derivation_queue')),
    )
    op.create_index('ix_derivation_queue_requested_at', 'derivation_queue', ['requested_at'], unique=False)


def downgrade():
    op.drop_index('ix_derivation_queue_requested_at', table_name='derivation_queue')
    op.drop_table('derivation_queue')
