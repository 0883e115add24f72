"""What each event says, in the recipient's language, and how urgently it travels.

The data payload is the contract with the app (mobile_api_spec/notifications.md); the
title and body are for people and come from the templates below.
"""
import warnings
from datetime import datetime, timezone

from firebase_admin import messaging

from backend.core.time import SEOUL

PAYLOAD_VERSION = "1"
# Late news about a patrol someone is on: wake the phone now.
HIGH_PRIORITY = {"patrol.changed", "patrol.cancelled", "patrol.reminder_2h", "patrol.broadcast"}
# Pointless once the patrol has begun: they expire at its start.
EXPIRE_AT_START = {"patrol.reminder_24h", "patrol.reminder_2h", "patrol.published"}

TEMPLATES = {
    "ko": {
        "patrol.published": ("새 합동순찰: {title}", "{when} · 참여 신청을 받고 있습니다."),
        "patrol.changed": ("순찰 일정 변경: {title}", "{when}(으)로 변경되었습니다. 집결지를 다시 확인하세요."),
        "patrol.cancelled": ("순찰 취소: {title}", "{when} 순찰이 취소되었습니다. 사유: {reason}"),
        "signup.promoted": ("참여 확정: {title}", "대기 중이던 {when} 순찰에 자리가 나서 확정되었습니다."),
        "patrol.reminder_24h": ("내일 합동순찰: {title}", "{when} 시작합니다."),
        "patrol.reminder_2h": ("2시간 후 순찰 시작: {title}", "{when} 집결지에서 만나요."),
    },
    "en": {
        "patrol.published": ("New joint patrol: {title}", "{when} · sign-up is open."),
        "patrol.changed": ("Patrol changed: {title}", "Now {when}. Check the meeting point again."),
        "patrol.cancelled": ("Patrol cancelled: {title}", "The patrol on {when} is cancelled. Reason: {reason}"),
        "signup.promoted": ("You're in: {title}", "A seat opened up on {when}; you are confirmed."),
        "patrol.reminder_24h": ("Patrol tomorrow: {title}", "Starts {when}."),
        "patrol.reminder_2h": ("Patrol in 2 hours: {title}", "See you at the meeting point, {when}."),
    },
}
KOREAN_WEEKDAYS = "월화수목금토일"


def format_when(moment, locale):
    local = moment.astimezone(SEOUL)
    if locale == "ko":
        return f"{local.month}월 {local.day}일({KOREAN_WEEKDAYS[local.weekday()]}) {local:%H:%M}"
    return f"{local:%a %d %b %H:%M}"


def render(event, patrol, locale):
    """(title, body) for a person reading `locale`."""
    if event.event_type == "patrol.broadcast":
        return event.payload["title"], event.payload["body"]
    title, body = TEMPLATES[locale][event.event_type]
    fields = {
        "title": patrol.title,
        "when": format_when(patrol.starts_at, locale),
        "reason": event.payload.get("reason", ""),
    }
    return title.format(**fields), body.format(**fields)


def data_payload(event, patrol_id, user_id):
    """The app's contract: strings only (FCM data), and a message id stable across retries."""
    return {
        "type": event.event_type,
        "patrol_id": str(patrol_id),
        "deep_link": f"jointpatrol://patrols/{patrol_id}",
        "version": PAYLOAD_VERSION,
        "message_id": f"{event.id}-{user_id}",
    }


def build_message(event, patrol, device, user_id, locale, now):
    title, body = render(event, patrol, locale)
    urgent = event.event_type in HIGH_PRIORITY
    android = messaging.AndroidConfig(priority="high" if urgent else "normal")
    apns_headers = {"apns-push-type": "alert", "apns-priority": "10" if urgent else "5"}
    if event.event_type in EXPIRE_AT_START:
        seconds_left = max(int((patrol.starts_at - now).total_seconds()), 0)
        android = messaging.AndroidConfig(priority=android.priority, ttl=seconds_left)
        apns_headers["apns-expiration"] = str(int(patrol.starts_at.astimezone(timezone.utc).timestamp()))
    with warnings.catch_warnings():
        # The SDK now steers towards Firebase installation IDs ("fid"); the app registers FCM
        # registration tokens, which the v1 API still takes as "token".
        warnings.filterwarnings("ignore", "Message.token is deprecated", DeprecationWarning)
        return messaging.Message(
            token=device.token,
            notification=messaging.Notification(title=title, body=body),
            data=data_payload(event, patrol.id, user_id),
            android=android,
            apns=messaging.APNSConfig(headers=apns_headers),
        )


def has_expired(event, patrol, now: datetime):
    return event.event_type in EXPIRE_AT_START and now >= patrol.starts_at
