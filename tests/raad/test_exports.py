"""The verbonden-partijen list (BBV art. 15) as a page and as files, and the oplegger. The
art. 27 register as a file: test_register_export.py; the command: test_export_opdracht.py."""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone
from odf import opendocument
from odf.table import Table
from openpyxl import load_workbook

from raad.exports import verbonden_partijen_bestand
from raad.selectors import verbonden_partijen
from samenwerking.constants import (
    JaarcijfersSoort,
    Vorm,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = json.loads((DOCS / "verbonden-partijen.schema.json").read_text())
URL = "/gemeenten/GM0479/verbonden-partijen/"


def test_each_partij_lands_in_its_category_with_its_reason(zaanstad):
    lijst = verbonden_partijen(zaanstad, jaar=2025, modus="begroting")
    per_categorie = {c.code: [p.verband.naam for p in c.partijen] for c in lijst.categorieen}
    assert per_categorie == {
        "gemeenschappelijke_regeling": ["GGD Zaanstreek-Waterland"],
        "vennootschap_cooperatie": [],
        "stichting_vereniging": ["Stichting Zaans Erfgoed"],
        "overig": [],
    }
    overige = {p.verband.naam: p.deelname.bbv_redenen for p in lijst.overige.partijen}
    assert overige == {
        "Recreatieschap Twiske-Waterland": "bestuurlijk belang: vastgelegd: alleen een "
        "adviserende stem in het bestuur; financieel belang: bijdrage 2025",
        "Regeling leerlingenvervoer": "Regeling zonder meer: geen eigen rechtspersoon, daarom "
        "standaard geen verbonden partij (een secretariaat kan de belangen met een reden "
        "vastleggen)",
    }
    ggd = lijst.categorieen[0].partijen[0]
    assert ggd.deelname.bbv_redenen == (
        "bestuurlijk belang: zetel in algemeen bestuur; financieel belang: bijdrage 2025"
    )
    assert lijst.totaal.bijdrage_begroot == Decimal("2625000.50")


def test_a_year_without_bijdragen(zaanstad):
    lijst = verbonden_partijen(zaanstad, jaar=2026, modus="begroting")
    # No bijdragen recorded for 2026: only the openbaar lichaam with a seat qualifies, by its
    # form (the deelnemers carry its costs).
    [ggd] = lijst.partijen
    assert ggd.deelname.bbv_redenen == (
        "bestuurlijk belang: zetel in algemeen bestuur; financieel belang: de deelnemers dragen "
        "de kosten en staan garant (openbaar lichaam)"
    )
    assert len(lijst.overige.partijen) == 3
    assert lijst.totaal.bijdrage_begroot is None  # onbekend, not 0


def test_a_year_without_any_participation_says_so_and_sums_nothing(client, zaanstad):
    """Before the gemeente took part anywhere: no sums that read "onbekend" (there is nothing
    to know) and no link to a section that is not there."""
    tekst = " ".join(client.get(URL, {"jaar": "1990"}).content.decode().split())
    melding = "Volgens het register nam Zaanstad in 1990 aan geen enkel samenwerkingsverband deel."
    assert melding in tekst
    overzicht = tekst.split('id="overzicht-kop"')[1].split("<table>")[1].split("</table>")[0]
    assert "onbekend" not in overzicht
    assert 'href="#cat-' not in overzicht
    assert (
        'Totaal verbonden partijen</th><td class="getal">0</td><td class="getal">–</td>'
        '<td class="getal">–</td>'
    ) in overzicht
    # With partijen, the overige line links to its section.
    tekst = client.get(URL, {"jaar": "2025"}).content.decode()
    assert 'href="#cat-overige_samenwerking"' in tekst and 'id="cat-overige_samenwerking"' in tekst


def test_the_page_says_when_no_bijdrage_of_the_year_is_recorded(client, zaanstad):
    melding = "Voor 2026 is bij geen enkele deelname een bijdrage vastgelegd"
    assert melding in client.get(URL, {"jaar": "2026"}).content.decode()
    assert "bij geen enkele deelname" not in client.get(URL, {"jaar": "2025"}).content.decode()


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


def test_formula_injection_is_neutralised(client, zaanstad):
    verband = zaanstad.deelnames.get(samenwerkingsverband__vorm=Vorm.STICHTING).samenwerkingsverband
    verband.naam = '=HYPERLINK("http://kwaad.example")'
    verband.save()
    boek = load_workbook(io.BytesIO(client.get(URL, {"jaar": "2025", "formaat": "xlsx"}).content))
    assert boek["Stichtingen en verenigingen"]["B4"].value == '\'=HYPERLINK("http://kwaad.example")'
    tekst = client.get(URL, {"jaar": "2025", "formaat": "csv"}).content.decode("utf-8-sig")
    namen = [r[1] for r in csv.reader(io.StringIO(tekst), delimiter=";")]
    assert '\'=HYPERLINK("http://kwaad.example")' in namen


def test_the_overview_says_which_bijdragen_are_unknown_and_left_out_of_its_sums(client, zaanstad):
    """A sum of the known bijdragen names how many are unknown, as the gemeente page does;
    it never reads as the whole (the stichting has no gerealiseerde bijdrage in 2025)."""
    tekst = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    totaal = tekst.split("Totaal verbonden partijen</th>")[1].split("</tr>")[0]
    assert "€ 2.625.001</td>" in totaal
    assert '€ 2.400.000 <span class="bijschrift">(1 onbekend, niet meegeteld)</span>' in totaal
    overige = tekst.split('href="#cat-overige_samenwerking">')[1].split("</tr>")[0]
    assert '€ 300.000 <span class="bijschrift">(1 onbekend, niet meegeteld)</span>' in overige
    # Nothing known: onbekend, with nothing to add.
    assert '<td class="getal">onbekend</td>' in overige


def test_printable_page_lists_categories_and_reasons(client, zaanstad):
    tekst = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    assert "Stichtingen en verenigingen</h2>" in tekst
    assert "Overige samenwerkingsverbanden</h2>" in tekst
    assert "bijdrage begroot € 2.500.001, gerealiseerd € 2.400.000; verdeelsleutel 45,5%" in tekst
    assert (
        "Regeling zonder meer: geen eigen rechtspersoon, daarom standaard geen verbonden" in tekst
    )
    # A seat that is not recorded is unknown, never "geen".
    assert "onbekend (geen zetel vastgelegd)" in tekst


def test_each_partij_links_to_its_arrangement_in_the_year_of_the_list(client, zaanstad):
    """From the list of 2025 the arrangement's page opens on 2025 (its bijdragen, per inwoner),
    not on this year; a source document without an address is named, not linked."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    document = ggd.samenwerkingsverband.jaarcijfers.get().bron_document
    document.url = ""
    document.save()
    tekst = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    link = f'href="/samenwerkingsverbanden/{ggd.samenwerkingsverband.slug}/?gemeente=GM0479'
    assert f'{link}&amp;jaar=2025">GGD Zaanstreek-Waterland</a>' in tekst
    assert 'href=""' not in tekst
    assert "<dt>Bron</dt><dd>Begroting 2025 GGD</dd>" in tekst


def test_bad_export_parameters_are_explained(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "modus": "kadernota", "formaat": "pdf"})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    # Each message says what is shown instead; the valid jaar still counts.
    assert (
        "Lijst voor: kies begroting of jaarrekening. Getoond: de lijst voor de begroting." in tekst
    )
    # Named by the label the page shows, not the form's internal one ("Formaat").
    assert "Bestandsformaat: kies html, xlsx, csv, ods of json. Getoond: de webpagina." in tekst
    assert "<title>Verbonden partijen Zaanstad 2025 (begroting)" in tekst
    assert "GGD Zaanstreek-Waterland" in tekst

    antwoord = client.get(URL, {"jaar": "twintig", "kolommen": "alles", "modus": "jaarrekening"})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    dit_jaar = timezone.localdate().year
    assert (
        f"Jaar van de lijst: vul een jaartal in, bijvoorbeeld 2025. Getoond: {dit_jaar}." in tekst
    )
    assert "Kolommen: kies bbv of uitgebreid. Getoond: het BBV-minimum." in tekst
    assert f"<title>Verbonden partijen Zaanstad {dit_jaar} (jaarrekening)" in tekst
    # What was typed stays in the field, marked, to be corrected rather than typed again; the
    # message is tied to its field for a screen reader, and the first refused field gets focus.
    assert (
        'name="jaar" id="id_export_jaar" value="twintig" aria-describedby="id_export_jaar_hulp '
        'id_export_jaar_fout" aria-invalid="true" autofocus>' in tekst
    )
    assert (
        '<p class="fout" role="alert" id="id_export_jaar_fout">Jaar van de lijst: vul een jaartal'
        in tekst
    )
    assert (
        '<select name="kolommen" id="id_export_kolommen" aria-describedby="id_export_kolommen_hulp '
        'id_export_kolommen_fout" aria-invalid="true">' in tekst
    )
    assert tekst.count("autofocus") == 1

    # A file is only made when every parameter is right: never another year's file unasked.
    antwoord = client.get(URL, {"jaar": "20255", "formaat": "xlsx"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"].startswith("text/html")
    tekst = antwoord.content.decode()
    assert "Jaar van de lijst: moet 2100 of eerder zijn." in tekst
    # The chosen formaat stays chosen: with the jaar corrected, the next try is the file.
    assert '<option value="xlsx" selected>' in tekst


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


def test_oplegger_for_a_gemeente(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    f.BijdrageFactory(deelname=ggd, jaar=2024, bedrag=Decimal("2300000"))
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"
    tekst = " ".join(client.get(url, {"peildatum": "2025-06-01"}).content.decode().split())
    assert "Oplegger voor de gemeenteraad van Zaanstad" in tekst
    assert "J. Olthof (wethouder), lid algemeen bestuur" in tekst
    assert '<th scope="row">2024</th><td class="getal">€ 2.300.000</td>' in tekst
    assert "+ € 200.001 (+8,7%)" in tekst
    assert "Loonkosten" in tekst
    anders = f.SamenwerkingsverbandFactory()
    niet = client.get(f"/gemeenten/GM0479/samenwerkingsverbanden/{anders.uuid}/oplegger/")
    assert niet.status_code == 404
    assert "Zaanstad neemt niet deel aan" in niet.content.decode()


def test_oplegger_shows_the_figures_of_the_year_it_shows_the_bijdrage_of(client, zaanstad):
    """Beside the bijdrage of 2025 the oplegger shows the arrangement's figures of 2025, as
    the verbonden-partijen list of 2025 does, not those of a later begroting."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd.samenwerkingsverband,
        jaar=2026,
        soort=JaarcijfersSoort.BEGROTING,
        eigen_vermogen_eind=Decimal("900000"),
        risicos="Rentestijging",
    )
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"

    def oplegger(jaar):
        return " ".join(client.get(url, {"jaar": jaar}).content.decode().split())

    tekst = oplegger(2025)
    assert "Begroting 2025</p>" in tekst
    assert "€ 1.100.000" in tekst and "Loonkosten" in tekst
    assert "Rentestijging" not in tekst
    assert "Begroting 2026</p>" in oplegger(2026)
    assert "Rentestijging" in oplegger(2027)  # no figures of 2027: the latest before it
    assert "Er zijn geen jaarcijfers van 2024 of eerder vastgelegd." in oplegger(2024)


def test_oplegger_shows_the_next_pc_moments(client, zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{ggd.samenwerkingsverband.uuid}/oplegger/"
    tekst = " ".join(client.get(url, {"peildatum": "2025-06-01"}).content.decode().split())
    sectie = tekst.split("Wanneer kan de raad iets vinden?")[1].split("</section>")[0]
    # The begroting 2026 must reach gedeputeerde staten before 1 August 2025 (Wgr art. 34
    # lid 2), not 15 September.
    assert '<time datetime="2025-07-31">31 juli 2025</time>' in sectie
    assert sectie.count("<li>") == 5
    rzm = zaanstad.deelnames.get(samenwerkingsverband__naam="Regeling leerlingenvervoer")
    url = f"/gemeenten/GM0479/samenwerkingsverbanden/{rzm.samenwerkingsverband.uuid}/oplegger/"
    tekst = " ".join(client.get(url).content.decode().split())
    assert "Geen P&amp;C-termijnen: deze vorm heeft geen eigen begroting." in tekst
