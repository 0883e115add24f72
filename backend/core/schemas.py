"""Schema base classes and fields shared by the domains."""
import re
import unicodedata
from datetime import date, timezone

from marshmallow import Schema, ValidationError, fields, pre_load, validate
from marshmallow.utils import is_collection

from backend.auth.passwords import MAX_LENGTH as MAX_PASSWORD_LENGTH, MIN_LENGTH as MIN_PASSWORD_LENGTH
from backend.core.phones import normalize_korean_mobile
from backend.errors import CodedMessage


# PostgreSQL's integer, the type of every id and count a request can name: a larger number
# could not even be compared with a column, and the database would refuse the whole query.
DATABASE_INTEGER_MAX = 2**31 - 1
DATABASE_INTEGER = validate.Range(min=-DATABASE_INTEGER_MAX - 1, max=DATABASE_INTEGER_MAX)


class CalendarRange(validate.Validator):
    """Dates and times a request may name. Python's dates end at the year 9999, so a day, a
    month or a time zone's hours added near that end would overflow; these bounds leave
    every computation of the app (reports, recurrences, UTC and Seoul times) room to spare."""

    EARLIEST_YEAR = 1900
    LATEST_YEAR = 2999

    def __call__(self, value):
        if not self.EARLIEST_YEAR <= value.year <= self.LATEST_YEAR:
            raise ValidationError(self.refusal())
        return value

    @classmethod
    def refusal(cls):
        return CodedMessage("DATE_OUT_OF_RANGE", earliest=cls.EARLIEST_YEAR, latest=cls.LATEST_YEAR)


CALENDAR_RANGE = CalendarRange()


class RowId(fields.Integer):
    """The id of a row named in a query or body: a positive integer."""

    def __init__(self, **kwargs):
        super().__init__(validate=validate.Range(min=1), **kwargs)


class Month(fields.String):
    """YYYY-MM, loaded as the first day of that month."""

    PATTERN = r"^(\d{4})-(0[1-9]|1[0-2])$"

    def __init__(self, **kwargs):
        kwargs["metadata"] = {"pattern": self.PATTERN, **kwargs.get("metadata", {})}
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        match = re.fullmatch(self.PATTERN, text)
        if not match:
            raise ValidationError("Give a month as YYYY-MM.")
        if int(match.group(1)) == 0:
            raise ValidationError(CalendarRange.refusal())  # no year 0 in Python's calendar
        return date(int(match.group(1)), int(match.group(2)), 1)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else f"{value:%Y-%m}"


CALENDAR_FIELDS = (fields.Date, fields.DateTime, Month)


class RequestSchema(Schema):
    """What a request sends. Unknown fields are refused (marshmallow's RAISE), every
    integer must fit the database's integer, and every date the app's calendar."""

    def on_bind_field(self, field_name, field_obj):
        # Fields are shallow copies of the class's: replace the validator list, never append.
        for field in with_inner_fields(field_obj):
            if isinstance(field, fields.Integer) and DATABASE_INTEGER not in field.validators:
                field.validators = [*field.validators, DATABASE_INTEGER]
            if isinstance(field, CALENDAR_FIELDS) and CALENDAR_RANGE not in field.validators:
                field.validators = [*field.validators, CALENDAR_RANGE]


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


# Besides the C0 controls: DEL and the C1 controls, the line and paragraph separators, and
# the bidi embeddings, overrides and isolates, which make text display in another order than
# it is stored in. Multi-line text keeps one C0 character, the line feed.
_CONTROLS_BEYOND_C0 = r"\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
SINGLE_LINE_FORBIDDEN = re.compile(rf"[\x00-\x1f{_CONTROLS_BEYOND_C0}]")
MULTI_LINE_FORBIDDEN = re.compile(rf"[\x00-\x09\x0b-\x1f{_CONTROLS_BEYOND_C0}]")
# Letters that show nothing: the Hangul fillers and the braille blank. Spaces, and format
# characters (zero-width spaces and joiners, bidi marks), are found by what Python knows of them.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_blank(text):
    """True when nothing of the text would show: only spaces and invisible characters."""
    return all(
        char.isspace() or char in _INVISIBLE_LETTERS or unicodedata.category(char) == "Cf"
        for char in text
    )


class Text(fields.String):
    """Text a person typed, as the app stores it: trimmed, without control characters.

    Multi-line text (notes, broadcast bodies) keeps its line breaks, written as \\n whatever
    the sender's platform; everything else is one line. Unless `allow_blank`, text of only
    spaces and invisible characters is refused like an empty one.
    """

    def __init__(self, *, multiline=False, allow_blank=True, **kwargs):
        super().__init__(**kwargs)
        self.multiline = multiline
        self.allow_blank = allow_blank

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if self.multiline:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        # Trimmed first: a line break pasted after a name goes with the spaces around it.
        text = text.strip()
        forbidden = MULTI_LINE_FORBIDDEN if self.multiline else SINGLE_LINE_FORBIDDEN
        if forbidden.search(text):
            raise ValidationError(CodedMessage("TEXT_CONTROL_CHARACTER"))
        if not self.allow_blank and is_blank(text):
            raise ValidationError(CodedMessage("TEXT_BLANK"))
        return text


class Name(Text):
    """The name or title of a person, group, station, zone, patrol or broadcast: one line,
    never blank."""

    def __init__(self, **kwargs):
        super().__init__(allow_blank=False, **kwargs)


def enum_output(enum_class, metadata=None, **kwargs):
    """An enum in a response: its value as a string, with the allowed values in the spec.

    (A plain String, because a freshly assigned attribute may still be the raw string.)
    """
    return fields.String(metadata={**(metadata or {}), "enum": [member.value for member in enum_class]}, **kwargs)


class UtcDateTime(fields.DateTime):
    """A response timestamp: ISO 8601 in UTC (+00:00), whatever zone the value holds."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None:
            value = value.astimezone(timezone.utc)
        return super()._serialize(value, attr, obj, **kwargs)


class PerItemList(fields.List):
    """A list of objects loaded one by one: an object that does not load is returned in its
    place as an InvalidObject with marshmallow's messages for it, instead of refusing the
    whole list (an offline phone's buffer is not lost to one bad point). The OpenAPI document
    sees a plain list of the nested schema."""

    def __init__(self, schema_class, **kwargs):
        super().__init__(fields.Nested(schema_class), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not is_collection(value):
            raise self.make_error("invalid")
        return [self._load_or_keep(item) for item in value]

    def _load_or_keep(self, item):
        try:
            return self.inner.deserialize(item)
        except ValidationError as error:
            return InvalidObject(error.messages, item)


class InvalidObject:
    """An object of a PerItemList that did not load: marshmallow's messages for it
    (field -> messages), and the object as it was sent."""

    def __init__(self, messages, sent):
        self.messages = messages
        self.sent = sent
