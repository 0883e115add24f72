"""background export jobs: a report file made by a worker, kept for a while

Revision ID: d7a1f0b3c5e2
Revises: c4d2e8f1a937
Create Date: 2026-12-03 19:50:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'd7a1f0b3c5e2'
down_revision = 'c4d2e8f1a937'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'export_jobs',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=False),
        sa.Column('report', sa.String(length=40), nullable=False),
        sa.Column('format', sa.String(length=10), nullable=False),
        sa.Column('filters', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', 'expired', name='export_status',
                                    native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column('rows_total', sa.Integer(), nullable=True),
        sa.Column('rows_done', sa.Integer(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('error_code', sa.String(length=64), nullable=True),
        sa.Column('file_name', sa.Text(), nullable=True),
        sa.Column('size_bytes', sa.BigInteger(), nullable=True),
        sa.Column('content', sa.LargeBinary(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_export_jobs_requested_by_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_export_jobs')),
    )
    op.create_index(op.f('ix_export_jobs_requested_by_id'), 'export_jobs', ['requested_by_id'], unique=False)
    op.create_index('ix_export_jobs_waiting', 'export_jobs', ['created_at'], unique=False,
                    postgresql_where=sa.text("status IN ('queued', 'running')"))
    op.create_index('ix_export_jobs_expiring', 'export_jobs', ['expires_at'], unique=False,
                    postgresql_where=sa.text("status = 'done'"))


def downgrade():
    op.drop_index('ix_export_jobs_expiring', table_name='export_jobs', postgresql_where=sa.text("status = 'done'"))
    op.drop_index('ix_export_jobs_waiting', table_name='export_jobs', postgresql_where=sa.text("status IN ('queued', 'running')"))
    op.drop_index(op.f('ix_export_jobs_requested_by_id'), table_name='export_jobs')
    op.drop_table('export_jobs')
