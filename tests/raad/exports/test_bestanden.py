"""The verbonden-partijen list as files (XLSX, CSV, ODS, JSON): the same content as the page,
the committed schemas, a fixed number of queries."""

import csv
import io
import zipfile
from decimal import Decimal

import jsonschema
import pytest
from odf import opendocument
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import load_workbook

from raad.exports import verbonden_partijen_bestand
from raad.parameters import Modus
from raad.selectors import verbonden_partijen
from samenwerking.constants import (
    WGR_VORMEN,
    BbvCategorie,
    Bevoegdheidsverkrijging,
    JaarcijfersSoort,
    Vorm,
)
from samenwerking.models import Samenwerkingsverband
from samenwerking.peilmoment import JAAR_MAX, JAAR_MIN
from tests import factories as f
from tests.raad.exports.hulp import SCHEMA, SCHEMA_ART27, URL

pytestmark = pytest.mark.django_db


def test_xlsx_has_overview_and_one_sheet_per_category_with_partijen(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "modus": "begroting", "formaat": "xlsx"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"] == (
        'attachment; filename="verbonden-partijen-GM0479-2025-begroting.xlsx"'
    )
    boek = load_workbook(io.BytesIO(antwoord.content))
    # No empty sheets: the categories without partijen are lines in the overview only.
    assert boek.sheetnames == [
        "Overzicht",
        "Gemeenschappelijke regelingen",
        "Stichtingen en verenigingen",
        "Overige samenwerkingsverbanden",
    ]
    assert boek.properties.title == "Verbonden partijen Zaanstad 2025 (begroting)"

    gr = boek["Gemeenschappelijke regelingen"]
    assert (
        gr["A1"].value
        == "Verbonden partijen Zaanstad 2025 (begroting) – Gemeenschappelijke regelingen"
    )
    assert gr.freeze_panes == "A4"
    assert gr.auto_filter.ref == "A3:T4"  # the header row and the one GR, all 20 columns
    koppen = [c.value for c in gr[3]]
    assert koppen[:8] == [
        "Categorie",
        "Naam",
        "Rechtsvorm",
        "Vestigingsplaats",
        "Openbaar belang / doel",
        "Deelnemende partijen",
        "Deelname via",
        "Bestuurlijk belang",
    ]
    rij = dict(zip(koppen, [c.value for c in gr[4]], strict=True))
    assert rij["Naam"] == "GGD Zaanstreek-Waterland"
    assert rij["Deelnemende partijen"] == "Purmerend; Zaanstad"
    assert rij["Bestuurlijk belang"] == "J. Olthof (wethouder), lid algemeen bestuur"
    assert rij["Bijdrage begroot"] == 2500000.5
    assert rij["Verdeelsleutel (%)"] == 45.5
    # Onbekend: an empty cell (the column stays numeric) with a note saying so.
    assert rij["Vreemd vermogen 1 januari"] is None
    onbekend = gr.cell(row=4, column=koppen.index("Vreemd vermogen 1 januari") + 1)
    assert onbekend.comment.text == "onbekend: niet vastgelegd in het register"
    assert rij["Bron"].startswith("Begroting 2025 GGD")
    geldcel = gr.cell(row=4, column=koppen.index("Bijdrage begroot") + 1)
    assert "€" in geldcel.number_format
    assert gr.column_dimensions["B"].width >= len("GGD Zaanstreek-Waterland")

    overzicht = boek["Overzicht"]
    waarden = {r[0]: r[1:] for r in overzicht.iter_rows(min_row=4, values_only=True)}
    # Aantal, begroot, gerealiseerd, and how many bijdragen are unknown and not in those sums
    # (the stichting has no gerealiseerde bijdrage, the regeling zonder meer none at all).
    # Named as on the page: the overige samenwerkingsverbanden are not in this total.
    assert waarden["Totaal verbonden partijen"] == (2, 2625000.5, 2400000, 0, 1)
    assert waarden["Overige samenwerkingsverbanden"] == (2, 300000, None, 1, 2)
    # No vennootschappen: nothing paid, € 0; not an empty cell with the note "onbekend".
    assert waarden["Vennootschappen en coöperaties"] == (0, 0, 0, 0, 0)
    leeg = overzicht.cell(
        row=[r[0] for r in overzicht.values].index("Overige verbonden partijen") + 1, column=3
    )
    assert leeg.value == 0 and leeg.comment is None


