"""What every domain's routes share: the Blueprint that reads request bodies, and URL
converters for row ids."""
import flask_smorest
from marshmallow import ValidationError
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.routing import IntegerConverter

from backend.core.json_input import RefusedJSON, loads
from backend.core.schemas import DATABASE_INTEGER_MAX


class BodyRequiredParser(FlaskParser):
    """Every JSON body the API documents is required. webargs would read a request without
    one (or whose Content-Type is not JSON) as {}, and a PATCH would succeed doing nothing.
    The body is decoded within the app's limits (backend.core.json_input)."""

    def load_json(self, req, schema):
        body = req.get_data(cache=True) if is_json_request(req) else b""
        if not body:
            raise ValidationError(["Send a JSON body, with Content-Type: application/json."])
        try:
            return loads(body)
        except RefusedJSON as refused:
            raise refused.as_app_error() from None


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = BodyRequiredParser()


class IdConverter(IntegerConverter):
    """<id:patrol_id>: the id of a row keyed by PostgreSQL's integer. A number no row can
    have names no row (404), and never reaches the database, which would refuse to compare
    it with an integer column."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=DATABASE_INTEGER_MAX)


class BigIdConverter(IntegerConverter):
    """<bigid:delivery_id>: the id of a row keyed by PostgreSQL's bigint."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=2**63 - 1)


ID_CONVERTERS = {"id": IdConverter, "bigid": BigIdConverter}
