"""Background exports: a file too large for a request is made by the worker, which says how far
it is, keeps the file for its owner only, and loses nothing when it stops mid-way."""
import csv
import io
import subprocess
from datetime import datetime, timedelta

import openpyxl
import pytest
from geoalchemy2.shape import from_shape
from shapely.geometry import Point

from backend.cli.reports import run_next_job
from backend.core.time import utcnow
from backend.extensions import db
from backend.reports import jobs
from backend.reports.models import ExportFilePart, ExportJob
from backend.zones.models import Zone
from tests.helpers import assert_problem

ZONES = 120
PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}
COVERAGE = "/api/v1/reports/zone-coverage"


@pytest.fixture
def many_zones(db_session, home_station):
    db_session.add_all(
        Zone(name=f"안심 지킴이집 {n:03d}", kind="safe_house", station=home_station,
             geom=from_shape(Point(126.95 + n / 10000, 37.39), srid=4326))
        for n in range(ZONES)
    )
    db_session.commit()


@pytest.fixture
def row_limit(app, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", 50)
    return 50


class RecordedProgress(jobs.ProgressWriter):
    """The progress the worker reports, noted rather than written: the worker writes it on a
    connection of its own, which cannot see this test's uncommitted rows, and the test's own
    connection is busy streaming the rows meanwhile. (The console's tests, on a committed
    database, watch the written progress move.)"""

    def __init__(self, connection, job_id):
        super().__init__(connection, job_id)
        self.seen = []

    def _write(self, **values):
        self.seen.append(values)


def start(client, headers, **body):
    return client.post("/api/v1/export-jobs", json={"report": "zone-coverage", "format": "csv", "filters": PERIOD, **body},
                       headers=headers)


def work():
    """One pass of the worker; returns the job's id and the progress it reported."""
    recorded = []

    def writer(connection, job_id):
        recorded.append(RecordedProgress(connection, job_id))
        return recorded[-1]

    job_id = run_next_job(None, writer)
    return job_id, recorded[0] if recorded else None


def test_a_file_over_the_limit_is_refused_with_the_limit_and_made_in_the_background(
    app, monkeypatch, client, auth_headers, chief, many_zones, row_limit
):
    headers = auth_headers(chief)
    refused = client.get(f"{COVERAGE}.csv", query_string=PERIOD, headers=headers)
    body = assert_problem(refused, 409, "EXPORT_TOO_LARGE")
    assert body["row_limit"] == 50 and "/api/v1/export-jobs" in body["detail"]

    started = start(client, headers)
    assert started.status_code == 202, started.get_json()
    job = started.get_json()
    assert (job["status"], job["percent"], job["rows_total"], job["file_url"]) == ("queued", None, None, None)

    job_id, progress = work()
    assert job_id == job["id"]
    # The row count first, then the rows read so far, in steps.
    assert progress.seen[0] == {"rows_total": ZONES, "rows_done": 0}
    read = [values["rows_done"] for values in progress.seen[1:]]
    assert len(read) >= 10 and read == sorted(set(read)) and read[-1] == ZONES

    done = client.get(f"/api/v1/export-jobs/{job['id']}", headers=headers).get_json()
    assert (done["status"], done["percent"], done["rows_done"], done["rows_total"]) == ("done", 100, ZONES, ZONES)
    assert done["file_url"] == f"/api/v1/export-jobs/{job['id']}/file"
    assert done["file_name"].startswith("zone-coverage_2026-11-01_2026-11-30") and done["file_name"].endswith(".csv")
    assert utcnow() + timedelta(hours=23) < datetime.fromisoformat(done["expires_at"]) <= utcnow() + timedelta(hours=24)

    file = client.get(done["file_url"], headers=headers)
    assert file.status_code == 200 and file.mimetype == "text/csv"
    assert "attachment" in file.headers["Content-Disposition"] and file.headers["Cache-Control"] == "private, no-store"
    assert len(file.data) == done["size_bytes"]
    # The same bytes the direct download gives when the limit allows it.
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", ZONES)
    direct = client.get(f"{COVERAGE}.csv", query_string=PERIOD, headers=headers)
    assert direct.status_code == 200 and direct.data == file.data
    rows = list(csv.reader(io.StringIO(file.data.decode("utf-8-sig"))))
    assert len(rows) == ZONES + 1 and rows[0][0] == "구역"


def test_an_xlsx_job_holds_every_row_in_the_language_asked(client, auth_headers, chief, many_zones, row_limit):
    headers = auth_headers(chief)
    job = start(client, headers, format="xlsx", filters={**PERIOD, "lang": "en", "kind": "safe_house"}).get_json()
    work()
    file = client.get(f"/api/v1/export-jobs/{job['id']}/file", headers=headers)
    sheet = openpyxl.load_workbook(io.BytesIO(file.data)).worksheets[0]
    assert sheet["A1"].value == "Zone" and sheet.max_row == ZONES + 1


def test_a_pdf_job_prints_zone_coverage(client, auth_headers, chief, many_zones, row_limit):
    headers = auth_headers(chief)
    job = start(client, headers, format="pdf", filters={**PERIOD, "lang": "en"}).get_json()
    work()
    done = client.get(f"/api/v1/export-jobs/{job['id']}", headers=headers).get_json()
    assert done["status"] == "done" and done["file_name"].endswith(".pdf")
    file = client.get(done["file_url"], headers=headers)
    assert file.mimetype == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=file.data, capture_output=True, check=True).stdout.decode()
    assert "Zone coverage" in text and "안심 지킴이집 119" in text


