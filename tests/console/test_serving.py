"""How the service hands out the console: its address, caching and content policy."""
import pytest

from backend import create_app
from backend.config import ConfigError


@pytest.fixture
def built_console(tmp_path, app):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>console</title>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    previous = app.config["CONSOLE_DIST"]
    app.config["CONSOLE_DIST"] = str(tmp_path)
    yield tmp_path
    app.config["CONSOLE_DIST"] = previous


def test_the_root_leads_to_the_console(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/console/"


def test_every_console_address_answers_with_the_app_asked_for_afresh(client, built_console):
    for path in ("/console/", "/console/patrols", "/console/zones/12"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"<title>console</title>" in response.data
        assert response.headers["Cache-Control"] == "no-cache"


def test_hashed_assets_are_cached_for_a_year(client, built_console):
    response = client.get("/console/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.get("/console/assets/missing.js").status_code == 404


def test_the_console_may_load_its_own_origin_and_the_tiles_only(client, app, built_console):
    policy = client.get("/console/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "img-src 'self' data: https://tile.openstreetmap.org" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    # The API keeps its own policy: nothing at all.
    assert client.get("/api/v1/").headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_tile_subdomains_and_no_tiles_shape_the_policy(client, app, built_console):
    app.config["MAP_TILE_URL"] = "https://{s}.tiles.example.kr/{z}/{x}/{y}.png"
    try:
        assert "img-src 'self' data: https://*.tiles.example.kr;" in client.get("/console/").headers["Content-Security-Policy"]
        app.config["MAP_TILE_URL"] = ""
        assert "img-src 'self' data:;" in client.get("/console/").headers["Content-Security-Policy"]
        assert client.get("/api/v1/").json["map"]["tile_url"] is None
    finally:
        app.config["MAP_TILE_URL"] = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def test_an_unbuilt_console_says_how_to_build_it(client, app, tmp_path):
    previous = app.config["CONSOLE_DIST"]
    app.config["CONSOLE_DIST"] = str(tmp_path / "nothing")
    try:
        response = client.get("/console/")
    finally:
        app.config["CONSOLE_DIST"] = previous
    assert response.status_code == 503
    assert response.json["code"] == "CONSOLE_NOT_BUILT"


def test_the_api_index_names_the_console_and_the_map_tiles(client):
    index = client.get("/api/v1/").json
    assert index["links"]["console"] == "/console/"
    assert index["map"] == {
        "tile_url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": "© OpenStreetMap contributors",
    }


@pytest.mark.parametrize("url", ["ftp://tiles/{z}/{x}/{y}", "https://tiles.example.kr/tile.png", "{z}/{x}/{y}"])
def test_a_tile_address_without_its_placeholders_stops_the_start(url):
    with pytest.raises(ConfigError, match="PATROL_MAP_TILE_URL"):
        create_app({"PATROL_ENV": "testing", "MAP_TILE_URL": url})

