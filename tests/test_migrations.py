"""The migrations are the only way the schema is built, so they must be sound."""
import re
from pathlib import Path

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

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
