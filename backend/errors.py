"""RFC 9457 problem+json errors with stable codes the mobile app branches on.

Every error the API can answer is listed in ERROR_CATALOGUE with its HTTP status and a
human sentence in English and Korean; `detail` is given in the caller's language
(Accept-Language, Korean first when both are equally welcome).
"""
import logging
from collections import namedtuple

from flask import g, has_request_context, jsonify, request
from flask_jwt_extended.exceptions import CSRFError
from marshmallow import Schema, fields
from marshmallow.validate import Length
from psycopg.errors import QueryCanceled
from sqlalchemy.exc import IntegrityError, OperationalError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PROBLEM_MIMETYPE = "application/problem+json"

# code: (status, English detail, Korean detail). Details may carry {placeholders}.
ERROR_CATALOGUE = {
    "BAD_REQUEST": (400, "The request could not be understood.", "요청을 이해할 수 없습니다."),
    "MALFORMED_JSON": (400, "The request body is not valid JSON.", "요청 본문이 올바른 JSON이 아닙니다."),
    "JSON_TOO_DEEP": (400, "The JSON body nests arrays and objects more than {max_depth} levels deep.", "JSON 본문의 배열·객체 중첩이 {max_depth}단계를 넘습니다."),
    "JSON_NUMBER_TOO_LONG": (400, "The JSON body holds a number too long to read.", "JSON 본문에 읽을 수 없을 만큼 긴 숫자가 있습니다."),
    "UNAUTHORIZED": (401, "Sign in to use this endpoint.", "로그인이 필요합니다."),
    "INVALID_CREDENTIALS": (401, "Phone number or password is wrong.", "전화번호 또는 비밀번호가 올바르지 않습니다."),
    "TOKEN_INVALID": (401, "The token is invalid.", "토큰이 올바르지 않습니다."),
    "TOKEN_EXPIRED": (401, "The token has expired; refresh it or sign in again.", "토큰이 만료되었습니다. 갱신하거나 다시 로그인하세요."),
    "TOKEN_REVOKED": (401, "The token has been revoked; sign in again.", "토큰이 폐기되었습니다. 다시 로그인하세요."),
    "FORBIDDEN": (403, "Your role may not do this.", "이 작업을 할 권한이 없습니다."),
    "CSRF_CHECK_FAILED": (403, "A refresh by cookie needs the X-CSRF-TOKEN header, holding the value of the patrol_refresh_csrf cookie.", "쿠키로 토큰을 갱신하려면 patrol_refresh_csrf 쿠키의 값을 X-CSRF-TOKEN 헤더에 담아 보내야 합니다."),
    "METRICS_ACCESS_DENIED": (403, "Metrics are for the configured scraper only: its bearer token, from an allowed address.", "지표는 설정된 수집기만 읽을 수 있습니다(지정된 토큰, 허용된 주소)."),
    "CURRENT_PASSWORD_WRONG": (403, "To change your own password, give your current password correctly in current_password.", "본인 비밀번호를 바꾸려면 current_password에 현재 비밀번호를 정확히 입력하세요."),
    "NOT_FOUND": (404, "Not found.", "찾을 수 없습니다."),
    "METHOD_NOT_ALLOWED": (405, "This method is not allowed here.", "허용되지 않는 메서드입니다."),
    "CONFLICT": (409, "The request conflicts with the current state.", "현재 상태와 충돌하는 요청입니다."),
    "PHONE_TAKEN": (409, "Another account already uses this phone number.", "이미 다른 계정이 사용하는 전화번호입니다."),
    "PHONE_UNAVAILABLE": (409, "This phone number cannot be used here; an administrator can help.", "이 전화번호는 여기에서 사용할 수 없습니다. 관리자에게 문의하세요."),
    "STATION_CODE_TAKEN": (409, "Another station already uses this code.", "이미 사용 중인 경찰서 코드입니다."),
    "GROUP_NAME_TAKEN": (409, "The station already has a group of this name.", "이미 같은 이름의 단체가 있습니다."),
    "ALREADY_MEMBER": (409, "This person is already a member of the group.", "이미 이 단체의 회원입니다."),
    "ALREADY_SIGNED_UP": (409, "This person is already on this patrol.", "이미 이 순찰에 신청되어 있습니다."),
    "SCHEDULE_CONFLICT": (409, "This person already holds a patrol at that time.", "같은 시간에 이미 다른 순찰 일정이 있습니다."),
    "SOS_ALREADY_ACKNOWLEDGED": (409, "{name} has already taken this SOS.", "{name} 님이 이미 이 SOS를 접수했습니다."),
    "SOS_CLOSED": (409, "This SOS is already resolved or cancelled.", "이미 종결되었거나 취소된 SOS입니다."),
    "PAIRING_RULE": (409, "The patrol is not staffed as the station's rules require; see gaps.", "순찰 편성 기준을 충족하지 않습니다. gaps를 확인하세요."),
    "PATROL_NOT_OPEN": (409, "This patrol is not open for sign-up.", "신청할 수 없는 순찰입니다."),
    "PATROL_NOT_EDITABLE": (409, "A cancelled, running or finished patrol cannot be changed.", "취소되었거나 진행 중이거나 끝난 순찰은 변경할 수 없습니다."),
    "PATROL_NOT_DRAFT": (409, "Only a draft patrol can be deleted or published.", "초안 상태의 순찰만 삭제하거나 게시할 수 있습니다."),
    "PATROL_NOT_BROADCASTABLE": (409, "A draft or finished patrol takes no broadcasts.", "초안이거나 끝난 순찰에는 알림을 보낼 수 없습니다."),
    "ZONE_IN_USE": (409, "Patrols use this zone; take it off them before deleting it.", "이 구역을 쓰는 순찰이 있습니다. 순찰에서 구역을 뺀 뒤에 삭제하세요."),
    "CAPACITY_BELOW_CONFIRMED": (409, "More volunteers are confirmed than this capacity.", "확정된 인원보다 정원을 작게 할 수 없습니다."),
    "NOT_A_PARTICIPANT": (403, "Only people on this patrol can do this.", "이 순찰의 참여자만 할 수 있습니다."),
    "CONSENT_REQUIRED": (403, "Location consent is needed first (POST /api/v1/me/consents).", "위치정보 수집 동의가 먼저 필요합니다."),
    "SOS_NOT_RAISER": (403, "Only the person who raised this SOS can cancel it or send its positions.",
                       "SOS를 보낸 본인만 취소하거나 위치를 보낼 수 있습니다."),
    "SOS_OWN_ALERT": (403, "You cannot acknowledge or resolve your own SOS; cancel it instead.", "본인이 보낸 SOS는 접수하거나 종결할 수 없습니다. 취소하세요."),
    "NOT_CHECKED_IN": (409, "Check in before checking out.", "체크인 후에 체크아웃할 수 있습니다."),
    "CONSENT_POLICY_OUTDATED": (409, "Consent is taken to the current policy version only ({current_version}); show it (GET /api/v1/consent-policy) and ask again.", "현재 위치정보 동의 약관({current_version})에만 동의할 수 있습니다. 약관을 보여 주고(GET /api/v1/consent-policy) 다시 동의를 받으세요."),
    "EXPORT_TOO_LARGE": (409, "This file would hold more than {limit} rows: start it as a background export (POST /api/v1/export-jobs) and download it when it is ready.", "이 파일은 {limit}행을 넘습니다. 백그라운드 내보내기(POST /api/v1/export-jobs)로 시작하고, 준비되면 내려받으세요."),
    "EXPORT_NOT_READY": (409, "The export is not finished yet; its status says how far it is.", "내보내기가 아직 끝나지 않았습니다. 진행 상태를 확인하세요."),
    "EXPORT_EXPIRED": (410, "The export's file was kept for a limited time and has been deleted; start the export again.", "내보내기 파일의 보관 기간이 지나 삭제되었습니다. 다시 내보내기를 시작하세요."),
    "EXPORT_FAILED": (500, "The export failed; start it again, and tell an administrator if it fails again.", "내보내기에 실패했습니다. 다시 시작하고, 또 실패하면 관리자에게 알려 주세요."),
    "DELIVERY_NOT_DEAD": (409, "Only dead deliveries are re-queued.", "실패 처리된 발송만 다시 보낼 수 있습니다."),
    "PATROL_NOT_FINISHED": (409, "Attendance is confirmed once the patrol has ended.", "순찰이 끝난 뒤에 출석을 확정할 수 있습니다."),
    "HOURS_ALREADY_APPROVED": (409, "This group's hours for the month are already approved.", "이 단체의 해당 월 봉사시간은 이미 승인되었습니다."),
    "MONTH_NOT_ENDED": (409, "Hours are approved once the month has ended (Korean time).", "봉사시간은 해당 월이 끝난 뒤에 승인할 수 있습니다."),
    "APPROVAL_ALREADY_REVOKED": (409, "This approval has already been revoked.", "이미 취소된 승인입니다."),
    "HOURS_NOT_APPROVED": (409, "The month's hours are not approved yet; a certificate shows approved hours only.", "해당 월의 봉사시간이 아직 승인되지 않았습니다. 확인서는 승인된 봉사시간만 발급합니다."),
    "PATROL_ALREADY_STARTED": (409, "The patrol has started: nobody leaves its record; check out instead.", "순찰이 이미 시작되어 참여 기록에서 빠질 수 없습니다. 체크아웃하세요."),
    "NOT_FLAGGED": (409, "Only flagged check-ins are reviewed.", "검토 대상(플래그)인 체크인만 검토할 수 있습니다."),
    "NOT_INVITED": (403, "Only members of the invited groups may join this patrol.", "초청된 단체의 회원만 참여할 수 있습니다."),
    "PAYLOAD_TOO_LARGE": (413, "The request body is too large.", "요청 본문이 너무 큽니다."),
    "URI_TOO_LONG": (414, "The request line (path and query string) is too long.", "요청 주소(경로와 쿼리 문자열)가 너무 깁니다."),
    "HEADERS_TOO_LARGE": (431, "The request has too many headers, or a header is too long.", "요청 헤더가 너무 많거나 너무 깁니다."),
    "VALIDATION_ERROR": (422, "Some fields are invalid; see errors.", "입력값이 올바르지 않습니다. errors를 확인하세요."),
    "PASSWORD_TOO_WEAK": (422, "This password is too easy to guess. {hint} Try three or four unrelated words, or a short sentence.", "추측하기 쉬운 비밀번호입니다. {hint} 서로 관련 없는 단어 서너 개나 짧은 문장을 써 보세요."),
    "UNSTORABLE_TEXT": (422, "Text may not contain the NUL character or an unpaired UTF-16 surrogate.", "텍스트에 NUL 문자나 짝이 없는 UTF-16 서로게이트를 넣을 수 없습니다."),
    "TEXT_CONTROL_CHARACTER": (422, "Control characters (and, outside multi-line text, line breaks) are not allowed.", "제어 문자(여러 줄 텍스트가 아니면 줄바꿈 포함)는 사용할 수 없습니다."),
    "TEXT_BLANK": (422, "Must not be empty or only spaces and invisible characters.", "비어 있거나 공백·보이지 않는 문자로만 이루어질 수 없습니다."),
    "DATE_OUT_OF_RANGE": (422, "Dates must lie in the years {earliest} to {latest}.", "날짜는 {earliest}년부터 {latest}년 사이여야 합니다."),
    "INVALID_PHONE": (422, "Not a valid Korean mobile phone number.", "올바른 휴대전화 번호가 아닙니다."),
    "STATION_OUT_OF_SCOPE": (422, "That station is outside your station.", "소속 경찰서 밖의 경찰서입니다."),
    "STATION_PARENT_INVALID": (422, "A sub-unit must belong to a top-level station.", "지구대·파출소는 최상위 경찰서에만 소속될 수 있습니다."),
    "ROLE_NOT_ASSIGNABLE": (422, "You may not give this role.", "이 역할을 부여할 권한이 없습니다."),
    "MEMBER_OUTSIDE_STATION": (422, "Only people of the group's station can join it.", "단체와 같은 경찰서 소속만 가입할 수 있습니다."),
    "CERTIFICATE_PERSON_REQUIRED": (422, "Name the volunteer whose certificate to issue (user_id).", "확인서를 발급할 자원봉사자(user_id)를 지정하세요."),
    "NOT_A_VOLUNTEER": (422, "Volunteer-hours certificates are issued to volunteers only.", "봉사시간 확인서는 자원봉사자에게만 발급합니다."),
    "CERTIFICATE_GROUP_REQUIRED": (422, "The hours were approved in more than one group this month; name the group (group_id).", "해당 월에 여러 단체에서 승인되었습니다. 단체(group_id)를 지정하세요."),
    "CERTIFICATE_NUMBER_INVALID": (422, "This is not a valid certificate number; check it for typos.", "올바른 확인서 번호가 아닙니다. 오타가 없는지 확인하세요."),
    "MEMBER_NOT_VOLUNTEER": (422, "A group leader may add only volunteers of the group's station.", "단체 대표는 같은 경찰서 소속 자원봉사자만 추가할 수 있습니다."),
    "NOT_ON_PATROL": (422, "Some people listed are not on this patrol.", "이 순찰에 참여하지 않은 사람이 있습니다."),
    "OUTSIDE_GEOFENCE": (422, "You are too far from the meeting point and the patrol's zones.", "집결지와 순찰 구역에서 너무 멀리 있습니다."),
    "OUTSIDE_PATROL_WINDOW": (422, "Recorded outside the time this patrol takes locations.", "순찰 위치 수집 시간 밖에 기록되었습니다."),
    "SOS_OUTSIDE_WINDOW": (422, "An SOS can be raised from when check-in opens until a while after the patrol ends; call 112 directly.", "SOS는 체크인 시작부터 순찰 종료 후 일정 시간까지만 보낼 수 있습니다. 112에 직접 신고하세요."),
    "INVALID_POINT": (422, "This location point is malformed; see its errors.", "위치 정보 형식이 올바르지 않습니다. errors를 확인하세요."),
    "RECORDED_AFTER_PATROL_END": (422, "Recorded after the patrol ended; a check-in or check-out must be made during it.", "순찰 종료 후에 기록되었습니다. 체크인·체크아웃은 순찰 중에 해야 합니다."),
    "DUTY_EXCEEDS_PATROL": (422, "Duty cannot exceed the patrol's length plus the allowed margin.", "근무 시간은 순찰 시간과 허용 여유 시간을 넘을 수 없습니다."),
    "RECORDED_IN_FUTURE": (422, "recorded_at lies in the future; check the phone's clock.", "기록 시각이 미래입니다. 휴대폰 시계를 확인하세요."),
    "IDEMPOTENCY_MISMATCH": (422, "This client_event_id was already used for a different request.", "이미 다른 요청에 사용된 client_event_id입니다."),
    "PATROL_ENDS_BEFORE_START": (422, "A patrol must end after it starts.", "순찰 종료 시각은 시작 시각보다 늦어야 합니다."),
    "PATROL_TOO_LONG": (422, "A patrol may last at most 12 hours.", "순찰은 최대 12시간까지 가능합니다."),
    "PATROL_STARTS_IN_PAST": (422, "A patrol cannot start in the past.", "이미 지난 시각에 시작하는 순찰은 만들 수 없습니다."),
    "MEETING_POINT_OUTSIDE_KOREA": (422, "The meeting point must lie within the service area (Korea).", "집결지는 서비스 지역(대한민국) 안이어야 합니다."),
    "ZONE_OUTSIDE_STATION": (422, "A zone named is not one of this station's.", "이 경찰서의 구역이 아닌 구역이 있습니다."),
    "GROUP_OUTSIDE_STATION": (422, "A group named is not one of this station's.", "이 경찰서 소속이 아닌 단체가 있습니다."),
    "OFFICER_OUTSIDE_STATION": (422, "Only officers of this station can be assigned.", "이 경찰서 소속 경찰관만 배정할 수 있습니다."),
    "RECURRENCE_INVALID": (422, "The recurrence rule is not valid.", "반복 규칙이 올바르지 않습니다."),
    "RECURRENCE_UNBOUNDED": (422, "The recurrence must end: give COUNT or UNTIL.", "반복 규칙에 COUNT 또는 UNTIL이 있어야 합니다."),
    "RECURRENCE_TOO_LONG": (422, "A series may span at most a year and 100 occurrences.", "반복 일정은 최대 1년, 100회까지 가능합니다."),
    "GEOMETRY_INVALID": (422, "The geometry is not valid.", "도형이 올바르지 않습니다."),
    "GEOMETRY_SELF_INTERSECTION": (422, "The polygon crosses itself.", "다각형의 변이 서로 교차합니다."),
    "GEOMETRY_RING_NOT_CLOSED": (422, "A polygon ring must end where it starts.", "다각형의 시작점과 끝점이 같아야 합니다."),
    "GEOMETRY_COORDINATES_OUT_OF_RANGE": (422, "Coordinates must be longitude -180..180 and latitude -90..90.", "좌표는 경도 -180~180, 위도 -90~90 범위여야 합니다."),
    "GEOMETRY_HAS_Z": (422, "Only two-dimensional coordinates are accepted.", "2차원 좌표만 허용됩니다."),
    "GEOMETRY_TYPE_MISMATCH": (422, "This geometry type does not fit the zone kind.", "구역 종류에 맞지 않는 도형 유형입니다."),
    "ZONE_OUTSIDE_SERVICE_AREA": (422, "A zone must lie within the service area (Korea).", "구역은 서비스 지역(대한민국) 안에 있어야 합니다."),
    "RATE_LIMITED": (429, "Too many requests; try again later.", "요청이 너무 많습니다. 잠시 후 다시 시도하세요."),
    "QUERY_TIMEOUT": (503, "The database took too long to answer this request; try again, or ask for less (a shorter period, fewer rows).", "데이터베이스 응답이 너무 오래 걸렸습니다. 다시 시도하거나 범위를 줄여(기간·행 수) 요청하세요."),
    "INTERNAL_ERROR": (500, "Something went wrong on our side.", "서버 오류가 발생했습니다."),
    "CONSOLE_NOT_BUILT": (503, "The station console has not been built on this server; scripts/setup.sh builds it.", "이 서버에는 관서 콘솔이 빌드되어 있지 않습니다. scripts/setup.sh 가 빌드합니다."),
    "SERVICE_UNAVAILABLE": (503, "The service is temporarily unavailable.", "서비스를 일시적으로 사용할 수 없습니다."),
}

