"""What Alembic compares and writes: our tables, not PostGIS's own nor the partitions that
the daily maintenance makes (backend/locations/partitions.py)."""
from geoalchemy2 import alembic_helpers

POSTGIS_TABLES = {"spatial_ref_sys", "geography_columns", "geometry_columns", "raster_columns", "raster_overviews"}


def include_object(obj, name, obj_type, reflected, compare_to):
    if obj_type == "table" and name in POSTGIS_TABLES:
        return False
    if obj_type == "table" and reflected and obj.dialect_options["postgresql"].get("inherits"):
        return False
    return alembic_helpers.include_object(obj, name, obj_type, reflected, compare_to)
