"""A report file too large for one request: the reports page starts a background export, shows
its progress bar move as the worker writes rows, and offers the file when it is done."""
import io
import threading

import openpyxl
from playwright.sync_api import expect

from backend.cli.reports import run_next_job
from backend.extensions import db
from backend.reports import jobs
from tests.console.conftest import EXPORT_JOB_ROWS, screenshot, serious_accessibility_violations, sign_in

TIMEOUT_S = 30


class PausingProgress(jobs.ProgressWriter):
    """The worker's progress writer, holding the worker after its first rows are written and
    reported, until the test has seen the page show them."""

    first_rows_written = threading.Event()
    go_on = threading.Event()

    def read(self, rows):
        super().read(rows)
        if not self.first_rows_written.is_set():
            self.first_rows_written.set()
            assert self.go_on.wait(TIMEOUT_S), "the test never let the worker go on"


def run_worker_once(console_app):
    """One pass of the export worker in its own thread, as `flask reports work` runs it."""
    failures = []

    def work():
        try:
            with console_app.app_context(), db.engine.connect() as connection:
                run_next_job(connection.execution_options(isolation_level="AUTOCOMMIT"), PausingProgress)
        except Exception as error:  # the test reports it rather than a thread's stderr
            failures.append(error)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread, failures


def test_a_large_zone_coverage_file_is_made_in_the_background_with_its_progress(page, console_app):
    sign_in(page)
    page.get_by_role("navigation").get_by_role("link", name="보고서").click()
    page.get_by_label("보고서 종류").select_option(label="구역별 순찰 현황")
    page.get_by_label("시작일").fill("2026-11-01")
    page.get_by_label("종료일 (포함)").fill("2026-11-30")
    page.get_by_role("button", name="보기").click()
    rows = page.get_by_test_id("report-table").locator("tbody tr")
    expect(rows.first).to_be_visible()
    zones = rows.count()
    assert zones > EXPORT_JOB_ROWS

    # Over the server's limit: no file at once, a background export waiting for the worker.
    page.get_by_test_id("download-xlsx").click()
    expect(page.get_by_test_id("made-in-background")).to_contain_text(f"이 파일은 {EXPORT_JOB_ROWS}행이 넘어")
    job = page.locator("[data-testid^=export-job-]").first
    expect(job).to_have_attribute("data-status", "queued")
    bar = job.get_by_role("progressbar", name="구역별 순찰 현황 파일 만드는 중")
    expect(bar).to_have_attribute("aria-valuetext", "대기 중")

    # The worker counts the rows and writes the first; the page follows without a reload.
    PausingProgress.first_rows_written.clear()
    PausingProgress.go_on.clear()
    worker, failures = run_worker_once(console_app)
    assert PausingProgress.first_rows_written.wait(TIMEOUT_S), failures
    expect(job).to_have_attribute("data-status", "running")
    expect(bar).to_have_attribute("aria-valuetext", f"{zones}행 중 1행")
    expect(bar).to_have_attribute("aria-valuenow", str(100 // zones))
    assert serious_accessibility_violations(page) == []
    screenshot(page, "export-job-running", full_page=False)

    PausingProgress.go_on.set()
    worker.join(TIMEOUT_S)
    assert not worker.is_alive() and failures == []
    expect(job).to_have_attribute("data-status", "done")
    expect(job).to_contain_text(f"{zones}행")
    screenshot(page, "export-job-done", full_page=False)

    with page.expect_download() as download:
        job.get_by_role("button", name="zone-coverage_2026-11-01_2026-11-30").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).worksheets[0]
    assert sheet["A1"].value == "구역" and sheet.max_row == zones + 1

    # Still there after a reload: the reader's recent exports are listed with the page.
    page.reload()
    expect(page.locator("[data-testid^=export-job-]").first).to_have_attribute("data-status", "done")