CODE_FOR_STATUS = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    414: "URI_TOO_LONG",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
    431: "HEADERS_TOO_LARGE",
    500: "INTERNAL_ERROR",
    503: "SERVICE_UNAVAILABLE",
}


class AppError(Exception):
    """An error with a stable code from ERROR_CATALOGUE, raised by services and views.

    A failed request keeps none of its changes, unless the refusal is itself a fact worth
    keeping (a stolen token detected and its session ended): then pass keep_changes=True.
    """

    def __init__(self, code, errors=None, *, keep_changes=False, members=None, **params):
        super().__init__(code)
        if code not in ERROR_CATALOGUE:
            raise ValueError(f"unknown error code {code}")
        self.code = code
        self.status = ERROR_CATALOGUE[code][0]
        self.errors = errors
        self.keep_changes = keep_changes
        # Extra members of the problem body (RFC 9457 extensions), e.g. conflicting_patrol.
        self.members = members or {}
        self.params = params


class CodedMessage(str):
    """A validation message that also names its error code.

    Schemas raise ValidationError(CodedMessage(...)) where the app needs a precise code
    (a self-intersecting polygon, a bad phone); the 422 answer then carries that code,
    and its detail the catalogue's sentence filled in with `params`. `locations` are the
    [longitude, latitude] positions where a geometry is wrong, for a map to point at.
    """

    def __new__(cls, code, text=None, *, locations=None, **params):
        english = ERROR_CATALOGUE[code][1]
        message = super().__new__(cls, text or (english.format(**params) if params else english))
        message.code = code
        message.params = params
        message.locations = locations
        return message


