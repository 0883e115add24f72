"""sos positions: where the raiser's phone was while the alert ran, kept as an incident
record; an alert's own point may be blanked when that record's retention is over

Revision ID: c4d7e1a9b3f2
Revises: 5b8e2d4f6a17
Create Date: 2026-12-04 11:30:00.000000

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry

# revision identifiers, used by Alembic.
revision = 'c4d7e1a9b3f2'
down_revision = '5b8e2d4f6a17'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column('sos_alerts', 'point', nullable=True)
    op.create_table(
        'sos_positions',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('alert_id', sa.Integer(), nullable=False),
        sa.Column('client_event_id', sa.Uuid(), nullable=False),
        sa.Column('point', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT',
                                    name='geometry', nullable=False), nullable=False),
        sa.Column('accuracy_m', sa.Float(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.ForeignKeyConstraint(['alert_id'], ['sos_alerts.id'], name=op.f('fk_sos_positions_alert_id_sos_alerts'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sos_positions')),
        sa.UniqueConstraint('alert_id', 'client_event_id', name=op.f('uq_sos_positions_alert_id_client_event_id')),
    )
    op.create_index('ix_sos_positions_alert_id_recorded_at', 'sos_positions', ['alert_id', 'recorded_at'], unique=False)


def downgrade():
    op.drop_index('ix_sos_positions_alert_id_recorded_at', table_name='sos_positions')
    op.drop_table('sos_positions')
    # Alerts whose point was blanked by the retention cannot go back to a required point.
    op.execute("DELETE FROM sos_alerts WHERE point IS NULL")
    op.alter_column('sos_alerts', 'point', nullable=False)
