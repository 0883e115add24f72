"""What the OpenAPI document says of every schema, so clients generated from it read our answers.

Generators (openapi-python-client, openapi-typescript) trust the document to the letter: a
field without a type comes out as "anything", a value missing from an enum crashes the
reader, and a property not listed as required comes out optional. This plugin adds to what
apispec derives from the marshmallow fields, once for every schema.
"""
from apispec import BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_instance
from marshmallow import fields

from backend.core.schemas import OutputSchema

# JSON types of the Python values an enum or a constant can hold; bool before int, its parent.
_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"))


class GeneratorReadyPlugin(BasePlugin):
    """Nullable enums list null, enums and constants have a type, and output schemas list
    the properties every answer carries as required."""

    def init_spec(self, spec):
        # Runs after MarshmallowPlugin's (flask-smorest lists it before the extra plugins).
        converter = next(plugin for plugin in spec.plugins if isinstance(plugin, MarshmallowPlugin)).converter
        converter.add_attribute_function(nullable_enum)
        converter.add_attribute_function(typed_choices)

    def schema_helper(self, name, definition, schema=None, **kwargs):
        if schema is None:
            return None
        instance = resolve_schema_instance(schema)
        if not isinstance(instance, OutputSchema):
            return None
        # marshmallow dumps every dump field of an object that has the attribute, and our
        # answers are built from objects that have them (tests/test_spec_schemas.py checks).
        return {"required": [field.data_key or field_name for field_name, field in instance.dump_fields.items()]}


def nullable_enum(converter, field, ret, **kwargs):
    """A field that may be null lists null among its values: apispec does so for validators
    and marshmallow Enums, not for an `enum` given in metadata (backend.core.schemas.enum_output)."""
    if field.allow_none and "enum" in ret and None not in ret["enum"]:
        return {"enum": [*ret["enum"], None]}
    return {}


def typed_choices(converter, field, ret, **kwargs):
    """The type of a marshmallow Enum loaded by value, or of a Constant (its only value),
    which apispec leaves untyped."""
    choices = {"enum": [field.constant]} if isinstance(field, fields.Constant) else {}
    values = ret.get("enum", choices.get("enum"))
    if "type" in ret or values is None:
        return choices
    kinds = {_json_type(value) for value in values if value is not None}
    return {**choices, "type": kinds.pop()} if len(kinds) == 1 else choices


def _json_type(value):
    return next(kind for python, kind in _JSON_TYPES if isinstance(value, python))
