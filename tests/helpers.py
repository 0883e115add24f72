"""Assertions shared by the tests."""


def assert_problem(response, status, code):
    """The answer is problem+json with this status and stable code."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["code"] == code, body
    assert body["status"] == status
    assert body["request_id"]
    return body


def selects(sent):
    """The SELECT statements among those sent."""
    return [statement for statement in sent if statement.upper().startswith("SELECT")]
