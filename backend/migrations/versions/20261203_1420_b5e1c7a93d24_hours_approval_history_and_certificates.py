"""hours approvals with a history (revocable), and numbered volunteer-hours certificates

An approval gets its own id, so a group's month can be approved, revoked (by an admin, with a
reason) and approved again, each approval keeping what it certified; at most one stands at a
time. Approved minutes and later adjustments belong to the approval that locked them.
Certificates record what each printed paper said, under a number anyone can check.

Revision ID: b5e1c7a93d24
Revises: 7d3f19a0c2e8
Create Date: 2026-12-03 14:20:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'b5e1c7a93d24'
down_revision = '7d3f19a0c2e8'
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint('fk_approved_hours_group_id_hours_approvals', 'approved_hours', type_='foreignkey')
    op.drop_constraint('fk_hours_adjustments_group_id_hours_approvals', 'hours_adjustments', type_='foreignkey')
    op.drop_constraint('pk_hours_approvals', 'hours_approvals', type_='primary')
    # serial, as a new table's integer key would be: numbers the existing rows too.
    op.execute('ALTER TABLE hours_approvals ADD COLUMN id serial NOT NULL')
    op.create_primary_key('pk_hours_approvals', 'hours_approvals', ['id'])
    op.add_column('hours_approvals', sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('hours_approvals', sa.Column('revoked_by_id', sa.Integer(), nullable=True))
    op.add_column('hours_approvals', sa.Column('revocation_reason', sa.String(length=500), nullable=True))
    op.create_foreign_key(op.f('fk_hours_approvals_revoked_by_id_users'), 'hours_approvals', 'users', ['revoked_by_id'], ['id'], ondelete='SET NULL')
    op.create_check_constraint(op.f('ck_hours_approvals_revocation_has_reason'), 'hours_approvals', '(revoked_at IS NULL) = (revocation_reason IS NULL)')
    op.create_index('uq_hours_approvals_group_id_month_standing', 'hours_approvals', ['group_id', 'month'], unique=True, postgresql_where=sa.text('revoked_at IS NULL'))

    for table in ('approved_hours', 'hours_adjustments'):
        op.add_column(table, sa.Column('approval_id', sa.Integer(), nullable=True))
        op.execute(
            f'UPDATE {table} t SET approval_id = a.id FROM hours_approvals a '
            'WHERE a.group_id = t.group_id AND a.month = t.month'
        )
        op.alter_column(table, 'approval_id', nullable=False)
        op.create_foreign_key(op.f(f'fk_{table}_approval_id_hours_approvals'), table, 'hours_approvals', ['approval_id'], ['id'], ondelete='CASCADE')
    op.drop_constraint('pk_approved_hours', 'approved_hours', type_='primary')
    op.create_primary_key('pk_approved_hours', 'approved_hours', ['approval_id', 'user_id'])
    op.drop_index('ix_hours_adjustments_group_id_month', table_name='hours_adjustments')
    op.create_index('ix_hours_adjustments_approval_id_user_id', 'hours_adjustments', ['approval_id', 'user_id'], unique=False)
    for table in ('approved_hours', 'hours_adjustments'):
        op.drop_column(table, 'group_id')
        op.drop_column(table, 'month')

    op.create_table('hours_certificates',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('number', sa.String(length=16), nullable=False),
    sa.Column('approval_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('holder_name', sa.String(length=100), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('approved_minutes', sa.Integer(), nullable=False),
    sa.Column('adjustment_minutes', sa.Integer(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['approval_id'], ['hours_approvals.id'], name=op.f('fk_hours_certificates_approval_id_hours_approvals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_hours_certificates_issued_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_hours_certificates_station_id_stations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_hours_certificates_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hours_certificates')),
    sa.UniqueConstraint('number', name=op.f('uq_hours_certificates_number'))
    )
    op.create_index(op.f('ix_hours_certificates_approval_id'), 'hours_certificates', ['approval_id'], unique=False)
    op.create_index(op.f('ix_hours_certificates_user_id'), 'hours_certificates', ['user_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_hours_certificates_user_id'), table_name='hours_certificates')
    op.drop_index(op.f('ix_hours_certificates_approval_id'), table_name='hours_certificates')
    op.drop_table('hours_certificates')
    # The old schema knows only standing approvals: revoked ones (and what they held) go.
    op.execute('DELETE FROM hours_approvals WHERE revoked_at IS NOT NULL')
    for table in ('approved_hours', 'hours_adjustments'):
        op.add_column(table, sa.Column('group_id', sa.Integer(), nullable=True))
        op.add_column(table, sa.Column('month', sa.Date(), nullable=True))
        op.execute(
            f'UPDATE {table} t SET group_id = a.group_id, month = a.month FROM hours_approvals a WHERE a.id = t.approval_id'
        )
        op.alter_column(table, 'group_id', nullable=False)
        op.alter_column(table, 'month', nullable=False)
        op.drop_constraint(op.f(f'fk_{table}_approval_id_hours_approvals'), table, type_='foreignkey')
    op.drop_index('ix_hours_adjustments_approval_id_user_id', table_name='hours_adjustments')
    op.create_index('ix_hours_adjustments_group_id_month', 'hours_adjustments', ['group_id', 'month'], unique=False)
    op.drop_constraint('pk_approved_hours', 'approved_hours', type_='primary')
    op.create_primary_key('pk_approved_hours', 'approved_hours', ['group_id', 'month', 'user_id'])
    for table in ('approved_hours', 'hours_adjustments'):
        op.drop_column(table, 'approval_id')
    op.drop_index('uq_hours_approvals_group_id_month_standing', table_name='hours_approvals')
    op.drop_constraint(op.f('ck_hours_approvals_revocation_has_reason'), 'hours_approvals', type_='check')
    op.drop_constraint(op.f('fk_hours_approvals_revoked_by_id_users'), 'hours_approvals', type_='foreignkey')
    op.drop_column('hours_approvals', 'revocation_reason')
    op.drop_column('hours_approvals', 'revoked_by_id')
    op.drop_column('hours_approvals', 'revoked_at')
    op.drop_constraint('pk_hours_approvals', 'hours_approvals', type_='primary')
    op.drop_column('hours_approvals', 'id')
    op.create_primary_key('pk_hours_approvals', 'hours_approvals', ['group_id', 'month'])
    op.create_foreign_key('fk_approved_hours_group_id_hours_approvals', 'approved_hours', 'hours_approvals', ['group_id', 'month'], ['group_id', 'month'], ondelete='CASCADE')
    op.create_foreign_key('fk_hours_adjustments_group_id_hours_approvals', 'hours_adjustments', 'hours_approvals', ['group_id', 'month'], ['group_id', 'month'], ondelete='CASCADE')
