"""Who may call each route, on whose objects: the table the authorization matrix checks.

Every operation of the API is listed once, by method and path (without /api/v1). Its
`call` builds a request from the objects of a scope (world.World.view names them: the
caller's station, group, person, patrols, zone, check-in, device ...), and its rows say
what each role gets, in this column order:

    admin  coordinator  station-chief  officer  group-leader  volunteer

(a group leader is a volunteer whose membership of a group has is_leader)

    ok    answered (2xx)
    no    403 FORBIDDEN from the route itself: the role may never do this, whatever the object
    403   the object is visible to the caller, but they may not do this to it
    404   NOT_FOUND: the object is not theirs to see, exactly as if it did not exist
    422   STATION_OUT_OF_SCOPE: the body names a station outside the caller's family

`own` is for the caller's own objects (their station family, their group, themself);
`neighbour` for someone else's within the same station family (another group, another
person, a 지구대); `other` for another station's. Left out, `other` follows the rule of the
README: admins get what they get on their own objects, a route that refuses a role still
refuses it, and everyone else gets 404. `other=None` means the route points at no object. Lists take
another station's object as a filter in `other`: they answer, and the answer must hold
nothing of it (every 2xx answer is searched for what its reader may not see).
Anonymous callers get 401 UNAUTHORIZED everywhere but on the public routes, whose single
cell is the answer to an anonymous request.

A route missing from this table fails test_every_route_is_classified; a route outside the API
(no sign-in of its own) missing from OUTSIDE_THE_API fails test_every_route_outside_the_api_is_classified.
"""
import uuid
from dataclasses import dataclass
from typing import Callable

from backend.users.consent_policy import CURRENT_VERSION
from backend.testing.fixtures.app import PASSWORD
from backend.testing.fixtures.patrols import seoul
from tests.security.world import location_fix

DERIVED = "derived"

# Rows many routes share.     admin coord chief offcr leadr volun
EVERYONE = "                  ok    ok    ok    ok    ok    ok"
ADMINS = "                    ok    no    no    no    no    no"
STAFF = "                     ok    ok    ok    ok    no    no"  # admins and station staff
MANAGERS = "                  ok    ok    ok    no    no    no"  # admins, coordinators, station chiefs
PATROL_MANAGERS = "           ok    no    ok    no    no    no"  # admins, station chiefs
CHIEFS_AND_OFFICERS = "       ok    no    ok    ok    no    no"  # admins, station chiefs, officers
HIDDEN_FROM_VOLUNTEERS = "    ok    ok    ok    ok    404   404"
CREATE_ELSEWHERE = "          ok    422   422   no    no    no"
NOTHING_OF_OTHERS = "         404   404   404   404   404   404"


@dataclass(frozen=True)
class Call:
    path: dict = None
    json: object = None
    query: dict = None


@dataclass(frozen=True)
class Op:
    name: str  # "GET /patrols/{patrol_id}"
    call: Callable  # objects of a scope -> Call
    own: str
    neighbour: str = None
    other: str = DERIVED
    credential: str = "access"  # or "refresh": the bearer token the route takes
    is_public: bool = False  # no bearer token; rows have the anonymous cell only


def public(name, call, own, other=None):
    return Op(name, call, own, other=other, is_public=True)


def nothing(_objects):
    return Call()


def new_zone(objects):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [126.9510, 37.3895]},
        "properties": {"name": "새 안심 지킴이집", "kind": "safe_house", "station_id": objects.station},
    }


def new_patrol(objects):
    return {
        "title": "새 합동순찰",
        "station_id": objects.station,
        "starts_at": seoul(30, 20).isoformat(),
        "ends_at": seoul(30, 23).isoformat(),
        "meeting_point": {"type": "Point", "coordinates": [126.9508, 37.3897]},
        "max_volunteers": 5,
    }


def fix(**extra):
    """A fix at the home station's meeting point, taken a minute ago."""
    return {**location_fix((126.9508, 37.3897), 1), **extra}


