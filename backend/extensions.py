"""Extensions, created unbound and attached to the app in create_app()."""
from apispec import BasePlugin
from flask_jwt_extended import JWTManager, get_jwt_identity, verify_jwt_in_request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from sqlalchemy import MetaData

from backend.core.routing import PROBLEM_CODES_KEY
from backend.core.spec import GeneratorReadyPlugin
from backend.errors import ERROR_CATALOGUE, PROBLEM_MIMETYPE, ProblemSchema

# Stable constraint names, so migrations can refer to them (CONVENTIONS rule 8).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class AsSentPlugin(BasePlugin):
    """Documents what flask-smorest's defaults describe otherwise than we send it.

    Errors: flask-smorest documents its shared error responses (DEFAULT_ERROR,
    UNPROCESSABLE_ENTITY) as application/json, and an error `alt_response` given only a
    description as no body at all; we send application/problem+json.
    X-Pagination: a JSON object in a header, which OpenAPI 3 describes with `content`; a
    bare `schema` would mean the "simple" style (total,4,page,1).
    A client generated from the spec would otherwise misread both.
    """

    def header_helper(self, header, **kwargs):
        # The only header component is flask-smorest's X-Pagination.
        if "schema" in header:
            header["content"] = {"application/json": {"schema": header.pop("schema")}}
        return header

    def response_helper(self, response, **kwargs):
        # Every response component flask-smorest registers is an error response.
        content = response.get("content", {})
        if "application/json" in content:
            content[PROBLEM_MIMETYPE] = content.pop("application/json")
        return response

    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            for status, response in operation.get("responses", {}).items():
                # A string or a $ref names a shared response component: documented above.
                is_inline = isinstance(response, dict) and "$ref" not in response
                if is_inline and is_error_status(status) and "content" not in response:
                    # A schema named by string becomes a $ref to the registered component.
                    response["content"] = {PROBLEM_MIMETYPE: {"schema": PROBLEM_SCHEMA_NAME}}


class ProblemCodesPlugin(BasePlugin):
    """Turns the codes an operation declares (backend.core.routing.problems, the role gate,
    a row id in the path) into one problem+json response per status, whose description
    lists the stable codes it may carry. A status documented otherwise too (a shared 422,
    an alt_response's prose and schema) keeps its words, with the codes added."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            codes_by_status = {}
            for code in operation.pop(PROBLEM_CODES_KEY, {}):
                codes_by_status.setdefault(ERROR_CATALOGUE[code][0], []).append(code)
            responses = operation.setdefault("responses", {})
            for status, codes in sorted(codes_by_status.items()):
                # flask-smorest keys the responses of its decorators by int, apispec's by str.
                documented = responses.pop(status, None) or responses.get(str(status))
                responses[str(status)] = self._problem_response(documented, codes)

    @staticmethod
    def _problem_response(documented, codes):
        if documented == "UNPROCESSABLE_ENTITY" or (isinstance(documented, dict) and "$ref" in documented):
            # The shared 422 of every request body: its own code stays listed first.
            codes = list(dict.fromkeys(["VALIDATION_ERROR", *codes]))
            documented = None
        listed = ", ".join(f"`{code}`" for code in codes)
        prose = documented["description"].rstrip(".") if documented else None
        # A problem with members of its own (a schedule conflict names the patrol) keeps its schema.
        content = (documented or {}).get("content") or {PROBLEM_MIMETYPE: {"schema": PROBLEM_SCHEMA_NAME}}
        return {"description": f"{prose}. Codes: {listed}" if prose else f"Codes: {listed}", "content": content}


def is_error_status(status):
    return str(status) == "default" or int(status) >= 400


class PatrolApi(Api):
    # Error responses in the spec show the problem+json body we really send.
    ERROR_SCHEMA = ProblemSchema


# The component name apispec gives ProblemSchema (its class name less "Schema").
PROBLEM_SCHEMA_NAME = "Problem"

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
api = PatrolApi(spec_kwargs={"extra_plugins": [ProblemCodesPlugin(), AsSentPlugin(), GeneratorReadyPlugin()]})
jwt = JWTManager()
talisman = Talisman()
def caller_key():
    """Rate limits count per signed-in person (phones share carrier addresses), else per address."""
    try:
        identity = get_jwt_identity()  # the token this request's login_required has checked
    except RuntimeError:  # none checked yet: look for one
        identity = get_jwt_identity() if verify_jwt_in_request(optional=True) else None
    return f"user:{identity}" if identity else f"address:{get_remote_address()}"


limiter = Limiter(key_func=caller_key)


def throttled_after(limit):
    """The documented 429 of a route limited to `limit` (e.g. "30 per minute")."""
    return f"RATE_LIMITED: more than {limit} from one person; wait Retry-After seconds"
