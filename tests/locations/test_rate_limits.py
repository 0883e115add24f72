"""Phones are throttled per person on the location endpoints, with the standard headers."""
import pytest

from backend.extensions import api
from tests.helpers import assert_problem


@pytest.mark.parametrize(
    ("path", "limit"),
    [("/api/v1/patrols/{patrol_id}/check-in", 30), ("/api/v1/patrols/{patrol_id}/check-out", 30), ("/api/v1/locations:batch", 120)],
)
def test_location_endpoints_throttle_each_person(client, auth_headers, running_patrol, volunteers, path, limit):
    url = path.format(patrol_id=running_patrol.id)
    phone = auth_headers(volunteers[1])
    # Every request counts, refused ones included: a phone stuck in a retry loop is stopped too.
    for sent in range(limit):
        answer = client.post(url, json={}, headers=phone)
        assert answer.status_code == 422
        assert int(answer.headers["X-RateLimit-Limit"]) == limit
        assert int(answer.headers["X-RateLimit-Remaining"]) == limit - sent - 1
    throttled = client.post(url, json={}, headers=phone)
    assert_problem(throttled, 429, "RATE_LIMITED")
    assert int(throttled.headers["Retry-After"]) > 0
    # The count is that person's: someone else on the patrol is not held up.
    assert client.post(url, json={}, headers=auth_headers(volunteers[2])).status_code == 422


@pytest.mark.parametrize(
    "path",
    ["/api/v1/patrols/{patrol_id}/check-in", "/api/v1/patrols/{patrol_id}/check-out", "/api/v1/locations:batch", "/api/v1/patrols/{patrol_id}/broadcast"],
)
def test_the_spec_tells_app_developers_about_the_429(app, path):
    with app.app_context():
        responses = api.spec.to_dict()["paths"][path]["post"]["responses"]
    assert "RATE_LIMITED" in responses["429"]["description"]
