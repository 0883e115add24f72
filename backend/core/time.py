"""Time is stored in UTC; patrol calendars are read in Asia/Seoul (UTC+9, no DST)."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")


def utcnow():
    return datetime.now(timezone.utc)
