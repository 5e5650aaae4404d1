"""GET /api/v1/gemeenten/{cbs_code}/verbonden-partijen: the BBV art. 15 list as JSON or file."""

import io
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook

from samenwerking.constants import Vorm
from tests import factories as f
from tests.api.hulp import ongeldig, probleem

pytestmark = pytest.mark.django_db

URL = "/api/v1/gemeenten/GM0479/verbonden-partijen"
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "verbonden-partijen.schema.json").read_text()
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def lijst(zaanstad):
    ggd = f.DeelnameFactory(
        gemeente=zaanstad, samenwerkingsverband__naam="GGD Zaanstreek-Waterland"
    )
    f.ZetelFactory(deelname=ggd)
    f.BijdrageFactory(deelname=ggd, jaar=2025, bedrag=Decimal("1000.00"))
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__vorm=Vorm.REGELING_ZONDER_MEER)
    return zaanstad


def test_json_by_default_and_valid_against_the_schema(api, lijst):
    antwoord = api.get(URL, {"jaar": "2025"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord["API-Version"] == "1.0.0"
    data = antwoord.json()
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert [p["naam"] for p in data["categorieen"][0]["partijen"]] == ["GGD Zaanstreek-Waterland"]
    assert len(data["overigeSamenwerkingsverbanden"]["partijen"]) == 1


@pytest.mark.parametrize("manier", ["parameter", "accept"])
def test_xlsx_by_parameter_or_accept_header(api, lijst, manier):
    if manier == "parameter":
        antwoord = api.get(URL, {"jaar": "2025", "modus": "jaarrekening", "formaat": "xlsx"})
    else:
        antwoord = api.get(URL, {"jaar": "2025", "modus": "jaarrekening"}, HTTP_ACCEPT=XLSX)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == XLSX
    assert antwoord["Content-Disposition"] == (
        'attachment; filename="verbonden-partijen-GM0479-2025-jaarrekening.xlsx"'
    )
    boek = load_workbook(io.BytesIO(antwoord.content))
    assert boek.properties.title == "Verbonden partijen Zaanstad 2025 (jaarrekening)"


@pytest.mark.parametrize("formaat", ["csv", "CSV", "Csv"])
def test_csv_for_dutch_excel(api, lijst, formaat):
    """A parameter's value from a fixed set is taken in any case (namen.als_keuze)."""
    antwoord = api.get(URL, {"jaar": "2025", "formaat": formaat, "modus": "Jaarrekening"})
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"].endswith('-jaarrekening.csv"')
    assert antwoord.content.startswith("\ufeffCategorie;Naam;".encode())


def test_bad_parameters_are_problems_naming_them(api, lijst):
    fouten = ongeldig(
        api.get(URL, {"jaar": "twee", "modus": "kadernota", "formaat": "pdf", "x": "1"})
    )
    assert set(fouten) == {"x"}  # unknown parameters are reported first
    fouten = ongeldig(api.get(URL, {"jaar": "twee", "modus": "kadernota", "formaat": "pdf"}))
    assert fouten == {
        "jaar": "Jaar: vul een jaartal in, bijvoorbeeld 2025.",
        "modus": "Modus: kies begroting of jaarrekening.",
        "formaat": "Formaat: kies json, xlsx, csv of ods.",
    }


def test_unknown_gemeente_is_a_json_problem_even_when_a_file_is_asked(api, lijst):
    body = probleem(api.get("/api/v1/gemeenten/GM9999/verbonden-partijen", HTTP_ACCEPT=XLSX), 404)
    assert body["detail"] == "Geen gemeente met CBS-code GM9999."


@pytest.mark.parametrize("aantal", [1, 30])
def test_query_count(api, zaanstad, aantal, django_assert_num_queries):
    namen = set()
    for _ in range(aantal):
        d = f.DeelnameFactory(gemeente=zaanstad)
        f.ZetelFactory(deelname=d)
        f.BijdrageFactory(deelname=d, jaar=2025)
        namen.add(d.samenwerkingsverband.naam)
    # 1 gemeente; deelnames_van_gemeente: 2 deelnames with arrangement and the sums of
    # bijdragen, 3 domeinen, 4 seats in the year, 5 bijdragen of the year; 6 participants,
    # 7 jaarcijfers (the meerjarenraming is read only for the extended columns).
    with django_assert_num_queries(7):
        antwoord = api.get(URL, {"jaar": "2025"})
    assert antwoord.status_code == 200
    # Each one a verbonden partij: a seat and a bijdrage in an openbaar lichaam.
    data = antwoord.json()
    assert {p["naam"] for c in data["categorieen"] for p in c["partijen"]} == namen
    assert data["totaal"]["aantal"] == aantal
