"""Fixtures and helpers shared across the test packages, registered once by tests/conftest.py."""
