"""What every domain's routes share: the Blueprint that reads request bodies, and URL
converters for row ids."""
import flask_smorest
from marshmallow import ValidationError, missing
from webargs.flaskparser import FlaskParser
from werkzeug.routing import IntegerConverter

from backend.core.schemas import DATABASE_INTEGER_MAX


class BodyRequiredParser(FlaskParser):
    """Every JSON body the API documents is required. webargs would read a request without
    one (or whose Content-Type is not JSON) as {}, and a PATCH would succeed doing nothing."""

    def load_json(self, req, schema):
        body = super().load_json(req, schema)
        if body is missing:
            raise ValidationError(["Send a JSON body, with Content-Type: application/json."])
        return body


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
