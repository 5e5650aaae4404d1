"""The admin's export of every register list: the page opens with its form in Dutch, each
offered format gives a file with the resource's columns and the rows of the list, in a fixed
number of queries however many rows there are."""

import datetime
import io
import json

import pytest
import tablib
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from import_export.admin import ExportMixin
from openpyxl import load_workbook

from samenwerking.formats import CSVNederlands
from samenwerking.models import Deelname, Gemeente
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

EXPORTEERBAAR = sorted(
    (model._meta.model_name, beheer)
    for model, beheer in admin.site._registry.items()
    if isinstance(beheer, ExportMixin)
)


def _register(referentiedata, aantal: int = 1):
    """`aantal` arrangements, each with a deelname of Zaanstad, a seat, money and figures."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    for n in range(aantal):
        deelname = f.DeelnameFactory(
            gemeente=zaanstad, samenwerkingsverband__naam=f"GGD Zaanstreek {n}"
        )
        deelname.samenwerkingsverband.domeinen.add(f.DomeinFactory())
        f.ZetelFactory(deelname=deelname, begindatum=datetime.date(2022, 1, 1))
        f.BijdrageFactory(deelname=deelname, jaar=2025)
        f.JaarcijfersFactory(samenwerkingsverband=deelname.samenwerkingsverband)


def _url(naam: str) -> str:
    return reverse(f"admin:samenwerking_{naam}_export")


def _formaten(beheer) -> dict[str, str]:
    """Format title (csv, xlsx, …) to the form's choice value."""
    return {f().get_title(): str(i) for i, f in enumerate(beheer.get_export_formats())}


def _exporteer(client, naam: str, beheer, formaat: str):
    return client.post(_url(naam), {"format": _formaten(beheer)[formaat], **_alle_kolommen(beheer)})


def _alle_kolommen(beheer) -> dict[str, str]:
    resource = beheer.get_export_resource_classes(None)[0]
    return {f"{resource.__name__.lower()}_{veld}": "on" for veld in resource().get_export_order()}


def _kop_en_rijen(antwoord, formaat: str) -> tuple[list, list]:
    inhoud = antwoord.content
    if formaat == "csv":
        dataset = CSVNederlands().create_dataset(inhoud)
        return list(dataset.headers), [list(r) for r in dataset]
    if formaat == "xlsx":
        blad = load_workbook(io.BytesIO(inhoud), read_only=True).active
        rijen = [list(r) for r in blad.iter_rows(values_only=True)]
        return rijen[0], rijen[1:]
    if formaat == "ods":
        dataset = tablib.Dataset().load(inhoud, format="ods")
        return list(dataset.headers), [list(r) for r in dataset]
    if formaat == "json":
        rijen = json.loads(inhoud)
        return list(rijen[0]), [list(r.values()) for r in rijen]
    raise AssertionError(formaat)


def test_every_admin_with_export_is_tested():
    assert [naam for naam, _b in EXPORTEERBAAR] == [
        "bijdrage",
        "deelname",
        "gemeente",
        "jaarcijfers",
        "samenwerkingsverband",
        "zetel",
    ]


@pytest.mark.parametrize(("naam", "beheer"), EXPORTEERBAAR, ids=[n for n, _b in EXPORTEERBAAR])
def test_export_page_opens_with_its_form_in_dutch(admin_client, referentiedata, naam, beheer):
    _register(referentiedata)
    antwoord = admin_client.get(_url(naam))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Kies de kolommen van het bestand:" in tekst
    assert 'value="Exporteren"' in tekst
    assert '<label for="id_format">Formaat:</label>' in tekst
    for titel in ("csv", "xlsx", "ods", "json"):
        assert f">{titel}</option>" in tekst
    # The columns to choose are named as in the file.
    resource = beheer.get_export_resource_classes(None)[0]()
    for kolom in resource.get_export_headers():
        assert f">{kolom}</label>" in tekst
    for engels in ("This exporter", "Select all", "Submit"):
        assert engels not in tekst


@pytest.mark.parametrize("formaat", ["csv", "xlsx", "ods", "json"])
@pytest.mark.parametrize(("naam", "beheer"), EXPORTEERBAAR, ids=[n for n, _b in EXPORTEERBAAR])
def test_export_file_has_the_columns_and_rows_of_the_list(
    admin_client, referentiedata, naam, beheer, formaat
):
    _register(referentiedata)
    antwoord = _exporteer(admin_client, naam, beheer, formaat)
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"].startswith("attachment; filename=")
    assert antwoord["Content-Disposition"].endswith(f'.{formaat}"')
    kop, rijen = _kop_en_rijen(antwoord, formaat)
    resource = beheer.get_export_resource_classes(None)[0]()
    assert kop == resource.get_export_headers()
    model = beheer.model
    assert len(rijen) == model.objects.count() >= 1
    if "uuid" in kop:
        uuids = {str(r[kop.index("uuid")]) for r in rijen}
        assert uuids == {str(u) for u in model.objects.values_list("uuid", flat=True)}


