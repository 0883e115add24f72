"""Two station families holding one of everything a route can point at.

Family "home" is the callers' own: its coordinator, station chief, officer, group leader and
volunteer (and an admin of no station) call every route. Family "away" is another station's,
built the same way. Every name in a family carries its mark (동안, 만안), every person has a
phone number and a device token, and everyone on a running patrol sends points from
coordinates of their own: so any answer can be searched for what its reader may not see
(World.secrets_hidden_from).

Patrols are made the way a station makes them, through the API; then the clock is moved by
shifting their times, as the patrol tests do.
"""
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from types import SimpleNamespace

from flask_jwt_extended import create_access_token, create_refresh_token, get_jti
from geoalchemy2.shape import from_shape
from shapely.geometry import Point, box
from sqlalchemy import select

from backend.attendance.models import HoursCertificate
from backend.attendance.services import month_of
from backend.derivation.services import drain, sweep
from backend.auth.models import AuthSession
from backend.core.time import SEOUL, utcnow
from backend.notifications.models import Delivery, DeliveryStatus, Device, OutboxEvent
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols.models import Patrol
from backend.reports.certificates import printed_number
from backend.reports.models import ExportFilePart, ExportJob, ExportStatus
from backend.users.models import LocationConsent, Role, User
from backend.zones.models import Zone
from backend.testing.fixtures.app import next_phone
from backend.testing.fixtures.patrols import seoul

API = "/api/v1"

# The scopes of the object a request points at, as seen from the caller.
OWN = "own"
NEIGHBOUR = "same station, not theirs"  # another group, another person, a 지구대 of the family
OTHER = "other station"

# The callers, in the column order of the classification table.
ROLES = ("admin", "coordinator", "station chief", "officer", "group leader", "volunteer")
ANONYMOUS = "anonymous"
FAMILY_MEMBER = {
    "coordinator": "coordinator",
    "station chief": "chief",
    "officer": "officer",
    "group leader": "leader",
    "volunteer": "volunteer",
}


@dataclass
class Person:
    id: int
    role: Role
    phone: str
    device_token: str
    access_token: str = ""
    refresh_token: str = ""
    export_job: int = 0  # a finished background export of theirs
    coordinates: set = field(default_factory=set)  # every longitude and latitude they sent


@dataclass
class Family:
    """A 경찰서 with its 지구대, its people, groups, zones and patrols (ids)."""

    mark: str
    station: int
    unit: int
    coordinator: Person
    chief: Person
    officer: Person  # of the 지구대
    leader: Person  # leads `group`
    volunteer: Person  # a member of `group`
    outsider: Person  # a volunteer of the station in `other_group` only
    group: int
    other_group: int
    zone: int  # a zone no patrol uses
    patrols: dict  # published, other_group_published, upcoming, other_group_upcoming, draft, running, other_group_running, completed
    flagged_checkin: int
    sos: int  # the volunteer's open SOS on the running patrol
    feed_token: str  # the volunteer's calendar feed
    closed_feed_token: str  # the leader's first feed, replaced since
    approval: int  # the group's hours approved for World.approved_month
    certificate: str  # the number of the volunteer's certificate of that month

    def people(self):
        return [self.coordinator, self.chief, self.officer, self.leader, self.volunteer, self.outsider]


@dataclass
class Secrets:
    """What one reader may not see: strings (marks, phones, tokens) and coordinates."""

    texts: set
    numbers: set

    def found_in(self, response):
        """The secrets an answer shows (binary files, PDF and XLSX, are not searched)."""
        if not response.data:
            return []
        if response.is_json:
            text, numbers = _text_and_floats(response.get_json())
        elif response.mimetype.startswith("text/"):
            text, numbers = response.get_data(as_text=True), []
        else:
            return []
        return [secret for secret in self.texts if secret in text] + [n for n in numbers if n in self.numbers]


def _text_and_floats(document):
    """A JSON document as one text (to search for strings) and its floats (coordinates)."""
    text = json.dumps(document, ensure_ascii=False)
    numbers = []

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, float):
            numbers.append(node)

    walk(document)
    return text, numbers


