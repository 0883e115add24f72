"""Time is stored in UTC; patrol calendars are read in Asia/Seoul (UTC+9, no DST)."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
# For arithmetic where the time zone database costs too much per value (large exports).
SEOUL_OFFSET_SECONDS = 9 * 3600


def utcnow():
    return datetime.now(timezone.utc)
