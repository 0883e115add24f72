"""Sign-in back-off per phone, which an attacker cannot aim at the phone's owner.

Failed sign-ins on a phone are counted from every address for an hour. Past
PATROL_LOGIN_BACKOFF_AFTER of them, an address that fails on that phone must wait before it
tries that phone again: 1 second, doubling with every further failure on the phone, at most
PATROL_LOGIN_BACKOFF_MAX_SECONDS. Guessing spread over many addresses thus slows down
exponentially, each address getting one guess per wait; an address that has not failed on
the phone (its owner's) is not held back, so no amount of guessing elsewhere locks the owner
out. The counts live in the rate limiter's storage, shared by all workers.
"""
import math
import time

from flask import current_app
from werkzeug.exceptions import TooManyRequests

from backend.extensions import limiter

WINDOW_SECONDS = 3600


def refuse_if_held(phone, address):
    """429 with Retry-After while `address` must still wait before trying `phone` again."""
    if not limiter.enabled:
        return
    key = _held_key(phone, address)
    if limiter.storage.get(key):
        wait = math.ceil(limiter.storage.get_expiry(key) - time.time())
        raise TooManyRequests(retry_after=max(wait, 1))


def record_failure(phone, address):
    """Count a failed sign-in on `phone`; past the free ones, hold `address` back from it."""
    if not limiter.enabled:
        return
    failures = limiter.storage.incr(_failures_key(phone), WINDOW_SECONDS)
    beyond = failures - current_app.config["LOGIN_BACKOFF_AFTER"]
    if beyond > 0:
        wait = min(2 ** min(beyond - 1, 30), current_app.config["LOGIN_BACKOFF_MAX_SECONDS"])
        key = _held_key(phone, address)
        limiter.storage.clear(key)  # a new failure starts a new, longer wait
        limiter.storage.incr(key, wait)


def _failures_key(phone):
    return f"{current_app.config.get('RATELIMIT_KEY_PREFIX', '')}login-failures:{phone}"


def _held_key(phone, address):
    return f"{current_app.config.get('RATELIMIT_KEY_PREFIX', '')}login-held:{phone}:{address}"
