"""What each event says, in the recipient's language, and how urgently it travels.

The data payload is the contract with the app (mobile_api_spec/notifications.md); the
title and body are for people and come from the templates below.
"""
import json
import warnings
from datetime import datetime, timedelta, timezone

from firebase_admin import messaging

from backend.core.time import SEOUL
from backend.patrols import rules
from backend.patrols.early_warnings import NO_SHOW, UNFILLED, WALKING_ALONE

PAYLOAD_VERSION = "1"
# Late news about a patrol someone is on, and what its officers must see to now: wake the phone.
HIGH_PRIORITY = {"patrol.changed", "patrol.cancelled", "patrol.reminder_2h", "patrol.broadcast", NO_SHOW, WALKING_ALONE}
# Pointless once the patrol has begun: they expire at its start.
EXPIRE_AT_START = {"patrol.reminder_24h", "patrol.reminder_2h", "patrol.published", UNFILLED}
# About the night under way: pointless once the patrol is over.
EXPIRE_AT_END = {NO_SHOW, WALKING_ALONE}
# Someone on the patrol needs help: through Do Not Disturb with a sound, and stale after SOS_TTL.
SOS_EVENTS = {"sos.raised", "sos.escalated", "sos.repeated", "sos.acknowledged", "sos.taken", "sos.cancelled"}
SOS_TTL = timedelta(minutes=5)
# What a push carries besides the common members, from the event's payload.
SOS_DATA_KEYS = ("alert_id", "kind", "raiser_name", "lat", "lon", "responder_name", "repeat")
DATA_KEYS = {
    **dict.fromkeys(SOS_EVENTS, SOS_DATA_KEYS),
    NO_SHOW: ("missing_count", "missing_names"),
    WALKING_ALONE: ("user_id", "volunteer_name", "lat", "lon", "alone_since"),
    UNFILLED: ("gap_codes",),
}
# The app's Android notification channel for SOS pushes (mobile_api_spec/notifications.md).
SOS_ANDROID_CHANNEL = "sos"

TEMPLATES = {
    "ko": {
        "patrol.published": ("새 합동순찰: {title}", "{when} · 참여 신청을 받고 있습니다."),
        "patrol.changed": ("순찰 일정 변경: {title}", "{when}(으)로 변경되었습니다. 집결지를 다시 확인하세요."),
        "patrol.cancelled": ("순찰 취소: {title}", "{when} 순찰이 취소되었습니다. 사유: {reason}"),
        "signup.promoted": ("참여 확정: {title}", "대기 중이던 {when} 순찰에 자리가 나서 확정되었습니다."),
        "patrol.reminder_24h": ("내일 합동순찰: {title}", "{when} 시작합니다."),
        "patrol.reminder_2h": ("2시간 후 순찰 시작: {title}", "{when} 집결지에서 만나요."),
        "sos.raised": ("{sos_kind}: {raiser}", "{raiser} 님이 순찰 중 도움을 요청했습니다. 위치를 확인하고 응답하세요."),
        "sos.escalated": ("{sos_kind} 응답 없음: {raiser}", "{raiser} 님의 SOS에 아직 아무도 응답하지 않았습니다. 위치를 확인하고 응답하세요."),
        "sos.repeated": ("{sos_kind} 응답 없음: {raiser}", "{raiser} 님의 SOS에 아직 아무도 응답하지 않았습니다. 지금 응답하세요."),
        "sos.acknowledged": ("경찰관 {responder} 님이 가고 있습니다", "SOS가 접수되었습니다. 안전한 곳에서 기다리세요."),
        "sos.taken": ("SOS 응답함: {raiser}", "{responder} 님이 {raiser} 님의 SOS에 응답해 가고 있습니다."),
        "sos.cancelled": ("SOS 취소: {raiser}", "{raiser} 님이 SOS를 취소했습니다(오작동). 출동하지 않아도 됩니다."),
        NO_SHOW: ("미도착 {missing_count}명: {title}", "시작 {after_minutes}분이 지났지만 체크인하지 않았습니다: {missing_names}"),
        WALKING_ALONE: (
            "혼자 순찰 중: {volunteer}",
            "{volunteer} 님이 여성안심구역에서 {alone_minutes}분 넘게 다른 참여자와 {alone_m}m 넘게 떨어져 있습니다. 위치를 확인하세요.",
        ),
        UNFILLED: ("인원 부족: {title}", "{when} 순찰에 아직 빈자리가 있습니다. {gaps}"),
    },
    "en": {
        "patrol.published": ("New joint patrol: {title}", "{when} · sign-up is open."),
        "patrol.changed": ("Patrol changed: {title}", "Now {when}. Check the meeting point again."),
        "patrol.cancelled": ("Patrol cancelled: {title}", "The patrol on {when} is cancelled. Reason: {reason}"),
        "signup.promoted": ("You're in: {title}", "A seat opened up on {when}; you are confirmed."),
        "patrol.reminder_24h": ("Patrol tomorrow: {title}", "Starts {when}."),
        "patrol.reminder_2h": ("Patrol in 2 hours: {title}", "See you at the meeting point, {when}."),
        "sos.raised": ("{sos_kind}: {raiser}", "{raiser} needs help on the patrol. Check where and respond."),
        "sos.escalated": ("{sos_kind}, no answer yet: {raiser}", "Nobody has answered {raiser}'s SOS yet. Check where and respond."),
        "sos.repeated": ("{sos_kind}, no answer yet: {raiser}", "Nobody has answered {raiser}'s SOS yet. Respond now."),
        "sos.acknowledged": ("Officer {responder} is coming", "Your SOS was received. Wait somewhere safe."),
        "sos.taken": ("SOS taken: {raiser}", "{responder} has taken {raiser}'s SOS and is on the way."),
        "sos.cancelled": ("SOS cancelled: {raiser}", "{raiser} cancelled the SOS: a false alarm. No need to go."),
        NO_SHOW: ("{missing_count} not checked in: {title}", "{after_minutes} minutes after the start, not checked in yet: {missing_names}"),
        WALKING_ALONE: (
            "Walking alone: {volunteer}",
            "{volunteer} has been over {alone_m} m from everyone else on the patrol for over {alone_minutes} minutes "
            "in a women-safe zone. Check where.",
        ),
        UNFILLED: ("Patrol short of people: {title}", "The patrol on {when} is not filled yet: {gaps}."),
    },
}
SOS_KIND_NAMES = {
    "ko": {"sos": "긴급 SOS", "man_down": "쓰러짐 감지"},
    "en": {"sos": "SOS", "man_down": "Man down"},
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
        "raiser": event.payload.get("raiser_name", ""),
        "responder": event.payload.get("responder_name", ""),
        "sos_kind": SOS_KIND_NAMES[locale].get(event.payload.get("kind"), ""),
        "missing_count": event.payload.get("missing_count", ""),
        "missing_names": ", ".join(event.payload.get("missing_names", [])),
        "after_minutes": event.payload.get("after_minutes", ""),
        "volunteer": event.payload.get("volunteer_name", ""),
        "alone_m": event.payload.get("alone_m", ""),
        "alone_minutes": event.payload.get("alone_minutes", ""),
        "gaps": "; ".join(rules.describe(gap["rule"], gap["needed"], gap["have"], locale)
                          for gap in event.payload.get("gaps", [])),
    }
    return title.format(**fields), body.format(**fields)


