"""Schema base classes and fields shared by the domains."""
from datetime import timezone

from marshmallow import Schema, ValidationError, fields, validate

from backend.core.phones import normalize_korean_mobile
from backend.errors import CodedMessage


class InputSchema(Schema):
    """Request bodies and query strings. Unknown fields are refused (marshmallow's RAISE)."""


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
    """A new password: write-only, 8 to 128 characters, not only digits, 5+ different characters.

    Length is what counts most; the two further rules turn away what people pick first and
    guessers try first (a birthday or phone number, "aaaaaaaa", "abababab").
    """

    MIN_DISTINCT_CHARACTERS = 5

    def __init__(self, **kwargs):
        super().__init__(
            load_only=True,
            validate=[validate.Length(min=8, max=128), self._not_guessable],
            metadata={"description": "8-128 characters, not only digits, at least 5 different characters"},
            **kwargs,
        )

    def _not_guessable(self, value):
        if value.isdigit() or len(set(value)) < self.MIN_DISTINCT_CHARACTERS:
            raise ValidationError(CodedMessage("PASSWORD_TOO_WEAK"))


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
