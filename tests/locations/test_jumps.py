"""Impossible jumps are judged against the last point kept, so a run of points far away is
left out as a whole, whatever order the points arrive in, and never shows on the board."""
import random
from datetime import timedelta

import pytest

from backend.core.time import utcnow
from tests.locations.test_batch_and_dwell import WOMEN_SAFE_INSIDE, dwell_of, points_of
from backend.testing.fixtures.locations import fix

NEARBY = [126.9565, 37.3868]  # 60 m from WOMEN_SAFE_INSIDE, still in the zone
BUSAN = [129.0756, 35.1796]  # about 320 km away: a phone's position gone wrong
JUMP = "impossible_jump"


def track(patrol_id, start, places):
    """One fix every 15 s at each of `places` ((place, is_poor) pairs) in turn."""
    return [fix(patrol_id, place, start + timedelta(seconds=15 * n), **({"accuracy_m": 150} if poor else {}))
            for n, (place, poor) in enumerate(places)]


def at(place, count=1, poor=False):
    return [(place, poor)] * count


# A walk in the women-safe zone whose phone first gives a stale fix from far away, then
# strays to Busan for four fixes, gives one poor fix, a lone spike, and strays again at
# the end: what is left out, in recorded order.
WALK = [*at(BUSAN), *at(WOMEN_SAFE_INSIDE, 6), *at(BUSAN, 4), *at(NEARBY, 6), *at(WOMEN_SAFE_INSIDE, poor=True),
        *at(NEARBY, 3), *at(BUSAN), *at(WOMEN_SAFE_INSIDE, 4), *at(BUSAN, 3)]
VERDICTS = [JUMP, *[None] * 6, *[JUMP] * 4, *[None] * 6, "low_accuracy", *[None] * 3, JUMP, *[None] * 4, *[JUMP] * 3]


def test_a_run_of_points_far_away_is_left_out_as_a_whole(derive_now, running_patrol, volunteers, upload, db_session, zones):
    me = volunteers[1]
    start = utcnow() - timedelta(minutes=40)
    body = upload(me, track(running_patrol.id, start, [*at(WOMEN_SAFE_INSIDE, 5), *at(BUSAN, 4), *at(WOMEN_SAFE_INSIDE, 5)]))
    assert body.get_json()["accepted"] == 14
    derive_now()
    assert [exclusion for _, exclusion in points_of(db_session, running_patrol.id, me)] == [
        *[None] * 5, *[JUMP] * 4, *[None] * 5]
    # The minute in Busan never happened: the person was in the zone all along, 13 steps of 15 s.
    assert dwell_of(db_session, running_patrol.id, me) == {zones["women_safe"].id: (195, None)}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_verdicts_do_not_depend_on_how_the_points_arrive(derive_now, running_patrol, volunteers, upload, db_session, seed):
    start = utcnow() - timedelta(minutes=40)
    points = track(running_patrol.id, start, WALK)
    whole, in_pieces = volunteers[1], volunteers[2]
    upload(whole, points)
    shuffled = random.Random(seed).sample(points, len(points))
    cut = sorted(random.Random(seed).sample(range(1, len(points)), 5))
    for first, last in zip([0, *cut], [*cut, len(points)]):
        assert upload(in_pieces, shuffled[first:last]).get_json()["rejected"] == []
    for person in whole, in_pieces:
        derive_now()
        assert [exclusion for _, exclusion in points_of(db_session, running_patrol.id, person)] == VERDICTS


def test_the_board_never_shows_a_point_left_out(derive_now, running_patrol, volunteers, officer, upload, client, auth_headers):
    me = volunteers[1]
    start = utcnow() - timedelta(minutes=10)
    upload(me, track(running_patrol.id, start, [*at(WOMEN_SAFE_INSIDE, 4), *at(BUSAN, 3)]))
    derive_now()
    board = client.get(f"/api/v1/patrols/{running_patrol.id}/live", headers=auth_headers(officer)).get_json()
    last_point = next(row for row in board["participants"] if row["user_id"] == me.id)["last_point"]
    assert (last_point["lon"], last_point["lat"]) == pytest.approx(WOMEN_SAFE_INSIDE)
    assert last_point["recorded_at"] == (start + timedelta(seconds=45)).isoformat()
