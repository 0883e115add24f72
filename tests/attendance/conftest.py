from datetime import timedelta

import pytest

from backend.core.time import utcnow
from tests.locations.conftest import *  # noqa: F401,F403  (a running patrol, consent, uploads)


@pytest.fixture
def finished_patrol(running_patrol, db_session):
    """The running patrol, moved so that it ran from 3 hours ago to 1 hour ago."""
    running_patrol.starts_at, running_patrol.ends_at = utcnow() - timedelta(hours=3), utcnow() - timedelta(hours=1)
    db_session.commit()
    return running_patrol
