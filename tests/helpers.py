"""Assertions shared by the tests."""
from contextlib import contextmanager

from sqlalchemy import event


def assert_problem(response, status, code):
    """The answer is problem+json with this status and stable code."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["request_id"]
    return body


@contextmanager
def statements_sent(session, sent):
    """Record the SQL statements sent on the test's connection meanwhile."""
    connection = session.connection()

    def remember(_conn, _cursor, statement, *_args):
        sent.append(statement.lstrip())

    event.listen(connection, "before_cursor_execute", remember)
    try:
        yield
    finally:
        event.remove(connection, "before_cursor_execute", remember)


def selects(sent):
    """The SELECT statements among those sent."""
    return [statement for statement in sent if statement.upper().startswith("SELECT")]
