"""What the tests and the benches share: pytest fixtures (plugins, in fixtures/), a fake FCM
server, PostgreSQL clusters of their own, gunicorn servers and phones sending to them.

Nothing in the app imports this package."""
