"""The secret calendar feed: what a phone's calendar shows, and how the URL is ended."""
import hashlib
from datetime import timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select, update

from backend.calendar_feeds.models import CalendarFeed
from backend.core.time import utcnow
from backend.patrols.models import Patrol
from tests.helpers import assert_problem
from backend.testing.fixtures.patrols import BEOMGYE, seoul

FEED = "/api/v1/me/calendar-feed"


@pytest.fixture
def feed(client, auth_headers):
    """Helpers to open, close and read someone's calendar feed."""

    class Feed:
        def open(self, user):
            response = client.post(FEED, headers=auth_headers(user))
            assert response.status_code == 201, response.get_json()
            return response.get_json()

        def close(self, user):
            return client.delete(FEED, headers=auth_headers(user))

        def read(self, url):
            """Fetch the feed as a calendar app would (no sign-in) and parse it."""
            response = client.get(url)
            assert response.status_code == 200, response.get_data(as_text=True)
            return Calendar.from_ical(response.data)

        def events(self, url):
            return {str(event["UID"]): event for event in self.read(url).walk("VEVENT")}

    return Feed()


def uid(patrol):
    return f"patrol-{patrol['id']}@joint-patrol"


def token_of(url):
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_feed_shows_my_patrols_to_a_calendar_app(api, chief, officer, patrol_body, volunteers, feed, client):
    evening = api.published(chief, officer, patrol_body(max_volunteers=1, notes="범계역 2번 출구"))
    full = api.published(chief, officer, patrol_body(starts_at=seoul(5, 20).isoformat(), ends_at=seoul(5, 23).isoformat(), max_volunteers=1))
    me, other = volunteers[1], volunteers[2]
    api.sign_up(me, evening["id"])
    api.sign_up(other, full["id"])
    assert api.sign_up(me, full["id"]).get_json()["status"] == "waitlisted"

    opened = feed.open(me)
    assert opened["url"].startswith("http://localhost/api/v1/calendar/") and opened["url"].endswith(".ics")
    response = client.get(opened["url"])
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "private, max-age=300"

    calendar = Calendar.from_ical(response.data)
    assert str(calendar["PRODID"]) == "-//Joint Patrol//patrol-feed//KO"
    assert str(calendar["X-WR-CALNAME"]) == "합동순찰 일정"
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {uid(evening), uid(full)}

    confirmed = events[uid(evening)]
    assert confirmed.start == seoul(3, 20) and confirmed.start.utcoffset() == timedelta(0)
    assert confirmed.end == seoul(3, 23)
    assert confirmed["DTSTART"].to_ical().endswith(b"Z")  # written in UTC, not a local zone
    assert str(confirmed["SUMMARY"]) == "범계역 합동 야간순찰"
    assert str(confirmed["STATUS"]) == "CONFIRMED"
    assert confirmed.sequence == 1
    assert str(confirmed["DESCRIPTION"]) == "범계역 2번 출구"
    assert (confirmed["GEO"].latitude, confirmed["GEO"].longitude) == pytest.approx((BEOMGYE[1], BEOMGYE[0]))

    waiting = events[uid(full)]
    assert str(waiting["SUMMARY"]) == "[대기] 범계역 합동 야간순찰"
    assert str(waiting["STATUS"]) == "TENTATIVE"


def test_an_assigned_officer_gets_the_patrol_too(api, chief, officer, patrol_body, feed):
    patrol = api.published(chief, officer, patrol_body())
    assert set(feed.events(feed.open(officer)["url"])) == {uid(patrol)}


def test_another_persons_patrols_never_appear(api, chief, officer, patrol_body, volunteers, feed):
    mine = api.published(chief, officer, patrol_body())
    theirs = api.published(chief, officer, patrol_body(starts_at=seoul(6, 20).isoformat(), ends_at=seoul(6, 23).isoformat()))
    api.sign_up(volunteers[1], mine["id"])
    api.sign_up(volunteers[2], theirs["id"])
    assert set(feed.events(feed.open(volunteers[1])["url"])) == {uid(mine)}
    assert set(feed.events(feed.open(volunteers[2])["url"])) == {uid(theirs)}


def test_a_moved_patrol_moves_in_the_calendar(api, chief, officer, patrol_body, volunteers, feed, client, auth_headers):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    url = feed.open(volunteers[1])["url"]
    moved = {"starts_at": seoul(3, 21).isoformat(), "ends_at": seoul(4, 0).isoformat()}
    assert client.patch(f"/api/v1/patrols/{patrol['id']}", json=moved, headers=auth_headers(chief)).status_code == 200

    event = feed.events(url)[uid(patrol)]
    assert event.start == seoul(3, 21)
    assert event.sequence == 2  # higher than before, so calendars replace the entry


