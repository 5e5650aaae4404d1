"""The verbonden-partijen list with the extended column set ("uitgebreid"): programma,
eigenaars- and opdrachtgeversrol, financieel belang, aandelenbelang, the meerjarenraming and
the solvabiliteit, in every surface, with values worked out by hand."""

import csv
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from raad.selectors import verbonden_partijen
from samenwerking import financien
from samenwerking.constants import BijdrageSoort, JaarcijfersSoort, Vorm
from samenwerking.models import Gemeente
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.toegang import account
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "verbonden-partijen.schema.json").read_text()
)
URL = "/gemeenten/GM0479/verbonden-partijen/"
API = "/api/v1/gemeenten/GM0479/verbonden-partijen"


@pytest.fixture
def zaanstad(referentiedata):
    """Zaanstad in 2025: a GGD (openbaar lichaam) with everything recorded but the raming of
    2027, and a vennootschap with shares."""
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    ggd = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="GGD Zaanstreek-Waterland",
        samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM,
        verdeelsleutel=Decimal("45.5"),
        programma="Gezondheid en zorg",
        eigenaarsrol="wethouder financiën",
        opdrachtgeversrol="wethouder zorg",
        aandeel_tekort=Decimal("45.5"),
        aandeel_eigen_vermogen=Decimal("45.5"),
    )
    f.ZetelFactory(deelname=ggd, persoon__naam="J. Olthof")
    for jaar, bedrag, onderdeel in [
        (2025, "2500000.50", ""),
        (2026, "2600000", ""),
        (2028, "2700000", ""),
        (2028, "50000", "plustaken"),
        (2029, "9999", ""),  # after the four years: not in the raming
    ]:
        f.BijdrageFactory(deelname=ggd, jaar=jaar, bedrag=Decimal(bedrag), onderdeel=onderdeel)
    # Realised, not budgeted: never part of a raming.
    f.BijdrageFactory(
        deelname=ggd, jaar=2027, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("1")
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd.samenwerkingsverband,
        jaar=2025,
        soort=JaarcijfersSoort.BEGROTING,
        eigen_vermogen_begin=Decimal("1000000"),
        vreemd_vermogen_begin=Decimal("3000000"),
        eigen_vermogen_eind=Decimal("1100000"),
        vreemd_vermogen_eind=Decimal("500000"),
    )
    nv = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam="Afvalbedrijf Zaanstreek NV",
        samenwerkingsverband__vorm=Vorm.VENNOOTSCHAP,
        aandelen_aantal=1200,
        aandelen_percentage=Decimal("12.5"),
    )
    f.ZetelFactory(deelname=nv, persoon__naam="A. Bakker")
    f.BijdrageFactory(deelname=nv, jaar=2025, bedrag=Decimal("10000"))
    return gemeente


def _ggd(lijst):
    return next(p for p in lijst.partijen if p.verband.naam == "GGD Zaanstreek-Waterland")


def test_computed_columns_by_hand(zaanstad):
    ggd = _ggd(verbonden_partijen(zaanstad, jaar=2025, kolommen="uitgebreid"))
    # 1.000.000 / (1.000.000 + 3.000.000) = 25%; 1.100.000 / 1.600.000 = 68,75%.
    assert ggd.solvabiliteit_begin == Decimal("25.00")
    assert ggd.solvabiliteit_eind == Decimal("68.75")
    # 45,5% of 1.100.000 = 500.500.
    assert ggd.aandeel_eigen_vermogen_bedrag == Decimal("500500.00")
    # 2028: 2.700.000 + 50.000 plustaken; 2027 has only a realised amount: onbekend.
    assert ggd.meerjarenraming == [
        (2025, Decimal("2500000.50")),
        (2026, Decimal("2600000")),
        (2027, None),
        (2028, Decimal("2750000")),
    ]
    # The bijdrage says which it is and of which year: the list's modus decides.
    assert ggd.financieel_belang == (
        "bijdrage begroot 2025 € 2.500.001; aandeel in een tekort 45,5%; aandeel in het eigen "
        "vermogen 45,5% (€ 500.500)"
    )
    rekening = _ggd(verbonden_partijen(zaanstad, jaar=2025, modus="jaarrekening"))
    assert rekening.financieel_belang.startswith("bijdrage gerealiseerd 2025 onbekend; ")
    # Unknown parts say so once, in words: not "onbekend (onbekend)".
    ggd.cijfers.eigen_vermogen_eind = None
    assert ggd.financieel_belang.endswith("aandeel in het eigen vermogen 45,5% (bedrag onbekend)")
    ggd.deelname.aandeel_eigen_vermogen = None
    assert ggd.financieel_belang.endswith("; aandeel in het eigen vermogen onbekend")


