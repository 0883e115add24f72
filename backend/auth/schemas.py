from marshmallow import fields

from backend.core.schemas import InputSchema, KoreanMobile, OutputSchema


class TokenRequestSchema(InputSchema):
    phone = KoreanMobile(required=True, metadata={"example": "010-1234-5678"})
    password = fields.String(required=True, load_only=True)


TOKEN_REQUEST_EXAMPLE = {"phone": "010-2345-6789", "password": "범계역-순찰-2026"}


class TokenSchema(OutputSchema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds the access token lives"})
