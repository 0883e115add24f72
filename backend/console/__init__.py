"""The station console: the built single-page app, served at /console/ (a client of /api/v1)."""