def test_financien_never_makes_unknown_zero():
    assert financien.solvabiliteit(Decimal("1"), None) is None
    assert financien.solvabiliteit(Decimal("-5"), Decimal("5")) is None  # no total vermogen
    assert financien.solvabiliteit(Decimal("-1"), Decimal("3")) == Decimal("-50.00")
    assert financien.aandeel(None, Decimal("10")) is None
    assert financien.per_inwoner(Decimal("100"), None) is None
    assert financien.per_inwoner(Decimal("100"), 3) == Decimal("33.33")
    assert financien.mediaan([None, None]) is None
    assert financien.mediaan([Decimal("3"), None, Decimal("1"), Decimal("2")]) == Decimal("2")
    assert financien.mediaan([Decimal("4"), Decimal("1"), Decimal("2"), Decimal("3")]) == (
        Decimal("2.50")
    )


def test_xlsx_extended_columns_numbers_and_autofilter(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid", "formaat": "xlsx"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"] == (
        'attachment; filename="verbonden-partijen-GM0479-2025-begroting-uitgebreid.xlsx"'
    )
    boek = load_workbook(io.BytesIO(antwoord.content))
    assert boek.sheetnames == [
        "Overzicht",
        "Gemeenschappelijke regelingen",
        "Vennootschappen en coöperaties",
    ]
    gr = boek["Gemeenschappelijke regelingen"]
    koppen = [c.value for c in gr[3]]
    assert koppen[20:] == [
        "Programma / beleidsdoel",
        "Eigenaarsrol",
        "Opdrachtgeversrol",
        "Financieel belang (samengevat)",
        "Aandeel in een tekort (%)",
        "Aandeel in het eigen vermogen (%)",
        "Aandeel in het eigen vermogen 31 december",
        "Aantal aandelen",
        "Aandelenbelang (%)",
        "Geraamde bijdrage 2025",
        "Geraamde bijdrage 2026",
        "Geraamde bijdrage 2027",
        "Geraamde bijdrage 2028",
        "Solvabiliteit 1 januari (%)",
        "Solvabiliteit 31 december (%)",
    ]
    assert gr.auto_filter.ref == "A3:AI4"
    rij = dict(zip(koppen, [c.value for c in gr[4]], strict=True))
    assert rij["Programma / beleidsdoel"] == "Gezondheid en zorg"
    assert rij["Eigenaarsrol"] == "wethouder financiën"
    assert rij["Geraamde bijdrage 2025"] == 2500000.5
    assert rij["Geraamde bijdrage 2028"] == 2750000
    assert rij["Solvabiliteit 1 januari (%)"] == 25
    assert rij["Solvabiliteit 31 december (%)"] == 68.75
    assert rij["Aandeel in het eigen vermogen 31 december"] == 500500
    # Onbekend: an empty cell with a note, not text in a number column.
    assert rij["Geraamde bijdrage 2027"] is None
    cel = gr.cell(row=4, column=koppen.index("Geraamde bijdrage 2027") + 1)
    assert cel.comment.text == "onbekend: niet vastgelegd in het register"
    assert "€" in gr.cell(row=4, column=koppen.index("Geraamde bijdrage 2028") + 1).number_format
    # A percentage shows the decimals it has, as on the page: 25%, 68,75%, 45,5% (not "25,%").
    formaten = {
        kop: gr.cell(row=4, column=koppen.index(kop) + 1).number_format
        for kop in (
            "Solvabiliteit 1 januari (%)",
            "Solvabiliteit 31 december (%)",
            "Verdeelsleutel (%)",
        )
    }
    assert formaten == {
        "Solvabiliteit 1 januari (%)": '0"%"',
        "Solvabiliteit 31 december (%)": '0.00"%"',
        "Verdeelsleutel (%)": '0.0"%"',
    }

    nv = boek["Vennootschappen en coöperaties"]
    nv_rij = dict(zip(koppen, [c.value for c in nv[4]], strict=True))
    assert (nv_rij["Aantal aandelen"], nv_rij["Aandelenbelang (%)"]) == (1200, 12.5)


