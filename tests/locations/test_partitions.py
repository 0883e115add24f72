"""Points are kept in one partition per UTC day: they land in their day, or in the default
partition until their day is made; the purge drops whole days past retention."""
import uuid
from datetime import datetime, time, timedelta, timezone

from geoalchemy2.shape import from_shape
from shapely.geometry import Point
from sqlalchemy import func, select, text, update

from backend.attendance.models import AttendanceRecord
from backend.core.time import SEOUL, utcnow
from backend.locations import partitions
from backend.locations.models import LocationPoint, ZoneDwell
from backend.patrols.models import Patrol
from backend.users.models import LocationConsent
from backend.testing.fixtures.locations import fix
from backend.testing.fixtures.patrols import WOMEN_SAFE_INSIDE

DEFAULT = "location_points_default"


def day_partition(day):
    return f"location_points_p{day:%Y%m%d}"


def partition_names(db_session):
    return set(db_session.scalars(text(
        "SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'location_points'::regclass")))


def store(db_session, patrol, user, recorded_at):
    point = LocationPoint(
        patrol_id=patrol.id, user_id=user.id, client_event_id=uuid.uuid4(),
        point=from_shape(Point(*WOMEN_SAFE_INSIDE), srid=4326), accuracy_m=5, recorded_at=recorded_at,
    )
    db_session.add(point)
    db_session.commit()
    return point.id


def partition_of(db_session, point_id):
    return db_session.scalar(select(text("tableoid::regclass::text")).select_from(LocationPoint).where(LocationPoint.id == point_id))


def count(db_session, model, *where):
    return db_session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_purge_drops_exactly_the_days_past_retention_and_keeps_what_was_derived(
        app, running_patrol, volunteers, upload, db_session, derive_now):
    now = utcnow()
    start = now - timedelta(minutes=30)
    upload(volunteers[1], [fix(running_patrol.id, WOMEN_SAFE_INSIDE, start + timedelta(seconds=15 * n)) for n in range(5)])
    derive_now()
    partitions.create_days(now - timedelta(days=93), now)
    db_session.commit()
    days = {days_ago: (now - timedelta(days=days_ago)).date() for days_ago in (93, 92, 91, 90, 89)}
    old = {days_ago: store(db_session, running_patrol, volunteers[2], datetime.combine(day, time(12), timezone.utc))
           for days_ago, day in days.items()}
    dwell_before = count(db_session, ZoneDwell, ZoneDwell.patrol_id == running_patrol.id)
    attendance_before = count(db_session, AttendanceRecord, AttendanceRecord.patrol_id == running_patrol.id)
    assert dwell_before and attendance_before

    result = app.test_cli_runner().invoke(args=["locations", "purge", "--days", "90"])

    assert result.exit_code == 0, result.output
    assert "dropped 3 days of location points, deleted 0 more points" in result.output
    names = partition_names(db_session)
    assert not {day_partition(days[n]) for n in (93, 92, 91)} & names
    # The day 90 days ago is not yet wholly past retention: it goes tomorrow.
    assert {day_partition(days[90]), day_partition(days[89]), day_partition(now.date()), DEFAULT} <= names
    stored = set(db_session.scalars(select(LocationPoint.id).where(LocationPoint.id.in_(old.values()))))
    assert stored == {old[90], old[89]}
    assert count(db_session, LocationPoint, LocationPoint.user_id == volunteers[1].id) == 5
    assert count(db_session, ZoneDwell, ZoneDwell.patrol_id == running_patrol.id) == dwell_before
    assert count(db_session, AttendanceRecord, AttendanceRecord.patrol_id == running_patrol.id) == attendance_before

    again = app.test_cli_runner().invoke(args=["locations", "purge", "--days", "90"])
    assert "dropped 0 days of location points, deleted 0 more points" in again.output
    assert "made 0 day partitions" in again.output


def test_points_land_in_their_utc_day_around_both_midnights(running_patrol, volunteers, db_session):
    tomorrow = utcnow().date() + timedelta(days=1)
    utc_midnight = datetime.combine(tomorrow, time(), timezone.utc)
    seoul_midnight = datetime.combine(tomorrow, time(), SEOUL) + timedelta(days=1)  # 15:00 UTC tomorrow
    just_before = timedelta(microseconds=1)
    landed = {
        moment: partition_of(db_session, store(db_session, running_patrol, volunteers[1], moment))
        for moment in (utc_midnight - just_before, utc_midnight, seoul_midnight - just_before, seoul_midnight)
    }
    assert landed[utc_midnight - just_before] == day_partition(tomorrow - timedelta(days=1))
    assert landed[utc_midnight] == day_partition(tomorrow)
    # A night patrol over Seoul midnight stays in one partition.
    assert landed[seoul_midnight - just_before] == landed[seoul_midnight] == day_partition(tomorrow)


def test_a_phone_offline_for_days_still_lands_its_points_and_the_maintenance_files_them(
        app, running_patrol, volunteers, upload, db_session, client, auth_headers, chief):
    """The patrol ran three days ago, before its day had a partition: the points wait in the
    default partition, readable, and move to their day when the maintenance makes it."""
    now = utcnow()
    # Noon UTC, so that the points of the half hour before it all fall on that day.
    ended = datetime.combine(now.date() - timedelta(days=3), time(12), timezone.utc)
    db_session.execute(update(Patrol).where(Patrol.id == running_patrol.id)
                       .values(starts_at=ended - timedelta(hours=2), ends_at=ended))
    db_session.execute(update(LocationConsent).where(LocationConsent.user_id == volunteers[1].id)
                       .values(granted_at=now - timedelta(days=5)))
    db_session.commit()
    day = ended.date()
    assert day_partition(day) not in partition_names(db_session)
    sent = [fix(running_patrol.id, WOMEN_SAFE_INSIDE, ended - timedelta(minutes=30) + timedelta(seconds=15 * n)) for n in range(4)]

    answer = upload(volunteers[1], sent).get_json()

    assert (answer["accepted"], answer["late"], answer["rejected"]) == (4, 4, [])
    ids = db_session.scalars(select(LocationPoint.id).where(LocationPoint.user_id == volunteers[1].id)).all()
    assert {partition_of(db_session, point_id) for point_id in ids} == {DEFAULT}
    track = client.get(f"/api/v1/patrols/{running_patrol.id}/participants/{volunteers[1].id}/track", headers=auth_headers(chief))
    assert len(track.get_json()) == 4

    result = app.test_cli_runner().invoke(args=["locations", "purge"])

    assert result.exit_code == 0, result.output
    assert {partition_of(db_session, point_id) for point_id in ids} == {day_partition(day)}
    assert count(db_session, LocationPoint, text(f"tableoid = '{DEFAULT}'::regclass")) == 0
    assert upload(volunteers[1], sent).get_json()["duplicates"] == 4  # a resent batch still meets its first copy


def test_a_point_beyond_the_days_made_ahead_lands_in_the_default_partition(running_patrol, volunteers, db_session):
    far = utcnow() + timedelta(days=partitions.DAYS_AHEAD + 30)
    assert partition_of(db_session, store(db_session, running_patrol, volunteers[1], far)) == DEFAULT
