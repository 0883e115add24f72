from marshmallow import fields

from backend.core.schemas import OutputSchema


class IndexLinksSchema(OutputSchema):
    openapi = fields.String(required=True, metadata={"example": "/api/v1/openapi.json"})
    docs = fields.String(required=True, metadata={"example": "/api/v1/docs"})


class IndexSchema(OutputSchema):
    name = fields.String(required=True, metadata={"example": "Joint Patrol API"})
    version = fields.String(required=True, metadata={"example": "v1"})
    links = fields.Nested(IndexLinksSchema, required=True)
