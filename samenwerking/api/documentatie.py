"""The API's documentation for people: Redoc (from drf-spectacular-sidecar's static files,
no CDN) inside the site's own Dutch page, and the guide docs/api.md as a page of the site."""

import re
from functools import cache

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt


def api_documentatie(request):
    response = render(request, "api/documentatie.html")
    # Redoc writes its styles into <style> elements at run time (styled-components): this page
    # alone allows inline styles. Scripts stay 'self' only, so injected markup still cannot run.
    if settings.CONTENT_SECURITY_POLICY:
        response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY.replace(
            "style-src 'self'", "style-src 'self' 'unsafe-inline'"
        )
    return response


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