def test_csv_extended(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid", "formaat": "csv"})
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    ggd = dict(zip(rijen[0], next(r for r in rijen if r[1].startswith("GGD")), strict=True))
    assert ggd["Solvabiliteit 31 december (%)"] == "68,75"
    assert ggd["Geraamde bijdrage 2027"] == "onbekend"
    assert ggd["Opdrachtgeversrol"] == "wethouder zorg"


def test_ods_writes_money_as_currency_and_unknown_as_a_note(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid", "formaat": "ods"})
    assert antwoord.status_code == 200
    inhoud = zipfile.ZipFile(io.BytesIO(antwoord.content)).read("content.xml").decode()
    assert 'office:value-type="currency" office:currency="EUR" office:value="2500000.50"' in (
        inhoud
    )
    assert "onbekend: niet vastgelegd in het register" in inhoud
    # Counts are numbers too (the overview's Aantal), solvabiliteit a plain number.
    assert 'office:value-type="float" office:value="1"' in inhoud
    assert 'office:value-type="float" office:value="68.75"' in inhoud
    stijlen = zipfile.ZipFile(io.BytesIO(antwoord.content)).read("styles.xml").decode()
    assert "<number:currency-symbol" in stijlen and "€" in stijlen


def test_json_extended_validates_against_the_schema(client, zaanstad):
    data = client.get(API, {"jaar": "2025", "kolommen": "uitgebreid"}).json()
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["kolommen"] == "uitgebreid"
    ggd = data["categorieen"][0]["partijen"][0]
    assert ggd["uitgebreid"] == {
        "programma": "Gezondheid en zorg",
        "eigenaarsrol": "wethouder financiën",
        "opdrachtgeversrol": "wethouder zorg",
        "financieelBelang": "bijdrage begroot 2025 € 2.500.001; aandeel in een tekort 45,5%; "
        "aandeel in het eigen vermogen 45,5% (€ 500.500)",
        "aandeelTekort": "45.5",
        "aandeelEigenVermogen": "45.5",
        "aandeelEigenVermogenBedrag": "500500.00",
        "aandelen": {"aantal": None, "percentage": None},
        "meerjarenraming": [
            {"jaar": 2025, "geraamdeBijdrage": "2500000.50"},
            {"jaar": 2026, "geraamdeBijdrage": "2600000.00"},
            {"jaar": 2027, "geraamdeBijdrage": None},
            {"jaar": 2028, "geraamdeBijdrage": "2750000.00"},
        ],
        "solvabiliteitBegin": "25",
        "solvabiliteitEind": "68.75",
    }
    nv = data["categorieen"][1]["partijen"][0]
    assert nv["uitgebreid"]["aandelen"] == {"aantal": 1200, "percentage": "12.5"}
    # The BBV minimum has no extended object.
    bbv = client.get(API, {"jaar": "2025"}).json()
    jsonschema.validate(bbv, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert bbv["kolommen"] == "bbv"
    assert "uitgebreid" not in bbv["categorieen"][0]["partijen"][0]


def test_printable_page_extended(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid"})
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    assert "<dt>Eigenaarsrol</dt><dd>wethouder financiën</dd>" in tekst
    assert "<dt>Financieel belang (samengevat)</dt><dd>bijdrage begroot 2025 € 2.500.001; " in tekst
    assert "<li>2027: onbekend</li>" in tekst
    assert "<li>2028: € 2.750.000</li>" in tekst
    assert "1 januari 25%; 31 december 68,75%" in tekst
    assert "1.200 aandelen, 12,5% van alle aandelen" in tekst
    # The BBV minimum leaves them out.
    bbv = client.get(URL, {"jaar": "2025"}).content.decode()
    assert "Eigenaarsrol" not in bbv


def test_one_vote_and_one_share_are_singular(client, zaanstad):
    """ "1 stem" and "1 aandeel", not "1 stemmen" / "1 aandelen"; larger counts in the plural
    with the thousands dot."""
    nv = zaanstad.deelnames.get(samenwerkingsverband__naam="Afvalbedrijf Zaanstreek NV")
    nv.aandelen_aantal, nv.stemmen = 1, 1
    nv.save()
    tekst = " ".join(client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid"}).text.split())
    assert "1 aandeel, 12,5% van alle aandelen" in tekst
    assert re.search(r"; 1 stem\b", tekst)
    assert "1 stemmen" not in tekst and "1 aandelen" not in tekst
    nv.aandelen_aantal, nv.stemmen = 1200, 1500
    nv.save()
    tekst = " ".join(client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid"}).text.split())
    assert "1.200 aandelen" in tekst and "; 1.500 stemmen" in tekst


def test_a_bad_column_set_is_explained(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "kolommen": "alles"})
    assert antwoord.status_code == 400
    assert "Kolommen: kies bbv of uitgebreid." in antwoord.content.decode()
    antwoord = client.get(API, {"kolommen": "alles"})
    assert antwoord.status_code == 400
    assert "Kolommen: kies bbv of uitgebreid." in antwoord.content.decode()


def test_shares_only_in_a_vennootschap(zaanstad):
    ggd = zaanstad.deelnames.get(samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM)
    ggd.aandelen_aantal = 10
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(rij=ggd)
    assert fout.value.message_dict["aandelen_aantal"] == [
        "Aandelenbelang: alleen een vennootschap (NV/BV) heeft aandelen; dit verband is een "
        "openbaar lichaam. Laat het aantal en het percentage aandelen leeg."
    ]
    ggd.refresh_from_db()
    assert ggd.aandelen_aantal is None  # nothing written
    ggd.aandeel_tekort = Decimal("101")
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(rij=ggd)
    assert "Aandeel in een tekort: moet tussen 0 en 100 procent liggen." in str(fout.value)


def test_secretariaat_records_the_new_fields_in_the_admin(client, zaanstad):
    nv = zaanstad.deelnames.get(samenwerkingsverband__vorm=Vorm.VENNOOTSCHAP)
    ggd = zaanstad.deelnames.get(samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM)
    client.force_login(
        account(
            RolSoort.SECRETARIAAT, verbanden=[nv.samenwerkingsverband, ggd.samenwerkingsverband]
        )
    )
    url = reverse("admin:samenwerking_deelname_change", args=[nv.pk])
    gegevens = formulier_gegevens(client.get(url))
    for veld in ("programma", "eigenaarsrol", "opdrachtgeversrol", "aandelen_aantal"):
        assert veld in gegevens
    gegevens.update(
        programma=["Afval en grondstoffen"],
        eigenaarsrol=["wethouder financiën"],
        opdrachtgeversrol=["wethouder duurzaamheid"],
        aandelen_aantal=["1500"],
        aandelen_percentage=["15"],
        aandeel_eigen_vermogen=["15"],
    )
    antwoord = client.post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    nv.refresh_from_db()
    assert (nv.programma, nv.aandelen_aantal, nv.aandelen_percentage) == (
        "Afval en grondstoffen",
        1500,
        Decimal("15"),
    )
    # Shares in an openbaar lichaam: refused next to the field, in Dutch; nothing written.
    url = reverse("admin:samenwerking_deelname_change", args=[ggd.pk])
    gegevens = formulier_gegevens(client.get(url))
    gegevens["aandelen_aantal"] = ["10"]
    antwoord = client.post(url, gegevens)
    assert antwoord.status_code == 200
    fouten = antwoord.context["adminform"].form.errors
    assert "alleen een vennootschap (NV/BV) heeft aandelen" in fouten["aandelen_aantal"][0]
    ggd.refresh_from_db()
    assert ggd.aandelen_aantal is None


def test_a_negative_solvabiliteit_has_the_pages_minus_sign(client, zaanstad):
    """A percentage writes a negative with the minus sign (−) of amounts and indicator values,
    so all numbers on a page use one; never the hyphen ("-11,11%")."""
    from samenwerking.models import Jaarcijfers

    Jaarcijfers.objects.filter(samenwerkingsverband__naam="GGD Zaanstreek-Waterland").update(
        eigen_vermogen_eind=Decimal("-100000"), vreemd_vermogen_eind=Decimal("1000000")
    )
    antwoord = client.get(URL, {"jaar": "2025", "kolommen": "uitgebreid"})
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    assert "1 januari 25%; 31 december −11,11%" in tekst
    assert "-11,11%" not in tekst
