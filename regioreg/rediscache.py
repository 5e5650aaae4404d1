"""Redis as the cache every worker and server shares, and what happens when it goes away.

With REDIS_URL set (regioreg.settings), Django's own Redis backend holds the page cache, the
register's version and the API rate limits, so that every gunicorn worker on every server
sees the same answers and counts one limit. Redis is a help, not a dependency: when it cannot
be reached, a read finds nothing (the page is made again from PostgreSQL), a write is dropped,
and the rate limit lets requests through; visitors get their answers, never a 500. The outage
is logged once when it starts and once when it ends, and for REDIS_PAUZE_SECONDEN after a
failure this process does not try again, so that a Redis that hangs costs at most one
timeout per pause, not one per cache call.
"""

import functools
import logging
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
_GEEN = object()


class _Storing:
    """Per process: until when Redis is left alone after a failure (shared by all aliases,
    which all point at the same server)."""

    pauze_tot = 0.0
    gemeld = False


def _zonder_redis(standaard=None):
    """Run the cache call; when Redis fails (or failed less than a pause ago), answer
    `standaard` instead and log the outage once."""

    def decorator(methode):
        @functools.wraps(methode)
        def omhulsel(self, *args, **kwargs):
            if time.monotonic() < _Storing.pauze_tot:
                return standaard
            try:
                antwoord = methode(self, *args, **kwargs)
            except redis.RedisError as fout:
                storing(self, fout)
                return standaard
            hersteld()
            return antwoord

        return omhulsel

    return decorator


def storing(cache, fout: Exception) -> None:
    """Redis failed: leave it alone for a pause and say so once (not at every request)."""
    _Storing.pauze_tot = time.monotonic() + cache.pauze
    if not _Storing.gemeld:
        _Storing.gemeld = True
        logger.error(
            "Redis onbereikbaar (%s): regioreg werkt door zonder gedeelde cache en zonder "
            "API-limiet, en probeert het elke %s s opnieuw.",
            fout,
            cache.pauze,
        )


def hersteld() -> None:
    if _Storing.gemeld:
        _Storing.gemeld = False
        logger.warning("Redis weer bereikbaar: de gedeelde cache en de API-limiet werken weer.")


def redis_in_pauze() -> bool:
    return time.monotonic() < _Storing.pauze_tot


class VeiligeRedisCache(RedisCache):
    """Django's Redis cache that degrades to "nothing cached" when Redis is away.

    OPTIONS as Django's (passed on to redis-py's connection pool, e.g. socket_timeout), plus
    PAUZE: seconds without Redis after a failure (default 5)."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS") or {})}
        self.pauze = float(params["OPTIONS"].pop("PAUZE", 5))
        super().__init__(server, params)

    def client(self) -> redis.Redis:
        """The redis-py client, for what Django's cache API cannot do atomically (the
        sliding window of samenwerking.api.throttling)."""
        return self._cache.get_client(write=True)

    @_zonder_redis(standaard=False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    def get(self, key, default=None, version=None):
        # Without Redis: the caller's default (DRF's throttle asks for a list).
        antwoord = self._get(key, default, version)
        return default if antwoord is _GEEN else antwoord

    @_zonder_redis(standaard=_GEEN)
    def _get(self, key, default, version):
        return super().get(key, default, version)

    @_zonder_redis()
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if isinstance(timeout, float) and timeout > 0 and not timeout.is_integer():
            # Django rounds a timeout down to whole seconds (0.5 s: gone at once); the
            # register's version is kept for fractions of a second, in milliseconds.
            sleutel = self.make_and_validate_key(key, version=version)
            waarde = self._cache._serializer.dumps(value)
            return self.client().set(sleutel, waarde, px=round(timeout * 1000))
        return super().set(key, value, timeout, version)

    @_zonder_redis(standaard=False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_zonder_redis(standaard=False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_zonder_redis(standaard={})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_zonder_redis(standaard=False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_zonder_redis(standaard=[])
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_zonder_redis()
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_zonder_redis(standaard=False)
    def clear(self):
        return super().clear()

    # incr raises ValueError for a missing key, as every backend does; without Redis there
    # is nothing to count, which the callers (none today) must then accept.
    @_zonder_redis(standaard=0)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)
