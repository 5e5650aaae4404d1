"""Addresses of the public pages: an arrangement's readable address, and the gemeente a
visitor came from (kept in ?gemeente= on links from a gemeente's pages, for the
breadcrumb)."""

import re
from urllib.parse import urlencode

from django.urls import reverse

from samenwerking.constants import CBS_CODE_PATROON
from samenwerking.models import Gemeente, Samenwerkingsverband

CBS_CODE = re.compile(CBS_CODE_PATROON)


def verband_adres(verband: Samenwerkingsverband, *, gemeente: Gemeente | None = None) -> str:
    """/samenwerkingsverbanden/veiligheidsregio-utrecht/ (the UUID address for a row
    without a slug), with ?gemeente=GM0344 when the link comes from that gemeente."""
    if verband.slug:
        adres = reverse("raad:samenwerkingsverband_adres", args=[verband.slug])
    else:
        adres = reverse("raad:samenwerkingsverband", args=[verband.uuid])
    return f"{adres}?{urlencode({'gemeente': gemeente.cbs_code})}" if gemeente else adres


def terug_naar_gemeente(request) -> Gemeente | None:
    """The gemeente of ?gemeente=, when it is a valid CBS code of a gemeente; otherwise
    None (the breadcrumb then leads to the search, as without it). One query when given."""
    code = request.GET.get("gemeente", "")
    if not CBS_CODE.fullmatch(code):
        return None
    return Gemeente.objects.filter(cbs_code=code).only("cbs_code", "naam").first()
