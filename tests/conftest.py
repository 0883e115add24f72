"""Test fixtures: one PostGIS database built by the migrations, each test rolled back.

The database named by PATROL_TEST_DATABASE_URL is dropped and created afresh once per
run; every test then runs inside a transaction that is rolled back at its end. Inside it,
each commit (the app's once per request, the fixtures' after building data) releases a
savepoint, so a request that fails rolls back its own work and nothing the test set up.
"""
import itertools
import os
import uuid
from contextlib import contextmanager

import flask_migrate
import psycopg
import pytest
from flask_jwt_extended import create_access_token
from psycopg import sql
from sqlalchemy.orm import scoped_session, sessionmaker

from backend import create_app
from backend.auth.models import AuthSession
from backend.auth.passwords import hash_password
from backend.config import sqlalchemy_url
from backend.extensions import db, limiter
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.users.models import Role, User

# Shared fixtures, registered once for every test package (no conftest imports another's).
pytest_plugins = ["tests.plugins.auth", "tests.plugins.patrols", "tests.plugins.locations", "tests.plugins.attendance",
                  "tests.plugins.queries"]

TEST_DATABASE_URL = os.environ.get(
    "PATROL_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_test"
)
PASSWORD = "correct-horse-battery"


def recreate_database(url):
    dbname = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    maintenance_url = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


@pytest.fixture(scope="session")
def app():
    recreate_database(TEST_DATABASE_URL)
    app = create_app(
        {"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL)}
    )
    with app.app_context():
        flask_migrate.upgrade()
    return app


@contextmanager
def rolled_back_at_exit(connection):
    """db.session on `connection`, inside a transaction rolled back (and the connection
    closed) at exit; the session's commits release savepoints within it."""
    outer_transaction = connection.begin()
    app_session = db.session
    db.session = scoped_session(
        sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    )
    try:
        yield db.session
    finally:
        db.session.remove()
        db.session = app_session
        outer_transaction.rollback()
        connection.close()
        limiter.reset()


@pytest.fixture
def db_session(app):
    with app.app_context(), rolled_back_at_exit(db.engine.connect()) as session:
        yield session


@pytest.fixture
def client(app, db_session):
    return app.test_client()


@pytest.fixture(scope="session")
def password_hash():
    # argon2 is slow on purpose; hash the shared test password once.
    return hash_password(PASSWORD)


_phone_numbers = itertools.count(1)


def next_phone():
    return f"+82109{next(_phone_numbers):07d}"


@pytest.fixture
def home_station(db_session):
    station = Station(code="HOME", name="안양동안경찰서")
    unit = Station(code="HOME-UNIT", name="범계지구대", parent=station)
    db_session.add_all([station, unit])
    db_session.commit()
    return station


@pytest.fixture
def home_unit(home_station):
    return home_station.units[0]


@pytest.fixture
def other_station(db_session):
    station = Station(code="OTHER", name="안양만안경찰서")
    db_session.add(station)
    db_session.commit()
    return station


@pytest.fixture
def make_user(db_session, password_hash):
    def make(role, station=None, *, name=None, phone=None, locale="ko", is_active=True):
        user = User(
            name=name or f"{role} {uuid.uuid4().hex[:6]}",
            phone=phone or next_phone(),
            password_hash=password_hash,
            role=Role(role),
            station=station,
            locale=locale,
            is_active=is_active,
        )
        db_session.add(user)
        db_session.commit()
        return user

    return make


@pytest.fixture
def make_group(db_session):
    def make(station, *, name=None, kind="patrol_association", members=(), leaders=()):
        group = VolunteerGroup(name=name or f"group {uuid.uuid4().hex[:6]}", kind=kind, station=station)
        db_session.add(group)
        for user in members:
            group.memberships.append(GroupMembership(user=user, is_leader=False))
        for user in leaders:
            group.memberships.append(GroupMembership(user=user, is_leader=True))
        db_session.commit()
        return group

    return make


@pytest.fixture
def auth_headers(db_session):
    """Authorization headers for a user, made the way sign-in makes them (without argon2)."""

    def headers(user):
        session = AuthSession(id=uuid.uuid4(), user=user, refresh_jti="unused")
        db_session.add(session)
        db_session.commit()
        token = create_access_token(
            str(user.id), additional_claims={"sid": str(session.id), "role": user.role.value}
        )
        return {"Authorization": f"Bearer {token}"}

    return headers

