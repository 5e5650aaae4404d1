"""The art. 27 register (Wgr) as files: the same words as the page, a fixed number of queries."""

import csv
import io
import json

import jsonschema
import pytest
from openpyxl import load_workbook

from samenwerking.constants import Bevoegdheidsverkrijging
from tests import factories as f
from tests.raad.exports.hulp import SCHEMA_ART27

pytestmark = pytest.mark.django_db


def test_register_as_xlsx_and_csv(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    f.WettelijkeGrondslagFactory(samenwerkingsverband=ggd.samenwerkingsverband)
    antwoord = client.get(
        "/gemeenten/GM0479/register/", {"peildatum": "2025-06-01", "formaat": "xlsx"}
    )
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    assert blad["A1"].value == "Register gemeenschappelijke regelingen Zaanstad, stand 01-06-2025"
    koppen = [c.value for c in blad[3]]
    assert koppen == [
        "Regeling",
        "Deelnemers",
        "Wettelijke voorschriften die de bevoegdheden beheersen",
        "Overgedragen bevoegdheden",
        "Adres",
        "Plaats van vestiging",
        "Ingestelde rechtsvorm",
    ]
    namen = [r[0] for r in blad.iter_rows(min_row=4, values_only=True)]
    assert namen == [
        "GGD Zaanstreek-Waterland",
        "Recreatieschap Twiske-Waterland",
        "Regeling leerlingenvervoer",
    ]  # the stichting is not a GR
    tekst = client.get(
        "/gemeenten/GM0479/register/", {"peildatum": "2025-06-01", "formaat": "csv"}
    ).content.decode("utf-8-sig")
    assert "Wet publieke gezondheid, art. 14" in tekst
    # The CSV has no title line: every row says whose register it is and of which day, at the
    # end, after the columns of the XLSX.
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0] == [*koppen, "Gemeente", "CBS-code", "Peildatum"]
    assert [r[0] for r in rijen[1:]] == namen
    assert {tuple(r[-3:]) for r in rijen[1:]} == {("Zaanstad", "GM0479", "01-06-2025")}


