"""Sign-in with phone and password: JWT access tokens and rotating refresh tokens."""
