"""The batch upload's parse (PerItemList) gives, point by point, exactly what marshmallow's
ordinary parse of that point gives: the same values, or the same errors (a malformed point
is kept aside with them, the others load)."""
import math
import uuid

import pytest
from marshmallow import ValidationError, fields, validate

from backend.core.schemas import InputSchema, InvalidObject
from backend.locations.schemas import MAX_BATCH_POINTS, BatchSchema, PointSchema


class OrdinaryBatchSchema(InputSchema):
    points = fields.List(fields.Nested(PointSchema), required=True, validate=validate.Length(min=1, max=MAX_BATCH_POINTS))


EVENT_ID = "0b7f8c1e-2a64-4d1c-9a53-5b8e7f6d1c20"
POINT = {"patrol_id": 7, "lat": 37.3897, "lon": 126.9508, "accuracy_m": 12.5,
         "recorded_at": "2026-11-22T21:05:00+09:00", "client_event_id": EVENT_ID, "speed_mps": 1.4, "battery": 80}

# Per field: values JSON can carry that a phone might send, right and wrong.
ODD_VALUES = {
    "patrol_id": [1, 2**31 - 1, 2**31, -1, 0, 7.0, 7.5, True, "7", None, 10**400],
    "lat": [0, -90, 90, 90.0001, 37, 37.5, 1e308, 10**400, math.nan, math.inf, True, "37.5", None],
    "accuracy_m": [0, 10_000, 10_001, -0.5, 5, 5.5, False, "5"],
    "speed_mps": [None, 0, 1000, 1001, 3, 2.5, True, "2.5", -1],
    "battery": [None, 0, 100, 101, 50, 50.0, 50.5, True, "50"],
    "client_event_id": [EVENT_ID.upper(), "{" + EVENT_ID + "}", "urn:uuid:" + EVENT_ID, EVENT_ID.replace("-", ""),
                        "not-a-uuid", "", 12, None, True],
    "recorded_at": ["2026-11-22T12:05:00Z", "2026-11-22T21:05:00", "2026-11-22", "yesterday", 1700000000, None],
}


def parsed(schema, body):
    try:
        return "data", schema.load(body)
    except ValidationError as error:
        return "errors", error.messages


def batch_points(body):
    """The batch's parse, point by point."""
    return [("errors", point.messages) if isinstance(point, InvalidObject) else ("data", point)
            for point in BatchSchema().load(body)["points"]]


def ordinary_points(body):
    """What marshmallow's ordinary batch parse says of each point sent on its own."""
    results = []
    for point in body["points"]:
        outcome, result = parsed(OrdinaryBatchSchema(), {"points": [point]})
        results.append((outcome, result["points"][0]))
    return results


@pytest.mark.parametrize(("field", "value"), [(field, value) for field, values in ODD_VALUES.items() for value in values])
def test_one_odd_value_parses_as_marshmallow_parses_it(field, value):
    body = {"points": [POINT, {**POINT, field: value}, POINT]}
    assert batch_points(body) == ordinary_points(body)


def test_missing_optional_and_required_fields_parse_as_marshmallow_parses_them():
    for field in POINT:
        body = {"points": [{key: value for key, value in POINT.items() if key != field}]}
        assert batch_points(body) == ordinary_points(body), field


@pytest.mark.parametrize("item", [None, "point", 7, [POINT], {**POINT, "altitude": 30}])
def test_an_item_that_is_no_point_parses_as_marshmallow_parses_it(item):
    body = {"points": [POINT, item]}
    assert batch_points(body) == ordinary_points(body)


@pytest.mark.parametrize("body", [{}, {"points": None}, {"points": []}, {"points": "points"}, {"points": {"0": POINT}},
                                  {"points": [POINT] * (MAX_BATCH_POINTS + 1)}, {"points": [POINT], "extra": 1}])
def test_a_body_that_is_not_a_batch_is_refused_as_marshmallow_refuses_it(body):
    assert parsed(BatchSchema(), body) == parsed(OrdinaryBatchSchema(), body)
    assert parsed(BatchSchema(), body)[0] == "errors"


def test_a_plain_batch_gives_marshmallows_values():
    body = {"points": [{**POINT, "client_event_id": str(uuid.uuid4()), "lat": 37 + n / 1000, "battery": n % 101}
                       for n in range(500)]}
    loaded = BatchSchema().load(body)
    assert loaded == OrdinaryBatchSchema().load(body)
    point = loaded["points"][0]
    assert type(point["lat"]) is float and type(point["patrol_id"]) is int and isinstance(point["client_event_id"], uuid.UUID)
