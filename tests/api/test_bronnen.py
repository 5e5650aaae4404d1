"""Every resource under /api/v1/: list, detail, filters, query counts, and writing through the
services (anonymous 401, staff stored, a refused write names the field)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import models

from samenwerking import models as m
from samenwerking.constants import OrganisatieSoort
from tests import factories as f

from .hulp import ongeldig, probleem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("referentiedata")]

D = datetime.date


@dataclass(frozen=True)
class Bron:
    pad: str
    model: type[models.Model]
    maak: Callable[[int], models.Model]  # the i-th row of a test
    queries: int  # of a list page, whatever its length
    ongeldig_filter: tuple[str, str]  # a parameter with a value that does not parse
    filter: Callable[[models.Model], dict] | None = None  # parameters selecting just this row
    sleutel: Callable[[models.Model], str] = lambda rij: str(rij.uuid)
    nieuw: Callable[[], dict] | None = None  # a body the service stores; None: read only
    geweigerd: Callable[[], tuple[dict, str]] | None = None  # a body refused, and the field

    def __str__(self):
        return self.pad


def _verband(i):
    verband = f.DeelnameFactory(samenwerkingsverband__naam=f"Regeling {i:03d}").samenwerkingsverband
    verband.domeinen.add(m.Domein.objects.get(code="veiligheid"))
    return verband


def _nieuwe_deelname():
    return {
        "samenwerkingsverband": str(f.SamenwerkingsverbandFactory().uuid),
        "gemeente": f.GemeenteFactory().cbs_code,
        "toetredingsdatum": "2020-01-01",
        "verdeelsleutel": "12.5",
    }


def _overlappende_deelname():
    bestaand = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1), uittredingsdatum=D(2022, 1, 1))
    body = {
        "samenwerkingsverband": str(bestaand.samenwerkingsverband.uuid),
        "gemeente": bestaand.gemeente.cbs_code,
        "toetredingsdatum": "2020-01-01",
    }
    return body, "toetredingsdatum"


def _zetel(begindatum: str):
    deelname = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=deelname.samenwerkingsverband)
    return {
        "bestuursorgaan": str(orgaan.uuid),
        "deelname": str(deelname.uuid),
        "persoon": str(f.PersoonFactory().uuid),
        "functie": "wethouder",
        "begindatum": begindatum,
    }


def _bijdrage(jaar: int):
    deelname = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
    return {
        "deelname": str(deelname.uuid),
        "jaar": jaar,
        "soort": "begroot",
        "onderdeel": "basistaken",
        "bedrag": "1234.56",
    }


def _jaarcijfers_met_ander_brondocument():
    verband = f.SamenwerkingsverbandFactory()
    body = {
        "samenwerkingsverband": str(verband.uuid),
        "jaar": 2024,
        "soort": "jaarrekening",
        "bronDocument": str(f.DocumentFactory().uuid),  # of another arrangement
    }
    return body, "bronDocument"


def _verband_uuid(rij):
    return {"samenwerkingsverband": str(rij.samenwerkingsverband.uuid)}


BRONNEN = [
    Bron(
        "provincies",
        m.Provincie,
        maak=lambda i: f.ProvincieFactory(code=f"PV{50 + i}", naam=f"Provincie {i:03d}"),
        sleutel=lambda rij: rij.code,
        queries=2,  # count; provincies
        ongeldig_filter=("ordering", "inwoners"),
    ),
    Bron(
        "gemeenten",
        m.Gemeente,
        maak=lambda i: f.GemeenteFactory(),
        sleutel=lambda rij: rij.cbs_code,
        filter=lambda rij: {"q": rij.cbs_code},
        queries=3,  # count; gemeenten with provincie; opvolgers
        ongeldig_filter=("actiefOp", "gisteren"),
    ),
    Bron(
        "organisaties",
        m.Organisatie,
        maak=lambda i: f.OrganisatieFactory(naam=f"Organisatie {i:03d}"),
        filter=lambda rij: {"q": rij.naam},
        queries=2,  # count; organisaties with provincie
        ongeldig_filter=("soort", "gemeente"),
        nieuw=lambda: {"naam": "Waterschap Zuiderzeeland", "soort": "waterschap"},
        geweigerd=lambda: ({"naam": "Provincie zonder code", "soort": "provincie"}, "provincie"),
    ),
    Bron(
        "samenwerkingsverbanden",
        m.Samenwerkingsverband,
        maak=_verband,
        filter=lambda rij: {"deelnemer": rij.deelnames.get().gemeente.cbs_code},
        # count; verbanden with centrumgemeente, bovenliggend, vorige versie, uitvoerende
        # organisatie and its counterpart in the register; domeinen; versies; grondslagen;
        # bevoegdheden
        queries=6,
        ongeldig_filter=("vorm", "XYZ"),
        nieuw=lambda: {
            "naam": "GGD Testregio",
            "vorm": "OL",
            "domeinen": ["gezondheid"],
            "motieven": ["kwaliteit", "kosten"],
        },
        geweigerd=lambda: ({"naam": "Centrumregeling", "vorm": "CC"}, "centrumgemeente"),
    ),
    Bron(
        "deelnames",
        m.Deelname,
        maak=lambda i: f.DeelnameFactory(),
        filter=lambda rij: {"gemeente": rij.gemeente.cbs_code},
        queries=2,  # count; deelnames with verband, gemeente, organisatie
        ongeldig_filter=("actiefOp", "31-12-2024"),
        nieuw=_nieuwe_deelname,
        geweigerd=_overlappende_deelname,
    ),
    Bron(
        "bestuursorganen",
        m.Bestuursorgaan,
        maak=lambda i: f.BestuursorgaanFactory(),
        filter=_verband_uuid,
        queries=2,  # count; organen with verband
        ongeldig_filter=("soort", "raad"),
        nieuw=lambda: {
            "samenwerkingsverband": str(f.SamenwerkingsverbandFactory().uuid),
            "soort": "dagelijks_bestuur",
        },
        geweigerd=lambda: (  # a second algemeen bestuur without a distinguishing name
            {
                "samenwerkingsverband": str(f.BestuursorgaanFactory().samenwerkingsverband.uuid),
                "soort": "algemeen_bestuur",
            },
            "nonFieldErrors",
        ),
    ),
    Bron(
        "zetels",
        m.Zetel,
        maak=lambda i: f.ZetelFactory(),
        filter=lambda rij: {"persoon": str(rij.persoon.uuid)},
        queries=2,  # count; zetels with orgaan, deelname, persoon
        ongeldig_filter=("functie", "koning"),
        nieuw=lambda: _zetel("2023-01-01"),
        geweigerd=lambda: (_zetel("2010-01-01"), "begindatum"),  # before the toetreding
    ),
    Bron(
        "personen",
        m.Persoon,
        maak=lambda i: f.PersoonFactory(naam=f"P. Persoon {i:03d}"),
        filter=lambda rij: {"q": rij.naam},
        queries=2,  # count; personen
        ongeldig_filter=("ordering", "partij"),
        nieuw=lambda: {"naam": "A. Bakker", "partij": "D66"},
        geweigerd=lambda: ({"naam": "", "partij": "D66"}, "naam"),
    ),
    Bron(
        "bijdragen",
        m.Bijdrage,
        maak=lambda i: f.BijdrageFactory(),
        filter=lambda rij: {"samenwerkingsverband": str(rij.deelname.samenwerkingsverband.uuid)},
        queries=2,  # count; bijdragen with deelname, its gemeente and verband
        ongeldig_filter=("jaar", "vorig jaar"),
        nieuw=lambda: _bijdrage(2025),
        geweigerd=lambda: (_bijdrage(2010), "jaar"),  # before the toetreding
    ),
    Bron(
        "jaarcijfers",
        m.Jaarcijfers,
        maak=lambda i: f.JaarcijfersFactory(),
        filter=_verband_uuid,
        queries=2,  # count; jaarcijfers with verband and brondocument
        ongeldig_filter=("soort", "kwartaal"),
        nieuw=lambda: {
            "samenwerkingsverband": str(f.SamenwerkingsverbandFactory().uuid),
            "jaar": 2024,
            "soort": "jaarrekening",
            "lasten": "5000000.00",
        },
        geweigerd=_jaarcijfers_met_ander_brondocument,
    ),
    Bron(
        "documenten",
        m.Document,
        maak=lambda i: f.DocumentFactory(),
        filter=_verband_uuid,
        queries=2,  # count; documenten with verband
        ongeldig_filter=("samenwerkingsverband", "geen-uuid"),
        nieuw=lambda: {
            "samenwerkingsverband": str(f.SamenwerkingsverbandFactory().uuid),
            "titel": "Begroting 2026",
            "soort": "begroting",
            "jaar": 2026,
            "documentUrl": "https://example.org/begroting-2026.pdf",
        },
        geweigerd=lambda: (
            {"titel": "Zonder verband", "soort": "begroting"},
            "samenwerkingsverband",
        ),
    ),
]
SCHRIJFBAAR = [bron for bron in BRONNEN if bron.nieuw]


def _lijst(api, bron, **parameters) -> list[str]:
    antwoord = api.get(f"/api/v1/{bron.pad}", {"pageSize": 500, **parameters})
    assert antwoord.status_code == 200, antwoord.content
    return [rij["url"] for rij in antwoord.json()["results"]]


def _url(bron, rij) -> str:
    return f"http://testserver/api/v1/{bron.pad}/{bron.sleutel(rij)}"


@pytest.mark.parametrize("bron", BRONNEN, ids=str)
def test_list_and_detail(api, bron):
    rij = bron.maak(0)
    assert _url(bron, rij) in _lijst(api, bron)
    antwoord = api.get(_url(bron, rij))
    assert antwoord.status_code == 200
    assert antwoord["API-Version"] == "1.0.0"
    assert antwoord.json()["url"] == _url(bron, rij)


@pytest.mark.parametrize("bron", [b for b in BRONNEN if b.filter], ids=str)
def test_a_filter_selects_the_row(api, bron):
    rij, andere = bron.maak(0), bron.maak(1)
    assert _lijst(api, bron, **bron.filter(rij)) == [_url(bron, rij)]
    assert _url(bron, andere) in _lijst(api, bron)


@pytest.mark.parametrize("bron", BRONNEN, ids=str)
def test_a_filter_value_that_does_not_parse_is_a_400_naming_it(api, bron):
    naam, waarde = bron.ongeldig_filter
    assert list(ongeldig(api.get(f"/api/v1/{bron.pad}", {naam: waarde}))) == [naam]


@pytest.mark.parametrize("bron", BRONNEN, ids=str)
@pytest.mark.parametrize("aantal", [1, 30])
def test_list_query_count_does_not_grow_with_the_rows(api, bron, aantal, django_assert_num_queries):
    rijen = [bron.maak(i) for i in range(aantal)]
    with django_assert_num_queries(bron.queries):
        antwoord = api.get(f"/api/v1/{bron.pad}", {"pageSize": 500})
    assert antwoord.status_code == 200
    # The page lists every stored row, the ones just made among them.
    data = antwoord.json()
    assert data["count"] == len(data["results"]) == bron.model.objects.count()
    assert {_url(bron, rij) for rij in rijen} <= {rij["url"] for rij in data["results"]}


@pytest.mark.parametrize("bron", SCHRIJFBAAR, ids=str)
def test_anonymous_write_is_a_401_asking_for_credentials(api, bron):
    antwoord = api.post(f"/api/v1/{bron.pad}", {}, format="json")
    body = probleem(antwoord, 401)
    assert antwoord["WWW-Authenticate"] == "Token"
    assert body["detail"] == (
        "Lezen kan zonder account; voor een wijziging stuurt u het token van uw account mee "
        "in de kop Authorization: Token <token>."
    )


@pytest.mark.parametrize("bron", [b for b in BRONNEN if not b.nieuw], ids=str)
def test_a_write_to_a_read_only_resource_is_a_405_for_everyone(api, beheerder, bron):
    aantal = bron.model.objects.count()
    for client in (api, beheerder):
        antwoord = client.post(f"/api/v1/{bron.pad}", {}, format="json")
        body = probleem(antwoord, 405)
        assert body["detail"] == 'Methode "POST" niet toegestaan.'
        assert antwoord["Allow"] == "GET, HEAD, OPTIONS"
    assert bron.model.objects.count() == aantal


@pytest.mark.parametrize("bron", SCHRIJFBAAR, ids=str)
def test_staff_write_is_stored_through_the_service(beheerder, bron):
    body = bron.nieuw()
    antwoord = beheerder.post(f"/api/v1/{bron.pad}", body, format="json")
    assert antwoord.status_code == 201, antwoord.content
    opgeslagen = antwoord.json()
    assert antwoord["Location"] == opgeslagen["url"]
    assert bron.model.objects.filter(uuid=opgeslagen["uuid"]).exists()
    for veld, waarde in body.items():
        gelezen = opgeslagen[veld]
        assert gelezen == waarde or Decimal(gelezen) == Decimal(waarde), veld
    assert beheerder.get(opgeslagen["url"]).json() == opgeslagen


@pytest.mark.parametrize("bron", SCHRIJFBAAR, ids=str)
def test_a_write_the_rules_refuse_is_a_400_naming_the_field(beheerder, bron):
    body, veld = bron.geweigerd()
    aantal = bron.model.objects.count()
    fouten = ongeldig(beheerder.post(f"/api/v1/{bron.pad}", body, format="json"))
    assert veld in fouten
    assert bron.model.objects.count() == aantal


def test_change_through_the_service_and_its_refusal(beheerder):
    deelname = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
    url = f"/api/v1/deelnames/{deelname.uuid}"
    versie = {"HTTP_IF_MATCH": beheerder.get(url)["ETag"]}

    antwoord = beheerder.patch(url, {"uittredingsdatum": "2024-01-01"}, format="json", **versie)
    assert antwoord.status_code == 200
    deelname.refresh_from_db()
    assert deelname.uittredingsdatum == D(2024, 1, 1)

    versie = {"HTTP_IF_MATCH": antwoord["ETag"]}
    fouten = ongeldig(
        beheerder.patch(url, {"uittredingsdatum": "2010-01-01"}, format="json", **versie)
    )
    assert fouten == {
        "uittredingsdatum": "Uittredingsdatum: mag niet vóór de toetredingsdatum liggen."
    }
    fouten = ongeldig(
        beheerder.patch(url, {"uittredingsdatum": "1-1-2025"}, format="json", **versie)
    )
    assert fouten == {
        "uittredingsdatum": "Gebruik een datum als JJJJ-MM-DD, bijvoorbeeld 2025-06-01."
    }
    deelname.refresh_from_db()
    assert deelname.uittredingsdatum == D(2024, 1, 1)


def test_another_objects_body_sent_to_this_address_is_refused(beheerder):
    """Sending B as read to the address of A would have overwritten A with B's fields: the
    read-only uuid may come along, but only A's own."""
    a, b = f.PersoonFactory(naam="A. Eerste"), f.PersoonFactory(naam="B. Tweede")
    url = f"/api/v1/personen/{a.uuid}"
    gelezen = beheerder.get(f"/api/v1/personen/{b.uuid}").json()
    assert ongeldig(beheerder.put(url, gelezen, format="json", HTTP_IF_MATCH="*")) == {
        "uuid": f"Dit is de uuid van een ander object dan dat op dit adres ({a.uuid}). Stuur het "
        "object naar zijn eigen adres, of laat uuid weg."
    }
    a.refresh_from_db()
    assert a.naam == "A. Eerste"
    eigen = {**beheerder.get(url).json(), "uuid": str(a.uuid).upper(), "naam": "A. Andere"}
    assert beheerder.put(url, eigen, format="json", HTTP_IF_MATCH="*").status_code == 200
    a.refresh_from_db()
    assert a.naam == "A. Andere"


