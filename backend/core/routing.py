"""What every domain's routes share: the Blueprint that reads request bodies and refuses
unknown query parameters, and URL converters for row ids."""
import flask_smorest
from flask import current_app, request
from marshmallow import ValidationError
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.routing import IntegerConverter

from backend.core.json_input import RefusedJSON, loads
from backend.core.schemas import DATABASE_INTEGER_MAX
from backend.errors import AppError

# The query parameters flask-smorest's @paginate reads.
PAGE_PARAMETERS = frozenset({"page", "page_size"})


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
    """Request bodies are required, and query strings hold only what the operation reads.

    webargs would drop a query parameter its schema does not name, and an operation without a
    query schema never looks at the query string: a misspelt filter (`?stauts=open`) would
    silently answer the unfiltered list. Each operation's parameters are noted on its view
    function by @arguments and @paginate, and one check before every request of the blueprint
    refuses the others, as unknown fields of a body are refused.
    """

    ARGUMENTS_PARSER = BodyRequiredParser()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.before_request(refuse_unknown_query_parameters)

    def arguments(self, schema, *, location="json", **kwargs):
        decorator = super().arguments(schema, location=location, **kwargs)
        if location != "query":
            return decorator
        loaded = schema() if isinstance(schema, type) else schema
        names = {field.data_key or name for name, field in loaded.load_fields.items()}
        return _reading_query(decorator, names)

    def paginate(self, *args, **kwargs):
        return _reading_query(super().paginate(*args, **kwargs), PAGE_PARAMETERS)


def _reading_query(decorator, names):
    """`decorator`, noting on the view it decorates that it reads the query parameters `names`.
    The decorators above it copy the note with functools.wraps."""

    def noting(func):
        view = decorator(func)
        view.query_parameters = frozenset(names) | getattr(view, "query_parameters", frozenset())
        return view

    return noting


def refuse_unknown_query_parameters():
    """before_request of every API blueprint: 422 when the query string names a parameter the
    operation does not read (any parameter, for an operation that reads none)."""
    if not request.args or request.url_rule is None:
        return
    view = current_app.view_functions[request.url_rule.endpoint]
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        method = request.method.lower()
        view = getattr(view_class, method, None) or (getattr(view_class, "get", None) if method == "head" else None)
    known = getattr(view, "query_parameters", frozenset())
    unknown = sorted(set(request.args) - known)
    if unknown:
        raise AppError("VALIDATION_ERROR", errors={name: ["Unknown query parameter."] for name in unknown})


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
