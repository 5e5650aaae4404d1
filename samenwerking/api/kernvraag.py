"""The answer to the core question (`GET /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden`),
written out by hand from what `selectors.deelnames_van_gemeente` returns.

This is the API's hottest answer (a gemeente's ~45 arrangements with their representatives
and bijdragen): DRF's serializers would spend most of the request on it. The serializers in
`serializers.py` (`SamenwerkingsverbandenVanGemeenteSerializer` and its parts) still describe
the document for OpenAPI; `tests/api/test_kernvraag.py` checks that this function writes
exactly what they would. A field added there must be added here.
"""

import datetime

from django.urls import reverse

from samenwerking.constants import (
    BijdrageSoort,
    DeelnameRol,
    Functie,
    Labels,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from samenwerking.financien import bedrag_json, verdeelsleutel_json
from samenwerking.models import Deelname, Gemeente
from samenwerking.selectors import Kostentotalen


def _datum(datum: datetime.date | None) -> str | None:
    return None if datum is None else datum.isoformat()


class KernvraagLabels:
    """The `…Label` texts the core answer writes, per choice, each translated the first time a
    row needs it (an answer uses few of them). The floor (`bench/vloer.py`) writes the same."""

    def __init__(self):
        self.vorm = Labels(Vorm)
        self.deelnamerol = Labels(DeelnameRol)
        self.functie = Labels(Functie)
        self.zetelrol = Labels(ZetelRol)
        self.orgaansoort = Labels(OrgaanSoort)
        self.bijdragesoort = Labels(BijdrageSoort)


def samenwerkingsverbanden_van_gemeente(
    request,
    *,
    gemeente: Gemeente,
    peildatum: datetime.date,
    jaar: int,
    deelnames: list[Deelname],
    totalen: Kostentotalen,
) -> dict:
    """The JSON document of the core answer, as a dict."""

    def adres(lijst: str) -> str:
        """An object's URL is its list's URL, a slash and its key (the router's detail routes):
        this is the part before the key."""
        return request.build_absolute_uri(reverse(f"api:{lijst}-list")) + "/"

    gemeente_url, verband_url, deelname_url = (
        adres("gemeente"),
        adres("samenwerkingsverband"),
        adres("deelname"),
    )
    zetel_url, persoon_url, orgaan_url = adres("zetel"), adres("persoon"), adres("bestuursorgaan")
    bijdrage_url = adres("bijdrage")
    labels = KernvraagLabels()

    def vertegenwoordiger(zetel) -> dict:
        persoon, orgaan = zetel.persoon, zetel.bestuursorgaan
        sleutel, persoon_sleutel, orgaan_sleutel = (
            str(zetel.uuid),
            str(persoon.uuid),
            str(orgaan.uuid),
        )
        return {
            "uuid": sleutel,
            "url": zetel_url + sleutel,
            "persoon": {
                "uuid": persoon_sleutel,
                "url": persoon_url + persoon_sleutel,
                "naam": persoon.naam,
                "partij": persoon.partij,
            },
            "bestuursorgaan": {
                "uuid": orgaan_sleutel,
                "url": orgaan_url + orgaan_sleutel,
                "soort": orgaan.soort,
                "soortLabel": labels.orgaansoort[orgaan.soort],
                "naam": orgaan.naam,
            },
            "functie": zetel.functie,
            "functieLabel": labels.functie[zetel.functie],
            "rol": zetel.rol,
            "rolLabel": labels.zetelrol[zetel.rol],
            "begindatum": _datum(zetel.begindatum),
            "einddatum": _datum(zetel.einddatum),
        }

    def onderdeel(bijdrage) -> dict:
        sleutel = str(bijdrage.uuid)
        return {
            "uuid": sleutel,
            "url": bijdrage_url + sleutel,
            "soort": bijdrage.soort,
            "soortLabel": labels.bijdragesoort[bijdrage.soort],
            "onderdeel": bijdrage.onderdeel,
            "bedrag": bedrag_json(bijdrage.bedrag),
        }

    def rij(deelname: Deelname) -> dict:
        verband = deelname.samenwerkingsverband
        verband_sleutel, sleutel = str(verband.uuid), str(deelname.uuid)
        return {
            "samenwerkingsverband": {
                "uuid": verband_sleutel,
                "url": verband_url + verband_sleutel,
                "naam": verband.naam,
                "afkorting": verband.afkorting,
                "vorm": verband.vorm,
                "vormLabel": labels.vorm[verband.vorm],
                "domeinen": [domein.code for domein in verband.gelezen_domeinen],
                "vestigingsplaats": verband.vestigingsplaats,
                "verplicht": verband.verplicht,
            },
            "deelname": {
                "uuid": sleutel,
                "url": deelname_url + sleutel,
                "toetredingsdatum": _datum(deelname.toetredingsdatum),
                "uittredingsdatum": _datum(deelname.uittredingsdatum),
                "rol": deelname.rol,
                "rolLabel": labels.deelnamerol[deelname.rol],
                "verdeelsleutel": verdeelsleutel_json(deelname.verdeelsleutel),
                "stemmen": deelname.stemmen,
                "deelnemendeBestuursorganen": list(deelname.deelnemende_bestuursorganen),
            },
            "verbondenPartij": deelname.verbonden_partij,
            "bestuurlijkBelang": deelname.bestuurlijk_belang,
            "financieelBelang": deelname.financieel_belang,
            "verbondenPartijReden": deelname.bbv_redenen,
            "vertegenwoordigers": [vertegenwoordiger(z) for z in deelname.vertegenwoordigers],
            "bijdrage": {
                "begroot": bedrag_json(deelname.bijdrage_begroot),
                "gerealiseerd": bedrag_json(deelname.bijdrage_gerealiseerd),
                "perOnderdeel": [onderdeel(b) for b in deelname.bijdragen_in_jaar],
            },
        }

    return {
        "gemeente": {
            "cbsCode": gemeente.cbs_code,
            "url": gemeente_url + gemeente.cbs_code,
            "naam": gemeente.naam,
        },
        "peildatum": peildatum.isoformat(),
        "jaar": jaar,
        "samenwerkingsverbanden": [rij(deelname) for deelname in deelnames],
        "totalen": {
            "begroot": bedrag_json(totalen.begroot),
            "gerealiseerd": bedrag_json(totalen.gerealiseerd),
            "aantalBegrootOnbekend": totalen.zonder_begroot,
            "aantalGerealiseerdOnbekend": totalen.zonder_gerealiseerd,
            "inwoners": totalen.inwoners,
            "perInwoner": {
                "begroot": bedrag_json(totalen.begroot_per_inwoner),
                "gerealiseerd": bedrag_json(totalen.gerealiseerd_per_inwoner),
            },
        },
    }
