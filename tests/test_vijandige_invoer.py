"""Hostile input: HTML and script in names are shown as text on every page, in the admin and
in every export; formula injection (=, +, -, @) is neutralised in CSV and XLSX, also in the
admin's spreadsheet export (and an exported file imports back unchanged); huge uploads and
request bodies are refused with a clear message; hostile query strings are escaped; a key
with a NUL character in an API body is refused (PostgreSQL cannot compare it)."""

import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats import base_formats
from openpyxl import load_workbook

from raad.constants import VergaderingSoort
from raad.models import Vergadering, Zienswijzeverzoek
from samenwerking import resources
from samenwerking.formats import CSVNederlands
from samenwerking.models import Gemeente, Samenwerkingsverband
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("xss")</script>'
PLAATJE = "<img src=x onerror=alert(1)>"
FORMULE = '=HYPERLINK("http://kwaad.example","klik")'


@pytest.fixture
def kwaad(referentiedata):
    """Zaanstad in an arrangement whose every name is hostile."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    deelname = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam=f"GGD {SCRIPT}",
        samenwerkingsverband__afkorting=PLAATJE[:50],
        samenwerkingsverband__doel=SCRIPT,
        samenwerkingsverband__vestigingsplaats=FORMULE[:100],
    )
    verband = deelname.samenwerkingsverband
    f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente=Gemeente.objects.get(cbs_code="GM0439")
    )
    f.ZetelFactory(deelname=deelname, persoon__naam=PLAATJE, persoon__partij=SCRIPT[:100])
    f.BijdrageFactory(deelname=deelname, onderdeel=FORMULE[:100])
    f.DocumentFactory(samenwerkingsverband=verband, titel=SCRIPT)
    f.JaarcijfersFactory(samenwerkingsverband=verband, risicos=SCRIPT)
    ZienswijzeFactory(
        gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=verband, samenvatting=SCRIPT
    )
    Vergadering.objects.create(
        samenwerkingsverband=verband,
        soort=VergaderingSoort.RAADSAVOND,
        datum=datetime.date.today(),
        omschrijving=SCRIPT[:200],
    )
    return verband


def _paginas(verband) -> list[str]:
    return [
        "/?q=GGD",
        "/gemeenten/GM0479/",
        "/gemeenten/GM0479/?indeling=domein",
        "/gemeenten/GM0479/register/",
        "/gemeenten/GM0479/partners/",
        "/gemeenten/GM0479/kalender/",
        "/gemeenten/GM0479/zienswijzen/",
        "/gemeenten/GM0479/verbonden-partijen/",
        f"/gemeenten/GM0479/samenwerkingsverbanden/{verband.uuid}/oplegger/",
        f"/samenwerkingsverbanden/{verband.slug}/",
        f"/zienswijzeverzoeken/{Zienswijzeverzoek.objects.get().uuid}/",
    ]


def _beheerpaginas(verband) -> list[str]:
    return [
        reverse("admin:samenwerking_samenwerkingsverband_changelist"),
        reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk]),
        reverse("admin:samenwerking_samenwerkingsverband_history", args=[verband.pk]),
        reverse("admin:samenwerking_zetel_changelist"),
        reverse("admin:samenwerking_persoon_changelist"),
        reverse("admin:raad_zienswijze_changelist"),
    ]


def _geen_opmaak(tekst: str, adres: str) -> None:
    for kwaadaardig in (SCRIPT, PLAATJE[:50], "<script>", "<img src=x"):
        assert kwaadaardig not in tekst, adres


def test_names_with_html_are_text_on_every_page(client, kwaad):
    for adres in _paginas(kwaad):
        antwoord = client.get(adres)
        assert antwoord.status_code == 200, adres
        tekst = antwoord.content.decode()
        _geen_opmaak(tekst, adres)
        assert "&lt;script&gt;" in tekst or "&lt;img" in tekst, adres


def test_names_with_html_are_text_in_the_admin(admin_client, kwaad):
    for adres in _beheerpaginas(kwaad):
        antwoord = admin_client.get(adres)
        assert antwoord.status_code == 200, adres
        _geen_opmaak(antwoord.content.decode(), adres)


def test_a_hostile_search_or_date_is_echoed_as_text(client, referentiedata):
    # The start page searches for the text; a gemeente's pages refuse the date and year (400
    # with their message), never a server error.
    for adres, status in (
        ("/", 200),
        ("/gemeenten/GM0479/", 400),
        ("/gemeenten/GM0479/register/", 400),
    ):
        antwoord = client.get(adres, {"q": SCRIPT, "peildatum": SCRIPT, "jaar": PLAATJE})
        assert antwoord.status_code == status, (adres, antwoord.status_code)
        _geen_opmaak(antwoord.content.decode(), adres)


def test_the_ical_feed_and_api_carry_names_as_data(client, kwaad):
    feed = client.get("/gemeenten/GM0479/kalender.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    api = client.get(f"/api/v1/samenwerkingsverbanden/{kwaad.uuid}")
    assert api["Content-Type"] == "application/json"
    assert api.json()["naam"] == f"GGD {SCRIPT}"


@pytest.mark.parametrize(
    "resource_class",
    [
        resources.SamenwerkingsverbandResource,
        resources.ZetelResource,
        resources.BijdrageResource,
        resources.DeelnameResource,
    ],
    ids=lambda r: r.__name__,
)
def test_admin_exports_neutralise_formulas_in_csv_and_xlsx(kwaad, resource_class):
    dataset = resource_class().export()
    cellen = [str(c) for rij in dataset for c in rij if isinstance(c, str)]
    assert not [c for c in cellen if c.startswith(("=", "+", "@"))], cellen
    csv = CSVNederlands().export_data(dataset)
    assert "\n=" not in csv and ";=" not in csv and ",=" not in csv
    boek = load_workbook(io.BytesIO(base_formats.XLSX().export_data(dataset)))
    formules = [c.value for r in boek.active.iter_rows() for c in r if c.data_type == "f"]
    assert formules == []


def test_an_exported_file_with_guarded_formulas_imports_back_unchanged(kwaad):
    dataset = resources.SamenwerkingsverbandResource().export()
    assert f"'{FORMULE[:100]}" in [c for rij in dataset for c in rij]
    resultaat = resources.SamenwerkingsverbandResource().import_data(dataset, dry_run=False)
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    kwaad.refresh_from_db()
    assert kwaad.vestigingsplaats == FORMULE[:100]
    assert kwaad.naam == f"GGD {SCRIPT}"


def test_a_huge_import_file_is_refused_with_a_clear_message(admin_client, settings):
    settings.IMPORT_MAX_BYTES = 10_000
    inhoud = b"samenwerkingsverband;gemeente;jaar;soort;bedrag\n" + b"x" * 20_000
    antwoord = admin_client.post(
        reverse("admin:samenwerking_bijdrage_import"),
        {
            "resource": 0,
            "format": 0,
            "import_file": SimpleUploadedFile("groot.csv", inhoud, "text/csv"),
        },
    )
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors["import_file"]
    assert fouten == [
        "Het bestand is te groot (19,6\xa0KB); de grens is 9,8\xa0KB. Splits het bestand in "
        "delen, bijvoorbeeld per samenwerkingsverband of per jaar."
    ]


def test_a_huge_api_body_is_a_problem_not_a_crash(admin_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = json.dumps({"naam": "x" * 20_000})
    antwoord = admin_client.post("/api/v1/personen", body, content_type="application/json")
    assert antwoord.status_code == 413
    assert antwoord["Content-Type"] == "application/problem+json"
    assert "te groot" in antwoord.json()["detail"]
    assert not Samenwerkingsverband.objects.filter(naam__startswith="x").exists()


def test_a_relation_key_with_a_nul_character_is_a_problem_not_a_crash(admin_client):
    """Found by schemathesis: the look-up of such a key was a 500 on PostgreSQL."""
    verband = f.SamenwerkingsverbandFactory()
    antwoord = admin_client.post(
        "/api/v1/deelnames",
        {"samenwerkingsverband": str(verband.uuid), "gemeente": "GM04\x0079"},
        content_type="application/json",
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["invalidParams"] == [
        {
            "name": "gemeente",
            "code": "ongeldig_teken",
            "reason": "Ongeldig teken (NUL) in de waarde.",
        }
    ]
    assert not verband.deelnames.exists()
