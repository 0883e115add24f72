"""dwell summed from kept steps: new points replace only the steps from where they were judged

A person's dwell in each zone is summed from the steps between their consecutive kept points;
the steps are now kept (dwell_steps), so that new points replace only the steps from the last
kept point before them, instead of every step of the patrol being worked out again.
mark_location_exclusions() says where that is: it returns the recorded_at from which it judged
the points again (NULL: from the first point).

The steps of points already stored are worked out by the derivation worker: every person with
points is queued to be derived again from their first point.

Revision ID: a7c3e9f1d2b8
Revises: f3a9d2c7b1e4
Create Date: 2026-12-04 04:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 'a7c3e9f1d2b8'
down_revision = 'f3a9d2c7b1e4'
branch_labels = None
depends_on = None

FUNCTION = "mark_location_exclusions(integer, integer, timestamptz, float8, float8)"
# (as it read, as it reads now): the function returns where it began judging again.
RETURNING_WHERE_JUDGED = [
    ("RETURNS void", "RETURNS timestamp with time zone"),
    ("DECLARE\n", "DECLARE\n    judged_from timestamptz;\n"),
    ("    FOR fix IN", "    judged_from := NULLIF(anchor_at, '-infinity');\n    FOR fix IN"),
    ("    END LOOP;\nEND", "    END LOOP;\n    RETURN judged_from;\nEND"),
]


def upgrade():
    op.create_table('dwell_steps',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('is_night', sa.Boolean(), nullable=False),
    sa.Column('route_from', sa.Float(), nullable=True),
    sa.Column('route_to', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_dwell_steps_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_dwell_steps_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['zone_id'], ['zones.id'], name=op.f('fk_dwell_steps_zone_id_zones'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dwell_steps'))
    )
    op.create_index('ix_dwell_steps_patrol_id_user_id_started_at', 'dwell_steps', ['patrol_id', 'user_id', 'started_at'], unique=False)
    op.create_index('ix_dwell_steps_started_at', 'dwell_steps', ['started_at'], unique=False, postgresql_using='brin')
    op.create_index(op.f('ix_dwell_steps_zone_id'), 'dwell_steps', ['zone_id'], unique=False)
    _redefine_mark_exclusions(RETURNING_WHERE_JUDGED)
    op.execute("""
        INSERT INTO derivation_queue (patrol_id, user_id, points_from)
        SELECT patrol_id, user_id, min(recorded_at) FROM location_points GROUP BY patrol_id, user_id
        ON CONFLICT (patrol_id, user_id) DO UPDATE SET points_from = excluded.points_from
    """)


def downgrade():
    _redefine_mark_exclusions([(new, old) for old, new in RETURNING_WHERE_JUDGED])
    op.drop_index(op.f('ix_dwell_steps_zone_id'), table_name='dwell_steps')
    op.drop_index('ix_dwell_steps_started_at', table_name='dwell_steps', postgresql_using='brin')
    op.drop_index('ix_dwell_steps_patrol_id_user_id_started_at', table_name='dwell_steps')
    op.drop_table('dwell_steps')


def _redefine_mark_exclusions(replacements):
    # A function's result type cannot be replaced in place: it is dropped and made again from
    # its own definition, edited, which keeps its settings.
    edits = "".join(
        f"""
    IF strpos(definition, {_quoted(old)}) = 0 THEN
        RAISE 'mark_location_exclusions() no longer reads: %', {_quoted(old)};
    END IF;
    definition := replace(definition, {_quoted(old)}, {_quoted(new)});"""
        for old, new in replacements
    )
    op.execute(f"""
DO $$
DECLARE
    definition text := pg_get_functiondef('{FUNCTION}'::regprocedure);
BEGIN{edits}
    DROP FUNCTION {FUNCTION};
    EXECUTE definition;
END
$$
""")


def _quoted(text):
    return "E'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
