"""Shared cache of public answers: pages and API reads for visitors without an account.

The register changes rarely and is read often. An anonymous GET is answered from the cache
when nothing in the register changed since it was made: the key holds the register's version
(`samenwerking.registerversie`: every write through the services, and so through admin, API,
spreadsheets, importers and commands, gives it a new one when it commits) and today's date
(pages and answers default to today).
Logged-in users, requests with credentials and answers that set cookies are never cached.
The key also holds scheme and host (answers carry absolute URLs), and an API answer from the
cache counts against the anonymous rate limit like one from the view.

The version itself is kept in the same cache for `REGISTER_VERSIE_SECONDEN` (default 0.5 s)
and then read again: an anonymous reader may see a change up to that long after it was saved,
and all the writes within it cost the cache one new version, not one each. With Redis
(REDIS_URL) that cache, and so the version, is shared by every worker and server; without it
each process keeps its own. Whoever made the change is logged in and sees it at once.
settings.PAGINA_CACHE_SECONDEN = 0 switches it all off. When Redis is away, answers are made
anew (regioreg.rediscache).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone

from samenwerking.registerversie import register_versie

UITGESLOTEN = ("/admin/", "/static/")
VERSIE_SLEUTEL = "registerversie"


def _register_versie_kort_bewaard(cache) -> str:
    seconden = settings.REGISTER_VERSIE_SECONDEN
    if not seconden:
        return register_versie()
    versie = cache.get(VERSIE_SLEUTEL)
    if versie is None:
        versie = register_versie()
        cache.set(VERSIE_SLEUTEL, versie, seconden)
    return versie


def _begrenzers(response) -> tuple[type, ...]:
    """The rate limits (DRF throttle classes) of the view that made an API answer."""
    view = (getattr(response, "renderer_context", None) or {}).get("view")
    return tuple(type(t) for t in view.get_throttles()) if view is not None else ()


def _binnen_limiet(request, begrenzers) -> bool:
    """A cached API answer counts against the anonymous limit as the view's own would: the
    same throttles, asked the same way (each records the request when it allows it). Over
    the limit, the request goes on to the view, whose throttles then answer 429."""
    return all(begrenzer().allow_request(request, None) for begrenzer in begrenzers)


class PaginaCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _sleutel(self, request, cache) -> str | None:
        if (
            not settings.PAGINA_CACHE_SECONDEN
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "HTTP_AUTHORIZATION" in request.META
            or request.path.startswith(UITGESLOTEN)
        ):
            return None
        delen = [
            # Scheme and host too: answers hold absolute URLs (API links, feed addresses).
            request.build_absolute_uri(),
            request.META.get("HTTP_ACCEPT", ""),
            timezone.localdate().isoformat(),
            _register_versie_kort_bewaard(cache),
        ]
        return "pagina:" + hashlib.sha256("\n".join(delen).encode()).hexdigest()

    def __call__(self, request):
        cache = caches["paginas"]
        sleutel = self._sleutel(request, cache)
        if sleutel is not None:
            bewaard = cache.get(sleutel)
            if bewaard is not None and _binnen_limiet(request, bewaard[3]):
                status, koppen, inhoud, _limieten = bewaard
                response = HttpResponse(inhoud, status=status)
                for naam, waarde in koppen:
                    response[naam] = waarde
                return response
        response = self.get_response(request)
        if (
            sleutel is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page with a CSRF token is the visitor's own (the cookie is set further out).
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in response.get("Cache-Control", "")
        ):
            # Only what goes over the wire: a DRF Response would drag its data (model
            # instances included) through pickle on every hit.
            bewaard = (
                response.status_code,
                list(response.items()),
                response.content,
                _begrenzers(response),
            )
            cache.set(sleutel, bewaard, settings.PAGINA_CACHE_SECONDEN)
        return response
