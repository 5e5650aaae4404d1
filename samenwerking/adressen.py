"""A gemeente in an address: /gemeenten/GM0363/ for pages, /api/v1/gemeenten/GM0363 for the API.

One address per gemeente: a CBS code typed in lower case (/gemeenten/gm0363/) redirects to the
same route with the code as stored (/gemeenten/GM0363/). A key with a NUL character matches no
route (PostgreSQL cannot even compare it): the generic Dutch 404 of the pages or the API.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse

from samenwerking.models import Gemeente

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


class CbsCodeMiddleware:
    """After URL resolution, before the view: a route with a `cbs_code` whose code is not
    written as stored, but is a gemeente once normalised, answers 301 to the same route (by
    name, never by editing the path) with the same query string. Anything else, an unknown
    code included, goes to the view, which answers its own Dutch 404. Only for GET and HEAD:
    a redirect would turn another method into a GET."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        code = view_kwargs.get("cbs_code")
        if code is None or request.method not in ("GET", "HEAD"):
            return None
        genormaliseerd = normaliseer_cbs_code(code)
        if genormaliseerd == code or not Gemeente.objects.filter(cbs_code=genormaliseerd).exists():
            return None
        match = request.resolver_match
        adres = reverse(
            match.view_name, args=match.args, kwargs={**match.kwargs, "cbs_code": genormaliseerd}
        )
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{adres}?{query}" if query else adres)