class Bilingual(namedtuple("Bilingual", "en ko")):
    """A detail's placeholder value in both languages; the caller's language picks one."""


def reader_language(user=None):
    """"ko" or "en": what the request's Accept-Language prefers (Korean when both are equally
    welcome), else the signed-in person's locale, else Korean."""
    language = request.accept_languages.best_match(["ko", "en"]) if has_request_context() else None
    if language is None and user is not None and user.locale is not None:
        language = str(user.locale)
    return language or "ko"


def detail_for(code, **params):
    _, english, korean = ERROR_CATALOGUE[code]
    language = reader_language()
    text = korean if language == "ko" else english
    params = {name: getattr(value, language) if isinstance(value, Bilingual) else value for name, value in params.items()}
    return text.format(**params) if params else text


def problem_body(code, status, detail, request_id):
    """The members every problem+json answer has."""
    return {
        "type": "about:blank",
        "title": HTTP_TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
        "request_id": request_id,
    }


def problem_response(code, *, status=None, errors=None, detail=None, headers=None, members=None):
    status = status or ERROR_CATALOGUE[code][0]
    body = {**(members or {}), **problem_body(code, status, detail or detail_for(code), g.get("request_id"))}
    if errors:
        body["errors"] = errors
        coded = coded_errors(errors)
        if coded:
            body["coded_errors"] = coded
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_MIMETYPE
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