def test_a_withdrawn_patrol_disappears(api, chief, officer, patrol_body, volunteers, feed):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    url = feed.open(volunteers[1])["url"]
    assert set(feed.events(url)) == {uid(patrol)}

    assert api.withdraw(volunteers[1], patrol["id"]).status_code == 204
    assert feed.events(url) == {}


def test_a_cancelled_patrol_stays_marked_cancelled(api, chief, officer, patrol_body, volunteers, feed, client, auth_headers):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    url = feed.open(volunteers[1])["url"]
    client.post(f"/api/v1/patrols/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))

    event = feed.events(url)[uid(patrol)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.sequence == 2  # outranks the version calendars already hold
    assert "기상 악화" in str(event["DESCRIPTION"])


def test_drafts_and_long_past_patrols_are_left_out(api, chief, officer, patrol_body, feed, db_session):
    draft = api.publishable(chief, officer, patrol_body(starts_at=seoul(8, 20).isoformat(), ends_at=seoul(8, 23).isoformat()))
    recent = api.published(chief, officer, patrol_body())
    old = api.published(chief, officer, patrol_body(starts_at=seoul(5, 20).isoformat(), ends_at=seoul(5, 23).isoformat()))
    # Patrols cannot be created in the past, so age two of them in place.
    for patrol, days_ago in ((recent, 89), (old, 91)):
        ends_at = utcnow() - timedelta(days=days_ago)
        db_session.execute(update(Patrol).where(Patrol.id == patrol["id"]).values(starts_at=ends_at - timedelta(hours=3), ends_at=ends_at))
    db_session.commit()

    # The officer is assigned to all three; only the published, recent one is shown.
    assert set(feed.events(feed.open(officer)["url"])) == {uid(recent)}
    assert draft["status"] == "draft"


def test_opening_again_ends_the_old_url(volunteers, feed, client):
    first = feed.open(volunteers[1])["url"]
    second = feed.open(volunteers[1])["url"]
    assert first != second
    assert_problem(client.get(first), 404, "NOT_FOUND")
    assert client.get(second).status_code == 200


def test_closing_ends_the_url(volunteers, feed, client):
    url = feed.open(volunteers[1])["url"]
    assert feed.close(volunteers[1]).status_code == 204
    assert_problem(client.get(url), 404, "NOT_FOUND")
    assert feed.close(volunteers[1]).status_code == 204  # closing twice is harmless


def test_a_deactivated_persons_feed_ends(volunteers, feed, client, db_session):
    url = feed.open(volunteers[1])["url"]
    volunteers[1].is_active = False
    db_session.commit()
    assert_problem(client.get(url), 404, "NOT_FOUND")


def test_unknown_urls_are_not_found(client):
    assert_problem(client.get("/api/v1/calendar/not-a-real-token.ics"), 404, "NOT_FOUND")


def test_the_token_is_stored_only_as_its_hash(volunteers, feed, db_session):
    opened = feed.open(volunteers[1])
    token = token_of(opened["url"])
    stored = db_session.scalar(select(CalendarFeed.token_hash).where(CalendarFeed.user_id == volunteers[1].id))
    assert stored != token
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert opened["created_at"].endswith("+00:00")


def test_opening_a_feed_needs_sign_in(client):
    assert_problem(client.post(FEED), 401, "UNAUTHORIZED")
    assert_problem(client.delete(FEED), 401, "UNAUTHORIZED")


def test_guessing_urls_is_throttled(client):
    for n in range(60):
        assert client.get(f"/api/v1/calendar/guess-{n}.ics").status_code == 404
    assert_problem(client.get("/api/v1/calendar/guess-60.ics"), 429, "RATE_LIMITED")


def test_reading_a_feed_costs_three_statements_however_many_patrols(api, chief, officer, patrol_body, feed, client, count_queries):
    for day in (3, 4, 5):
        api.published(chief, officer, patrol_body(starts_at=seoul(day, 20).isoformat(), ends_at=seoul(day, 23).isoformat()))
    url = feed.open(officer)["url"]
    with count_queries(as_a_new_request=True) as sent:
        assert len(feed.events(url)) == 3
    assert len(sent) == 3, sent  # the statement timeout, the feed's owner, the patrols with the officer's seats


def test_behind_a_trusted_proxy_the_feed_url_is_https_on_the_public_host(db_session, officer, auth_headers):
    from backend import create_app
    from backend.config import sqlalchemy_url
    from backend.testing.database import TEST_DATABASE_URL

    proxied = create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL), "PROXY_HOPS": 1})
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "patrol.example.kr", **auth_headers(officer)}
    url = proxied.test_client().post(FEED, headers=forwarded).get_json()["url"]
    assert url.startswith("https://patrol.example.kr/api/v1/calendar/")


def test_reading_a_real_feed_often_is_never_throttled(feed, officer, client):
    url = feed.open(officer)["url"]
    for _ in range(70):
        assert client.get(url).status_code == 200
