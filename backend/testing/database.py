"""The test database: made afresh for a run, and each test's work rolled back."""
import os
from contextlib import contextmanager

import psycopg
from psycopg import sql
from sqlalchemy.orm import scoped_session, sessionmaker

from backend.extensions import db, limiter

TEST_DATABASE_URL = os.environ.get(
    "PATROL_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_test"
)


def recreate_database(url):
    """Drop the database `url` names, with whoever is connected to it, and create it empty."""
    dbname = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    maintenance_url = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


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
