"""A PostgreSQL cluster of the test's own, the app migrated onto it, and gunicorn serving it."""
import pytest

from tests.faults.cluster import gunicorn_serving, migrated_app, running_cluster


@pytest.fixture
def private_cluster():
    """A running cluster of this test's own; stopped and deleted afterwards."""
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def outage_database(private_cluster):
    """The URL of an empty database in the private cluster."""
    return private_cluster.create_database("patrol_faults")


@pytest.fixture
def outage_app(outage_database):
    return migrated_app(outage_database)


@pytest.fixture
def outage_server(outage_database, outage_app):
    """Real gunicorn workers serving the migrated database."""
    with gunicorn_serving(outage_database) as server:
        yield server