HTTP_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    410: "Gone",
    413: "Content Too Large",
    414: "URI Too Long",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def first_coded_message(messages):
    """Depth-first search of a marshmallow messages tree for a CodedMessage."""
    if isinstance(messages, CodedMessage):
        return messages
    if isinstance(messages, dict):
        messages = messages.values()
    elif not isinstance(messages, (list, tuple)):
        return None
    for child in messages:
        found = first_coded_message(child)
        if found is not None:
            return found
    return None


def coded_errors(errors, path=()):
    """Each coded message of an `errors` tree with the path to it, its code and any locations.

    `errors` keeps its plain strings for the clients reading it; this list adds what a
    string cannot carry, e.g. for a map marking where each imported feature is wrong.
    """
    if isinstance(errors, CodedMessage):
        entry = {"path": list(path), "code": errors.code, "message": str(errors)}
        if errors.locations:
            entry["locations"] = errors.locations
        return [entry]
    if isinstance(errors, dict):
        return [found for key, child in errors.items() for found in coded_errors(child, (*path, str(key)))]
    if isinstance(errors, (list, tuple)):
        return [found for child in errors for found in coded_errors(child, path)]
    return []


def field_errors(messages):
    """webargs nests messages by location ({"json": {...}}); the app wants field -> messages."""
    merged = {}
    for location_messages in messages.values():
        if isinstance(location_messages, dict):
            merged.update(location_messages)
        else:
            merged.setdefault("_schema", []).extend(location_messages)
    return merged


