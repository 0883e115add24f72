"""a background export's file kept in numbered parts, so no worker holds it whole

Revision ID: e2b7c4a91f08
Revises: 2c547ee3a0a0
Create Date: 2026-12-03 23:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'e2b7c4a91f08'
down_revision = '2c547ee3a0a0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'export_file_parts',
        sa.Column('job_id', sa.BigInteger(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['job_id'], ['export_jobs.id'], name=op.f('fk_export_file_parts_job_id_export_jobs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('job_id', 'number', name=op.f('pk_export_file_parts')),
    )
    op.execute("INSERT INTO export_file_parts (job_id, number, data) SELECT id, 0, content FROM export_jobs "
               "WHERE content IS NOT NULL")
    op.drop_column('export_jobs', 'content')


def downgrade():
    op.add_column('export_jobs', sa.Column('content', sa.LargeBinary(), nullable=True))
    op.execute("UPDATE export_jobs SET content = parts.data FROM (SELECT job_id, string_agg(data, ''::bytea ORDER BY number) "
               "AS data FROM export_file_parts GROUP BY job_id) AS parts WHERE parts.job_id = export_jobs.id")
    op.drop_table('export_file_parts')