def test_csv_for_dutch_excel(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "formaat": "csv"})
    assert antwoord.content.startswith("\ufeff".encode())
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    koppen = rijen[0]
    ggd = dict(
        zip(koppen, next(r for r in rijen if r[1] == "GGD Zaanstreek-Waterland"), strict=True)
    )
    assert ggd["Bijdrage begroot"] == "2500000,50"
    # A percentage with the decimals it has, as on the page (45,5%); money in cents.
    assert ggd["Verdeelsleutel (%)"] == "45,5"
    assert ggd["Vreemd vermogen 1 januari"] == "onbekend"
    assert ggd["Categorie"] == "Gemeenschappelijke regelingen"
    assert len(rijen) == 1 + 4  # header + two verbonden partijen + two overige
    # Every row says whose list and which year it is, at the end: the columns before keep
    # their positions (the name is still the second).
    assert koppen[:2] == ["Categorie", "Naam"]
    assert koppen[-4:] == ["Gemeente", "CBS-code", "Jaar", "Lijst voor"]
    assert {tuple(r[-4:]) for r in rijen[1:]} == {("Zaanstad", "GM0479", "2025", "begroting")}
    jaarrekening = client.get(URL, {"jaar": "2024", "modus": "jaarrekening", "formaat": "csv"})
    rijen = list(csv.reader(io.StringIO(jaarrekening.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[1][-2:] == ["2024", "jaarrekening"]
    # The rows that do not qualify carry the name of their sheet and of the page's section.
    overige = {r[0] for r in rijen[1:] if r[1] == "Regeling leerlingenvervoer"}
    assert overige == {"Overige samenwerkingsverbanden"}


def test_the_verdeelsleutel_is_the_same_on_the_page_in_every_export_and_in_the_api(
    client, zaanstad
):
    """A verdeelsleutel is stored with four decimals; no surface rounds it to two (the CSV
    and the JSON said 13,79 where the page, the XLSX and the comparison API said 13,7931)."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    ggd.verdeelsleutel = Decimal("13.7931")
    ggd.save()
    pagina = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    assert "verdeelsleutel 13,7931%" in pagina

    tekst = client.get(URL, {"jaar": "2025", "formaat": "csv"}).content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    naam = ggd.samenwerkingsverband.naam
    rij = dict(zip(rijen[0], next(r for r in rijen if r[1] == naam), strict=True))
    assert rij["Verdeelsleutel (%)"] == "13,7931"
    assert rij["Bijdrage begroot"] == "2500000,50"

    boek = load_workbook(io.BytesIO(client.get(URL, {"jaar": "2025", "formaat": "xlsx"}).content))
    blad = boek["Gemeenschappelijke regelingen"]
    koppen = [c.value for c in blad[3]]
    assert blad.cell(row=4, column=koppen.index("Verdeelsleutel (%)") + 1).value == 13.7931

    for document in (
        client.get(URL, {"jaar": "2025", "formaat": "json"}).json(),
        client.get("/api/v1/gemeenten/GM0479/verbonden-partijen", {"jaar": "2025"}).json(),
    ):
        jsonschema.validate(document, SCHEMA)
        partij = document["categorieen"][0]["partijen"][0]
        assert partij["financieelBelang"]["verdeelsleutel"] == "13.7931"
    vergelijking = client.get(
        f"/api/v1/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/kosten-per-inwoner",
        {"jaar": "2025"},
    ).json()
    [zaanstad_rij] = [r for r in vergelijking["deelnemers"] if r["cbsCode"] == "GM0479"]
    assert zaanstad_rij["verdeelsleutel"] == "13.7931"


def test_every_json_document_writes_the_verdeelsleutel_the_same_way(client, zaanstad):
    """45,5% is "45.5000" (the four stored decimals, as the API's DecimalField writes it) in
    the deelname, the core answer, the comparison and both verbonden-partijen documents; they
    said "45.5000", "45.50" and "45.5"."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    verband = ggd.samenwerkingsverband.uuid
    deelname = client.get(f"/api/v1/deelnames/{ggd.uuid}").json()
    kern = client.get(
        "/api/v1/gemeenten/GM0479/samenwerkingsverbanden", {"peildatum": "2025-06-01"}
    ).json()
    vergelijking = client.get(
        f"/api/v1/samenwerkingsverbanden/{verband}/kosten-per-inwoner", {"jaar": "2025"}
    ).json()
    lijsten = [
        client.get(URL, {"jaar": "2025", "formaat": "json"}).json(),
        client.get("/api/v1/gemeenten/GM0479/verbonden-partijen", {"jaar": "2025"}).json(),
    ]

    sleutels = [
        deelname["verdeelsleutel"],
        next(
            r["deelname"]["verdeelsleutel"]
            for r in kern["samenwerkingsverbanden"]
            if r["samenwerkingsverband"]["uuid"] == str(verband)
        ),
        next(r["verdeelsleutel"] for r in vergelijking["deelnemers"] if r["cbsCode"] == "GM0479"),
    ] + [
        next(
            p["financieelBelang"]["verdeelsleutel"]
            for c in lijst["categorieen"]
            for p in c["partijen"]
            if p["naam"] == "GGD Zaanstreek-Waterland"
        )
        for lijst in lijsten
    ]
    assert sleutels == ["45.5000"] * 5


def test_ods_has_the_same_sheets(zaanstad):
    inhoud = verbonden_partijen_bestand(verbonden_partijen(zaanstad, jaar=2025), "ods")
    document = opendocument.load(io.BytesIO(inhoud))
    bladen = [t.getAttribute("name") for t in document.spreadsheet.getElementsByType(Table)]
    assert bladen == [
        "Overzicht",
        "Gemeenschappelijke regelingen",
        "Stichtingen en verenigingen",
        "Overige samenwerkingsverbanden",
    ]


def test_json_validates_against_the_committed_schema(client, zaanstad):
    data = client.get(URL, {"jaar": "2025", "modus": "jaarrekening", "formaat": "json"}).json()
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    ggd = data["categorieen"][0]["partijen"][0]
    assert ggd["financieelBelang"]["bijdrageBegroot"] == "2500000.50"
    assert ggd["eigenVermogenEind"] is None  # jaarrekening 2025 not recorded: onbekend
    # As on the page: how many bijdragen are unknown and not in the sums (the stichting has
    # no gerealiseerde bijdrage; the overige one none at all, the regeling zonder meer).
    assert data["totaal"] == {
        "aantal": 2,
        "bijdrageBegroot": "2625000.50",
        "bijdrageGerealiseerd": "2400000.00",
        "aantalBegrootOnbekend": 0,
        "aantalGerealiseerdOnbekend": 1,
    }
    overige = data["overigeSamenwerkingsverbanden"]
    assert (overige["aantalBegrootOnbekend"], overige["aantalGerealiseerdOnbekend"]) == (1, 2)
    # A category without partijen sums to 0.00; null would say onbekend.
    [vennootschappen] = [c for c in data["categorieen"] if c["code"] == "vennootschap_cooperatie"]
    assert (vennootschappen["bijdrageBegroot"], vennootschappen["partijen"]) == ("0.00", [])


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


def test_formula_injection_is_neutralised(client, zaanstad):
    verband = zaanstad.deelnames.get(samenwerkingsverband__vorm=Vorm.STICHTING).samenwerkingsverband
    verband.naam = '=HYPERLINK("http://kwaad.example")'
    verband.save()
    boek = load_workbook(io.BytesIO(client.get(URL, {"jaar": "2025", "formaat": "xlsx"}).content))
    assert boek["Stichtingen en verenigingen"]["B4"].value == '\'=HYPERLINK("http://kwaad.example")'
    tekst = client.get(URL, {"jaar": "2025", "formaat": "csv"}).content.decode("utf-8-sig")
    namen = [r[1] for r in csv.reader(io.StringIO(tekst), delimiter=";")]
    assert '\'=HYPERLINK("http://kwaad.example")' in namen


@pytest.mark.parametrize("aantal", [1, 30])
@pytest.mark.parametrize("kolommen", ["bbv", "uitgebreid"])
@pytest.mark.parametrize("formaat", ["xlsx", "csv", "ods", "json", "html"])
def test_export_query_count(client, zaanstad, aantal, kolommen, formaat, django_assert_num_queries):
    namen = []
    for _ in range(aantal):
        d = f.DeelnameFactory(gemeente=zaanstad)
        namen.append(d.samenwerkingsverband.naam)
        f.ZetelFactory(deelname=d)
        f.BijdrageFactory(deelname=d, jaar=2025)
        f.JaarcijfersFactory(
            samenwerkingsverband=d.samenwerkingsverband,
            jaar=2025,
            soort=JaarcijfersSoort.BEGROTING,
            bron_document=f.DocumentFactory(samenwerkingsverband=d.samenwerkingsverband),
        )
    # 1 gemeente; deelnames_van_gemeente: 2 deelnames with arrangement and the sums of
    # bijdragen, 3 domeinen, 4 seats in the year, 5 bijdragen of the year (the BBV test is
    # made from 2 and 4); 6 participants in the year, 7 jaarcijfers with source document,
    # 8 (extended columns only) the begrote bijdragen of the three years after (the
    # meerjarenraming).
    with django_assert_num_queries(8 if kolommen == "uitgebreid" else 7):
        antwoord = client.get(URL, {"jaar": "2025", "formaat": formaat, "kolommen": kolommen})
    assert antwoord.status_code == 200
    # Every participation is in the list, whatever the format.
    if formaat == "xlsx":
        boek = load_workbook(io.BytesIO(antwoord.content))
        tekst = " ".join(str(c) for blad in boek for rij in blad.values for c in rij if c)
    elif formaat == "ods":
        tekst = zipfile.ZipFile(io.BytesIO(antwoord.content)).read("content.xml").decode()
    else:
        tekst = antwoord.content.decode("utf-8-sig")
    assert all(naam in tekst for naam in [*namen, "GGD Zaanstreek-Waterland"])


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


def test_a_glued_doel_reads_one_sentence_a_line_in_the_spreadsheets_as_on_the_page(
    client, zaanstad
):
    """The national register's doelen have sentences and lists glued together ("…de
    ombudsman.In een apart besluit…"): the page shows each on a line of its own, and so do
    the XLSX, ODS and CSV cells (they had the glued text); the JSON open data keeps the text as the
    register wrote it."""
    geplakt = "Publieke gezondheid.Verantwoording aan de ombudsman.In een besluit:- jeugd;- ouderen"
    Samenwerkingsverband.objects.filter(naam="GGD Zaanstreek-Waterland").update(doel=geplakt)
    regels = [
        "Publieke gezondheid.",
        "Verantwoording aan de ombudsman.",
        "In een besluit:",
        "- jeugd;",
        "- ouderen",
    ]
    pagina = client.get(URL, {"jaar": "2025"})
    assert pagina.status_code == 200
    assert "<br>".join(regels) in pagina.content.decode()

    boek = load_workbook(io.BytesIO(client.get(URL, {"jaar": "2025", "formaat": "xlsx"}).content))
    blad = boek["Gemeenschappelijke regelingen"]
    koppen = [c.value for c in blad[3]]
    rij = next(
        dict(zip(koppen, r, strict=True))
        for r in blad.iter_rows(min_row=4, values_only=True)
        if r[1] == "GGD Zaanstreek-Waterland"
    )
    assert rij["Openbaar belang / doel"].split("\n") == regels

    tekst = client.get(URL, {"jaar": "2025", "formaat": "csv"}).content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    rij = dict(
        zip(rijen[0], next(r for r in rijen if r[1] == "GGD Zaanstreek-Waterland"), strict=True)
    )
    assert rij["Openbaar belang / doel"].split("\n") == regels

    # In the ODS each line is a paragraph of the cell (a newline in one reads as a space).
    ods = opendocument.load(io.BytesIO(client.get(URL, {"jaar": "2025", "formaat": "ods"}).content))
    [blad] = [
        t
        for t in ods.spreadsheet.getElementsByType(Table)
        if t.getAttribute("name") == "Gemeenschappelijke regelingen"
    ]
    rijen = blad.getElementsByType(TableRow)
    koppen = [str(c) for c in rijen[2].getElementsByType(TableCell)]
    [cellen] = [
        r.getElementsByType(TableCell)
        for r in rijen[3:]
        if str(r.getElementsByType(TableCell)[1]) == "GGD Zaanstreek-Waterland"
    ]
    doel = cellen[koppen.index("Openbaar belang / doel")]
    assert [str(p) for p in doel.getElementsByType(P)] == regels

    data = client.get(URL, {"jaar": "2025", "formaat": "json"}).json()
    doelen = {p["naam"]: p["openbaarBelang"] for c in data["categorieen"] for p in c["partijen"]}
    assert doelen["GGD Zaanstreek-Waterland"] == geplakt
