"""location_points partitioned by UTC day, with a default partition

Points are stored in one partition per UTC day of recorded_at, so the retention purge
drops whole days instead of deleting rows. A default partition takes whatever has no day
yet (a phone's clock far off, a day not created in time): no insert ever fails, and the
day's creation moves such rows in.

UTC days, not Seoul ones: Korean evening and night patrols (18:00-06:00 KST) fall inside
one UTC day (09:00-21:00 UTC), so one patrol's points sit in one partition, where Seoul
midnight would split every night patrol in two.

A unique constraint of a partitioned table must hold the partition key: the dedup key
becomes (user_id, client_event_id, recorded_at), which keeps its meaning because a phone
resends the same fix, recorded_at included. Nothing references location_points.id.

Revision ID: e8c4a1d6b2f7
Revises: e2b7c4a91f08
Create Date: 2026-12-03 23:20:00.000000

"""
from alembic import op
import sqlalchemy as sa
from geoalchemy2 import Geometry

# revision identifiers, used by Alembic.
revision = 'e8c4a1d6b2f7'
down_revision = 'e2b7c4a91f08'
branch_labels = None
depends_on = None

COLUMNS = "id, patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at, received_at, speed_mps, battery, exclusion, late_review"
DAYS_AHEAD = 7  # as the daily maintenance keeps them (backend/locations/partitions.py)


def upgrade():
    op.execute("ALTER TABLE location_points RENAME TO location_points_unpartitioned")
    # Index names are per schema: the old ones go before the new table takes them. The
    # id sequence outlives the old table.
    op.execute("ALTER SEQUENCE location_points_id_seq OWNED BY NONE")
    op.drop_index('ix_location_points_late', table_name='location_points_unpartitioned')
    op.drop_index('ix_location_points_recorded_at', table_name='location_points_unpartitioned')
    op.drop_index('ix_location_points_patrol_id_user_id_recorded_at', table_name='location_points_unpartitioned')
    op.drop_index('idx_location_points_point', table_name='location_points_unpartitioned')
    op.drop_constraint('uq_location_points_user_id_client_event_id', 'location_points_unpartitioned')
    op.drop_constraint('pk_location_points', 'location_points_unpartitioned')

    _create_partitioned_table()
    _create_maintenance_functions()
    op.execute("""
        SELECT create_location_points_partitions(
            (LEAST((SELECT min(recorded_at) FROM location_points_unpartitioned), now()) AT TIME ZONE 'UTC')::date,
            (now() AT TIME ZONE 'UTC')::date + %d)
    """ % DAYS_AHEAD)
    op.execute(f"INSERT INTO location_points ({COLUMNS}) SELECT {COLUMNS} FROM location_points_unpartitioned")
    op.drop_table('location_points_unpartitioned')
    op.execute("ALTER SEQUENCE location_points_id_seq OWNED BY location_points.id")
    _mark_exclusions_through_the_primary_key()


