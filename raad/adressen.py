"""Addresses of the public pages: an arrangement's readable address, and the gemeente a
visitor came from (kept in ?gemeente= on links from a gemeente's pages, for the
breadcrumb)."""

import uuid
from urllib.parse import urlencode

from django.urls import reverse

from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband

# Stand-ins reversed once for a list of addresses (verband_adressen): slugs and UUIDs need no
# quoting in a path, so filling in the real one gives what reverse() would.
PLAATSHOUDER_SLUG = "plaatshouder-slug"
PLAATSHOUDER_UUID = uuid.UUID(int=0)
PLAATSHOUDER_CBS = "GM0000"  # a valid code that no gemeente has


def verband_adres(verband: Samenwerkingsverband, *, gemeente: Gemeente | None = None) -> str:
    """/samenwerkingsverbanden/veiligheidsregio-utrecht/ (the UUID address for a row
    without a slug), with ?gemeente=GM0344 when the link comes from that gemeente."""
    if verband.slug:
        adres = reverse("raad:samenwerkingsverband_adres", args=[verband.slug])
    else:
        adres = reverse("raad:samenwerkingsverband", args=[verband.uuid])
    return f"{adres}?{urlencode({'gemeente': gemeente.cbs_code})}" if gemeente else adres


def verband_adressen(
    verbanden: list[Samenwerkingsverband], *, gemeente: Gemeente | None = None
) -> dict[int, str]:
    """verband_adres of each arrangement, by pk, for a list page: reverse() costs about as
    much as the rest of a row, so each of the two addresses (by slug, by UUID) is reversed
    once and filled in per arrangement. Tested equal to verband_adres."""
    per_slug = reverse("raad:samenwerkingsverband_adres", args=[PLAATSHOUDER_SLUG])
    per_uuid = reverse("raad:samenwerkingsverband", args=[PLAATSHOUDER_UUID])
    herkomst = f"?{urlencode({'gemeente': gemeente.cbs_code})}" if gemeente else ""
    return {
        verband.pk: (
            per_slug.replace(PLAATSHOUDER_SLUG, verband.slug)
            if verband.slug
            else per_uuid.replace(str(PLAATSHOUDER_UUID), str(verband.uuid))
        )
        + herkomst
        for verband in verbanden
    }


def oplegger_adressen(
    verbanden: list[Samenwerkingsverband], *, gemeente: Gemeente
) -> dict[int, str]:
    """The address of each arrangement's oplegger for `gemeente`, by pk: reversed once and
    filled in per arrangement, as verband_adressen does."""
    adres = reverse("raad:oplegger", args=[gemeente.cbs_code, PLAATSHOUDER_UUID])
    return {v.pk: adres.replace(str(PLAATSHOUDER_UUID), str(v.uuid)) for v in verbanden}


def gemeente_adressen(cbs_codes) -> dict[str, str]:
    """The page of each gemeente, by CBS code (reverse("raad:gemeente")): reversed once and
    filled in per gemeente, as verband_adressen does."""
    adres = reverse("raad:gemeente", args=[PLAATSHOUDER_CBS])
    return {code: adres.replace(PLAATSHOUDER_CBS, code) for code in cbs_codes}


def terug_naar_gemeente(request, deelnames: list[Deelname]) -> Gemeente | None:
    """The gemeente of ?gemeente= when the page lists it as deelnemer (now or formerly), found
    among `deelnames` already read: no query. Otherwise None (the breadcrumb then leads to the
    search, as without it): a link back to a gemeente that is not in the arrangement would
    suggest it is."""
    code = request.GET.get("gemeente")
    return next((d.gemeente for d in deelnames if d.gemeente and d.gemeente.cbs_code == code), None)
