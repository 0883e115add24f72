"""sos alerts: a participant's call for help, its presses, who took it and how it ended;
the station's phone number, which the SOS screen offers besides 112

Revision ID: 5b8e2d4f6a17
Revises: a7c3e9f1d2b8
Create Date: 2026-12-04 04:30:00.000000

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '5b8e2d4f6a17'
down_revision = 'a7c3e9f1d2b8'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('stations', sa.Column('phone', sa.String(length=20), nullable=True))
    op.create_table(
        'sos_alerts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('patrol_id', sa.Integer(), nullable=False),
        sa.Column('raiser_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('sos', 'man_down', name='sos_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column('status', sa.Enum('open', 'acknowledged', 'resolved', 'cancelled', name='sos_status', native_enum=False,
                                    create_constraint=True, length=32), server_default='open', nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('point', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT',
                                    name='geometry', nullable=False), nullable=False),
        sa.Column('accuracy_m', sa.Float(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('raised_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('alerted_user_ids', postgresql.ARRAY(sa.Integer()), server_default='{}', nullable=False),
        sa.Column('acknowledged_by_id', sa.Integer(), nullable=True),
        sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('resolved_by_id', sa.Integer(), nullable=True),
        sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('outcome', sa.Enum('safe', 'false_alarm', 'police_dispatched', 'medical', name='sos_outcome', native_enum=False,
                                     create_constraint=True, length=32), nullable=True),
        sa.Column('resolution_note', sa.Text(), nullable=True),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_sos_alerts_patrol_id_patrols'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['raiser_id'], ['users.id'], name=op.f('fk_sos_alerts_raiser_id_users'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['acknowledged_by_id'], ['users.id'], name=op.f('fk_sos_alerts_acknowledged_by_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_sos_alerts_resolved_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sos_alerts')),
    )
    op.create_index(op.f('ix_sos_alerts_patrol_id'), 'sos_alerts', ['patrol_id'], unique=False)
    op.create_index('uq_sos_alerts_active_raiser', 'sos_alerts', ['raiser_id'], unique=True,
                    postgresql_where=sa.text("status IN ('open', 'acknowledged')"))
    op.create_table(
        'sos_presses',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('alert_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('client_event_id', sa.Uuid(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.ForeignKeyConstraint(['alert_id'], ['sos_alerts.id'], name=op.f('fk_sos_presses_alert_id_sos_alerts'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sos_presses_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sos_presses')),
        sa.UniqueConstraint('user_id', 'client_event_id', name=op.f('uq_sos_presses_user_id_client_event_id')),
    )
    op.create_index(op.f('ix_sos_presses_alert_id'), 'sos_presses', ['alert_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_sos_presses_alert_id'), table_name='sos_presses')
    op.drop_table('sos_presses')
    op.drop_index('uq_sos_alerts_active_raiser', table_name='sos_alerts', postgresql_where=sa.text("status IN ('open', 'acknowledged')"))
    op.drop_index(op.f('ix_sos_alerts_patrol_id'), table_name='sos_alerts')
    op.drop_table('sos_alerts')
    op.drop_column('stations', 'phone')