def test_a_file_is_kept_in_parts_and_sent_whole(client, auth_headers, chief, many_zones, monkeypatch):
    monkeypatch.setattr(jobs, "FILE_PART_BYTES", 1000)
    headers = auth_headers(chief)
    job = start(client, headers).get_json()
    work()
    parts = db.session.query(ExportFilePart).filter_by(job_id=job["id"]).count()
    file = client.get(f"/api/v1/export-jobs/{job['id']}/file", headers=headers)
    assert file.is_streamed and file.content_length == len(file.data)
    assert parts > 1 and parts == -(-len(file.data) // 1000)
    rows = list(csv.reader(io.StringIO(file.data.decode("utf-8-sig"))))
    assert len(rows) == ZONES + 1 and rows[-1][0].startswith("안심 지킴이집")


def test_a_direct_download_at_the_limit_is_still_made_at_once(client, auth_headers, chief, many_zones, app, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_JOB_ROWS", ZONES)
    response = client.get(f"{COVERAGE}.xlsx", query_string=PERIOD, headers=auth_headers(chief))
    assert response.status_code == 200


def test_nobody_else_sees_or_downloads_someone_s_export(client, auth_headers, chief, make_user, home_station, many_zones):
    job = start(client, auth_headers(chief)).get_json()
    work()
    coordinator = make_user("coordinator", home_station)
    other_headers = auth_headers(coordinator)
    assert_problem(client.get(f"/api/v1/export-jobs/{job['id']}", headers=other_headers), 404, "NOT_FOUND")
    assert_problem(client.get(f"/api/v1/export-jobs/{job['id']}/file", headers=other_headers), 404, "NOT_FOUND")
    assert client.get("/api/v1/export-jobs", headers=other_headers).get_json() == []
    mine = client.get("/api/v1/export-jobs", headers=auth_headers(chief))
    assert [j["id"] for j in mine.get_json()] == [job["id"]]
    assert mine.headers["X-Pagination"]


def test_a_file_is_not_ready_before_the_worker_and_gone_after_its_time(client, auth_headers, chief, many_zones):
    headers = auth_headers(chief)
    job = start(client, headers).get_json()
    assert_problem(client.get(f"/api/v1/export-jobs/{job['id']}/file", headers=headers), 409, "EXPORT_NOT_READY")
    work()
    assert jobs.expire_files() == 0
    db.session.get(ExportJob, job["id"]).expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert jobs.expire_files() == 1
    db.session.commit()
    assert_problem(client.get(f"/api/v1/export-jobs/{job['id']}/file", headers=headers), 410, "EXPORT_EXPIRED")
    expired = client.get(f"/api/v1/export-jobs/{job['id']}", headers=headers).get_json()
    assert (expired["status"], expired["file_url"]) == ("expired", None)
    assert db.session.query(ExportFilePart).filter_by(job_id=job["id"]).count() == 0


@pytest.mark.parametrize(("body", "field"), [
    ({"report": "patrols"}, "report"),
    ({"report": "volunteer-hours", "format": "pdf"}, "format"),  # a certificate is one person's, made at once
    ({"filters": {"from": "2026-11-30", "to": "2026-11-01"}}, "filters"),
    ({"filters": {"from": "2026-11-01", "to": "2026-11-30", "colour": "red"}}, "filters"),
    ({"filters": {"from": "2026-11-01"}}, "filters"),
])
def test_a_bad_request_is_refused_with_the_field_at_fault(client, auth_headers, chief, body, field):
    problem = assert_problem(start(client, auth_headers(chief), **body), 422, "VALIDATION_ERROR")
    assert field in problem["errors"]
    assert db.session.query(ExportJob).count() == 0


def test_a_volunteer_exports_their_attendance_but_not_zone_coverage(client, auth_headers, volunteer):
    headers = auth_headers(volunteer)
    assert_problem(start(client, headers), 403, "FORBIDDEN")
    started = start(client, headers, report="attendance", format="pdf")
    assert started.status_code == 202
    work()
    job = client.get(f"/api/v1/export-jobs/{started.get_json()['id']}", headers=headers).get_json()
    assert job["status"] == "done" and job["file_name"].endswith(".pdf")
    assert client.get(job["file_url"], headers=headers).data.startswith(b"%PDF")


def test_a_job_whose_owner_lost_the_right_fails_and_says_why(client, auth_headers, chief, many_zones):
    job = start(client, auth_headers(chief)).get_json()
    chief.is_active = False
    db.session.commit()
    work()
    chief.is_active = True
    db.session.commit()
    failed = client.get(f"/api/v1/export-jobs/{job['id']}", headers={**auth_headers(chief), "Accept-Language": "en"}).get_json()
    assert (failed["status"], failed["percent"], failed["file_url"]) == ("failed", None, None)
    assert failed["error"] == {"code": "FORBIDDEN", "detail": "Your role may not do this."}


def test_a_job_whose_worker_stopped_is_taken_over_and_finally_given_up(client, auth_headers, chief, many_zones):
    job_id = start(client, auth_headers(chief)).get_json()["id"]
    assert jobs.claim_next().id == job_id  # a worker took it, then died without a word
    db.session.commit()
    assert jobs.claim_next() is None  # still beating, as far as anyone knows
    job = db.session.get(ExportJob, job_id)
    job.heartbeat_at = utcnow() - jobs.HEARTBEAT_TIMEOUT - timedelta(seconds=1)
    db.session.commit()
    work()
    assert (job.status, job.attempts, job.rows_done) == ("done", 2, ZONES)

    job.status, job.attempts = "running", jobs.MAX_ATTEMPTS
    job.heartbeat_at = utcnow() - jobs.HEARTBEAT_TIMEOUT - timedelta(seconds=1)
    db.session.commit()
    work()
    assert (job.status, job.error_code) == ("failed", "EXPORT_FAILED")


def test_the_worker_command_makes_waiting_files(app, client, auth_headers, chief, many_zones):
    headers = auth_headers(chief)
    job = start(client, headers).get_json()
    result = app.test_cli_runner().invoke(args=["reports", "work", "--once"])
    assert result.exit_code == 0, result.output
    assert "handled 1 background exports" in result.output
    assert client.get(f"/api/v1/export-jobs/{job['id']}", headers=headers).get_json()["status"] == "done"
