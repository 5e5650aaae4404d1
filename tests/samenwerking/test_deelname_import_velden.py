"""The deelname fields of the verbonden-partijen lists (issue 19: programma, eigenaars- and
opdrachtgeversrol, shares, share in a deficit and in the equity) in the spreadsheet import and
export of deelnames: stored as typed (Dutch decimals, Dutch thousands), an empty cell is
onbekend (never 0), an export imports back unchanged, a bad cell is named by row and column
and nothing of the file is written, and the preview reads a fixed number of queries."""

import html
import re
from decimal import Decimal

import pytest
import tablib
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from samenwerking import resources
from samenwerking.constants import Vorm
from samenwerking.formats import CSVNederlands
from samenwerking.models import Deelname, Gemeente
from samenwerking.resources.widgets import GetalWidget
from tests import factories as f
from tests.pagina import paginatekst
from tests.samenwerking.importhulp import bevestig, client_van, csv_bestand, upload
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

NIEUW = [
    "programma",
    "eigenaarsrol",
    "opdrachtgeversrol",
    "aandelen_aantal",
    "aandelen_percentage",
    "aandeel_tekort",
    "aandeel_eigen_vermogen",
]
KOP = ["samenwerkingsverband", "gemeente", "toetredingsdatum", *NIEUW]


def _waarden(deelname) -> tuple:
    return tuple(getattr(deelname, veld) for veld in NIEUW)


@pytest.fixture
def nv(referentiedata):
    """A vennootschap (shares allowed) with two shareholding gemeenten."""
    verband = f.SamenwerkingsverbandFactory(naam="Afvalbedrijf NV", vorm=Vorm.VENNOOTSCHAP)
    for code, aantal in (("GM0479", 1200), ("GM0439", 800)):
        f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=Gemeente.objects.get(cbs_code=code),
            programma="Programma 4 Milieu",
            eigenaarsrol="wethouder financiën",
            opdrachtgeversrol="wethouder milieu",
            aandelen_aantal=aantal,
            aandelen_percentage=Decimal(aantal) / 20,
            aandeel_tekort=Decimal("12.5"),
            aandeel_eigen_vermogen=None,
        )
    return verband


def test_the_columns_are_stored_as_typed_and_an_empty_cell_is_onbekend(admin_client, nv):
    inhoud = csv_bestand(
        KOP,
        [
            [
                nv.uuid,
                "Oostzaan",
                "2025-01-01",
                "Programma 2 Duurzaamheid",
                "wethouder financiën",
                "wethouder afval",
                "12.500",  # Dutch thousands: twelve thousand five hundred
                "12,5",
                "33,3333",
                "0",  # a recorded share of nothing, not onbekend
            ],
            [nv.uuid, "Wormerland", "2025-01-01", "", "", "", "", "", "", ""],
        ],
    )
    voorbeeld = upload(admin_client, "deelname", inhoud)
    assert "2 nieuw, 0 gewijzigd, 0 ongewijzigd" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "deelname", voorbeeld).status_code == 302

    oostzaan = Deelname.objects.get(samenwerkingsverband=nv, gemeente__naam="Oostzaan")
    assert _waarden(oostzaan) == (
        "Programma 2 Duurzaamheid",
        "wethouder financiën",
        "wethouder afval",
        12500,
        Decimal("12.5"),
        Decimal("33.3333"),
        Decimal("0"),
    )
    wormerland = Deelname.objects.get(samenwerkingsverband=nv, gemeente__naam="Wormerland")
    assert _waarden(wormerland) == ("", "", "", None, None, None, None)


def test_the_preview_shows_the_shares_in_dutch(admin_client, nv):
    inhoud = csv_bestand(KOP, [[nv.uuid, "Oostzaan", "", "", "", "", "1 000", "2,25", "", ""]])
    tekst = paginatekst(upload(admin_client, "deelname", inhoud))
    tabel = tekst[tekst.index('class="import-preview"') :]
    rij = tabel[tabel.index('<tr class="new">') :].split("</tr>")[0]
    cellen = [re.sub(r"<[^>]+>", "", c).strip() for c in rij.split("<td")[1:]]
    cellen = [c.split(">", 1)[-1].strip() for c in cellen]
    assert "1000" in cellen and "2,25%" in cellen  # the aandelenbelang in percent
    assert "2.2500" not in tabel


