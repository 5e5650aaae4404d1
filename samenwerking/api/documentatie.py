"""The API's documentation for people: a Dutch reference page drawn on the server from the
OpenAPI document (`naslag.py`, no JavaScript), and the guide docs/api.md as a page of the
site."""

import re
from functools import cache, lru_cache

from django.conf import settings
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView
from markdown_it import MarkdownIt
from rest_framework.response import Response

from .naslag import naslag, openapi_schema


@lru_cache(maxsize=8)
def _naslag_html(basis: str) -> str:
    """Every address of the API, drawn once per process and site address (the curl examples
    name it; ALLOWED_HOSTS keeps the number small): drawing it took a fifth of a second."""
    return mark_safe(render_to_string("api/_naslag.html", {"naslag": naslag(), "basis": basis}))


def api_documentatie(request):
    basis = request.build_absolute_uri("/").rstrip("/")
    return render(request, "api/documentatie.html", {"naslag_html": _naslag_html(basis)})


class _Bewaard:
    """The OpenAPI document from the process's one generated copy, not generated per request."""

    def _get_schema_response(self, request):
        return Response(
            data=openapi_schema(),
            headers={
                "Content-Disposition": f'inline; filename="{self._get_filename(request, None)}"'
            },
        )


class OpenapiYaml(_Bewaard, SpectacularYAMLAPIView):
    pass


class OpenapiJson(_Bewaard, SpectacularJSONAPIView):
    pass


@cache
def _handleiding_html() -> str:
    tekst = (settings.BASE_DIR / "docs" / "api.md").read_text(encoding="utf-8")
    # Our own file; raw HTML is still off, so the page holds only what Markdown makes.
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(tekst)
    # Each table scrolls in its own labelled region on a narrow screen.
    tabellen = iter(range(1, html.count("<table>") + 1))
    html = re.sub(
        "<table>",
        lambda treffer: (
            '<div class="tabelrol" tabindex="0" role="region" aria-label="'
            + _("Tabel %(n)d van de handleiding") % {"n": next(tabellen)}
            + '"><table>'
        ),
        html,
    )
    return html.replace("</table>", "</table></div>")


def api_handleiding(request):
    return render(request, "api/handleiding.html", {"inhoud": _handleiding_html()})
