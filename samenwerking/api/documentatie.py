"""The API's documentation for people: a Dutch reference page drawn on the server from the
OpenAPI document (`naslag.py`, no JavaScript), and the guide docs/api.md as a page of the
site."""

import itertools
import re
from functools import cache, lru_cache

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView
from markdown_it import MarkdownIt
from rest_framework.response import Response

from .exceptions import ProblemenInJson
from .naslag import naslag, openapi_schema


@lru_cache(maxsize=8)
def _naslag_html(basis: str) -> str:
    """Every address of the API, drawn once per process and site address (the curl examples
    name it; ALLOWED_HOSTS keeps the number small): drawing it took a fifth of a second."""
    return mark_safe(render_to_string("api/_naslag.html", {"naslag": naslag(), "basis": basis}))


def api_documentatie(request):
    basis = request.build_absolute_uri("/").rstrip("/")
    return render(request, "api/documentatie.html", {"naslag_html": _naslag_html(basis)})


class _Bewaard(ProblemenInJson):
    """The OpenAPI document from the process's one generated copy, not generated per request;
    a problem (a 406 for an Accept it does not make) in JSON."""

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


# The JSON Schemas of the open-data documents, served from docs/ at the address their $id
# names (https://regioreg.nl/schema/<naam>.schema.json).
JSON_SCHEMAS = ("verbonden-partijen", "register-art27")


def json_schema(request, naam: str):
    if naam not in JSON_SCHEMAS:
        raise Http404(
            _("Er is geen schema %(naam)s. Er zijn: %(schemas)s.")
            % {
                "naam": naam,
                "schemas": ", ".join(reverse("json_schema", args=[n]) for n in JSON_SCHEMAS),
            }
        )
    inhoud = (settings.BASE_DIR / "docs" / f"{naam}.schema.json").read_bytes()
    return HttpResponse(inhoud, content_type="application/schema+json")


def _adres_op_de_site(href: str) -> str:
    """A link of docs/api.md to a file beside it, as the address the site serves it at."""
    if href == "openapi.yaml":
        return reverse("api:schema")
    if href.endswith(".schema.json"):
        return reverse("json_schema", args=[href.removesuffix(".schema.json")])
    return href


@cache
def _handleiding_html() -> str:
    tekst = (settings.BASE_DIR / "docs" / "api.md").read_text(encoding="utf-8")
    # Our own file; raw HTML is still off, so the page holds only what Markdown makes.
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = markdown.parse(tekst)
    ankers = set()
    for kop, inhoud in itertools.pairwise(tokens):
        # Each heading gets the anchor a link to it uses (#schrijven), as GitHub makes it.
        if kop.type == "heading_open":
            anker = basis = slugify(inhoud.content, allow_unicode=True)
            nummer = 0
            while anker in ankers:
                nummer += 1
                anker = f"{basis}-{nummer}"
            ankers.add(anker)
            kop.attrSet("id", anker)
    for token in tokens:
        for deel in token.children or []:
            if deel.type == "link_open":
                deel.attrSet("href", _adres_op_de_site(str(deel.attrGet("href"))))
    html = markdown.renderer.render(tokens, markdown.options, {})
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
