"""The location consent policy (위치정보 수집·이용 동의): its current version and its text,
written once, with this server's retention period and grace after a patrol's end filled in.
GET /consent-policy shows it; POST /me/consents takes consent to this version only. A consent
given to an earlier version stays in force until it is renewed or withdrawn.
"""
from flask import current_app

from backend.patrols.timing import grace_after_end

# Change the version whenever the text changes in substance: people are asked again.
CURRENT_VERSION = "2026-12-sos"

TEXT = {
    "ko": (
        "합동순찰 위치정보 수집·이용 동의\n\n"
        "수집하는 정보: 휴대폰의 위치(위도·경도와 오차 범위)와 측정 시각, 휴대폰이 보내는 경우 이동 속도와 "
        "배터리 잔량, 체크인·체크아웃 위치.\n"
        "수집하는 때: 본인이 참여하는 합동순찰 중에만, 체크인이 열리는 때부터 순찰 종료 {grace_minutes}분 후까지 수집합니다. "
        "그 밖의 시간에는 수집하지 않습니다.\n"
        "이용 목적: 체크인 위치 확인, 순찰 구역별 활동 시간과 출석·봉사시간 산정, 순찰 중 안전을 위해 "
        "담당 경찰관에게 현재 위치 표시.\n"
        "열람: 순찰을 주관하는 경찰서의 경찰관·담당자와 시스템 관리자만 볼 수 있고, 다른 사람이 위치를 "
        "열람할 때마다 그 기록이 남습니다.\n"
        "보관 기간: 위치 기록 원본은 {retention_days}일이 지나면 삭제합니다. 구역별 활동 시간과 출석 기록은 "
        "봉사시간 인증을 위해 남습니다.\n"
        "긴급 SOS: SOS를 보내면 보낸 위치와, 도움 요청이 끝날 때까지 휴대폰이 보내는 위치를 사건 기록으로 "
        "{incident_days}일 동안 보관하며, 이 기록은 동의를 철회해도 그 기간에는 삭제하지 않습니다. 응답한 경찰관·담당자와 "
        "관리자만 볼 수 있고, 볼 때마다 기록이 남습니다.\n"
        "동의 철회: 앱에서 언제든지 철회할 수 있습니다. 철회하면 위치 기록 원본과 체크인 위치를 바로 삭제하고 "
        "더 이상 수집하지 않습니다. 철회한 뒤에는 위치가 필요한 체크인을 할 수 없습니다."
    ),
    "en": (
        "Consent to location collection during joint patrols\n\n"
        "What is collected: your phone's position (latitude, longitude and its accuracy) and when it was taken, "
        "its speed and battery level when the phone sends them, and where you check in and out.\n"
        "When: only during joint patrols you take part in, from when check-in opens until {grace_minutes} minutes after the "
        "patrol ends. Nothing is collected at other times.\n"
        "Why: to confirm where you check in, to count time spent in the patrol's zones, attendance and volunteer "
        "hours, and to show the officers running the patrol where you are, for your safety.\n"
        "Who sees it: officers and staff of the police station running the patrol, and system administrators; "
        "every time someone else reads your location, that is recorded.\n"
        "How long: raw location records are deleted after {retention_days} days. Minutes per zone and attendance "
        "stay, so that volunteer hours can be certified.\n"
        "SOS: when you raise an SOS, where you pressed it and the positions your phone sends until the call for "
        "help is over are kept as an incident record for {incident_days} days, also if you withdraw consent in that "
        "time. Only the officers and staff who respond and administrators see it, and every read is recorded.\n"
        "Withdrawal: you may withdraw at any time in the app. Your raw location records and check-in positions are "
        "then deleted at once and nothing more is collected; check-ins, which need your location, are no longer "
        "possible."
    ),
}


def current_policy():
    """The version in force and its text in Korean and English, with this server's settings."""
    retention_days = current_app.config["LOCATION_RETENTION_DAYS"]
    incident_days = current_app.config["INCIDENT_RETENTION_DAYS"]
    grace_minutes = int(grace_after_end().total_seconds() // 60)
    return {
        "version": CURRENT_VERSION,
        "retention_days": retention_days,
        "incident_retention_days": incident_days,
        "text": {
            language: text.format(retention_days=retention_days, grace_minutes=grace_minutes, incident_days=incident_days)
            for language, text in TEXT.items()
        },
    }
