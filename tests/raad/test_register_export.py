"""The art. 27 register of a gemeente as a file (XLSX, CSV, ODS, JSON)."""

import csv
import io
import json

import jsonschema
import pytest
from odf import opendocument
from odf.table import Table, TableCell, TableRow
from openpyxl import load_workbook

from raad.parameters import Modus
from samenwerking.constants import (
    WGR_VORMEN,
    BbvCategorie,
    Bevoegdheidsverkrijging,
    Vorm,
)
from samenwerking.models import Samenwerkingsverband
from samenwerking.peilmoment import JAAR_MAX, JAAR_MIN
from tests import factories as f
from tests.raad.test_exports import DOCS, SCHEMA, URL

pytestmark = pytest.mark.django_db

SCHEMA_ART27 = json.loads((DOCS / "register-art27.schema.json").read_text())


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


def test_an_unknown_text_says_onbekend_in_every_spreadsheet_as_on_the_page(client, zaanstad):
    """The stichting has no doel, vestigingsplaats, jaarcijfers or programma: the page says
    "onbekend" and so do the XLSX, the ODS and the CSV (they had empty cells)."""
    stichting = zaanstad.deelnames.get(samenwerkingsverband__naam="Stichting Zaans Erfgoed")
    Samenwerkingsverband.objects.filter(pk=stichting.samenwerkingsverband_id).update(
        doel="", vestigingsplaats=""
    )
    teksten = [
        "Vestigingsplaats",
        "Openbaar belang / doel",
        "Risico's",
        "Ontwikkelingen",
        "Bron",
        "Programma / beleidsdoel",
        "Eigenaarsrol",
        "Opdrachtgeversrol",
    ]
    vraag = {"jaar": "2025", "kolommen": "uitgebreid"}
    pagina = " ".join(client.get(URL, vraag).content.decode().split())
    partij = pagina[pagina.index("Stichting Zaans Erfgoed</a></h3>") :]
    partij = partij[: partij.index("</article>")]
    partij = partij.replace("&#x27;", "'")
    for kop in ["Vestigingsplaats", "Openbaar belang", "Risico's", "Ontwikkelingen", "Bron"]:
        assert f"<dt>{kop}</dt><dd>onbekend</dd>" in partij

    rijen = list(
        csv.reader(
            io.StringIO(client.get(URL, {**vraag, "formaat": "csv"}).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    rij = dict(
        zip(rijen[0], next(r for r in rijen if r[1] == "Stichting Zaans Erfgoed"), strict=True)
    )
    assert [rij[k] for k in teksten] == ["onbekend"] * len(teksten)

    boek = load_workbook(io.BytesIO(client.get(URL, {**vraag, "formaat": "xlsx"}).content))
    blad = boek["Stichtingen en verenigingen"]
    koppen = [c.value for c in blad[3]]
    rij = dict(zip(koppen, [c.value for c in blad[4]], strict=True))
    assert [rij[k] for k in teksten] == ["onbekend"] * len(teksten)

    ods = opendocument.load(io.BytesIO(client.get(URL, {**vraag, "formaat": "ods"}).content))
    [blad] = [
        t
        for t in ods.spreadsheet.getElementsByType(Table)
        if t.getAttribute("name") == "Stichtingen en verenigingen"
    ]
    koppen, rij = [
        [str(c) for c in r.getElementsByType(TableCell)]
        for r in blad.getElementsByType(TableRow)[2:4]
    ]
    rij = dict(zip(koppen, rij, strict=True))
    assert [rij[k] for k in teksten] == ["onbekend"] * len(teksten)


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


def test_the_schemas_say_the_codes_and_bounds_of_the_code():
    """The committed schemas list codes and bounds; they must be those the exports write."""
    vp = SCHEMA["properties"]
    assert vp["modus"]["enum"] == Modus.values
    assert (vp["jaar"]["minimum"], vp["jaar"]["maximum"]) == (JAAR_MIN, JAAR_MAX)
    partij = SCHEMA["$defs"]["partij"]["properties"]
    assert partij["vormCode"]["enum"] == Vorm.values
    categorie = SCHEMA["$defs"]["categorie"]["properties"]
    assert categorie["code"]["enum"] == [*BbvCategorie.values, "overige_samenwerking"]
    regeling = SCHEMA_ART27["$defs"]["regeling"]["properties"]
    assert set(regeling["vormCode"]["enum"]) == set(WGR_VORMEN)
    bevoegdheid = regeling["overgedragenBevoegdheden"]["items"]["properties"]
    assert bevoegdheid["verkrijging"]["enum"] == [*Bevoegdheidsverkrijging.values, None]


@pytest.mark.parametrize("aantal", [1, 30])
def test_register_file_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for _ in range(aantal):
        d = f.DeelnameFactory(gemeente=zaanstad)
        f.WettelijkeGrondslagFactory(samenwerkingsverband=d.samenwerkingsverband)
    # 1 gemeente, 2 regelingen, 3 deelnemers, 4 grondslagen, 5 bevoegdheden.
    with django_assert_num_queries(5):
        client.get("/gemeenten/GM0479/register/", {"formaat": "xlsx"})
