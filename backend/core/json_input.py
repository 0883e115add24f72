"""Reading JSON and text from requests within what Python and PostgreSQL can handle.

Every JSON body the app reads goes through loads(): webargs' parser for the documented
bodies and Flask's JSON provider for the rest. Query strings and path segments are checked
by refuse_unstorable_url() before any view runs.
"""
import json
import re

from flask import request
from flask.json.provider import DefaultJSONProvider

from backend.errors import AppError, CodedMessage

# No request the API documents nests deeper than a GeoJSON MultiPolygon inside a
# FeatureCollection (eight levels); far deeper bodies would exhaust Python's recursion
# limit, in the decoder or later when the value is stored or echoed.
MAX_JSON_DEPTH = 32
# What PostgreSQL's text cannot hold (the NUL character), and what UTF-8 cannot encode (a
# surrogate left unpaired; the decoder joins the halves of a pair into one character).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class RefusedJSON(ValueError):
    """A body that is not JSON the app will read; `code` says why (ERROR_CATALOGUE)."""

    def __init__(self, code, errors=None, **params):
        super().__init__(code)
        self.code = code
        self.errors = errors
        self.params = params

    def as_app_error(self):
        return AppError(self.code, self.errors, **self.params)


def loads(text):
    """The decoded body, or RefusedJSON."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise RefusedJSON("MALFORMED_JSON") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise RefusedJSON("JSON_TOO_DEEP", max_depth=MAX_JSON_DEPTH) from None
    except json.JSONDecodeError:
        raise RefusedJSON("MALFORMED_JSON") from None
    except ValueError:
        # Python refuses to convert integers of thousands of digits (a guard against
        # quadratic time), and says so with a plain ValueError.
        raise RefusedJSON("JSON_NUMBER_TOO_LONG") from None
    # Raw NULs are refused by the decoder and raw surrogates by UTF-8 decoding: only a
    # \u escape can bring either, so bodies without one skip the search of their strings.
    _refuse_beyond_limits(value, check_text="\\u" in text)
    return value


def _refuse_beyond_limits(value, check_text):
    """Walk the value without recursion: too deep is refused, and so is unstorable text."""
    # json.loads makes exactly these types, so `type` is enough (and cheaper than isinstance).
    walked = (dict, list, str) if check_text else (dict, list)
    pending = [(value, 1, ())] if type(value) in walked else []
    while pending:
        item, depth, path = pending.pop()
        if type(item) is str:
            if UNSTORABLE.search(item):
                raise RefusedJSON("UNSTORABLE_TEXT", _errors_at(path))
            continue
        if depth > MAX_JSON_DEPTH:
            raise RefusedJSON("JSON_TOO_DEEP", max_depth=MAX_JSON_DEPTH)
        if type(item) is dict:
            if check_text and any(UNSTORABLE.search(key) for key in item):
                # The key itself cannot be echoed back: the message goes to its object.
                raise RefusedJSON("UNSTORABLE_TEXT", _errors_at((*path, "_schema")))
            children = item.items()
        else:
            children = enumerate(item)
        pending.extend((child, depth + 1, (*path, key)) for key, child in children if type(child) in walked)


def _errors_at(path):
    """Field messages shaped as marshmallow nests them: {"features": {0: {"name": [...]}}}."""
    errors = [CodedMessage("UNSTORABLE_TEXT")]
    for key in reversed(path or ("_schema",)):
        errors = {key: errors}
    return errors


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON (request.get_json) with the same limits as the documented bodies; a
    refusal is a ValueError, which get_json(silent=True) turns into None."""

    def loads(self, s, **kwargs):
        return loads(s)


def refuse_unstorable_url():
    """before_request: a NUL in the path or the query string never reaches the database.
    (Surrogates cannot arrive there: undecodable percent-escapes become U+FFFD.)"""
    if UNSTORABLE.search(request.path):
        raise AppError("UNSTORABLE_TEXT", {"_path": [CodedMessage("UNSTORABLE_TEXT")]})
    for name, value in request.args.items(multi=True):
        if UNSTORABLE.search(name) or UNSTORABLE.search(value):
            field = name if not UNSTORABLE.search(name) else "_query"
            raise AppError("UNSTORABLE_TEXT", {field: [CodedMessage("UNSTORABLE_TEXT")]})
