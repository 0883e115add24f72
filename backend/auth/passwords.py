"""Password hashing with argon2id (argon2-cffi's recommended parameters)."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the phone is unknown, so both paths cost the same time. Written out
# rather than hashed at import: hashing takes 64 MiB, which every process loading the app
# would otherwise hold at its peak. Its parameters must be the hasher's own (a test checks),
# or an unknown phone would answer faster or slower than a known one.
_UNKNOWN_USER_HASH = "$argon2id$v=19$m=65536,t=3,p=4$KMldoCwp+d89PNPFNS/p6w$NriN294/i10qZDr/mqn72NWP0r6lYb3tjVLqcZQzwjY"


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
