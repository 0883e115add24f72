"""Password hashing with argon2id (argon2-cffi's recommended parameters)."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the phone is unknown, so both paths cost the same time.
_UNKNOWN_USER_HASH = _hasher.hash("no user has this password")


def hash_password(password):
    return _hasher.hash(password)


def verify_password(password_hash, password):
    """True if `password` matches; with no hash (unknown phone) False, after the same work."""
    try:
        matches = _hasher.verify(password_hash or _UNKNOWN_USER_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return matches and password_hash is not None


def needs_rehash(password_hash):
    return _hasher.check_needs_rehash(password_hash)
