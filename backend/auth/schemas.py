from marshmallow import fields, validate

from backend.core.schemas import InputSchema, KoreanMobile, OutputSchema


class TokenRequestSchema(InputSchema):
    phone = KoreanMobile(required=True, metadata={"example": "010-1234-5678"})
    password = fields.String(required=True, load_only=True)
    refresh_token_in = fields.String(
        load_default="body",
        validate=validate.OneOf(["body", "cookie"]),
        metadata={
            "description": "Where the refresh token goes. `body` (the default, for apps): in the "
            "answer's refresh_token. `cookie` (for browsers): in an HttpOnly cookie scoped to "
            "/api/v1/auth, with a readable patrol_refresh_csrf cookie whose value "
            "POST /api/v1/auth/refresh then needs in the X-CSRF-TOKEN header; the answer's "
            "refresh_token is null"
        },
    )


TOKEN_REQUEST_EXAMPLE = {"phone": "010-2345-6789", "password": "범계역-순찰-2026"}


class TokenSchema(OutputSchema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "null when the refresh token was set in a cookie (refresh_token_in=cookie)"},
    )
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds the access token lives"})
