"""The verbonden-partijen list (BBV art. 15) and the art. 27 register as files."""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q
from django.utils import timezone
from odf import opendocument
from odf.table import Table, TableCell, TableRow
from openpyxl import load_workbook

from raad.exports import verbonden_partijen_bestand, verbonden_partijen_json
from raad.parameters import Modus
from raad.selectors import verbonden_partijen
from samenwerking.constants import (
    WGR_VORMEN,
    BbvCategorie,
    Bevoegdheidsverkrijging,
    BijdrageSoort,
    JaarcijfersSoort,
    Vorm,
)
from samenwerking.models import Gemeente, Samenwerkingsverband
from samenwerking.peilmoment import JAAR_MAX, JAAR_MIN
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = json.loads((DOCS / "verbonden-partijen.schema.json").read_text())
SCHEMA_ART27 = json.loads((DOCS / "register-art27.schema.json").read_text())
URL = "/gemeenten/GM0479/verbonden-partijen/"


@pytest.fixture
def zaanstad(referentiedata):
    """Zaanstad in 2025: a stichting and a GR that qualify, a GR with money but no seat and a
    regeling zonder meer that do not."""
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")

    def deelname(naam, vorm, **kwargs):
        d = f.DeelnameFactory(
            gemeente=gemeente,
            samenwerkingsverband__naam=naam,
            samenwerkingsverband__vorm=vorm,
            samenwerkingsverband__vestigingsplaats="Zaandam",
            **kwargs,
        )
        f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=purmerend)
        return d

    stichting = deelname("Stichting Zaans Erfgoed", Vorm.STICHTING)
    f.ZetelFactory(deelname=stichting, persoon__naam="A. Bakker")
    f.BijdrageFactory(deelname=stichting, jaar=2025, bedrag=Decimal("125000"))

    ggd = deelname(
        "GGD Zaanstreek-Waterland", Vorm.OPENBAAR_LICHAAM, verdeelsleutel=Decimal("45.5")
    )
    ggd.samenwerkingsverband.doel = "Publieke gezondheid"
    ggd.samenwerkingsverband.save()
    f.ZetelFactory(deelname=ggd, persoon__naam="J. Olthof")
    f.BijdrageFactory(deelname=ggd, jaar=2025, bedrag=Decimal("2500000.50"))
    f.BijdrageFactory(
        deelname=ggd, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("2400000")
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd.samenwerkingsverband,
        jaar=2025,
        soort=JaarcijfersSoort.BEGROTING,
        eigen_vermogen_begin=Decimal("1000000"),
        eigen_vermogen_eind=Decimal("1100000"),
        vreemd_vermogen_begin=None,
        vreemd_vermogen_eind=Decimal("500000"),
        resultaat=Decimal("100000"),
        risicos="Loonkosten",
        bron_document=f.DocumentFactory(
            samenwerkingsverband=ggd.samenwerkingsverband, titel="Begroting 2025 GGD"
        ),
    )

    # An openbaar lichaam is a verbonden partij by its form, unless the secretariaat records
    # otherwise with a reason.
    geen_zetel = deelname(
        "Recreatieschap Twiske-Waterland",
        Vorm.OPENBAAR_LICHAAM,
        bestuurlijk_belang_vastgelegd=False,
        belang_toelichting="alleen een adviserende stem in het bestuur",
    )
    f.BijdrageFactory(deelname=geen_zetel, jaar=2025, bedrag=Decimal("300000"))

    deelname("Regeling leerlingenvervoer", Vorm.REGELING_ZONDER_MEER)
    return gemeente


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


def test_command_writes_a_file_per_gemeente(zaanstad, tmp_path, capsys):
    call_command(
        "exporteer_verbonden_partijen",
        "GM0479",
        "gm0439",
        "--jaar",
        "2025",
        "--formaat",
        "json",
        "--map",
        str(tmp_path),
    )
    bestanden = sorted(p.name for p in tmp_path.iterdir())
    assert bestanden == [
        "verbonden-partijen-GM0439-2025-begroting.json",
        "verbonden-partijen-GM0479-2025-begroting.json",
    ]
    data = json.loads((tmp_path / bestanden[1]).read_text())
    assert data == verbonden_partijen_json(verbonden_partijen(zaanstad, jaar=2025)) | {
        "gemaaktOp": data["gemaaktOp"]
    }
    assert "2 bestand(en) geschreven." in capsys.readouterr().out
    with pytest.raises(CommandError, match="Onbekende CBS-code"):
        call_command("exporteer_verbonden_partijen", "GM9999", "--map", str(tmp_path))