def _create_partitioned_table():
    op.create_table('location_points',
    sa.Column('id', sa.BigInteger(), server_default=sa.text("nextval('location_points_id_seq')"), nullable=False),
    sa.Column('patrol_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('client_event_id', sa.Uuid(), nullable=False),
    sa.Column('point', Geometry(geometry_type='POINT', srid=4326, dimension=2, spatial_index=False, from_text='ST_GeomFromEWKT', name='geometry', nullable=False), nullable=False),
    sa.Column('accuracy_m', sa.Float(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('speed_mps', sa.Float(), nullable=True),
    sa.Column('battery', sa.SmallInteger(), nullable=True),
    sa.Column('exclusion', sa.String(length=20), nullable=True),
    sa.Column('late_review', sa.Enum('pending', 'approved', 'rejected', name='late_review', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.ForeignKeyConstraint(['patrol_id'], ['patrols.id'], name=op.f('fk_location_points_patrol_id_patrols'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_location_points_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', 'recorded_at', name=op.f('pk_location_points')),
    sa.UniqueConstraint('user_id', 'client_event_id', 'recorded_at', name=op.f('uq_location_points_user_id_client_event_id_recorded_at')),
    postgresql_partition_by='RANGE (recorded_at)',
    )
    op.create_index('idx_location_points_point', 'location_points', ['point'], unique=False, postgresql_using='gist')
    op.create_index('ix_location_points_patrol_id_user_id_recorded_at', 'location_points', ['patrol_id', 'user_id', 'recorded_at'], unique=False)
    op.create_index('ix_location_points_recorded_at', 'location_points', ['recorded_at'], unique=False, postgresql_using='brin')
    op.create_index('ix_location_points_late', 'location_points', ['patrol_id', 'user_id'], unique=False, postgresql_where=sa.text('late_review IS NOT NULL'))
    op.execute("CREATE TABLE location_points_default PARTITION OF location_points DEFAULT")


def _create_maintenance_functions():
    # The partition of a day is found by its name, location_points_pYYYYMMDD, which only
    # this function gives. Rows of the day that waited in the default partition move in
    # before the day is attached (attaching checks that none are left behind).
    op.execute("""
CREATE FUNCTION create_location_points_partitions(first_day date, last_day date)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    day date;
    name text;
    starts timestamptz;
    ends timestamptz;
    created integer := 0;
BEGIN
    FOR day IN SELECT generate_series(first_day, last_day, interval '1 day')::date LOOP
        name := 'location_points_p' || to_char(day, 'YYYYMMDD');
        CONTINUE WHEN to_regclass(name) IS NOT NULL;
        starts := day::timestamp AT TIME ZONE 'UTC';
        ends := (day + 1)::timestamp AT TIME ZONE 'UTC';
        EXECUTE format('CREATE TABLE %I (LIKE location_points INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name);
        EXECUTE format('WITH moved AS (DELETE FROM location_points_default WHERE recorded_at >= %L AND recorded_at < %L RETURNING *)
                        INSERT INTO %I SELECT * FROM moved', starts, ends, name);
        EXECUTE format('ALTER TABLE location_points ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, starts, ends);
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$
""")
    op.execute("""
CREATE FUNCTION drop_location_points_partitions(before_day date)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    name text;
    dropped integer := 0;
BEGIN
    FOR name IN
        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'location_points'::regclass AND c.relname ~ '^location_points_p[0-9]{8}$'
          AND to_date(right(c.relname, 8), 'YYYYMMDD') < before_day
        ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER TABLE location_points DETACH PARTITION %I', name);
        EXECUTE format('DROP TABLE %I', name);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END
$$
""")


def _mark_exclusions_through_the_primary_key():
    # mark_location_exclusions() rewrites a point it re-judged by its id; by id alone that
    # searches every partition, by the whole primary key only the point's own.
    _edit_mark_exclusions("WHERE id = fix.id;", "WHERE id = fix.id AND recorded_at = fix.recorded_at;")


def _edit_mark_exclusions(old, new):
    op.execute(f"""
DO $$
DECLARE
    definition text := pg_get_functiondef(
        'mark_location_exclusions(integer, integer, timestamptz, float8, float8)'::regprocedure);
BEGIN
    IF strpos(definition, '{old}') = 0 THEN
        RAISE 'mark_location_exclusions() no longer reads: {old}';
    END IF;
    EXECUTE replace(definition, '{old}', '{new}');
END
$$
""")


def downgrade():
    _edit_mark_exclusions("WHERE id = fix.id AND recorded_at = fix.recorded_at;", "WHERE id = fix.id;")
    op.execute("ALTER TABLE location_points RENAME TO location_points_partitioned")
    op.execute("ALTER SEQUENCE location_points_id_seq OWNED BY NONE")
    op.execute("DROP FUNCTION drop_location_points_partitions(date)")
    op.execute("DROP FUNCTION create_location_points_partitions(date, date)")
    # Dropping the partitioned table drops its indexes, whose names the old table takes back.
    op.execute("""
        CREATE TABLE location_points (LIKE location_points_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    """)
    # The old key was (user_id, client_event_id): of a repeated id, the first fix stays.
    op.execute(f"""
        INSERT INTO location_points ({COLUMNS})
        SELECT DISTINCT ON (user_id, client_event_id) {COLUMNS} FROM location_points_partitioned
        ORDER BY user_id, client_event_id, recorded_at
    """)
    op.execute("DROP TABLE location_points_partitioned")
    op.execute("ALTER SEQUENCE location_points_id_seq OWNED BY location_points.id")
    op.create_primary_key('pk_location_points', 'location_points', ['id'])
    op.create_unique_constraint('uq_location_points_user_id_client_event_id', 'location_points', ['user_id', 'client_event_id'])
    op.create_foreign_key('fk_location_points_patrol_id_patrols', 'location_points', 'patrols', ['patrol_id'], ['id'], ondelete='CASCADE')
    op.create_foreign_key('fk_location_points_user_id_users', 'location_points', 'users', ['user_id'], ['id'], ondelete='CASCADE')
    op.create_index('idx_location_points_point', 'location_points', ['point'], unique=False, postgresql_using='gist')
    op.create_index('ix_location_points_patrol_id_user_id_recorded_at', 'location_points', ['patrol_id', 'user_id', 'recorded_at'], unique=False)
    op.create_index('ix_location_points_recorded_at', 'location_points', ['recorded_at'], unique=False)
    op.create_index('ix_location_points_late', 'location_points', ['patrol_id', 'user_id'], unique=False, postgresql_where=sa.text('late_review IS NOT NULL'))