@dataclass
class World:
    admin: Person
    home: Family
    away: Family
    dead_delivery: int
    month: str  # of the completed patrols, YYYY-MM
    days: tuple  # (first, last) Korean dates around the completed patrols
    closed_month: str  # last month: over, and not approved for any group
    approved_month: str  # the month before: approved for each family's group

    def caller(self, role):
        if role == ANONYMOUS:
            return None
        if role == "admin":
            return self.admin
        return getattr(self.home, FAMILY_MEMBER[role])

    def everyone(self):
        return [self.admin, *self.home.people(), *self.away.people()]

    def view(self, scope, me):
        """The objects a request of `me` points at in `scope`, by kind (ids, or people).

        own: the home station, its group and its volunteer, its patrols, `me`'s device;
        neighbour: the 지구대, the other group and its volunteer (the outsider), the patrols
        only the other group is invited to, someone else's device; other: all of the away family.
        """
        family = self.away if scope == OTHER else self.home
        objects = SimpleNamespace(
            station=family.station,
            group=family.group,
            person=family.volunteer,
            non_member=family.outsider,  # of the station, not in `group`
            patrol=family.patrols["published"],
            running=family.patrols["running"],
            upcoming=family.patrols["upcoming"],
            draft=family.patrols["draft"],
            completed=family.patrols["completed"],
            zone=family.zone,
            checkin=family.flagged_checkin,
            sos=family.sos,
            chief=family.chief,
            officer=family.officer,
            device=family.volunteer.device_token,
            feed=family.feed_token,
            delivery=self.dead_delivery,
            month=self.month,
            days=self.days,
            closed_month=self.closed_month,
            approved_month=self.approved_month,
            approval=family.approval,
            certificate=family.certificate,
            export_job=family.volunteer.export_job,
        )
        if scope == OWN:
            objects.device = me.device_token
            objects.export_job = me.export_job
        if scope == OTHER:
            objects.feed = family.closed_feed_token
        if scope == NEIGHBOUR:
            someone_else = family.leader if me is family.volunteer else family.volunteer
            objects.__dict__.update(
                station=family.unit,
                group=family.other_group,
                person=family.outsider,
                non_member=family.volunteer,
                patrol=family.patrols["other_group_published"],
                running=family.patrols["other_group_running"],
                upcoming=family.patrols["other_group_upcoming"],
                device=someone_else.device_token,
                export_job=someone_else.export_job,
            )
        return objects

    def secrets_hidden_from(self, reader):
        """Others' device tokens from everyone; the other station from all but admins;
        others' phone numbers and coordinates from volunteers and from the anonymous."""
        hidden = [p for p in self.everyone() if p is not reader]
        texts = {p.device_token for p in hidden}
        numbers = set()
        if reader is None or reader.role != Role.ADMIN:
            texts.add(self.away.mark)
            hidden_details = self.away.people()
            if reader is None or reader.role == Role.VOLUNTEER:
                hidden_details = hidden
            for person in hidden_details:
                texts.add(person.phone)
                numbers |= person.coordinates
        return Secrets(texts, numbers)


def location_fix(lon_lat, minutes_ago, accuracy_m=8.0):
    """A phone's fix as check-ins and point batches send it."""
    return {
        "lon": lon_lat[0],
        "lat": lon_lat[1],
        "accuracy_m": accuracy_m,
        "recorded_at": (utcnow() - timedelta(minutes=minutes_ago)).isoformat(),
        "client_event_id": str(uuid.uuid4()),
    }


def build_world(client, session, password_hash):
    admin = _person(session, password_hash, Role.ADMIN, None, "관리자")
    home = _family(client, session, password_hash, "동안", "MATRIX-HOME", origin=(126.9508, 37.3897))
    away = _family(client, session, password_hash, "만안", "MATRIX-AWAY", origin=(126.9235, 37.4013))
    # The derivation worker has run since: dwell and attendance are there to read.
    sweep()
    drain()
    completed = session.get(Patrol, home.patrols["completed"]).starts_at.astimezone(SEOUL)
    return World(
        admin=admin,
        home=home,
        away=away,
        dead_delivery=_dead_delivery(session, home.volunteer),
        month=f"{completed:%Y-%m}",
        days=(str(completed.date() - timedelta(days=1)), str(completed.date() + timedelta(days=1))),
        closed_month=f"{_months_ago(1):%Y-%m}",
        approved_month=f"{_months_ago(2):%Y-%m}",
    )


def _months_ago(count):
    """The first day of the Korean calendar month `count` months before this one."""
    month = month_of(utcnow())
    for _ in range(count):
        month = month_of(datetime.combine(month, time(), SEOUL) - timedelta(days=1))
    return month


