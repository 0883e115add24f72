"""Derived figures (dwell, route coverage, attendance) brought up to date off the request path."""