def test_command_all_writes_the_gemeenten_of_the_year(referentiedata, tmp_path):
    """--alle --jaar 2021: Beemster (merged into Purmerend on 1 January 2022) still has its
    list; Dijk en Waard (formed on that day) took part in nothing in 2021 and has none."""
    call_command(
        "exporteer_verbonden_partijen",
        "--alle",
        "--jaar",
        "2021",
        "--formaat",
        "csv",
        "--map",
        str(tmp_path),
    )
    namen = {p.name for p in tmp_path.iterdir()}
    assert "verbonden-partijen-GM0370-2021-begroting.csv" in namen
    assert "verbonden-partijen-GM0439-2021-begroting.csv" in namen
    assert "verbonden-partijen-GM1980-2021-begroting.csv" not in namen
    assert (
        len(namen)
        == Gemeente.objects.filter(
            Q(einddatum__isnull=True) | Q(einddatum__gt=datetime.date(2021, 1, 1)),
            Q(begindatum__isnull=True) | Q(begindatum__lte=datetime.date(2021, 12, 31)),
        ).count()
    )


def test_command_reads_jaar_and_modus_as_the_pages_do(zaanstad, tmp_path):
    """Empty: this year and the begroting; a year out of range is refused, nothing written."""
    with pytest.raises(CommandError, match=r"Jaar: moet 2100 of eerder zijn\."):
        call_command(
            "exporteer_verbonden_partijen", "GM0479", "--jaar", "10000", "--map", str(tmp_path)
        )
    assert list(tmp_path.iterdir()) == []
    # A wrong choice is refused in Dutch, naming the option, as on the pages (not argparse's
    # English "invalid choice").
    for optie, waarde, melding in [
        ("--formaat", "pdf", "Formaat: kies xlsx, csv, ods of json."),
        ("--modus", "x", "Modus: kies begroting of jaarrekening."),
        ("--kolommen", "alles", "Kolommen: kies bbv of uitgebreid."),
    ]:
        with pytest.raises(CommandError) as fout:
            call_command(
                "exporteer_verbonden_partijen", "GM0479", optie, waarde, "--map", str(tmp_path)
            )
        assert str(fout.value).endswith(f"argument {optie}: {melding}")
    assert list(tmp_path.iterdir()) == []
    call_command(
        "exporteer_verbonden_partijen", "GM0479", "--formaat", "json", "--map", str(tmp_path)
    )
    jaar = timezone.localdate().year
    [bestand] = tmp_path.iterdir()
    assert bestand.name == f"verbonden-partijen-GM0479-{jaar}-begroting.json"
    data = json.loads(bestand.read_text())
    assert (data["jaar"], data["modus"]) == (jaar, "begroting")


def test_command_says_in_dutch_when_the_map_cannot_be_made_or_written(zaanstad, tmp_path):
    """A --map that is a file, or under one, or a file name taken by a folder: a Dutch
    message naming --map and what to do, not a traceback; no half-written file."""
    bestand = tmp_path / "lijst.txt"
    bestand.write_text("al hier")
    for uitvoer in (bestand, bestand / "sub"):
        with pytest.raises(CommandError) as fout:
            call_command("exporteer_verbonden_partijen", "GM0479", "--map", str(uitvoer))
        assert str(fout.value) == (
            f"--map {uitvoer}: de map kan niet gemaakt worden: daar staat een bestand, geen "
            "map. Kies een map waarin u mag schrijven. Niets geschreven."
        )
    assert bestand.read_text() == "al hier"

    jaar = timezone.localdate().year
    bezet = tmp_path / "uit" / f"verbonden-partijen-GM0479-{jaar}-begroting.xlsx"
    bezet.mkdir(parents=True)
    with pytest.raises(CommandError) as fout:
        call_command("exporteer_verbonden_partijen", "GM0479", "--map", str(bezet.parent))
    assert str(fout.value) == (
        f"--map {bezet}: kan niet geschreven worden: daar staat een map met die naam. Kies een "
        "andere naam of een andere map. 0 bestand(en) al geschreven."
    )
    assert [p.name for p in bezet.parent.iterdir()] == [bezet.name]


def test_command_makes_a_missing_map_and_replaces_an_earlier_file(zaanstad, tmp_path, capsys):
    """--map is made when missing, with the folders above it; a file of an
    earlier run is replaced whole, no temporary file stays behind."""
    uitvoer = tmp_path / "nieuw" / "2026"
    for _ in range(2):
        call_command(
            "exporteer_verbonden_partijen",
            "GM0479",
            "--jaar",
            "2025",
            "--formaat",
            "json",
            "--map",
            str(uitvoer),
        )
    [bestand] = uitvoer.iterdir()
    assert bestand.name == "verbonden-partijen-GM0479-2025-begroting.json"
    assert json.loads(bestand.read_text())["jaar"] == 2025
    assert capsys.readouterr().out.count(f"{bestand} (") == 2


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
