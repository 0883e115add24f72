"""The API, called directly, to set the stage for a browser test: fresh people and patrols
under names of their own (these tests commit and cannot roll back)."""
import random
import uuid
from datetime import datetime, timedelta, timezone

import requests

from tests.console.conftest import DEMO_PASSWORD, STATION_CHIEF

SEOUL = timezone(timedelta(hours=9))
BEOMGYE_GROUP = "범계동 자율방범대"  # led by GROUP_LEADER


def fresh_phone():
    # 010-2000 to 010-4999: numbers the phone-number rules take as mobiles (010-597x… they do not).
    return f"010-{random.randint(2000, 4999)}-{random.randint(1000, 9999)}"


class Api:
    def __init__(self, base_url, phone=STATION_CHIEF, password=DEMO_PASSWORD):
        self.base = f"{base_url}/api/v1"
        token = requests.post(f"{self.base}/auth/token", json={"phone": phone, "password": password}, timeout=30)
        assert token.status_code == 200, token.text
        self.headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        self.me = self.call("GET", "/me")

    def call(self, method, path, expected=(200, 201, 204), **kwargs):
        response = requests.request(method, self.base + path, headers=self.headers, timeout=30, **kwargs)
        assert response.status_code in expected, f"{method} {path}: {response.status_code} {response.text}"
        return response.json() if response.content else None

    def group_id(self, name=BEOMGYE_GROUP):
        return next(group["id"] for group in self.call("GET", "/groups", params={"page_size": 200}) if group["name"] == name)

    def create_person(self, role, prefix, password=None):
        """A fresh account of the station: nobody else's patrols can clash with theirs."""
        return self.call("POST", "/users", json={
            "name": f"{prefix}{uuid.uuid4().hex[:5]}",
            "phone": fresh_phone(),
            "password": password or f"야간-순찰-{uuid.uuid4().hex}",
            "role": role,
            "station_id": self.me["station_id"],
        })

    def create_member(self, prefix, group_id):
        person = self.create_person("volunteer", prefix)
        self.call("POST", f"/groups/{group_id}/members", json={"user_id": person["id"]})
        return person

    def create_draft_patrol(self, title, group_ids, *, starts_hour=10, hours=2, max_volunteers=10, min_volunteers=0, min_officers=1, zone_ids=()):
        """A draft patrol on a day some weeks ahead, starting at `starts_hour` Korean time."""
        day = datetime.now(SEOUL).date() + timedelta(days=random.randint(20, 300))
        starts = datetime(day.year, day.month, day.day, starts_hour, 0, tzinfo=SEOUL)
        return self.call("POST", "/patrols", json={
            "title": title,
            "station_id": self.me["station_id"],
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=hours)).isoformat(),
            "meeting_point": {"type": "Point", "coordinates": [126.9508, 37.3897]},
            "meeting_place_name": "범계역 2번 출구",
            "group_ids": group_ids,
            "min_officers": min_officers,
            "min_volunteers": min_volunteers,
            "max_volunteers": max_volunteers,
            "zone_ids": list(zone_ids),
        })

    def create_published_patrol(self, title, group_ids, officer_id, **fields):
        """A published daytime patrol, with one officer so that it may be published."""
        patrol = self.create_draft_patrol(title, group_ids, **fields)
        self.call("POST", f"/patrols/{patrol['id']}/officers", json={"user_id": officer_id})
        self.call("POST", f"/patrols/{patrol['id']}/publish", json={})
        return patrol
