"""What every domain's routes share: the Blueprint that reads request bodies, refuses
unknown query parameters, and names and documents each operation; URL converters for row ids."""
import re

import flask_smorest
from flask import current_app, request
from flask.views import MethodView
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


# The spec extension that carries an operation's error codes from the decorators to
# backend.extensions.ProblemCodesPlugin, which turns them into documented responses.
PROBLEM_CODES_KEY = "x-problem-codes"

VERB_OF_METHOD = {"get": "get", "post": "create", "put": "replace", "patch": "update", "delete": "delete"}


def problems(*codes):
    """Document the ERROR_CATALOGUE codes a view may answer, each under its own status."""
    return flask_smorest.Blueprint.doc(**{PROBLEM_CODES_KEY: dict.fromkeys(codes, True)})


def operation_id(view_class, method):
    """The operationId of `method` on a MethodView: its `operation_ids` entry where the view
    names one, else a verb for the method and the class name less a `ById`/`View` ending
    (Patrols: listPatrols, createPatrol; PatrolById: getPatrol, updatePatrol)."""
    explicit = getattr(view_class, "operation_ids", {}).get(method)
    if explicit:
        return explicit
    noun = re.sub(r"(By[A-Z]\w*|View)$", "", view_class.__name__)
    is_collection = noun.endswith("s")
    if is_collection and method == "get":
        return f"list{noun}"
    if is_collection and method == "post":
        noun = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
    return VERB_OF_METHOD[method] + noun


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

    def route(self, rule, **kwargs):
        """Every operation gets its operationId here, a 422 (unknown query parameters), and a 404
        where its path names a row."""
        register = super().route(rule, **kwargs)

        def decorator(view_class):
            if not issubclass(view_class, MethodView):
                raise TypeError("routes are MethodViews (CONVENTIONS rule 1)")
            for method in map(str.lower, view_class.methods):
                documented = self.doc(operationId=operation_id(view_class, method))(getattr(view_class, method))
                # Any operation refuses query parameters it does not read.
                documented = problems("VALIDATION_ERROR")(documented)
                if "<" in rule:
                    documented = problems("NOT_FOUND")(documented)
                setattr(view_class, method, documented)
            return register(view_class)

        return decorator

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