def _family(client, session, password_hash, mark, code, origin):
    station = Station(code=code, name=f"안양{mark}경찰서")
    unit = Station(code=f"{code}-UNIT", name=f"{mark} 지구대", parent=station)
    session.add_all([station, unit])
    session.flush()

    def person(role, at=station):
        return _person(session, password_hash, role, at, f"{mark} {role.value}")

    coordinator, chief, officer = person(Role.COORDINATOR), person(Role.STATION_CHIEF), person(Role.OFFICER, unit)
    leader, volunteer, outsider = person(Role.VOLUNTEER), person(Role.VOLUNTEER), person(Role.VOLUNTEER)
    group = _group(session, station, f"{mark} 자율방범대", leader=leader, members=[volunteer])
    other_group = _group(session, station, f"{mark} 상인연합회", members=[outsider])
    square = box(origin[0] - 0.002, origin[1] - 0.002, origin[0] + 0.002, origin[1] + 0.002)
    patrol_zone = Zone(name=f"{mark}역 광장", kind="dense_area", station=station, geom=from_shape(square, srid=4326))
    spare_zone = Zone(name=f"{mark} 안심 지킴이집", kind="safe_house", station=station, geom=from_shape(Point(*origin), srid=4326))
    session.add_all([patrol_zone, spare_zone])
    for someone in (officer, leader, volunteer, outsider):
        session.add(LocationConsent(user_id=someone.id, policy_version="2026-11", granted_at=utcnow() - timedelta(hours=12)))
    session.commit()

    api = _Api(client, chief, station.id, origin, patrol_zone.id, mark)
    patrols = {
        "published": api.patrol(3, [group], officer=officer),
        "other_group_published": api.patrol(3, [other_group]),
        # Not started, with volunteers on it: who may withdraw whom (nobody leaves a running one).
        "upcoming": api.patrol(4, [group], officer=officer, volunteers=[leader, volunteer]),
        "other_group_upcoming": api.patrol(4, [other_group], volunteers=[outsider]),
        "draft": api.patrol(5, [group], officer=officer, publish=False),
        "running": api.patrol(7, [group], officer=officer, volunteers=[leader, volunteer]),
        "other_group_running": api.patrol(7, [other_group], volunteers=[outsider]),
        "completed": api.patrol(9, [group], officer=officer, volunteers=[leader, volunteer]),
    }
    now = utcnow()
    _move(session, patrols["running"], now - timedelta(hours=2), now + timedelta(minutes=30))
    _move(session, patrols["other_group_running"], now - timedelta(hours=2), now + timedelta(minutes=30))
    _move(session, patrols["completed"], now - timedelta(hours=6), now - timedelta(hours=4))

    # On the running patrols: check-ins (the volunteer's flagged for review) and points.
    for number, someone in enumerate((officer, leader, volunteer)):
        api.check_in(someone, patrols["running"], accuracy_m=150 if someone is volunteer else 10)
        api.send_points(someone, patrols["running"], number)
    api.send_points(outsider, patrols["other_group_running"], 3)
    # On the completed one: the chief's corrections to the leader's and the volunteer's attendance.
    api.correct_attendance(patrols["completed"], [leader, volunteer])
    closed_feed_token = api.open_feed(leader)
    api.open_feed(leader)  # replaces, and so closes, the first one
    # The month before last approved for the group, and the volunteer's certificate of it.
    approved_month = f"{_months_ago(2):%Y-%m}"
    approval = api.request(chief, "POST", "/reports/volunteer-hours/approvals", {"group_id": group.id, "month": approved_month})["id"]
    api.request(volunteer, "GET", "/reports/volunteer-hours", query={"month": approved_month, "format": "pdf"})
    certificate = session.scalar(select(HoursCertificate.number).where(HoursCertificate.user_id == volunteer.id))

    return Family(
        mark=mark,
        station=station.id,
        unit=unit.id,
        coordinator=coordinator,
        chief=chief,
        officer=officer,
        leader=leader,
        volunteer=volunteer,
        outsider=outsider,
        group=group.id,
        other_group=other_group.id,
        zone=spare_zone.id,
        patrols=patrols,
        flagged_checkin=api.checkins(patrols["running"], review="pending"),
        sos=api.raise_sos(volunteer, patrols["running"]),
        feed_token=api.open_feed(volunteer),
        closed_feed_token=closed_feed_token,
        approval=approval,
        certificate=printed_number(certificate),
    )


def _person(session, password_hash, role, station, name):
    user = User(name=name, phone=next_phone(), password_hash=password_hash, role=role, station=station)
    session.add(user)
    session.flush()
    device = Device(user_id=user.id, token=f"fcm-{uuid.uuid4().hex}", platform="android")
    # Tokens made the way sign-in makes them (without paying for argon2 again).
    auth_session = AuthSession(id=uuid.uuid4(), user=user, refresh_jti="")
    refresh_token = create_refresh_token(str(user.id), additional_claims={"sid": str(auth_session.id)})
    auth_session.refresh_jti = get_jti(refresh_token)
    export_job = ExportJob(
        requested_by_id=user.id, report="attendance", format="csv", filters={}, status=ExportStatus.DONE,
        rows_total=0, rows_done=0, attempts=1, file_name="attendance.csv", size_bytes=3,
        expires_at=utcnow() + timedelta(days=1),
    )
    session.add_all([device, auth_session, export_job])
    session.flush()
    session.add(ExportFilePart(job_id=export_job.id, number=0, data=b"\xef\xbb\xbf"))
    session.commit()
    access_token = create_access_token(str(user.id), additional_claims={"sid": str(auth_session.id), "role": role.value})
    return Person(user.id, role, user.phone, device.token, access_token, refresh_token, export_job.id)


