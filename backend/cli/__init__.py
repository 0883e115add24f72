"""Flask commands: `flask --app wsgi users ...`, `flask --app wsgi seed ...`."""
