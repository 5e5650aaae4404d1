"""A limit on anonymous API requests per address (429 with Retry-After when exceeded)."""

import uuid

import redis
from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle

from regioreg import rediscache


class AnoniemeLimiet(AnonRateThrottle):
    """The rate comes from settings.API_LIMIET_ANONIEM at each request, not at import, so
    that a deployment (and a test) can change it; empty means no limit.

    Counted in Django's default cache. With Redis (REDIS_URL) that is one count for every
    worker and server, kept atomically: DRF's own throttle reads the list of recent requests
    and writes it back, so two workers answering at the same moment would both let a request
    through. Without Redis each process counts for itself; when Redis is away, requests are
    let through (regioreg.rediscache logs it)."""

    @property
    def cache(self):
        return caches["default"]

    def get_rate(self):
        return settings.API_LIMIET_ANONIEM or None

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.rate is None or not isinstance(self.cache, rediscache.VeiligeRedisCache):
            return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        if rediscache.redis_in_pauze():
            return True
        try:
            return self._schuivend_venster(self.cache.make_and_validate_key(self.key))
        except redis.RedisError as fout:
            rediscache.storing(self.cache, fout)
            return True

    def _schuivend_venster(self, sleutel: str) -> bool:
        """DRF's sliding window as one Redis transaction: drop the requests older than the
        window, add this one, read what is left. Over the limit, this one is taken out again,
        so refused requests do not count (as in DRF)."""
        self.now = self.timer()
        lid = f"{self.now}:{uuid.uuid4().hex}"
        with self.cache.client().pipeline(transaction=True) as pijp:
            pijp.zremrangebyscore(sleutel, "-inf", self.now - self.duration)
            pijp.zadd(sleutel, {lid: self.now})
            pijp.zrange(sleutel, 0, -1, withscores=True)
            pijp.expire(sleutel, int(self.duration) + 1)
            _weg, _erbij, venster, _verloopt = pijp.execute()
        # Newest first, as DRF keeps it (wait() reads the oldest at the end).
        self.history = sorted(
            (tijd for naam, tijd in venster if naam != lid.encode()), reverse=True
        )
        if len(venster) > self.num_requests:
            self.cache.client().zrem(sleutel, lid)
            return False
        return True
