"""Schema base classes and fields shared by the domains."""
import math
import uuid
from datetime import timezone

from marshmallow import RAISE, Schema, ValidationError, fields, missing, pre_load, validate
from marshmallow.utils import is_collection

from backend.auth.passwords import MAX_LENGTH as MAX_PASSWORD_LENGTH, MIN_LENGTH as MIN_PASSWORD_LENGTH
from backend.core.phones import normalize_korean_mobile
from backend.errors import CodedMessage


# PostgreSQL's integer, the type of every id and count a request can name: a larger number
# could not even be compared with a column, and the database would refuse the whole query.
DATABASE_INTEGER_MAX = 2**31 - 1
DATABASE_INTEGER = validate.Range(min=-DATABASE_INTEGER_MAX - 1, max=DATABASE_INTEGER_MAX)


class RowId(fields.Integer):
    """The id of a row named in a query or body: a positive integer."""

    def __init__(self, **kwargs):
        super().__init__(validate=validate.Range(min=1), **kwargs)


class RequestSchema(Schema):
    """What a request sends. Unknown fields are refused (marshmallow's RAISE), and every
    integer must fit the database's integer."""

    def on_bind_field(self, field_name, field_obj):
        # Fields are shallow copies of the class's: replace the validator list, never append.
        for field in with_inner_fields(field_obj):
            if isinstance(field, fields.Integer) and DATABASE_INTEGER not in field.validators:
                field.validators = [*field.validators, DATABASE_INTEGER]


class QuerySchema(RequestSchema):
    """Query strings: every value arrives as text ("2", "true") and is parsed from it."""


class InputSchema(RequestSchema):
    """Request bodies, whose JSON types are taken strictly: marshmallow would truncate 2.5 to
    the integer 2 and take 0 or "yes" for a boolean."""

    def on_bind_field(self, field_name, field_obj):
        super().on_bind_field(field_name, field_obj)
        for field in with_inner_fields(field_obj):
            if isinstance(field, fields.Integer):
                field.strict = True

    @pre_load
    def refuse_loose_booleans(self, data, **kwargs):
        if not isinstance(data, dict):
            return data  # marshmallow itself refuses a body that is not an object
        loose = {
            key: [field.error_messages["invalid"]]
            for name, field in self.load_fields.items()
            if isinstance(field, fields.Boolean)
            and (key := field.data_key or name) in data
            and not isinstance(data[key], bool)
            and not (data[key] is None and field.allow_none)
        }
        if loose:
            raise ValidationError(loose)
        return data


def with_inner_fields(field_obj):
    """The field and, for a list, the field of its items."""
    yield field_obj
    if isinstance(field_obj, fields.List):
        yield from with_inner_fields(field_obj.inner)


class OutputSchema(Schema):
    """Response bodies. Datetimes are dumped as ISO 8601 with their UTC offset."""


class KoreanMobile(fields.String):
    """A Korean mobile number as typed; deserialises to E.164."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        normalized = normalize_korean_mobile(text)
        if normalized is None:
            raise ValidationError(CodedMessage("INVALID_PHONE"))
        return normalized


class Password(fields.String):
    """A new password: write-only, 8 to 128 characters.

    How guessable it is depends on the person (their phone, their name), so the services
    judge that (backend.auth.passwords.require_strong) once they know whose it is.
    """

    def __init__(self, **kwargs):
        super().__init__(
            load_only=True,
            validate=validate.Length(min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH),
            metadata={
                "description": f"{MIN_PASSWORD_LENGTH}-{MAX_PASSWORD_LENGTH} characters, hard to guess: "
                "refused with PASSWORD_TOO_WEAK when common, a pattern, or built from the person's "
                "phone or name"
            },
            **kwargs,
        )


def enum_output(enum_class, **kwargs):
    """An enum in a response: its value as a string, with the allowed values in the spec.

    (A plain String, because a freshly assigned attribute may still be the raw string.)
    """
    return fields.String(metadata={"enum": [member.value for member in enum_class]}, **kwargs)


class UtcDateTime(fields.DateTime):
    """A response timestamp: ISO 8601 in UTC (+00:00), whatever zone the value holds."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None:
            value = value.astimezone(timezone.utc)
        return super()._serialize(value, attr, obj, **kwargs)


