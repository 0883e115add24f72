"""Serves the console's built files. Hashed assets are cached for a year; index.html is
asked for afresh each time, so a new build reaches browsers on their next page load."""
from pathlib import Path
from urllib.parse import urlsplit

import flask
from flask import current_app, redirect, send_from_directory

from backend.errors import problem_response
from backend.extensions import talisman

pages = flask.Blueprint("console", __name__)

INDEX = "index.html"
YEAR = 365 * 24 * 60 * 60


def console_policy():
    """The console may load only what its own origin serves, plus the map's tile images.
    Leaflet and the bundled styles draw markers as data: images."""
    return {
        "default-src": "'self'",
        "img-src": " ".join(("'self'", "data:", *tile_origin(current_app.config["MAP_TILE_URL"]))),
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def tile_origin(tile_url):
    """The scheme and host the tiles come from, as a CSP source ({s} subdomains as *)."""
    if not tile_url:
        return ()
    parts = urlsplit(tile_url.replace("{s}", "*"))
    return (f"{parts.scheme}://{parts.netloc}",)


def _dist():
    return Path(current_app.config["CONSOLE_DIST"])


@pages.get("/")
def root():
    return redirect("/console/", code=302)


@pages.get("/console")
def without_slash():
    return redirect("/console/", code=301)


@pages.get("/console/assets/<path:name>")
def asset(name):
    response = send_from_directory(_dist() / "assets", name, max_age=YEAR)
    response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    return response


@pages.get("/console/", defaults={"page": ""})
@pages.get("/console/<path:page>")
# The policy names the configured tile server, so this view writes it rather than Talisman.
@talisman(content_security_policy=None)
def app_page(page):
    """Every console address answers with the app, which routes in the browser."""
    if not (_dist() / INDEX).is_file():
        return problem_response("CONSOLE_NOT_BUILT")
    response = send_from_directory(_dist(), INDEX, max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Content-Security-Policy"] = "; ".join(
        f"{directive} {sources}" for directive, sources in console_policy().items()
    )
    return response
