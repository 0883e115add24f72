"""Browser tests: the built console in a real headless Chromium, against the real service
on its own PostGIS database with the demo data (seed/), served over HTTP by a thread.

Unlike the API tests these cannot roll back: the service commits as it would in use. Each
test therefore makes what it changes under names of its own.
"""
import json
import os
import re
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import flask_migrate
import pytest
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

from backend import create_app
from backend.config import sqlalchemy_url
from backend.testing.database import TEST_DATABASE_URL, recreate_database

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = ROOT / "console"
# CI keeps this folder as an artefact; the README names it.
SCREENSHOTS = CONSOLE / "test-screenshots"
CHROMIUM = os.environ.get("PATROL_CHROMIUM", "/usr/bin/chromium")
# The machine has no network: no tile server answers, so the console must do without.
UNREACHABLE_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png"
DEMO_PASSWORD = json.loads((ROOT / "seed" / "demo.json").read_text(encoding="utf-8"))["demo_password"]
STATION_CHIEF = "010-0000-0002"  # 박정훈, 안양동안경찰서
GROUP_LEADER = "010-0000-0005"  # 정미숙, leads 범계동 자율방범대
VOLUNTEER = "010-0000-0006"  # 한지우
# Headless and quiet: no GPU, no sandbox (root in CI), no calls home that a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


EXPORT_JOB_ROWS = 5


def console_database_url():
    # Beside the API tests' database, never that one: these tests commit.
    return re.sub(r"/([^/?]+)(\?|$)", r"/\1_console\2", TEST_DATABASE_URL, count=1)


@pytest.fixture(scope="session")
def console_app():
    if not (CONSOLE / "dist" / "index.html").is_file():
        pytest.fail("console/dist is missing: scripts/setup.sh builds the console (npm run build)")
    url = console_database_url()
    recreate_database(url)
    app = create_app({
        "PATROL_ENV": "testing",
        "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(url),
        "MAP_TILE_URL": UNREACHABLE_TILES,
        # Low, so that the station's zone coverage (ten zones) is a background export.
        "EXPORT_JOB_ROWS": EXPORT_JOB_ROWS,
    })
    with app.app_context():
        flask_migrate.upgrade()
    result = app.test_cli_runner().invoke(args=["seed", "load"])
    assert result.exit_code == 0, result.output
    return app


@pytest.fixture(scope="session")
def base_url(console_app):
    server = make_server("127.0.0.1", 0, console_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="package", autouse=True)
def derivation_worker(console_app):
    """The derivation worker beside the service, as scripts/run.sh starts it: a process of its
    own (it must not share the API tests' swapped session), sweeping every second."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "derive", "work", "--sweep-seconds", "1"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": console_database_url(), "PATROL_ENV": "testing"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    yield
    worker.terminate()
    worker.wait(timeout=30)


# Per module, not per session: Playwright's sync API holds an event loop in the main thread
# while it runs, and other tests (firebase-admin's) start loops of their own.
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup.sh --with-browser installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, base_url):
    # A browser far from Korea: what the console shows must still be Korean time.
    context = browser.new_context(
        base_url=base_url,
        locale="ko-KR",
        timezone_id="America/Los_Angeles",
        viewport={"width": 1366, "height": 768},
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The content policy refusing one of the console's own scripts, styles or images is a bug.
    page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None)
    yield page
    assert not errors, f"the console failed in the browser: {errors}"


def sign_in(page, phone=STATION_CHIEF, password=DEMO_PASSWORD):
    page.goto("/console/")
    page.get_by_label("휴대전화 번호").fill(phone)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_test_id("who")).to_be_visible()


def screenshot(page, name, full_page=True):
    """Keep what a person sees, for review and the README."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full_page)


def serious_accessibility_violations(page):
    """axe-core's serious and critical findings on the page as it is now."""
    # Evaluated through the browser's debugging channel: the console's CSP (rightly) refuses
    # an injected script tag.
    page.evaluate(AXE_SOURCE)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": violation["id"], "impact": violation["impact"], "nodes": [node["target"] for node in violation["nodes"]]}
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


AXE_SOURCE = (CONSOLE / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8") + ";0"


def unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:6]}"