def data_payload(event, patrol_id, user_id):
    """The app's contract: strings only (FCM data), and a message id stable across retries."""
    data = {
        "type": event.event_type,
        "patrol_id": str(patrol_id),
        "deep_link": f"jointpatrol://patrols/{patrol_id}",
        "version": PAYLOAD_VERSION,
        "message_id": f"{event.id}-{user_id}",
    }
    data.update({key: _data_value(event.payload[key]) for key in DATA_KEYS.get(event.event_type, ()) if key in event.payload})
    if event.event_type in SOS_EVENTS:
        data["deep_link"] = f"jointpatrol://sos/{event.payload['alert_id']}"
    return data


def _data_value(value):
    """FCM data values are strings: a list goes as a JSON array."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)


def build_message(event, patrol, device, user_id, locale, now):
    title, body = render(event, patrol, locale)
    urgent = event.event_type in HIGH_PRIORITY or event.event_type in SOS_EVENTS
    android = messaging.AndroidConfig(priority="high" if urgent else "normal")
    apns_headers = {"apns-push-type": "alert", "apns-priority": "10" if urgent else "5"}
    apns_payload = None
    expires_at = _expires_at(event, patrol)
    if expires_at is not None:
        seconds_left = max(int((expires_at - now).total_seconds()), 0)
        android = messaging.AndroidConfig(priority=android.priority, ttl=seconds_left)
        apns_headers["apns-expiration"] = str(int(expires_at.astimezone(timezone.utc).timestamp()))
    if event.event_type in SOS_EVENTS:
        android = messaging.AndroidConfig(
            priority=android.priority,
            ttl=android.ttl,
            notification=messaging.AndroidNotification(channel_id=SOS_ANDROID_CHANNEL, sound="default"),
        )
        # time-sensitive: shown through a Focus mode and on the lock screen at once (iOS 15+).
        apns_payload = messaging.APNSPayload(
            aps=messaging.Aps(sound="default", custom_data={"interruption-level": "time-sensitive"})
        )
    with warnings.catch_warnings():
        # The SDK now steers towards Firebase installation IDs ("fid"); the app registers FCM
        # registration tokens, which the v1 API still takes as "token".
        warnings.filterwarnings("ignore", "Message.token is deprecated", DeprecationWarning)
        return messaging.Message(
            token=device.token,
            notification=messaging.Notification(title=title, body=body),
            data=data_payload(event, patrol.id, user_id),
            android=android,
            apns=messaging.APNSConfig(headers=apns_headers, payload=apns_payload),
        )


def _expires_at(event, patrol):
    """When the message stops being worth delivering, or None when it never does."""
    if event.event_type in EXPIRE_AT_START:
        return patrol.starts_at
    if event.event_type in EXPIRE_AT_END:
        return patrol.ends_at
    if event.event_type in SOS_EVENTS:
        # From when it was due: an escalation is written at the raise, to go out later.
        return event.available_at + SOS_TTL
    return None


def has_expired(event, patrol, now: datetime):
    expires_at = _expires_at(event, patrol)
    return expires_at is not None and now >= expires_at
