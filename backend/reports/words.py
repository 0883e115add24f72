"""The words people read for the API's codes, in Korean and English: one table per enum.

The JSON reports keep the codes (`no_show`, `dense_area`): that is what programs branch on.
Files people open (CSV, XLSX, PDF) show these words instead, and the JSON report's columns
carry the same table, so the console shows the words the files do. The wording is the
console's (console/src/i18n/messages).
"""
from backend.attendance.models import AttendanceStatus, LateFact
from backend.patrols.models import ParticipantKind
from backend.sos.models import SosKind, SosOutcome, SosStatus
from backend.zones.models import ZoneKind

# A table maps each code to its (Korean, English) words, in the order summaries list them.
ATTENDANCE_STATUS = {
    AttendanceStatus.PRESENT: ("출석", "Present"),
    AttendanceStatus.LATE: ("지각", "Late"),
    AttendanceStatus.LEFT_EARLY: ("조퇴", "Left early"),
    AttendanceStatus.NO_SHOW: ("불참", "No-show"),
    AttendanceStatus.EXCUSED: ("사유 불참", "Excused"),
    AttendanceStatus.EXPECTED: ("참가 예정", "Expected"),
    AttendanceStatus.PENDING_REVIEW: ("검토 대기", "Pending review"),
}
LATE_FACT = {
    LateFact.CHECK_IN: ("체크인", "check-in"),
    LateFact.CHECK_OUT: ("체크아웃", "check-out"),
    LateFact.POINTS: ("위치 기록", "location points"),
}
ZONE_KIND = {
    ZoneKind.DENSE_AREA: ("다중밀집지역", "Dense area"),
    ZoneKind.WOMEN_SAFE_ZONE: ("여성안심구역", "Women-safe zone"),
    ZoneKind.SAFE_RETURN_ROUTE: ("안심귀갓길", "Safe-return route"),
    ZoneKind.SAFE_HOUSE: ("여성 안심 지킴이집", "Safe house"),
    ZoneKind.OTHER: ("기타", "Other"),
}
PARTICIPANT_KIND = {
    ParticipantKind.OFFICER: ("경찰관", "Officer"),
    ParticipantKind.VOLUNTEER: ("자원봉사자", "Volunteer"),
}
# A person's month in the volunteer-hours report: certified by a standing approval or not yet.
APPROVAL = {
    "approved": ("승인됨", "Approved"),
    "not_approved": ("승인 전", "Not yet approved"),
}
SOS_KIND = {
    SosKind.SOS: ("SOS", "SOS"),
    SosKind.MAN_DOWN: ("쓰러짐", "Man down"),
}
SOS_STATUS = {
    SosStatus.OPEN: ("미확인", "Open"),
    SosStatus.ACKNOWLEDGED: ("출동 중", "Acknowledged"),
    SosStatus.RESOLVED: ("종료", "Resolved"),
    SosStatus.CANCELLED: ("취소", "Cancelled"),
}
SOS_OUTCOME = {
    SosOutcome.SAFE: ("안전 확인", "Safe"),
    SosOutcome.FALSE_ALARM: ("오경보", "False alarm"),
    SosOutcome.POLICE_DISPATCHED: ("경찰 출동", "Police dispatched"),
    SosOutcome.MEDICAL: ("응급 의료", "Medical"),
}
YES_NO = {True: ("예", "Yes"), False: ("아니오", "No")}


def word(table, code, lang):
    """The word for `code` in `lang` ("ko" or "en")."""
    ko, en = table[code]
    return ko if lang == "ko" else en


def as_json(table):
    """The table as the JSON report's columns carry it: {code: {"ko": …, "en": …}}."""
    return {str(code): {"ko": ko, "en": en} for code, (ko, en) in table.items()}