def test_a_domein_code_in_a_body_is_read_in_any_case(beheerder):
    """As in the filter (?domein=Veiligheid) and as CBS codes (gm0479)."""
    verband = f.SamenwerkingsverbandFactory()
    url = f"/api/v1/samenwerkingsverbanden/{verband.uuid}"
    antwoord = beheerder.patch(
        url, {"domeinen": ["Veiligheid", "GEZONDHEID"]}, format="json", HTTP_IF_MATCH="*"
    )
    assert antwoord.status_code == 200
    assert sorted(antwoord.json()["domeinen"]) == ["gezondheid", "veiligheid"]
    assert sorted(verband.domeinen.values_list("code", flat=True)) == ["gezondheid", "veiligheid"]


def test_a_field_name_the_object_does_not_have_is_a_400_and_nothing_is_saved(beheerder):
    deelname = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
    url = f"/api/v1/deelnames/{deelname.uuid}"
    gelezen = beheerder.get(url)
    # A typo: was a 200 with the deelname saved unchanged.
    fouten = ongeldig(
        beheerder.patch(
            url,
            {"uittredingdatum": "2024-01-01"},
            format="json",
            HTTP_IF_MATCH=gelezen["ETag"],
        )
    )
    assert list(fouten) == ["uittredingdatum"]
    assert fouten["uittredingdatum"].startswith("Onbekend veld. Velden: aandeelEigenVermogen, ")
    assert "uittredingsdatum" in fouten["uittredingdatum"]
    assert "uuid" not in fouten["uittredingdatum"]  # read-only
    assert beheerder.get(url)["ETag"] == gelezen["ETag"]  # not saved
    # An object as read (with its read-only fields and labels) can be sent back.
    terug = beheerder.put(url, gelezen.json(), format="json", HTTP_IF_MATCH=gelezen["ETag"])
    assert terug.status_code == 200, terug.content


