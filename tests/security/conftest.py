"""One world per test package, each test's changes rolled back to it.

Building two station families with their patrols takes some seventy requests, far too
many to repeat for each of the matrix's nine hundred cases. So the world is built once,
inside an outer transaction, and every test runs inside a savepoint of that transaction
which is rolled back after it: a deleted patrol or a revoked session is back for the next
test.

Tests here make requests without an application context of their own, so each request
opens and tears down its own (a fresh `g`, a fresh database session).
"""
import pytest

from backend.extensions import db, limiter
from backend.testing.database import rolled_back_at_exit
from tests.security.world import build_world


@pytest.fixture(scope="package")
def connection(app):
    with app.app_context():
        connection = db.engine.connect()
    with rolled_back_at_exit(connection):
        yield connection


@pytest.fixture(scope="package")
def world(app, connection, password_hash):
    with app.app_context():
        return build_world(app.test_client(), db.session, password_hash)


@pytest.fixture
def rolled_back(connection, world):
    savepoint = connection.begin_nested()
    try:
        yield
    finally:
        db.session.remove()
        savepoint.rollback()
        limiter.reset()


@pytest.fixture
def client(app, rolled_back):
    return app.test_client()
