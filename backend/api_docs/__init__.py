"""The API's own front page: an index of where things are, and interactive documentation
over the live spec, with Swagger UI served from its Python package (never a CDN)."""
