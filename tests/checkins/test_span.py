"""One span per person on a patrol, from their check-ins: the live board and attendance read
it alike. It starts at the first check-in that counts and ends at the last check-out, unless
a check-in came after it."""
from datetime import datetime, timedelta

import pytest

from backend.testing.fixtures.attendance import attendance_rows


def board_row(client, auth_headers, viewer, patrol_id, user_id):
    board = client.get(f"/api/v1/patrols/{patrol_id}/live", headers=auth_headers(viewer)).get_json()
    return next(p for p in board["participants"] if p["user_id"] == user_id)


def span_of(row):
    return tuple(row[key] and datetime.fromisoformat(row[key]) for key in ("checked_in_at", "checked_out_at"))


def at(patrol, minutes):
    return patrol.starts_at + timedelta(minutes=minutes)


@pytest.mark.parametrize("sent, state, span", [
    ([("check_in", 0), ("check_out", 100)], "checked_out", (0, 100)),
    # Back on patrol after a check-out: the span is open again, from the first check-in.
    ([("check_in", 0), ("check_out", 40), ("check_in", 50)], "checked_in", (0, None)),
    ([("check_in", 0), ("check_out", 40), ("check_in", 50), ("check_out", 110)], "checked_out", (0, 110)),
    # A check-in an officer rejected did not happen.
    ([("check_in", 0, "rejected"), ("check_in", 10)], "checked_in", (10, None)),
    ([("check_in", 0), ("check_out", 60, "rejected")], "checked_in", (0, None)),
])
def test_the_live_board_and_attendance_agree_on_the_span(sent, state, span, running_patrol, volunteers, officer, phone_sent, client, auth_headers, derive_now):
    person = volunteers[1]
    for kind, minutes, *review in sent:
        phone_sent.checkin(running_patrol, person, kind, minutes, *review)
    derive_now()

    on_board = board_row(client, auth_headers, officer, running_patrol.id, person.id)
    record = attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]
    expected = tuple(None if minutes is None else at(running_patrol, minutes) for minutes in span)
    assert on_board["state"] == state
    assert span_of(on_board) == span_of(record) == expected
    # An open span counts duty to the last point; there is none here, so to the check-in.
    assert record["is_duty_end_estimated"] is False