def test_clearing_a_cell_makes_the_value_onbekend_and_a_file_without_the_columns_keeps_them(
    admin_client, nv
):
    zaanstad = Deelname.objects.get(samenwerkingsverband=nv, gemeente__cbs_code="GM0479")
    kop = ["uuid", "samenwerkingsverband", "gemeente", "aandeel_tekort", "programma"]
    inhoud = csv_bestand(kop, [[zaanstad.uuid, nv.uuid, "GM0479", "", ""]])
    voorbeeld = upload(admin_client, "deelname", inhoud)
    assert "0 nieuw, 1 gewijzigd" in paginatekst(voorbeeld)
    assert bevestig(admin_client, "deelname", voorbeeld).status_code == 302
    zaanstad.refresh_from_db()
    assert (zaanstad.aandeel_tekort, zaanstad.programma) == (None, "")
    # The other new fields were not in the file: unchanged.
    assert (zaanstad.aandelen_aantal, zaanstad.eigenaarsrol) == (1200, "wethouder financiën")

    inhoud = csv_bestand(
        ["uuid", "samenwerkingsverband", "gemeente", "bron"],
        [[zaanstad.uuid, nv.uuid, "GM0479", "Statuten 2024"]],
    )
    assert (
        bevestig(admin_client, "deelname", upload(admin_client, "deelname", inhoud)).status_code
        == 302
    )
    zaanstad.refresh_from_db()
    assert zaanstad.bron == "Statuten 2024"
    assert zaanstad.aandelen_percentage == Decimal("60")


def test_the_admin_export_has_the_columns_and_imports_back_unchanged(admin_client, nv):
    dataset = resources.DeelnameResource().export(
        queryset=Deelname.objects.filter(samenwerkingsverband=nv)
    )
    assert set(NIEUW) <= set(dataset.headers)
    rij = dataset.dict[0]
    assert (rij["programma"], rij["aandelen_aantal"]) == ("Programma 4 Milieu", 1200)
    assert rij["aandeel_eigen_vermogen"] == ""  # onbekend, not 0
    export = CSVNederlands().export_data(dataset).encode("utf-8")
    assert "0 nieuw, 0 gewijzigd, 2 ongewijzigd" in paginatekst(
        upload(admin_client, "deelname", export)
    )


@pytest.mark.parametrize("formaat", ["xlsx", "ods"])
def test_an_admin_spreadsheet_export_uploads_back_unchanged(admin_client, nv, formaat):
    """The file the admin's export gives, read by the import's own readers (not tablib's)."""
    inhoud = getattr(resources.DeelnameResource().export(), formaat)
    assert "0 nieuw, 0 gewijzigd, 2 ongewijzigd" in paginatekst(
        upload(admin_client, "deelname", inhoud, formaat)
    )


@pytest.mark.parametrize("formaat", ["csv", "xlsx", "ods"])
def test_an_export_restores_the_fields_after_the_rows_were_lost(nv, formaat):
    voor = sorted(_waarden(d) for d in Deelname.objects.filter(samenwerkingsverband=nv))
    inhoud = getattr(resources.DeelnameResource().export(), formaat)
    Deelname.objects.all().delete()
    dataset = tablib.Dataset().load(inhoud, format=formaat)
    resultaat = resources.DeelnameResource().import_data(dataset)
    assert not resultaat.has_errors() and not resultaat.has_validation_errors(), [
        (r.number, r.error) for r in resultaat.invalid_rows
    ]
    assert resultaat.totals["new"] == 2
    assert sorted(_waarden(d) for d in Deelname.objects.filter(samenwerkingsverband=nv)) == voor


