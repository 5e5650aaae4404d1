"""A gemeente in an address: /gemeenten/GM0363/ for pages, /api/v1/gemeenten/GM0363 for the API;
a provincie in the API's /api/v1/provincies/PV27.

One address per gemeente or provincie: a CBS code typed in lower case (/gemeenten/gm0363/,
/api/v1/provincies/pv27) redirects to the same route with the code as stored; on a page a
gemeente's name (/gemeenten/utrecht/) to its page, or to the search when several have it. A
key with a NUL character matches no route (PostgreSQL cannot even compare it): the generic
Dutch 404 of the pages or the API.
"""

import re
from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import reverse

from samenwerking.constants import CBS_CODE_PATROON
from samenwerking.models import Gemeente, Provincie
from samenwerking.normalisatie import Namenlijst

# A key in a URL: anything up to the next slash, but never NUL. The API's routes also stop at
# a dot, as DRF's do.
SLEUTEL_IN_ADRES = r"[^/\x00]+"
SLEUTEL_IN_API = r"[^/.\x00]+"


class CbsCodeConverter:
    """`<cbs:cbs_code>` in the routes of pages and API."""

    regex = SLEUTEL_IN_ADRES

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def normaliseer_cbs_code(code: str) -> str:
    return code.strip().upper()


def cbs_code_in_adres(view_func, view_kwargs) -> tuple[str, type[Gemeente | Provincie]] | None:
    """The route's argument that holds a CBS code, and whose code it is: a gemeente's in
    `<cbs:cbs_code>` (pages and API), a provincie's in the API's provincies/<code> (the
    lookup of a viewset on provincies). Never by the name `code` alone: a domein's is
    lower case."""
    if "cbs_code" in view_kwargs:
        return "cbs_code", Gemeente
    queryset = getattr(getattr(view_func, "cls", None), "queryset", None)
    if queryset is not None and queryset.model is Provincie and "code" in view_kwargs:
        return "code", Provincie
    return None


class CbsCodeMiddleware:
    """After URL resolution, before the view: a route with a CBS code (`cbs_code_in_adres`)
    not written as stored, but a gemeente's or provincie's once normalised, answers 301 to the
    same route (by name, never by editing the path) with the same query string; on a page a
    gemeente's name where its code belongs is looked up (`_gemeente_op_naam`). Anything
    else, an unknown code included, goes to the view, which answers its own Dutch 404. Only
    for GET and HEAD: a redirect would turn another method into a GET."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        gevonden = cbs_code_in_adres(view_func, view_kwargs)
        if gevonden is None or request.method not in ("GET", "HEAD"):
            return None
        naam, model = gevonden
        code = view_kwargs[naam]
        genormaliseerd = normaliseer_cbs_code(code)
        if genormaliseerd != code and model.objects.filter(**{naam: genormaliseerd}).exists():
            return HttpResponsePermanentRedirect(_zelfde_route(request, naam, genormaliseerd))
        # Not a code at all (a code as stored costs no query here): perhaps a name.
        if (
            model is Gemeente
            and "api" not in request.resolver_match.namespaces
            and not re.fullmatch(CBS_CODE_PATROON, genormaliseerd)
        ):
            return _gemeente_op_naam(request, naam, code)
        return None


def _zelfde_route(request, naam: str, code: str) -> str:
    """The request's route with `code` for the argument `naam`, and its query string."""
    match = request.resolver_match
    adres = reverse(match.view_name, args=match.args, kwargs={**match.kwargs, naam: code})
    query = request.META.get("QUERY_STRING", "")
    return f"{adres}?{query}" if query else adres


def _gemeente_op_naam(request, naam: str, tekst: str):
    """A page's address with a gemeente's name where its code belongs (/gemeenten/utrecht/,
    /gemeenten/den-haag/partners/): 302 to the same page of that gemeente; a name of several
    (/gemeenten/bergen/: both Bergens) or one with a typing error (/gemeenten/utrect/) to the
    search, which lists them or asks "Bedoelt u Utrecht?". Temporary: a name can come to mean
    another gemeente after a herindeling. None (the page's 404) for anything else."""
    namen = Namenlijst(Gemeente.objects.order_by("naam"), lambda g: g.naam)
    if len(gemeenten := namen.zoek(tekst)) == 1:
        return HttpResponseRedirect(_zelfde_route(request, naam, gemeenten[0].cbs_code))
    if gemeenten or namen.bedoeld(tekst):
        return HttpResponseRedirect(f"{reverse('raad:start')}?{urlencode({'q': tekst})}")
    return None
