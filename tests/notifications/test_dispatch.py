"""Events reach the right phones, in their language, through the real SDK and a fake FCM."""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from backend.cli.notifications import push_sender
from backend.core.time import utcnow
from backend.notifications.dispatcher import fan_out_due_events, send_due_deliveries
from backend.notifications.models import Delivery, Device, OutboxEvent
from backend.patrols.models import Patrol
from tests.helpers import assert_problem
from backend.testing.fixtures.patrols import seoul


def messages_to(fake, token):
    return [body["message"] for body in fake.sent_to(token)]


def statuses(db_session):
    return sorted((d.status, d.last_error) for d in db_session.scalars(select(Delivery)))


def make_reminders_due(db_session):
    db_session.execute(update(OutboxEvent).values(available_at=utcnow() - timedelta(seconds=1)))
    db_session.commit()


def test_publishing_reaches_every_invited_volunteer_in_their_language(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    korean = phone(volunteers[1])
    english = phone(volunteers[4], platform="ios", locale="en")
    outsider_token = phone(officer)  # officers are not told of new patrols for volunteers
    patrol = api.published(chief, officer, patrol_body())
    dispatch()

    [ko] = messages_to(fake_fcm, korean)
    assert ko["notification"]["title"] == "새 합동순찰: 범계역 합동 야간순찰"
    assert ko["data"] == {
        "type": "patrol.published",
        "patrol_id": str(patrol["id"]),
        "deep_link": f"jointpatrol://patrols/{patrol['id']}",
        "version": "1",
        "message_id": ko["data"]["message_id"],
    }
    [en] = messages_to(fake_fcm, english)
    assert en["notification"]["title"] == "New joint patrol: 범계역 합동 야간순찰"
    assert en["apns"]["headers"]["apns-push-type"] == "alert"
    assert messages_to(fake_fcm, outsider_token) == []
    # Reminders are not due yet.
    assert {m["message"]["data"]["type"] for m in fake_fcm.sent} == {"patrol.published"}


def test_announcements_can_be_muted(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, client, auth_headers):
    muted = phone(volunteers[1])
    client.patch("/api/v1/me/notification-preferences", json={"is_announcements_muted": True}, headers=auth_headers(volunteers[1]))
    api.published(chief, officer, patrol_body())
    dispatch()
    assert messages_to(fake_fcm, muted) == []


def test_changes_and_cancellations_go_to_those_on_it_at_high_priority(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, client, auth_headers):
    on_it, not_on_it = phone(volunteers[1]), phone(volunteers[2])
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    client.patch("/api/v1/me/notification-preferences", json={"is_reminders_muted": True, "is_announcements_muted": True}, headers=auth_headers(volunteers[1]))
    client.patch(f"/api/v1/patrols/{patrol['id']}", json={"starts_at": seoul(3, 21).isoformat()}, headers=auth_headers(chief))
    dispatch()
    client.post(f"/api/v1/patrols/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    dispatch()

    received = messages_to(fake_fcm, on_it)
    assert [m["data"]["type"] for m in received] == ["patrol.changed", "patrol.cancelled"]
    assert all(m["android"]["priority"] == "high" and m["apns"]["headers"]["apns-priority"] == "10" for m in received)
    assert received[1]["notification"]["body"].endswith("사유: 기상 악화")
    assert [m["data"]["type"] for m in messages_to(fake_fcm, not_on_it)] == ["patrol.published"]


def test_news_of_a_patrol_cancelled_before_it_went_out_is_not_sent(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, client, auth_headers, db_session):
    on_it = phone(volunteers[1])
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    dispatch()
    client.patch(f"/api/v1/patrols/{patrol['id']}", json={"starts_at": seoul(3, 21).isoformat()}, headers=auth_headers(chief))
    client.post(f"/api/v1/patrols/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    dispatch()
    assert [m["data"]["type"] for m in messages_to(fake_fcm, on_it)] == ["patrol.published", "patrol.cancelled"]


def test_a_reminder_fanned_out_before_a_cancellation_is_dropped(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, client, auth_headers, db_session):
    on_it = phone(volunteers[1])
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    fake_fcm.fail_next(10, "UNAVAILABLE")  # FCM is down when the reminders fall due
    make_reminders_due(db_session)
    dispatch()
    client.post(f"/api/v1/patrols/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    db_session.execute(update(Delivery).values(next_attempt_at=utcnow()))
    db_session.commit()
    dispatch()
    delivered = [m["data"]["type"] for m in messages_to(fake_fcm, on_it)][-1:]
    assert delivered == ["patrol.cancelled"]
    assert statuses(db_session).count(("dropped", "PATROL_CANCELLED")) == 3  # announcement and both reminders


def test_waitlist_promotion_tells_the_promoted_person(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm):
    promoted = phone(volunteers[2])
    patrol = api.published(chief, officer, patrol_body(max_volunteers=1))
    api.sign_up(volunteers[1], patrol["id"])
    api.sign_up(volunteers[2], patrol["id"])
    api.withdraw(volunteers[1], patrol["id"])
    dispatch()
    # One batch goes out in parallel: arrival order at FCM is not send order.
    assert sorted(m["data"]["type"] for m in messages_to(fake_fcm, promoted)) == ["patrol.published", "signup.promoted"]


def test_reminders_skip_those_who_withdrew_and_expire_at_the_start(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    staying, leaving = phone(volunteers[1]), phone(volunteers[2])
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    api.sign_up(volunteers[2], patrol["id"])
    api.withdraw(volunteers[2], patrol["id"])
    dispatch()  # the announcement
    make_reminders_due(db_session)
    dispatch()

    reminders = [m for m in messages_to(fake_fcm, staying) if m["data"]["type"].startswith("patrol.reminder")]
    assert sorted(m["data"]["type"] for m in reminders) == ["patrol.reminder_24h", "patrol.reminder_2h"]
    two_hours = next(m for m in reminders if m["data"]["type"] == "patrol.reminder_2h")
    assert two_hours["android"]["priority"] == "high"
    seconds_to_start = (seoul(3, 20) - utcnow()).total_seconds()
    assert abs(int(two_hours["android"]["ttl"].rstrip("s")) - seconds_to_start) < 60
    assert two_hours["apns"]["headers"]["apns-expiration"] == str(int(seoul(3, 20).timestamp()))
    assert [m for m in messages_to(fake_fcm, leaving) if m["data"]["type"].startswith("patrol.reminder")] == []


def test_a_dead_token_is_pruned(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    dead = phone(volunteers[1])
    fake_fcm.fail_token(dead, "UNREGISTERED")
    api.published(chief, officer, patrol_body())
    dispatch()
    assert db_session.scalar(select(Device).where(Device.token == dead)) is None
    assert ("dropped", "UNREGISTERED") in statuses(db_session)


def test_unavailable_is_retried_later_with_backoff_then_delivered(app, api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    token = phone(volunteers[1])
    fake_fcm.fail_next(1, "UNAVAILABLE")
    api.published(chief, officer, patrol_body())
    before = utcnow()
    dispatch()
    delivery = db_session.scalar(select(Delivery))
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("pending", 1, "UNAVAILABLE")
    base = app.config["PUSH_RETRY_BASE_SECONDS"]
    assert before + timedelta(seconds=base * 0.5) <= delivery.next_attempt_at <= utcnow() + timedelta(seconds=base * 1.5)

    dispatch()  # not due yet: nothing sent
    assert len(messages_to(fake_fcm, token)) == 1
    db_session.execute(update(Delivery).values(next_attempt_at=utcnow()))
    db_session.commit()
    dispatch()
    db_session.refresh(delivery)
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert delivery.fcm_message_id.startswith("projects/patrol-test/messages/")


def test_quota_exceeded_honours_retry_after(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    phone(volunteers[1])
    fake_fcm.fail_next(1, "QUOTA_EXCEEDED", retry_after=600)
    api.published(chief, officer, patrol_body())
    dispatch()
    delivery = db_session.scalar(select(Delivery))
    assert delivery.last_error == "QUOTA_EXCEEDED"
    assert delivery.next_attempt_at >= utcnow() + timedelta(seconds=590)


def test_permanent_failures_are_dead_lettered_visibly_and_can_be_requeued(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session, make_user, client, auth_headers):
    token = phone(volunteers[1])
    fake_fcm.fail_next(1, "SENDER_ID_MISMATCH", status=403)
    api.published(chief, officer, patrol_body())
    dispatch()
    admin = make_user("admin")
    dead = client.get("/api/v1/admin/notifications?status=dead", headers=auth_headers(admin)).get_json()
    assert [(d["event_type"], d["last_error"], d["attempts"]) for d in dead] == [("patrol.published", "SENDER_ID_MISMATCH", 1)]

    requeued = client.post(f"/api/v1/admin/notifications/{dead[0]['id']}/requeue", headers=auth_headers(admin)).get_json()
    assert (requeued["status"], requeued["attempts"]) == ("pending", 0)
    dispatch()
    assert len(messages_to(fake_fcm, token)) == 2
    assert statuses(db_session) == [("sent", None)]
    assert_problem(client.post(f"/api/v1/admin/notifications/{dead[0]['id']}/requeue", headers=auth_headers(admin)), 409, "DELIVERY_NOT_DEAD")
    assert_problem(client.get("/api/v1/admin/notifications", headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")


def test_retries_give_up_after_the_last_attempt(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    phone(volunteers[1])
    fake_fcm.fail_next(10, "INTERNAL")
    api.published(chief, officer, patrol_body())
    for _ in range(6):
        dispatch()
        db_session.execute(update(Delivery).values(next_attempt_at=utcnow()))
        db_session.commit()
    delivery = db_session.scalar(select(Delivery))
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("dead", 6, "INTERNAL")


def test_broadcast_reaches_everyone_on_the_patrol(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, client, auth_headers):
    on_it, officer_phone = phone(volunteers[1]), phone(officer)
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    response = client.post(f"/api/v1/patrols/{patrol['id']}/broadcast", json={"title": "집결지 변경", "body": "범계역 3번 출구로 옮깁니다."}, headers=auth_headers(officer))
    assert response.status_code == 202
    dispatch()
    [message] = [m for m in messages_to(fake_fcm, on_it) if m["data"]["type"] == "patrol.broadcast"]
    assert (message["notification"]["title"], message["android"]["priority"]) == ("집결지 변경", "high")
    assert [m["data"]["type"] for m in messages_to(fake_fcm, officer_phone)] == ["patrol.broadcast"]
    assert_problem(client.post(f"/api/v1/patrols/{patrol['id']}/broadcast", json={"title": "x", "body": "y"}, headers=auth_headers(volunteers[1])), 403, "FORBIDDEN")


def test_a_draft_or_finished_patrol_takes_no_broadcast(api, chief, officer, patrol_body, client, auth_headers, db_session, dispatch, fake_fcm, phone):
    officer_phone = phone(officer)
    message = {"title": "집결지 변경", "body": "범계역 3번 출구"}
    draft = api.publishable(chief, officer, patrol_body())
    response = client.post(f"/api/v1/patrols/{draft['id']}/broadcast", json=message, headers=auth_headers(chief))
    assert_problem(response, 409, "PATROL_NOT_BROADCASTABLE")
    # Another evening, so the officer can be on both.
    finished = api.published(chief, officer, patrol_body(starts_at=seoul(5, 20).isoformat(), ends_at=seoul(5, 23).isoformat()))
    db_session.execute(
        update(Patrol).where(Patrol.id == finished["id"]).values(starts_at=utcnow() - timedelta(hours=5), ends_at=utcnow() - timedelta(hours=2))
    )
    db_session.commit()
    response = client.post(f"/api/v1/patrols/{finished['id']}/broadcast", json=message, headers=auth_headers(officer))
    assert_problem(response, 409, "PATROL_NOT_BROADCASTABLE")
    dispatch()
    assert [m for m in messages_to(fake_fcm, officer_phone) if m["data"]["type"] == "patrol.broadcast"] == []


def test_broadcasts_are_rate_limited(api, chief, officer, patrol_body, client, auth_headers):
    patrol = api.published(chief, officer, patrol_body())
    headers = auth_headers(officer)
    for _ in range(5):
        assert client.post(f"/api/v1/patrols/{patrol['id']}/broadcast", json={"title": "t", "body": "b"}, headers=headers).status_code == 202
    assert_problem(client.post(f"/api/v1/patrols/{patrol['id']}/broadcast", json={"title": "t", "body": "b"}, headers=headers), 429, "RATE_LIMITED")


def test_an_invalid_token_is_pruned_but_a_bad_payload_costs_no_device(api, chief, officer, patrol_body, volunteers, phone, dispatch, fake_fcm, db_session):
    invalid, healthy = phone(volunteers[1]), phone(volunteers[2])
    fake_fcm.fail_token(invalid, "INVALID_ARGUMENT")  # "The registration token is not valid"
    fake_fcm.fail_next(1, "INVALID_ARGUMENT")  # about the message, not the token
    api.published(chief, officer, patrol_body())
    dispatch()
    remaining = {d.token for d in db_session.scalars(select(Device))}
    assert invalid not in remaining and healthy in remaining


def test_the_dispatcher_forgets_devices_idle_for_270_days(volunteers, phone, dispatch, db_session):
    idle, active = phone(volunteers[1]), phone(volunteers[2])
    db_session.execute(update(Device).where(Device.token == idle).values(last_seen_at=utcnow() - timedelta(days=271)))
    db_session.commit()
    dispatch()
    assert {d.token for d in db_session.scalars(select(Device))} == {active}


@pytest.mark.parametrize("phones", [1, 4])
def test_a_batch_costs_the_same_statements_however_many_messages(app, api, chief, officer, patrol_body, volunteers, phone, fake_fcm, count_queries, phones):
    for volunteer in volunteers[:phones]:
        phone(volunteer)
    api.published(chief, officer, patrol_body())
    sender = push_sender(app)
    try:
        with count_queries(as_a_new_request=True) as fan_out:
            assert fan_out_due_events() == 1
        with count_queries(as_a_new_request=True) as send:
            assert send_due_deliveries(sender) == phones
    finally:
        sender.close()
    assert len(fake_fcm.sent) == phones
    # The due events claimed; for each event, one INSERT .. SELECT of its deliveries; the events marked.
    assert len(fan_out) == 3, fan_out
    # The due deliveries claimed; their events, patrols, devices and people; one UPDATE (an
    # executemany) recording every outcome.
    assert len(send) == 6, send
