"""The fixtures every test package shares, registered once as plugins (they live in
backend/testing/fixtures/, where the benches can use them too)."""

pytest_plugins = [
    "backend.testing.fixtures.app",
    "backend.testing.fixtures.auth",
    "backend.testing.fixtures.patrols",
    "backend.testing.fixtures.locations",
    "backend.testing.fixtures.attendance",
    "backend.testing.fixtures.notifications",
    "backend.testing.fixtures.faults",
    "backend.testing.fixtures.queries",
    "backend.testing.fixtures.sos",
]