@pytest.mark.parametrize("body", ['[{"naam": "Jan"}]', '"Jan"', "12", "null"])
def test_a_body_that_is_not_one_object_says_to_send_one(beheerder, body):
    # DRF said "Ongeldige data. Verwacht een dictionary, kreeg een list.", and to null (in
    # English) "No data provided".
    antwoord = beheerder.post("/api/v1/personen", body, content_type="application/json")
    assert ongeldig(antwoord) == {
        "nonFieldErrors": (
            "Stuur één JSON-object met de velden tussen { en }, geen lijst of losse waarde."
        )
    }


def test_unknown_relation_in_a_write_names_the_field(beheerder, referentiedata):
    verband = f.SamenwerkingsverbandFactory()
    fouten = ongeldig(
        beheerder.post(
            "/api/v1/deelnames",
            {"samenwerkingsverband": str(verband.uuid), "gemeente": "GM9999"},
            format="json",
        )
    )
    assert fouten == {"gemeente": "Geen gemeente met CBS-code GM9999."}
    # A gemeente by its name: the message gives its code, and nothing is written.
    fouten = ongeldig(
        beheerder.post(
            "/api/v1/deelnames",
            {"samenwerkingsverband": str(verband.uuid), "gemeente": "Zaanstad"},
            format="json",
        )
    )
    assert fouten == {
        "gemeente": "Geen gemeente met CBS-code Zaanstad. Bedoelt u GM0479 (Zaanstad)?"
    }
    assert not m.Deelname.objects.exists()


def test_organisatie_of_a_provincie_needs_the_provincie(beheerder):
    body = {"naam": "Provincie Noord-Holland", "soort": OrganisatieSoort.PROVINCIE}
    fouten = ongeldig(beheerder.post("/api/v1/organisaties", body, format="json"))
    assert fouten == {
        "provincie": "Provincie: vul deze in bij een organisatie van de soort provincie, "
        "en alleen dan."
    }
    assert not m.Organisatie.objects.filter(naam="Provincie Noord-Holland").exists()
    antwoord = beheerder.post("/api/v1/organisaties", {**body, "provincie": "PV27"}, format="json")
    assert antwoord.status_code == 201
    assert antwoord.json()["provincie"] == "PV27"
    opgeslagen = m.Organisatie.objects.get(naam="Provincie Noord-Holland")
    assert opgeslagen.provincie.code == "PV27"