class FlatObjectList(fields.List):
    """A list of flat objects (a schema of plain fields, without hooks), parsed in one lean pass.

    With keep_invalid=True, an object that does not load does not refuse the list: it is
    returned in its place as an InvalidObject holding marshmallow's messages for it, and
    the others load as usual.

    marshmallow's per-object machinery is most of the cost of a large upload: bench/run_locations.py
    prints both for its 500-point batches (9 ms of CPU against 54 ms in its last run). The
    lean pass applies each field's own validators directly, and its own conversion except
    for numbers and UUIDs, the commonest fields, whose JSON values it converts itself to the
    same result (marshmallow's way costs an abstract-class check and several calls per value).
    Whatever it does not take as it is (not a list of objects, a missing required key, an
    unknown key, a null or a value a field refuses) is parsed again the ordinary way, so
    results and error messages are marshmallow's own (tests/locations/test_batch_parsing.py
    compares the two); the OpenAPI document sees a plain list of the nested schema.
    """

    def __init__(self, schema_class, *, keep_invalid=False, **kwargs):
        super().__init__(fields.Nested(schema_class), **kwargs)
        self.keep_invalid = keep_invalid
        schema = schema_class()
        hooks = {hook[0] for registered in schema._hooks.values() for hook in registered}
        # InputSchema's own hook refuses loose booleans: the lean pass does that itself.
        if hooks - {"refuse_loose_booleans"} or schema.opts.unknown != RAISE:
            raise TypeError(f"{schema_class.__name__} has hooks or keeps unknown keys: not flat")
        self._plan = []
        for name, field in schema.load_fields.items():
            if field.pre_load or field.post_load:
                raise TypeError(f"{schema_class.__name__}.{name} has its own hooks: not flat")
            key = field.data_key or name
            plain_type = bool if isinstance(field, fields.Boolean) else None
            conversion = _lean_conversion(field)
            self._plan.append((key, field.attribute or name, field, conversion, tuple(field.validators), plain_type))
        self._known_keys = frozenset(key for key, *_ in self._plan)

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return [self._load_plain(item) for item in value]
        except (NotPlain, ValidationError, TypeError):
            if not (self.keep_invalid and is_collection(value)):
                return super()._deserialize(value, attr, data, **kwargs)
        return [self._load_or_keep(item) for item in value]

    def _load_or_keep(self, item):
        try:
            return self._load_plain(item)
        except (NotPlain, ValidationError, TypeError):
            pass
        try:
            return self.inner.deserialize(item)
        except ValidationError as error:
            return InvalidObject(error.messages, item)

    def _load_plain(self, item):
        if type(item) is not dict or not item.keys() <= self._known_keys:
            raise NotPlain
        loaded = {}
        for key, name, field, convert, validators, plain_type in self._plan:
            value = item.get(key, missing)
            if value is missing or value is None:
                loaded[name] = self._absent(field, value)
                continue
            if plain_type is not None and type(value) is not plain_type:
                raise NotPlain
            value = convert(value) if convert else field._deserialize(value, key, item)
            for validator in validators:
                if validator(value) is False:
                    raise NotPlain
            loaded[name] = value
        return loaded

    def _absent(self, field, value):
        """What a missing or null value loads as, when the field allows it."""
        if value is missing and not field.required:
            return field.load_default() if callable(field.load_default) else field.load_default
        if value is None and field.allow_none:
            return None
        raise NotPlain


class InvalidObject:
    """An object of a FlatObjectList(keep_invalid=True) that did not load: marshmallow's
    messages for it (field -> messages), and the object as it was sent."""

    def __init__(self, messages, sent):
        self.messages = messages
        self.sent = sent


class NotPlain(Exception):
    """What the lean pass does not take as it is: marshmallow's own parse decides."""


def _lean_conversion(field):
    """For a field whose JSON values convert trivially, a function doing just that (what
    marshmallow would return, or NotPlain for anything else); None for other fields."""
    kind = type(field)
    if kind is fields.Float and not field.allow_nan and not field.as_string:
        return _json_float
    if kind is fields.Integer and field.strict and not field.as_string:
        return _json_integer
    if kind is fields.UUID:
        return _json_uuid
    return None


def _json_float(value):
    # JSON numbers arrive as int or float (never bool: `type` is exact); NaN and infinities
    # are refused, as Float(allow_nan=False) does.
    if type(value) is float and math.isfinite(value):
        return value
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            pass
    raise NotPlain


def _json_integer(value):
    if type(value) is int:
        return value
    raise NotPlain


def _json_uuid(value):
    if type(value) is str:
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise NotPlain
