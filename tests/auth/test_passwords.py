"""Passwords: an unknown phone must cost the same argon2 work as a wrong password."""
from backend.auth import passwords


def test_the_stand_in_hash_for_unknown_phones_has_the_hashers_own_cost():
    # If the hasher's parameters change, the written-out stand-in must follow, or an unknown
    # phone would answer measurably faster or slower than a known one.
    assert not passwords.needs_rehash(passwords._UNKNOWN_USER_HASH)


def test_no_password_matches_an_unknown_phone():
    assert passwords.verify_password(None, "no user has this password") is False
    assert passwords.verify_password(passwords.hash_password("secret-1"), "secret-1") is True
