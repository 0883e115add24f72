"""Prometheus metrics at /metrics: request latency by route, the workers' queues read from the
database at scrape time, and the database pool of each process (prometheus-client; its
multiprocess mode under gunicorn, so one scrape sums every worker)."""
