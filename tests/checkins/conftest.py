from tests.locations.conftest import *  # noqa: F401,F403  (a running patrol with consenting volunteers)
