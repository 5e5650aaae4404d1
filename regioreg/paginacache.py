"""Shared cache of public answers: pages and API reads for visitors without an account.

The register changes rarely and is read often. An anonymous GET is answered from the cache
when nothing in the register changed since it was made: the key holds the register's version
(the newest entry of its history tables, one small query; every write through admin, API,
services and importers leaves a history entry) and today's date (pages and answers default
to today). Logged-in users, requests with credentials and answers that set cookies are never
cached. settings.PAGINA_CACHE_SECONDEN = 0 switches it off.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

UITGESLOTEN = ("/admin/", "/_nested_admin/", "/static/")


def register_versie() -> str:
    """The moment of the latest change anywhere in the register: one query over the newest
    entry of every history table (each has an index on history_date)."""
    tabellen = [
        m._meta.db_table
        for m in apps.get_models()
        if m.__name__.startswith("Historical") and hasattr(m, "history_date")
    ]
    if not tabellen:
        return ""
    sql = " union all ".join(f"select max(history_date) as m from {t}" for t in tabellen)
    with connection.cursor() as cursor:
        cursor.execute(f"select max(m) from ({sql}) as laatste")
        laatste = cursor.fetchone()[0]
    # PostgreSQL gives a datetime, SQLite the stored text: either identifies the version.
    return str(laatste or "")


class PaginaCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _sleutel(self, request) -> str | None:
        if (
            not settings.PAGINA_CACHE_SECONDEN
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "HTTP_AUTHORIZATION" in request.META
            or request.path.startswith(UITGESLOTEN)
        ):
            return None
        delen = [
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
            timezone.localdate().isoformat(),
            register_versie(),
        ]
        return "pagina:" + hashlib.sha256("\n".join(delen).encode()).hexdigest()

    def __call__(self, request):
        sleutel = self._sleutel(request)
        cache = caches["paginas"]
        if sleutel is not None:
            bewaard = cache.get(sleutel)
            if bewaard is not None:
                return bewaard
        response = self.get_response(request)
        if (
            sleutel is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        ):
            cache.set(sleutel, response, settings.PAGINA_CACHE_SECONDEN)
        return response