def test_a_bad_cell_is_named_by_row_and_column_and_nothing_is_written(admin_client, nv):
    ol = f.SamenwerkingsverbandFactory(naam="GGD Testregio", vorm=Vorm.OPENBAAR_LICHAAM)
    inhoud = csv_bestand(
        KOP,
        [
            [nv.uuid, "Oostzaan", "", "Programma 1", "", "", "10", "1", "", ""],  # good
            [nv.uuid, "Wormerland", "", "", "", "", "", "150", "", ""],
            [nv.uuid, "Edam-Volendam", "", "", "", "", "1,5", "", "veel", ""],
            [ol.uuid, "Zaanstad", "", "", "", "", "", "10", "", ""],
            [nv.uuid, "Landsmeer", "", "", "", "", "", "", "", "12,55555"],
            [nv.uuid, "Waterland", "", "", "", "", "", "", "NaN", ""],
        ],
    )
    voorbeeld = upload(admin_client, "deelname", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert voorbeeld.context.get("confirm_form") is None
    assert "5 regels met fouten" in tekst
    assert "Er is niets opgeslagen. Verbeter deze regels in het bestand" in tekst
    fouten = {r.number: r.error.message_dict for r in voorbeeld.context["result"].invalid_rows}
    assert fouten == {
        2: {"aandelen_percentage": ["Aandelenbelang: moet tussen 0 en 100 procent liggen."]},
        3: {
            "aandelen_aantal": ["'1,5' is geen geheel getal (bijvoorbeeld 12500 of 12.500)."],
            "aandeel_tekort": ["'veel' is geen percentage (bijvoorbeeld 12,5)."],
        },
        4: {
            "aandelen_percentage": [
                "Aandelenbelang: alleen een vennootschap (NV/BV) heeft aandelen; dit verband "
                "is een openbaar lichaam. Laat het aantal en het percentage aandelen leeg."
            ]
        },
        5: {
            "aandeel_eigen_vermogen": ["Zorg dat er niet meer dan 4 cijfers achter de komma staan."]
        },
        6: {"aandeel_tekort": ["'NaN' is geen percentage (bijvoorbeeld 12,5)."]},
    }
    # The page names the row and the column with what is wrong.
    assert '<th scope="row">2</th>' in tekst and '<th scope="row">4</th>' in tekst
    assert "aandelen_percentage: Aandelenbelang: moet tussen 0 en 100 procent liggen." in tekst
    assert "aandelen_aantal: &#x27;1,5&#x27; is geen geheel getal" in tekst
    # Nothing of the file, not the good first row either.
    assert not Deelname.objects.filter(gemeente__naam__in=["Oostzaan", "Wormerland"]).exists()
    assert not Deelname.objects.filter(samenwerkingsverband=ol).exists()


def test_a_stored_arrangement_decides_whether_shares_are_allowed(admin_client, nv):
    """The rule across rows reads the arrangement's form as stored: an NV that became an
    openbaar lichaam after the export refuses the shares of the re-imported sheet."""
    dataset = resources.DeelnameResource().export(
        queryset=Deelname.objects.filter(samenwerkingsverband=nv)
    )
    rijen = [list(r) for r in dataset]
    bron = dataset.headers.index("bron")
    for rij in rijen:
        rij[bron] = "gewijzigd"
    type(nv).objects.filter(pk=nv.pk).update(vorm=Vorm.OPENBAAR_LICHAAM)
    voorbeeld = upload(admin_client, "deelname", csv_bestand(dataset.headers, rijen))
    tekst = paginatekst(voorbeeld)
    assert "2 regels met fouten" in tekst
    assert "aandelen_aantal: Aandelenbelang: alleen een vennootschap (NV/BV)" in tekst
    assert not Deelname.objects.filter(bron="gewijzigd").exists()


@pytest.mark.parametrize("aantal", [6, 40])
def test_the_preview_with_shares_takes_a_fixed_number_of_queries(
    admin_client, referentiedata, django_assert_num_queries, aantal
):
    nv = f.SamenwerkingsverbandFactory(vorm=Vorm.VENNOOTSCHAP)
    for gemeente in Gemeente.objects.order_by("-cbs_code")[: aantal // 2]:
        f.DeelnameFactory(samenwerkingsverband=nv, gemeente=gemeente, aandelen_aantal=10)
    kop = ["uuid", *KOP]
    rijen = [
        [d.uuid, nv.uuid, d.gemeente.cbs_code, "", "Programma 3", "", "", "20", "1,5", "", ""]
        for d in Deelname.objects.filter(samenwerkingsverband=nv).select_related("gemeente")
    ]
    vrij = Gemeente.objects.exclude(deelnames__samenwerkingsverband=nv).order_by("cbs_code")
    rijen += [
        ["", nv.uuid, g.cbs_code, "2025-01-01", "", "", "", "5", "0,5", "1", "1"]
        for g in vrij[: aantal - len(rijen)]
    ]
    ContentType.objects.clear_cache()
    # As the preview in test_admin_import_regio.VOORBEELD_VRAGEN (23), plus one: the forms of
    # the arrangements of the rows with shares (services.regels.aandelen_alleen_in_vennootschap).
    with django_assert_num_queries(24):
        voorbeeld = upload(admin_client, "deelname", csv_bestand(kop, rijen))
    assert f"{aantal // 2} nieuw, {aantal // 2} gewijzigd, 0 ongewijzigd" in paginatekst(voorbeeld)


def test_the_deelnemers_tab_leads_to_a_sheet_of_just_this_regelings_deelnames(referentiedata, nv):
    """The workplace's bulk form adds gemeenten with one date; the per-deelnemer fields are
    filled in a spreadsheet, which the Deelnemers tab offers: the export of this regeling's
    deelnames (with the columns) and the import."""
    ander = f.DeelnameFactory(programma="Elders").samenwerkingsverband
    secretariaat = client_van(account(RolSoort.SECRETARIAAT, verbanden=[nv, ander]))
    pagina = secretariaat.get(
        reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[nv.pk])
    )
    assert pagina.status_code == 200
    tekst = paginatekst(pagina)
    assert "Alle deelnemers in één spreadsheet" in tekst
    export = re.search(r'<a href="([^"]*/deelname/export/[^"]*)"', tekst).group(1)
    assert f'href="{reverse("admin:samenwerking_deelname_import")}"' in tekst

    formulier = secretariaat.get(html.unescape(export))
    assert formulier.status_code == 200
    beheer = admin.site._registry[Deelname]
    resource = beheer.get_export_resource_classes(None)[0]
    kolommen = {f"{resource.__name__.lower()}_{v}": "on" for v in resource().get_export_order()}
    csv = [i for i, fmt in enumerate(beheer.get_export_formats()) if fmt().get_title() == "csv"]
    bestand = secretariaat.post(html.unescape(export), {"format": str(csv[0]), **kolommen})
    assert bestand.status_code == 200
    rijen = (
        tablib.Dataset().load(bestand.content.decode("utf-8-sig"), format="csv", delimiter=";").dict
    )
    assert sorted(r["gemeente"] for r in rijen) == ["GM0439", "GM0479"]
    assert {r["programma"] for r in rijen} == {"Programma 4 Milieu"}


def test_the_deelnemers_tab_offers_no_import_to_who_may_not_change(referentiedata, nv):
    griffie = client_van(
        account(RolSoort.GRIFFIE, gemeente=Gemeente.objects.get(cbs_code="GM0479"))
    )
    pagina = griffie.get(
        reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[nv.pk])
    )
    assert pagina.status_code == 200
    assert "Alle deelnemers in één spreadsheet" not in paginatekst(pagina)


@pytest.mark.parametrize(
    ("invoer", "aantal"),
    [("12500", 12500), ("12.500", 12500), ("1.000", 1000), ("1 000 000", 1000000), (800.0, 800)],
)
def test_a_number_of_shares_is_read_with_dutch_thousands(invoer, aantal):
    assert GetalWidget().clean(invoer) == aantal


@pytest.mark.parametrize("invoer", ["12.5", "1,000", "1,5", "12.50", "veel", "1.0000"])
def test_a_number_of_shares_that_is_not_a_whole_number_is_refused(invoer):
    with pytest.raises(ValueError, match="is geen geheel getal"):
        GetalWidget().clean(invoer)
