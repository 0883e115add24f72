from pathlib import Path

import flask
from flask import current_app, render_template, send_from_directory, url_for
from flask.views import MethodView
from swagger_ui_bundle import swagger_ui_path

from backend.api_docs.schemas import IndexSchema
from backend.core.routing import Blueprint
from backend.extensions import talisman

blp = Blueprint("index", __name__, description="Where this API's spec and documentation are")

# The documentation pages are for people, not operations of the API, so they stay out of the spec.
pages = flask.Blueprint("api_docs", __name__, template_folder="templates")

OWN_ASSETS = Path(__file__).parent / "static"
# Of the package's files, the two the page loads; its own index.html runs inline script.
SWAGGER_UI_ASSETS = ("swagger-ui.css", "swagger-ui-bundle.js")
ASSET_MAX_AGE = 24 * 60 * 60

# The API's policy allows nothing; the page may load what its own origin serves, nothing
# else, and run no inline script. Swagger UI's stylesheet draws its icons as data: images.
DOCS_POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}


@blp.route("/")
class Index(MethodView):
    @blp.doc(security=[])
    @blp.response(200, IndexSchema)
    def get(self):
        """Where this API's spec and documentation are"""
        return {
            "name": current_app.config["API_TITLE"],
            "version": current_app.config["API_VERSION"],
            "links": {
                "openapi": url_for("api-docs.openapi_json"),
                "docs": url_for("api_docs.page"),
                "console": url_for("console.app_page"),
            },
            "map": {
                "tile_url": current_app.config["MAP_TILE_URL"] or None,
                "attribution": current_app.config["MAP_TILE_ATTRIBUTION"],
            },
        }


@pages.get("/docs")
@talisman(content_security_policy=DOCS_POLICY)
def page():
    return render_template(
        "api_docs.html",
        title=current_app.config["API_TITLE"],
        spec_url=url_for("api-docs.openapi_json"),
    )


@pages.get("/docs/docs.js")
def start_script():
    return send_from_directory(OWN_ASSETS, "docs.js", max_age=ASSET_MAX_AGE)


@pages.get(f"/docs/<any{SWAGGER_UI_ASSETS}:asset>")
def swagger_ui_asset(asset):
    return send_from_directory(swagger_ui_path, asset, max_age=ASSET_MAX_AGE)