def handle_app_error(error):
    g.keep_changes = error.keep_changes
    return problem_response(
        error.code, errors=error.errors, detail=detail_for(error.code, **error.params), members=error.members
    )


def handle_http_exception(error):
    messages = (getattr(error, "data", None) or {}).get("messages")
    if error.code == 422 and messages:
        coded = first_coded_message(messages)
        if coded is None:
            return problem_response("VALIDATION_ERROR", errors=field_errors(messages))
        return problem_response(
            coded.code, errors=field_errors(messages), detail=detail_for(coded.code, **coded.params)
        )
    code = CODE_FOR_STATUS.get(error.code)
    if code is None:
        return problem_response(
            "BAD_REQUEST", status=error.code, detail=error.description
        )
    headers = dict(error.get_headers()) if error.code in (405, 429) else {}
    headers.pop("Content-Type", None)
    return problem_response(code, headers=headers)


def handle_csrf_error(error):
    # flask-jwt-extended would answer a missing or wrong double-submit value as a missing token.
    return problem_response("CSRF_CHECK_FAILED")


def handle_unexpected_error(error):
    # Never leak stack traces or SQL; the request id ties the log line to the answer.
    log.exception("unhandled error (request_id=%s)", g.get("request_id"))
    return problem_response("INTERNAL_ERROR")


