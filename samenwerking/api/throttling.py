"""A limit on anonymous API requests per address (429 with Retry-After when exceeded)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnoniemeLimiet(AnonRateThrottle):
    """The rate comes from settings.API_LIMIET_ANONIEM at each request, not at import, so
    that a deployment (and a test) can change it; empty means no limit. Counted per process
    in Django's cache: with several gunicorn workers each keeps its own count."""

    def get_rate(self):
        return settings.API_LIMIET_ANONIEM or None

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
