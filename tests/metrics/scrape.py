"""Reading a /metrics answer, for the tests of the metrics."""
from prometheus_client.parser import text_string_to_metric_families

TOKEN = "metrics-token-for-the-tests-0123456789"


def samples(text):
    """{(sample name, frozenset of label pairs): value} of an exposition."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(found, name, **labels):
    """A sample's value; 0 for a series not (yet) there, as Prometheus's counters start."""
    return found.get((name, frozenset(labels.items())), 0.0)


def requests_counted(found, method, route, status):
    return value(found, "patrol_http_request_duration_seconds_count", method=method, route=route, status=status)
