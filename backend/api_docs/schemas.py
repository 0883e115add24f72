from marshmallow import fields

from backend.core.schemas import OutputSchema


class IndexLinksSchema(OutputSchema):
    openapi = fields.String(required=True, metadata={"example": "/api/v1/openapi.json"})
    docs = fields.String(required=True, metadata={"example": "/api/v1/docs"})
    console = fields.String(required=True, metadata={"example": "/console/"})


class MapTilesSchema(OutputSchema):
    tile_url = fields.String(
        required=True,
        allow_none=True,
        metadata={
            "description": "Leaflet-style tile address ({z}/{x}/{y}); null when maps are drawn without tiles",
            "example": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        },
    )
    attribution = fields.String(required=True, metadata={"example": "© OpenStreetMap contributors"})


class IndexSchema(OutputSchema):
    name = fields.String(required=True, metadata={"example": "Joint Patrol API"})
    version = fields.String(required=True, metadata={"example": "v1"})
    links = fields.Nested(IndexLinksSchema, required=True)
    map = fields.Nested(MapTilesSchema, required=True, metadata={"description": "The map tiles clients draw zones on"})
