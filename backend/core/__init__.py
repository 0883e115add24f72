"""Pieces every domain uses: auth, scoping, schema fields, pagination, time."""
