"""Sign-in back-off per phone, which an attacker cannot aim at the phone's owner.

Attempts on a phone from addresses that have not signed in to it before are counted for an
hour, from all of them together. Past PATROL_LOGIN_BACKOFF_AFTER of them, each further attempt
holds the whole phone: 1 second, doubling with every further attempt, at most
PATROL_LOGIN_BACKOFF_MAX_SECONDS; an attempt while the phone is held is refused with the time
left. Guessing thus slows down exponentially however many addresses it comes from. An address
that has signed in to the phone (its owner's, remembered for KNOWN_SECONDS) is never held back,
so no amount of guessing elsewhere locks the owner out. IPv6 addresses count by their /64, the
prefix one subscriber's devices share. Each attempt takes its number, and the one free turn per
hold, by an atomic increment before its password is checked, so guesses sent at the same moment
cannot slip through together. The counts live in the rate limiter's storage, shared by all
workers.
"""
import ipaddress
import math
import time

from flask import current_app, g
from werkzeug.exceptions import TooManyRequests

from backend.extensions import limiter

WINDOW_SECONDS = 3600
# As long as a refresh token lives by default: an owner who signs in monthly stays known.
KNOWN_SECONDS = 30 * 24 * 3600


def address_group(address):
    """The address as the back-off and the sign-in throttle count it: an IPv6 address by its /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return str(address)
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


def admit(phone, address):
    """Count an attempt on `phone` from `address` before its password is checked, or refuse it
    (429 with Retry-After) while the phone is held."""
    if not limiter.enabled or limiter.storage.get(_key("login-known", phone, address_group(address))):
        return
    held = _key("login-held", phone)
    if limiter.storage.get(held):
        _refuse(held)
    attempts = limiter.storage.incr(_key("login-attempts", phone), WINDOW_SECONDS)
    beyond = attempts - current_app.config["LOGIN_BACKOFF_AFTER"]
    if beyond > 0:
        wait = min(2 ** min(beyond - 1, 30), current_app.config["LOGIN_BACKOFF_MAX_SECONDS"])
        # The attempt that starts the hold goes ahead; one sent at the same moment finds it taken.
        if limiter.storage.incr(held, wait) > 1:
            _refuse(held)


def remember(phone, address):
    """`address` has just signed in to `phone`: the back-off never holds it back from it."""
    if not limiter.enabled:
        return
    key = _key("login-known", phone, address_group(address))
    limiter.storage.clear(key)  # each sign-in starts the period afresh
    limiter.storage.incr(key, KNOWN_SECONDS)


def keep_retry_after(response):
    """Put back the back-off's own Retry-After, which flask-limiter raises to its sign-in
    throttle's reset (it sends the later of the two on every 429). Registered before the
    limiter, so that it runs after it."""
    wait = g.get("login_retry_after")
    if wait is not None:
        response.headers["Retry-After"] = str(wait)
    return response


def _refuse(held):
    g.login_retry_after = max(math.ceil(limiter.storage.get_expiry(held) - time.time()), 1)
    raise TooManyRequests(retry_after=g.login_retry_after)


def _key(*parts):
    return current_app.config.get("RATELIMIT_KEY_PREFIX", "") + ":".join(parts)
