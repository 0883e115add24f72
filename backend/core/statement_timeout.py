"""Every statement a request sends is cut off after STATEMENT_TIMEOUT_MS, so one slow query
cannot hold a worker and a connection for minutes; the request then answers 503
QUERY_TIMEOUT. Reports and imports, which read or write much more, are given
LONG_STATEMENT_TIMEOUT_MS instead. Commands and workers outside a request are not limited."""
import functools

from flask import current_app, has_request_context
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from backend.extensions import db


@event.listens_for(Session, "after_begin")
def limit_request_statements(session, transaction, connection):
    if has_request_context():
        _set_timeout(connection, current_app.config["STATEMENT_TIMEOUT_MS"])


def long_statements(view):
    """For a view that reads or writes a lot (a report, an import): the longer limit."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        _set_timeout(db.session.connection(), current_app.config["LONG_STATEMENT_TIMEOUT_MS"])
        return view(*args, **kwargs)

    return wrapper


def _set_timeout(connection, milliseconds):
    # SET LOCAL, through set_config(..., is_local): it ends with the request's transaction.
    connection.execute(select(func.set_config("statement_timeout", f"{int(milliseconds)}ms", True)))