def test_csv_export_opens_in_dutch_excel(admin_client, referentiedata):
    """Semicolons and a BOM: Dutch Excel shows the columns, with é and ë intact."""
    _register(referentiedata)
    Deelname.objects.update(bron="Gemeenteblad, ‘één’ regeling")
    beheer = admin.site._registry[Deelname]
    inhoud = _exporteer(admin_client, "deelname", beheer, "csv").content.decode("utf-8")
    assert inhoud.startswith("\ufeffuuid;samenwerkingsverband;samenwerkingsverband_naam;")
    assert "Gemeenteblad, ‘één’ regeling" in inhoud


def test_xlsx_export_with_control_characters_still_opens(admin_client, referentiedata):
    _register(referentiedata)
    Deelname.objects.update(bron="regel\x0bmet\x01stuurtekens")
    beheer = admin.site._registry[Deelname]
    antwoord = _exporteer(admin_client, "deelname", beheer, "xlsx")
    kop, rijen = _kop_en_rijen(antwoord, "xlsx")
    assert rijen[0][kop.index("bron")] == "regel\ufffdmet\ufffdstuurtekens"


def test_choosing_no_column_is_explained_in_dutch(admin_client, referentiedata):
    beheer = admin.site._registry[Deelname]
    antwoord = admin_client.post(_url("deelname"), {"format": _formaten(beheer)["csv"]})
    assert antwoord.status_code == 200
    assert "Kies ten minste één kolom voor het bestand." in antwoord.content.decode()


def test_secretariaat_exports_the_rows_of_its_own_arrangements(referentiedata):
    _register(referentiedata, aantal=2)
    eigen, ander = [d.samenwerkingsverband for d in Deelname.objects.order_by("pk")]
    client = Client()
    client.force_login(account(RolSoort.SECRETARIAAT, verbanden=[eigen]))
    beheer = admin.site._registry[Deelname]
    assert client.get(_url("deelname")).status_code == 200
    kop, rijen = _kop_en_rijen(_exporteer(client, "deelname", beheer, "csv"), "csv")
    assert [r[kop.index("samenwerkingsverband_naam")] for r in rijen] == [eigen.naam]
    assert ander.naam not in str(rijen)


@pytest.mark.parametrize(("naam", "beheer"), EXPORTEERBAAR, ids=[n for n, _b in EXPORTEERBAAR])
def test_export_queries_do_not_grow_with_the_rows(
    admin_client, referentiedata, django_assert_num_queries, naam, beheer
):
    """Session and user, the rows, and one query per relation the columns show (prefetched:
    e.g. a deelname's arrangement, gemeente and organisatie); not one per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _register(referentiedata, aantal=2)
    with CaptureQueriesContext(connection) as weinig:
        assert _exporteer(admin_client, naam, beheer, "csv").status_code == 200
    _register(referentiedata, aantal=12)
    with django_assert_num_queries(len(weinig)):
        antwoord = _exporteer(admin_client, naam, beheer, "csv")
    assert len(_kop_en_rijen(antwoord, "csv")[1]) == beheer.model.objects.count()


@pytest.mark.parametrize("naam", ["bijdrage", "zetel", "samenwerkingsverband"])
def test_an_export_with_a_filter_the_list_does_not_have_says_so_in_dutch(
    referentiedata, admin_client, naam
):
    """A stale or hand-made filter in the export's address was a server error (500)."""
    _register(referentiedata)
    beheer = dict(EXPORTEERBAAR)[naam]
    url = _url(naam) + "?bestaat_niet__id__exact=1"
    for antwoord in (
        admin_client.get(url, follow=True),
        admin_client.post(
            url, {"format": _formaten(beheer)["csv"], **_alle_kolommen(beheer)}, follow=True
        ),
    ):
        assert antwoord.status_code == 200
        assert antwoord.redirect_chain[-1][0] == reverse(f"admin:samenwerking_{naam}_changelist")
        assert "noemt een filter dat de lijst van" in antwoord.content.decode()
        assert "Er is niets geëxporteerd" in antwoord.content.decode()