def test_register_export_says_niet_vastgelegd_as_the_page_does(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/register/", {"peildatum": "2025-06-01"})
    pagina = " ".join(antwoord.content.decode().split())
    assert 'Overgedragen bevoegdheden</dt> <dd><span class="onbekend">niet vastgelegd' in pagina
    tekst = client.get(
        "/gemeenten/GM0479/register/", {"peildatum": "2025-06-01", "formaat": "csv"}
    ).content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    naam = "Regeling leerlingenvervoer"
    rij = dict(zip(rijen[0], next(r for r in rijen if r[0] == naam), strict=True))
    assert rij["Wettelijke voorschriften die de bevoegdheden beheersen"] == "niet vastgelegd"
    assert rij["Overgedragen bevoegdheden"] == "niet vastgelegd"
    assert rij["Adres"] == "niet vastgelegd"
    # The same words as the page for a regeling without a body of its own.
    geen_lichaam = (
        "geen openbaar lichaam, bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan "
        "(regeling zonder meer)"
    )
    assert geen_lichaam in pagina
    assert rij["Ingestelde rechtsvorm"] == geen_lichaam


def test_register_export_names_how_each_bevoegdheid_was_obtained_as_the_page_does(client, zaanstad):
    verband = zaanstad.deelnames.get(
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland"
    ).samenwerkingsverband
    f.BevoegdheidFactory(
        samenwerkingsverband=verband,
        artikel="art. 4",
        omschrijving="Jeugdgezondheidszorg",
        verkrijging=Bevoegdheidsverkrijging.DELEGATIE,
    )
    vraag = {"peildatum": "2025-06-01"}
    pagina = " ".join(client.get("/gemeenten/GM0479/register/", vraag).content.decode().split())
    assert 'art. 4:</span> Jeugdgezondheidszorg <span class="bijschrift">(delegatie)' in pagina
    tekst = client.get("/gemeenten/GM0479/register/", {**vraag, "formaat": "csv"}).content.decode(
        "utf-8-sig"
    )
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    rij = dict(zip(rijen[0], next(r for r in rijen if r[0] == verband.naam), strict=True))
    assert rij["Overgedragen bevoegdheden"] == "art. 4: Jeugdgezondheidszorg (delegatie)"


def test_a_glued_article_reads_one_member_a_line_in_the_spreadsheet_as_on_the_page(
    client, zaanstad
):
    """An article's members glued ("…opgedragen.2. Het bestuur…") stand one a line in the
    XLSX cell as on the page; the JSON keeps the text as the register wrote it."""
    verband = zaanstad.deelnames.get(
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland"
    ).samenwerkingsverband
    geplakt = "1. De dienst voert de opgedragen taken uit.2. Het bestuur besluit daarover."
    f.BevoegdheidFactory(
        samenwerkingsverband=verband,
        artikel="art. 4",
        omschrijving=geplakt,
        verkrijging=Bevoegdheidsverkrijging.DELEGATIE,
    )
    vraag = {"peildatum": "2025-06-01"}
    pagina = " ".join(client.get("/gemeenten/GM0479/register/", vraag).content.decode().split())
    assert "taken uit.<br>2. Het bestuur" in pagina
    antwoord = client.get("/gemeenten/GM0479/register/", {**vraag, "formaat": "xlsx"})
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    koppen = [c.value for c in blad[3]]
    rij = next(
        dict(zip(koppen, r, strict=True))
        for r in blad.iter_rows(min_row=4, values_only=True)
        if r[0] == verband.naam
    )
    assert rij["Overgedragen bevoegdheden"] == (
        "art. 4: 1. De dienst voert de opgedragen taken uit.\n"
        "2. Het bestuur besluit daarover. (delegatie)"
    )
    data = client.get("/gemeenten/GM0479/register/", {**vraag, "formaat": "json"}).json()
    [regeling] = [r for r in data["regelingen"] if r["naam"] == verband.naam]
    assert [b["omschrijving"] for b in regeling["overgedragenBevoegdheden"]] == [geplakt]


def test_register_refuses_an_unknown_format_and_shows_the_page(client, zaanstad):
    antwoord = client.get("/gemeenten/GM0479/register/", {"formaat": "docx"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "text/html; charset=utf-8"
    tekst = " ".join(antwoord.content.decode().split())
    # Named by the label the page shows, not the form's internal one ("Formaat").
    assert "Bestandsformaat: kies html, xlsx, csv, ods of json. Getoond: de webpagina." in tekst
    assert "GGD Zaanstreek-Waterland</a></h2>" in tekst


def test_register_as_json_has_fixed_keys_and_validates(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    verband = ggd.samenwerkingsverband
    verband.adres, verband.postcode = "Vurehout 2", "1507 EC"
    verband.save()
    f.WettelijkeGrondslagFactory(
        samenwerkingsverband=verband, url="https://wetten.overheid.nl/BWBR0024705"
    )
    f.BevoegdheidFactory(
        samenwerkingsverband=verband,
        omschrijving="Jeugdgezondheidszorg",
        verkrijging=Bevoegdheidsverkrijging.DELEGATIE,
    )
    f.BevoegdheidFactory(samenwerkingsverband=verband, artikel="", omschrijving="Toezicht")
    antwoord = client.get(
        "/gemeenten/GM0479/register/", {"peildatum": "2025-06-01", "formaat": "json"}
    )
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord["Content-Disposition"] == (
        'attachment; filename="register-art27-GM0479-2025-06-01.json"'
    )
    data = json.loads(antwoord.content)
    jsonschema.validate(data, SCHEMA_ART27, format_checker=jsonschema.FormatChecker())
    assert data["gemeente"] == {"cbsCode": "GM0479", "naam": "Zaanstad"}
    assert data["peildatum"] == "2025-06-01"
    assert [r["naam"] for r in data["regelingen"]] == [
        "GGD Zaanstreek-Waterland",
        "Recreatieschap Twiske-Waterland",
        "Regeling leerlingenvervoer",
    ]
    assert data["regelingen"][0] == {
        "samenwerkingsverband": str(verband.uuid),
        "naam": "GGD Zaanstreek-Waterland",
        "rechtsvorm": "Openbaar lichaam",
        "vormCode": "OL",
        "deelnemers": [
            {"naam": "Purmerend", "cbsCode": "GM0439"},
            {"naam": "Zaanstad", "cbsCode": "GM0479"},
        ],
        "wettelijkeVoorschriften": [
            {
                "opschrift": "Wet publieke gezondheid, art. 14",
                "url": "https://wetten.overheid.nl/BWBR0024705",
            }
        ],
        "overgedragenBevoegdheden": [
            {
                "artikel": "art. 5",
                "omschrijving": "Jeugdgezondheidszorg",
                "verkrijging": "delegatie",
            },
            {"artikel": None, "omschrijving": "Toezicht", "verkrijging": None},
        ],
        "adres": "Vurehout 2",
        "postcode": "1507 EC",
        "vestigingsplaats": "Zaandam",
        "ingesteldeRechtsvorm": "Openbaar lichaam",
    }
    rzm = data["regelingen"][2]
    assert (rzm["vormCode"], rzm["ingesteldeRechtsvorm"]) == ("RZM", None)


@pytest.mark.parametrize("aantal", [1, 30])
def test_register_file_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for _ in range(aantal):
        d = f.DeelnameFactory(gemeente=zaanstad)
        f.WettelijkeGrondslagFactory(samenwerkingsverband=d.samenwerkingsverband)
    # 1 gemeente, 2 regelingen, 3 deelnemers, 4 grondslagen, 5 bevoegdheden.
    with django_assert_num_queries(5):
        client.get("/gemeenten/GM0479/register/", {"formaat": "xlsx"})