OPERATIONS = [
    # Public: where the spec and the documentation are, the same for everyone.
    public("GET /", nothing, own="ok"),
    # Signing in and out, and the secret calendar URL
    public("POST /auth/token", lambda s: Call(json={"phone": s.person.phone, "password": PASSWORD}), own="ok"),
    Op("POST /auth/refresh", nothing, EVERYONE, other=None, credential="refresh"),
    Op("POST /auth/logout", nothing, EVERYONE, other=None),
    public("GET /calendar/{token}.ics", lambda s: Call(path={"token": s.feed}), own="ok", other="404"),
    # Oneself
    Op("GET /me", nothing, EVERYONE, other=None),
    Op("POST /me/consents", lambda s: Call(json={"policy_version": CURRENT_VERSION}), EVERYONE, other=None),
    # Public: the app shows the policy before consent is asked, possibly before sign-in; it is
    # the same text for everyone and names nobody.
    public("GET /consent-policy", nothing, own="ok"),
    Op("DELETE /me/consents", nothing, EVERYONE, other=None),
    Op("POST /me/calendar-feed", nothing, EVERYONE, other=None),
    Op("DELETE /me/calendar-feed", nothing, EVERYONE, other=None),
    Op("GET /me/notification-preferences", nothing, EVERYONE, other=None),
    Op("PATCH /me/notification-preferences", lambda s: Call(json={"is_reminders_muted": True}), EVERYONE, other=None),
    Op("GET /me/patrols", nothing, EVERYONE, other=None),
    Op("GET /me/patrols/open", nothing, EVERYONE, other=None),
    Op("GET /devices", nothing, EVERYONE, other=None),
    Op("POST /devices", lambda s: Call(json={"token": f"fcm-{uuid.uuid4().hex}", "platform": "ios"}), EVERYONE, other=None),
    Op("DELETE /devices/{token}", lambda s: Call(path={"token": s.device}), EVERYONE,
       neighbour=NOTHING_OF_OTHERS, other=NOTHING_OF_OTHERS),
    # People
    Op("GET /users", lambda s: Call(query={"station_id": s.station}), EVERYONE, other=EVERYONE),
    Op("POST /users", lambda s: Call(json={
        "name": "새 자원봉사자", "phone": "010-9876-5432", "password": PASSWORD, "role": "volunteer",
        "station_id": s.station}), MANAGERS, other=CREATE_ELSEWHERE),
    Op("GET /users/{user_id}", lambda s: Call(path={"user_id": s.person.id}), EVERYONE,
       neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("PATCH /users/{user_id}", lambda s: Call(path={"user_id": s.person.id}, json={"name": "새 이름"}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    ok    ok    403   403   ok",
       neighbour="            ok    ok    ok    403   404   404"),
    # Stations and groups
    Op("GET /stations", nothing, EVERYONE, other=None),
    Op("POST /stations", lambda s: Call(json={"name": "새 파출소", "code": "NEW-BOX", "parent_id": s.station}),
       ADMINS, other=None),
    Op("GET /stations/{station_id}", lambda s: Call(path={"station_id": s.station}), EVERYONE, neighbour=EVERYONE),
    Op("PATCH /stations/{station_id}",
       lambda s: Call(path={"station_id": s.station}, json={"withdrawal_cutoff_minutes": 60}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    no    ok    no    no    no",
       neighbour="            ok    no    403   no    no    no"),  # a 지구대 has its own chief
    Op("GET /groups", lambda s: Call(query={"station_id": s.station}), EVERYONE, other=EVERYONE),
    Op("POST /groups", lambda s: Call(json={"name": "새 방범대", "kind": "community", "station_id": s.station}),
       MANAGERS, other=CREATE_ELSEWHERE),
    Op("GET /groups/{group_id}", lambda s: Call(path={"group_id": s.group}), EVERYONE, neighbour=EVERYONE),
    Op("GET /groups/{group_id}/members", lambda s: Call(path={"group_id": s.group}), EVERYONE,
       neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("POST /groups/{group_id}/members", lambda s: Call(path={"group_id": s.group}, json={"user_id": s.non_member.id}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    ok    ok    no    ok    403",  # a leader adds members to their own group
       neighbour="            ok    ok    ok    no    403   403"),
    # Standing a plain member down changes nothing the other rows rely on.
    Op("PATCH /groups/{group_id}/members/{user_id}",
       lambda s: Call(path={"group_id": s.group, "user_id": s.person.id}, json={"is_leader": False}),
       MANAGERS, neighbour=MANAGERS),
    Op("DELETE /groups/{group_id}/members/{user_id}", lambda s: Call(path={"group_id": s.group, "user_id": s.person.id}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    ok    ok    403   ok    ok",  # the volunteer leaves; the leader removes a member
       neighbour="            ok    ok    ok    403   404   404"),
    # Zones
    Op("GET /zones", lambda s: Call(query={"station_id": s.station}), EVERYONE, other=EVERYONE),
    Op("POST /zones", lambda s: Call(json=new_zone(s)), MANAGERS, other=CREATE_ELSEWHERE),
    Op("POST /zones/import", lambda s: Call(json={"type": "FeatureCollection", "features": [new_zone(s)]}),
       MANAGERS, other=CREATE_ELSEWHERE),
    Op("GET /zones/{zone_id}", lambda s: Call(path={"zone_id": s.zone}), EVERYONE),
    Op("PATCH /zones/{zone_id}", lambda s: Call(path={"zone_id": s.zone}, json={"properties": {"name": "새 이름"}}), MANAGERS),
    Op("DELETE /zones/{zone_id}", lambda s: Call(path={"zone_id": s.zone}), MANAGERS),
    # Patrols: `patrol` is published and upcoming (neighbour: one only another group is invited to)
    Op("GET /patrols", lambda s: Call(query={"station_id": s.station}), EVERYONE, other=EVERYONE),
    Op("POST /patrols", lambda s: Call(json=new_patrol(s)), PATROL_MANAGERS,
       #                      admin coord chief offcr leadr volun
       other="                ok    no    422   no    no    no"),
    Op("GET /patrols/{patrol_id}", lambda s: Call(path={"patrol_id": s.patrol}), EVERYONE, neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("PATCH /patrols/{patrol_id}", lambda s: Call(path={"patrol_id": s.patrol}, json={"notes": "우천 시 취소"}), PATROL_MANAGERS),
    Op("DELETE /patrols/{patrol_id}", lambda s: Call(path={"patrol_id": s.draft}), PATROL_MANAGERS),
    Op("POST /patrols/{patrol_id}/publish", lambda s: Call(path={"patrol_id": s.draft}, json={}), PATROL_MANAGERS),
    Op("POST /patrols/{patrol_id}/cancel", lambda s: Call(path={"patrol_id": s.patrol}, json={"reason": "기상 악화"}),
       PATROL_MANAGERS),
    Op("POST /patrols/{patrol_id}/officers", lambda s: Call(path={"patrol_id": s.patrol}, json={"user_id": s.chief.id}),
       PATROL_MANAGERS),
    Op("DELETE /patrols/{patrol_id}/officers/{user_id}",
       lambda s: Call(path={"patrol_id": s.patrol, "user_id": s.officer.id}), PATROL_MANAGERS),
    Op("GET /patrols/{patrol_id}/roster", lambda s: Call(path={"patrol_id": s.patrol}), EVERYONE,
       neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("GET /patrols/{patrol_id}/sign-in-sheet.pdf", lambda s: Call(path={"patrol_id": s.patrol}), STAFF),
    Op("POST /patrols/{patrol_id}/signups", lambda s: Call(path={"patrol_id": s.patrol}, json={"user_id": s.person.id}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    403   ok    403   ok    ok",  # themself, or by their leader, a chief, an admin
       neighbour="            ok    403   ok    403   404   404"),
    # On a patrol not started yet (neighbour: one only another group is invited to, without officers)
    Op("DELETE /patrols/{patrol_id}/signups/me", lambda s: Call(path={"patrol_id": s.upcoming}),
       #                      admin coord chief offcr leadr volun
       own="                  404   404   404   404   ok    ok"),  # staff hold no volunteer's seat to give up
    Op("DELETE /patrols/{patrol_id}/signups/{user_id}",
       lambda s: Call(path={"patrol_id": s.upcoming, "user_id": s.person.id}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    403   ok    403   ok    ok",
       neighbour="            ok    403   ok    403   404   404"),
    # On the running patrol (neighbour: one only another group is invited to, without officers)
    Op("POST /patrols/{patrol_id}/check-in", lambda s: Call(path={"patrol_id": s.running}, json=fix()),
       #                      admin coord chief offcr leadr volun
       own="                  403   403   403   ok    ok    ok",  # only the people on the patrol
       neighbour="            403   403   403   403   404   404"),
    Op("POST /patrols/{patrol_id}/check-out", lambda s: Call(path={"patrol_id": s.running}, json=fix()),
       own="                  403   403   403   ok    ok    ok",
       neighbour="            403   403   403   403   404   404"),
    Op("POST /locations:batch", lambda s: Call(json={"points": [fix(patrol_id=s.running)]}), EVERYONE,
       other=EVERYONE),  # answered point by point: see test_property_level for what is stored
    Op("GET /patrols/{patrol_id}/live", lambda s: Call(path={"patrol_id": s.running}), EVERYONE,
       neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("GET /patrols/{patrol_id}/participants/{user_id}/track",
       lambda s: Call(path={"patrol_id": s.running, "user_id": s.person.id}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    ok    ok    ok    404   ok",  # a volunteer reads only their own track
       neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("GET /patrols/{patrol_id}/dwell", lambda s: Call(path={"patrol_id": s.running}), EVERYONE,
       neighbour=HIDDEN_FROM_VOLUNTEERS),
    Op("POST /patrols/{patrol_id}/broadcast",
       lambda s: Call(path={"patrol_id": s.running}, json={"title": "집결", "body": "3번 출구"}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    no    ok    ok    no    no",
       neighbour="            ok    no    ok    403   no    no"),  # officers tell only the patrols they are on
    # SOS: raised by the people on the patrol (the volunteer's own is open; a press joins it),
    # read by responders (staff of the family, admins) and by its raiser, taken by responders.
    Op("POST /sos", lambda s: Call(json=fix(patrol_id=s.running, kind="sos")),
       #                      admin coord chief offcr leadr volun
       own="                  403   403   403   ok    ok    ok",  # only the people on the patrol
       neighbour="            403   403   403   403   404   404"),
    Op("GET /sos", lambda s: Call(query={"station_id": s.station}), EVERYONE, other=EVERYONE),
    Op("GET /sos/{alert_id}", lambda s: Call(path={"alert_id": s.sos}),
       #                      admin coord chief offcr leadr volun
       own="                  ok    ok    ok    ok    404   ok"),  # a volunteer reads only their own
    Op("POST /sos/{alert_id}/cancel", lambda s: Call(path={"alert_id": s.sos}),
       #                      admin coord chief offcr leadr volun
       own="                  403   403   403   403   404   ok"),  # its raiser only
    Op("POST /sos/{alert_id}/positions", lambda s: Call(path={"alert_id": s.sos}, json={"positions": [fix()]}),
       #                      admin coord chief offcr leadr volun
       own="                  403   403   403   403   404   ok"),  # its raiser only
    Op("POST /sos/{alert_id}/acknowledge", lambda s: Call(path={"alert_id": s.sos}), STAFF),
    Op("POST /sos/{alert_id}/resolve", lambda s: Call(path={"alert_id": s.sos}, json={"outcome": "safe"}), STAFF),
    # The station's monthly incident list (neighbour: a 지구대 of the family), as JSON and files.
    *(Op(f"GET /stations/{{station_id}}/sos-incidents{suffix}", lambda s: Call(path={"station_id": s.station}, query={"month": s.month}),
         STAFF) for suffix in ("", ".csv", ".xlsx")),
    Op("GET /checkins", lambda s: Call(query={"patrol_id": s.running}), CHIEFS_AND_OFFICERS, other=CHIEFS_AND_OFFICERS),
    Op("PATCH /checkins/{checkin_id}", lambda s: Call(path={"checkin_id": s.checkin}, json={"review": "approved"}),
       CHIEFS_AND_OFFICERS),
    Op("GET /checkins/{checkin_id}/reviews", lambda s: Call(path={"checkin_id": s.checkin}), CHIEFS_AND_OFFICERS),
    # After the completed patrol
    Op("GET /patrols/{patrol_id}/attendance", lambda s: Call(path={"patrol_id": s.completed}), EVERYONE),
    Op("PATCH /patrols/{patrol_id}/attendance", lambda s: Call(
        path={"patrol_id": s.completed}, json={"entries": [{"user_id": s.person.id, "status": "present"}]}),
       CHIEFS_AND_OFFICERS),
    Op("GET /attendance/pending-review", nothing, CHIEFS_AND_OFFICERS, other=None),
    Op("GET /patrols/{patrol_id}/attendance/changes", lambda s: Call(path={"patrol_id": s.completed}), EVERYONE),
    Op("POST /reports/volunteer-hours/approvals", lambda s: Call(json={"group_id": s.group, "month": s.closed_month}), MANAGERS),
    Op("GET /reports/volunteer-hours/approvals", lambda s: Call(query={"group_id": s.group}), STAFF, other=STAFF),
    Op("POST /reports/volunteer-hours/approvals/{approval_id}/revoke",
       lambda s: Call(path={"approval_id": s.approval}, json={"reason": "승인 대상 월 착오"}), ADMINS),
    public("GET /certificates/{number}", lambda s: Call(path={"number": s.certificate}), own="ok"),
    # Reports
    Op("GET /reports/attendance", lambda s: Call(query={"from": s.days[0], "to": s.days[1], "station_id": s.station}),
       EVERYONE, other=EVERYONE),
    Op("GET /reports/volunteer-hours", lambda s: Call(query={"month": s.month, "group_id": s.group}), EVERYONE, other=EVERYONE),
    Op("GET /reports/zone-coverage", lambda s: Call(query={"from": s.days[0], "to": s.days[1]}), STAFF, other=None),
    # Reports as files: the same answers as the JSON reports above, one operation per file type
    *(Op(f"GET /reports/attendance.{file_format}",
         lambda s: Call(query={"from": s.days[0], "to": s.days[1], "station_id": s.station}), EVERYONE, other=EVERYONE)
      for file_format in ("csv", "xlsx", "pdf")),
    *(Op(f"GET /reports/volunteer-hours.{file_format}",
         lambda s: Call(query={"month": s.month, "group_id": s.group}), EVERYONE, other=EVERYONE)
      for file_format in ("csv", "xlsx")),
    # The certificate of the group's volunteer for the approved month: a leader sees only their own
    Op("GET /reports/volunteer-hours.pdf",
       lambda s: Call(query={"month": s.approved_month, "group_id": s.group, "user_id": s.person.id}),
       "ok    ok    ok    ok    404   ok"),
    *(Op(f"GET /reports/zone-coverage.{file_format}",
         lambda s: Call(query={"from": s.days[0], "to": s.days[1]}), STAFF, other=None)
      for file_format in ("csv", "xlsx", "pdf")),
    # Background exports: each person's own, nobody else's (admins included)
    Op("POST /export-jobs", lambda s: Call(json={"report": "zone-coverage", "format": "xlsx",
                                                 "filters": {"from": str(s.days[0]), "to": str(s.days[1])}}),
       STAFF, other=None),
    Op("GET /export-jobs", nothing, EVERYONE, other=None),
    Op("GET /export-jobs/{job_id}", lambda s: Call(path={"job_id": s.export_job}), EVERYONE,
       neighbour=NOTHING_OF_OTHERS, other=NOTHING_OF_OTHERS),
    Op("GET /export-jobs/{job_id}/file", lambda s: Call(path={"job_id": s.export_job}), EVERYONE,
       neighbour=NOTHING_OF_OTHERS, other=NOTHING_OF_OTHERS),
    # Administration
    Op("GET /admin/location-access", nothing, ADMINS, other=None),
    Op("GET /admin/notifications", nothing, ADMINS, other=None),
    Op("POST /admin/notifications/{delivery_id}/requeue", lambda s: Call(path={"delivery_id": s.delivery}), ADMINS,
       other=None),
]

TABLE = {operation.name: operation for operation in OPERATIONS}
assert len(TABLE) == len(OPERATIONS), "an operation is listed twice"


# Routes outside the API's spec, by rule: none takes the API's sign-in; who may call each.
OUTSIDE_THE_API = {
    "/api/v1/openapi.json": "anyone: the spec",
    "/api/v1/docs": "anyone: the documentation page",
    "/api/v1/docs/docs.js": "anyone: the documentation page's script",
    "/api/v1/docs/<any('swagger-ui.css', 'swagger-ui-bundle.js'):asset>": "anyone: Swagger UI's files",
    "/": "anyone: leads to the console",
    "/console": "anyone: leads to the console",
    "/console/": "anyone: the console's page (it signs in through the API)",
    "/console/<path:page>": "anyone: the console's page (it signs in through the API)",
    "/console/assets/<path:name>": "anyone: the console's built files",
    "/healthz": "anyone: the platform's liveness probe",
    "/readyz": "anyone: the platform's readiness probe",
    # Only when PATROL_METRICS_TOKEN or PATROL_METRICS_ALLOW is set (tests/metrics checks who).
    "/metrics": "the configured scraper: its bearer token and/or an allowed address",
}