class CodedErrorSchema(Schema):
    path = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "Keys leading to the message in `errors`, e.g. [\"features\", \"1\", \"geometry\"]"},
    )
    code = fields.String(required=True, metadata={"enum": list(ERROR_CATALOGUE)})
    message = fields.String(required=True, metadata={"description": "The message as in `errors` (English)"})
    locations = fields.List(
        fields.List(fields.Float(), validate=Length(equal=2)),
        metadata={
            "description": "Geometry errors only, when known: [longitude, latitude] positions where the geometry "
            "is wrong (where a polygon crosses itself; an open ring's first and last positions)"
        },
    )


class ProblemSchema(Schema):
    """The problem+json body every error answers with (documented in the OpenAPI spec)."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    code = fields.String(
        required=True,
        metadata={"description": "Stable UPPER_SNAKE code to branch on", "enum": list(ERROR_CATALOGUE)},
    )
    errors = fields.Dict(metadata={"description": "Field name -> messages, for 422"})
    coded_errors = fields.List(
        fields.Nested(CodedErrorSchema),
        metadata={"description": "The messages of `errors` that carry a code of their own, each with its path in `errors`"},
    )
    request_id = fields.String(required=True)


# Constraints whose violation means something precise to the caller.
CONSTRAINT_CODES = {
    "ex_patrol_participants_no_overlap": "SCHEDULE_CONFLICT",
    "uq_users_phone": "PHONE_TAKEN",
    "uq_stations_code": "STATION_CODE_TAKEN",
}


def handle_integrity_error(error):
    # Services check first; this catches the race where two requests pass the check at
    # once and the database's constraint decides.
    constraint = getattr(getattr(error.orig, "diag", None), "constraint_name", None)
    log.info("integrity error mapped to 409: %s on %s", error.orig.__class__.__name__, constraint)
    return problem_response(CONSTRAINT_CODES.get(constraint, "CONFLICT"))


def handle_database_unavailable(error):
    # Fail fast and say so; the connection pool reconnects by itself once the database is back.
    if isinstance(error.orig, QueryCanceled):  # the request's statement timeout
        log.warning("statement timeout (request_id=%s)", g.get("request_id"))
        return problem_response("QUERY_TIMEOUT", headers={"Retry-After": "5"})
    log.warning("database unavailable (request_id=%s): %s", g.get("request_id"), error.orig.__class__.__name__)
    return problem_response("SERVICE_UNAVAILABLE", headers={"Retry-After": "5"})


def register_error_handlers(app):
    app.register_error_handler(AppError, handle_app_error)
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(IntegrityError, handle_integrity_error)
    app.register_error_handler(OperationalError, handle_database_unavailable)
    app.register_error_handler(Exception, handle_unexpected_error)