def _group(session, station, name, *, leader=None, members=()):
    group = VolunteerGroup(name=name, kind="patrol_association", station=station)
    session.add(group)
    if leader:
        group.memberships.append(GroupMembership(user_id=leader.id, is_leader=True))
    for member in members:
        group.memberships.append(GroupMembership(user_id=member.id, is_leader=False))
    session.commit()
    return group


def _move(session, patrol_id, starts_at, ends_at):
    patrol = session.get(Patrol, patrol_id)
    patrol.starts_at, patrol.ends_at = starts_at, ends_at
    session.commit()


def _dead_delivery(session, person):
    event = OutboxEvent(event_type="patrol.broadcast", dedupe_key=uuid.uuid4().hex, payload={})
    session.add(event)
    session.flush()
    delivery = Delivery(event_id=event.id, user_id=person.id, status=DeliveryStatus.DEAD, attempts=6)
    session.add(delivery)
    session.commit()
    return delivery.id


class _Api:
    """The requests a station chief and the people on patrol make to set the scene."""

    def __init__(self, client, chief, station_id, origin, zone_id, mark):
        self.client, self.chief, self.station_id = client, chief, station_id
        self.origin, self.zone_id, self.mark = origin, zone_id, mark

    def request(self, person, method, path, body=None, query=None):
        response = self.client.open(
            API + path, method=method, json=body, query_string=query,
            headers={"Authorization": f"Bearer {person.access_token}"},
        )
        assert response.status_code < 300, (method, path, response.get_json())
        return response.get_json()

    def patrol(self, days_ahead, groups, *, officer=None, volunteers=(), publish=True):
        body = {
            "title": f"{self.mark} 합동순찰 {uuid.uuid4().hex[:4]}",
            "station_id": self.station_id,
            "starts_at": seoul(days_ahead, 20).isoformat(),
            "ends_at": seoul(days_ahead, 23).isoformat(),
            "meeting_point": {"type": "Point", "coordinates": list(self.origin)},
            "zone_ids": [self.zone_id],
            "group_ids": [group.id for group in groups],
            "min_officers": 1 if officer else 0,
            "max_volunteers": 10,
        }
        patrol_id = self.request(self.chief, "POST", "/patrols", body)["id"]
        if officer:
            self.request(self.chief, "POST", f"/patrols/{patrol_id}/officers", {"user_id": officer.id})
        if publish:
            self.request(self.chief, "POST", f"/patrols/{patrol_id}/publish", {})
        for volunteer in volunteers:
            self.request(volunteer, "POST", f"/patrols/{patrol_id}/signups", {})
        return patrol_id

    def check_in(self, person, patrol_id, accuracy_m):
        self.request(person, "POST", f"/patrols/{patrol_id}/check-in", location_fix(self.origin, 5, accuracy_m))

    def send_points(self, person, patrol_id, number):
        """Three points inside the patrol's zone, at coordinates nobody else uses."""
        points = []
        for step in range(3):
            lon = round(self.origin[0] + 0.0001 * number + 0.0000137 * (step + 1), 7)
            lat = round(self.origin[1] + 0.0001 * number + 0.0000171 * (step + 1), 7)
            person.coordinates |= {lon, lat}
            points.append({"patrol_id": patrol_id, **location_fix((lon, lat), 12 - 4 * step)})
        result = self.request(person, "POST", "/locations:batch", {"points": points})
        assert result["accepted"] == 3, result

    def raise_sos(self, person, patrol_id):
        """An SOS at coordinates nobody else uses."""
        lon, lat = round(self.origin[0] - 0.0003, 7), round(self.origin[1] - 0.0002, 7)
        person.coordinates |= {lon, lat}
        return self.request(person, "POST", "/sos", {"patrol_id": patrol_id, "kind": "sos", **location_fix((lon, lat), 0)})["id"]

    def checkins(self, patrol_id, review):
        listed = self.request(self.chief, "GET", "/checkins", query={"patrol_id": patrol_id, "review": review})
        [checkin] = listed
        return checkin["id"]

    def correct_attendance(self, patrol_id, people):
        entries = [{"user_id": person.id, "status": "excused", "note": "정정"} for person in people]
        self.request(self.chief, "PATCH", f"/patrols/{patrol_id}/attendance", {"entries": entries})

    def open_feed(self, person):
        url = self.request(person, "POST", "/me/calendar-feed")["url"]
        return url.rsplit("/", 1)[1].removesuffix(".ics")

