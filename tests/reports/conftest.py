from tests.attendance.conftest import *  # noqa: F401,F403  (a finished patrol with its people)
