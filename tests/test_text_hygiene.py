"""Names and titles are trimmed and never blank; control characters and bidi overrides are
refused in them and in every one-line field; multi-line text keeps its line breaks only."""
import pytest

SQUARE = {"type": "Polygon", "coordinates": [[[126.95, 37.389], [126.952, 37.389], [126.952, 37.39], [126.95, 37.389]]]}
# Where each kind of text is sent: (method, url, body holding `text`), one line or several.
ONE_LINE = {
    "a new person's name": ("POST", "/api/v1/users", lambda text: {"name": text, "phone": "010-3333-4444", "password": "correct-horse-battery", "role": "volunteer"}),
    "a person's new name": ("PATCH", "/api/v1/users/1", lambda text: {"name": text}),
    "a station's name": ("POST", "/api/v1/stations", lambda text: {"name": text, "code": "NEW-1"}),
    "a group's name": ("POST", "/api/v1/groups", lambda text: {"name": text, "kind": "patrol_association", "station_id": 1}),
    "a zone's name": ("POST", "/api/v1/zones", lambda text: {"type": "Feature", "geometry": SQUARE, "properties": {"name": text, "kind": "dense_area", "station_id": 1}}),
    "a patrol's title": ("PATCH", "/api/v1/patrols/1", lambda text: {"title": text}),
    "a broadcast's title": ("POST", "/api/v1/patrols/1/broadcast", lambda text: {"title": text, "body": "범계역 3번 출구"}),
    "a cancellation's reason": ("POST", "/api/v1/patrols/1/cancel", lambda text: {"reason": text}),
}
NEVER_BLANK = {**ONE_LINE, "a broadcast's body": ("POST", "/api/v1/patrols/1/broadcast", lambda text: {"title": "집결지 변경", "body": text})}
MULTI_LINE = {
    "a patrol's notes": ("PATCH", "/api/v1/patrols/1", lambda text: {"notes": text}),
    "a broadcast's body": NEVER_BLANK["a broadcast's body"],
    "an attendance note": ("PATCH", "/api/v1/patrols/1/attendance", lambda text: {"entries": [{"user_id": 1, "note": text}]}),
    "a review note": ("PATCH", "/api/v1/checkins/1", lambda text: {"review": "approved", "note": text}),
}
CONTROLS = {
    "C0 control": "a\x07b",
    "DEL": "a\x7fb",
    "C1 control": "a\x85b",
    "right-to-left override": "입금\u202eexe.txt",
    "first-strong isolate": "a\u2068b",
    "line separator": "a\u2028b",
}
BLANKS = {"empty": "", "spaces": "   ", "ideographic and no-break spaces": "\u3000\u00a0", "zero-width spaces": "\u200b\u200b", "Hangul filler": "\u3164 \u3164"}


@pytest.fixture
def senders(make_user, auth_headers, home_station):
    """An admin and a station chief: between them, every route here reads its body."""
    return [auth_headers(make_user("admin")), auth_headers(make_user("station_chief", home_station))]


def refused_with(client, senders, target, text, code):
    method, url, body = target
    answers = [client.open(url, method=method, json=body(text), headers=headers) for headers in senders]
    codes = [answer.get_json()["code"] for answer in answers]
    assert code in codes, [answer.get_json() for answer in answers]
    return next(answer.get_json() for answer in answers if answer.get_json()["code"] == code)


@pytest.mark.parametrize("control", CONTROLS.values(), ids=CONTROLS.keys())
@pytest.mark.parametrize("target", ONE_LINE.values(), ids=ONE_LINE.keys())
def test_one_line_text_refuses_control_characters(client, senders, target, control):
    refused_with(client, senders, target, control, "TEXT_CONTROL_CHARACTER")


@pytest.mark.parametrize("target", ONE_LINE.values(), ids=ONE_LINE.keys())
def test_one_line_text_refuses_line_breaks(client, senders, target):
    refused_with(client, senders, target, "범계역\n광장", "TEXT_CONTROL_CHARACTER")


@pytest.mark.parametrize("blank", BLANKS.values(), ids=BLANKS.keys())
@pytest.mark.parametrize("target", NEVER_BLANK.values(), ids=NEVER_BLANK.keys())
def test_names_and_titles_are_never_blank(client, senders, target, blank):
    refused_with(client, senders, target, blank, "TEXT_BLANK")


@pytest.mark.parametrize("control", [*CONTROLS.values(), "a\tb"], ids=[*CONTROLS.keys(), "tab"])
@pytest.mark.parametrize("target", MULTI_LINE.values(), ids=MULTI_LINE.keys())
def test_multi_line_text_refuses_every_control_but_the_line_break(client, senders, target, control):
    refused_with(client, senders, target, control, "TEXT_CONTROL_CHARACTER")


def test_names_are_stored_trimmed(client, senders, home_station):
    admin, _ = senders
    group = client.post("/api/v1/groups", json={"name": "\u3000 범계동 자율방범대 \r\n", "kind": "patrol_association", "station_id": home_station.id}, headers=admin)
    assert group.status_code == 201, group.get_json()
    assert group.get_json()["name"] == "범계동 자율방범대"
    # Characters that are not controls stay, zero-width joiners of an emoji included.
    family = "👨\u200d👩\u200d👧 봉사단"
    group = client.post("/api/v1/groups", json={"name": family, "kind": "patrol_association", "station_id": home_station.id}, headers=admin)
    assert group.get_json()["name"] == family


def test_multi_line_text_keeps_its_line_breaks_as_line_feeds(client, chief, auth_headers, patrol_body):
    body = patrol_body(title="  범계역 합동 야간순찰  ", notes="  집결: 범계역 3번 출구\r\n조끼 지참\r손전등 지참\n")
    created = client.post("/api/v1/patrols", json=body, headers=auth_headers(chief))
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["title"] == "범계역 합동 야간순찰"
    assert created.get_json()["notes"] == "집결: 범계역 3번 출구\n조끼 지참\n손전등 지참"
