"""People: accounts with a role and a station, and their location consents."""
