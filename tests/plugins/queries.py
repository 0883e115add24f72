"""Counting the SQL statements a piece of work sends, so that the round trips of a hot path
are pinned by a test and cannot creep up unnoticed."""
from contextlib import contextmanager

import pytest
from flask import g
from sqlalchemy import event

from backend.extensions import db

# The tests stand a savepoint in for every commit (tests/conftest.py). Left out of the count:
# in production they are the request's BEGIN and COMMIT, the same two for every request.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


@pytest.fixture
def count_queries(db_session):
    """`with count_queries() as sent:` collects, in order, the SQL statements that any
    connection of the app's engine sends meanwhile, transaction control left out. Assert on
    `len(sent)` with `sent` as the message, so that a failure lists them.

    With `as_a_new_request=True` the work starts as a request does in production: the
    test's rows committed (so no transaction is open and every loaded object is expired),
    and nothing left in flask.g by an earlier request (a test holds one application
    context throughout, which its requests share)."""

    @contextmanager
    def counting(*, as_a_new_request=False):
        if as_a_new_request:
            db_session.commit()
            for name in list(g):
                g.pop(name)
        sent = []

        def remember(_connection, _cursor, statement, *_args):
            statement = statement.lstrip()
            if not statement.upper().startswith(TRANSACTION_CONTROL):
                sent.append(statement)

        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            yield sent
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)

    return counting
