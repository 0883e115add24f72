"""The migrations are the only way the schema is built, so they must be sound."""
import re
from datetime import timezone
from pathlib import Path

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from backend import create_app
from backend.config import sqlalchemy_url
from backend.core.alembic_filters import include_object
from backend.extensions import db
from backend.testing.database import TEST_DATABASE_URL, recreate_database

MIGRATIONS = Path(__file__).resolve().parents[1] / "backend" / "migrations"


def script_directory():
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_there_is_exactly_one_head():
    assert len(script_directory().get_heads()) == 1


def test_revision_files_are_date_prefixed_with_a_slug():
    for path in (MIGRATIONS / "versions").glob("*.py"):
        assert re.fullmatch(r"\d{8}_\d{4}_[0-9a-f]{12}_[a-z0-9_]+\.py", path.name), path.name


def test_models_match_the_migrations(db_session):
    context = MigrationContext.configure(db_session.connection(), opts={"include_object": include_object, "compare_type": True})
    assert compare_metadata(context, db.metadata) == []


@pytest.fixture
def scratch_app():
    # Named after the test database, so that suites run side by side do not share it.
    url = TEST_DATABASE_URL + "_migrations"
    recreate_database(url)
    app = create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(url)})
    with app.app_context():
        yield app
        db.engine.dispose()


def test_upgrade_downgrade_upgrade(scratch_app):
    flask_migrate.upgrade()
    assert {"stations", "users", "zones", "volunteer_groups"} <= set(inspect(db.engine).get_table_names())
    flask_migrate.downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version", "spatial_ref_sys"}
    flask_migrate.upgrade()
    assert "zones" in inspect(db.engine).get_table_names()


BEFORE_PARTITIONING = "d7a1f0b3c5e2"


def store_points():
    """A patrol and three points of one person on it, stored by SQL at whatever revision the
    database is: (patrol id, user id, [(point id, recorded_at)])."""
    with db.engine.begin() as connection:
        station = connection.scalar(text("INSERT INTO stations (code, name) VALUES ('M', '이관서') RETURNING id"))
        user = connection.scalar(text(
            "INSERT INTO users (name, phone, password_hash, role, station_id) "
            "VALUES ('이관', '+821012345678', 'x', 'volunteer', :station) RETURNING id"), {"station": station})
        patrol = connection.scalar(text(
            "INSERT INTO patrols (title, station_id, created_by_id, starts_at, ends_at, meeting_point, max_volunteers) "
            "VALUES ('야간순찰', :station, :user, now(), now() + interval '2 hours', "
            "ST_SetSRID(ST_MakePoint(126.95, 37.39), 4326), 5) RETURNING id"), {"station": station, "user": user})
        stored = connection.execute(text(
            "INSERT INTO location_points (patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at) "
            "SELECT :patrol, :user, gen_random_uuid(), ST_SetSRID(ST_MakePoint(126.95, 37.39), 4326), 5, at "
            "FROM unnest(ARRAY[now() - interval '40 days', now() - interval '1 day', now()]) AS at "
            "RETURNING id, recorded_at"), {"patrol": patrol, "user": user}).all()
    return patrol, user, stored


def test_partitioning_by_day_moves_the_stored_points_and_back(scratch_app):
    flask_migrate.upgrade(revision=BEFORE_PARTITIONING)
    patrol, user, stored = store_points()

    flask_migrate.upgrade()
    with db.engine.begin() as connection:
        moved = connection.execute(text(
            "SELECT id, recorded_at, tableoid::regclass::text FROM location_points ORDER BY id")).all()
        later = connection.scalar(text(
            "INSERT INTO location_points (patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at) "
            "VALUES (:patrol, :user, gen_random_uuid(), ST_SetSRID(ST_MakePoint(126.95, 37.39), 4326), 5, now()) "
            "RETURNING id"), {"patrol": patrol, "user": user})
    assert [(row.id, row.recorded_at) for row in moved] == sorted(stored)
    assert [row.tableoid for row in moved] == [
        f"location_points_p{row.recorded_at.astimezone(timezone.utc):%Y%m%d}" for row in moved]
    assert later > max(row.id for row in stored)  # the ids carry on

    flask_migrate.downgrade(revision=BEFORE_PARTITIONING)
    with db.engine.begin() as connection:
        assert connection.scalar(text("SELECT relkind FROM pg_class WHERE relname = 'location_points'")) == "r"
        assert connection.scalar(text("SELECT count(*) FROM location_points")) == 4


BEFORE_DWELL_STEPS = "f3a9d2c7b1e4"


def test_the_points_already_stored_are_queued_for_their_dwell_steps(scratch_app):
    flask_migrate.upgrade(revision=BEFORE_DWELL_STEPS)
    patrol, user, stored = store_points()

    flask_migrate.upgrade()
    with db.engine.begin() as connection:
        queued = connection.execute(text("SELECT patrol_id, user_id, points_from FROM derivation_queue")).all()
        # Judged from the first point: the function says so with NULL.
        judged_from = connection.scalar(text(
            "SELECT mark_location_exclusions(:patrol, :user, now() - interval '1 year', 50, 50)"),
            {"patrol": patrol, "user": user})
    assert queued == [(patrol, user, min(recorded_at for _, recorded_at in stored))]
    assert judged_from is None

    flask_migrate.downgrade(revision=BEFORE_DWELL_STEPS)
    with db.engine.begin() as connection:
        result_type = connection.scalar(text(
            "SELECT prorettype::regtype::text FROM pg_proc WHERE proname = 'mark_location_exclusions'"))
    assert result_type == "void"
