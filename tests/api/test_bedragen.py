"""Amounts in the API: JSON numbers or strings with a decimal point, returned as strings with
two decimals (DRF's decimal, no float rounding); the Dutch way of writing (`1.234,56`) is
refused with a Dutch reason naming the field, and nothing is stored."""

from decimal import Decimal

import pytest

from samenwerking.models import Bijdrage
from tests import factories as f

from .hulp import ongeldig

pytestmark = pytest.mark.django_db


@pytest.fixture
def deelname():
    return f.DeelnameFactory()


def _bijdrage(deelname, bedrag) -> dict:
    return {"deelname": str(deelname.uuid), "jaar": 2026, "soort": "begroot", "bedrag": bedrag}


@pytest.mark.parametrize(
    ("gepost", "bewaard"),
    [
        ("1234.56", Decimal("1234.56")),
        (1234.56, Decimal("1234.56")),
        (123456789, Decimal("123456789.00")),
        ("0.1", Decimal("0.10")),
        (-250.5, Decimal("-250.50")),
    ],
    ids=["tekst", "getal", "geheel", "tiende", "negatief"],
)
def test_an_amount_is_stored_exactly_and_returned_with_two_decimals(
    beheerder, deelname, gepost, bewaard
):
    antwoord = beheerder.post("/api/v1/bijdragen", _bijdrage(deelname, gepost), format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["bedrag"] == f"{bewaard:.2f}"
    assert Bijdrage.objects.get(uuid=antwoord.json()["uuid"]).bedrag == bewaard
    assert beheerder.get(antwoord.json()["url"]).json()["bedrag"] == f"{bewaard:.2f}"


@pytest.mark.parametrize(
    "gepost",
    [
        "1.234,56",
        "1234,56",
        "€ 1.234,56",
        "1,234.56",
        # Not as the document's pattern says; Python's Decimal read them.
        "1_234.56",
        " 1234.56 ",
        "1e3",
        "\u0661\u0662",  # Arabic-Indic digits
    ],
)
def test_a_dutch_or_formatted_amount_is_refused_in_dutch_naming_the_field(
    beheerder, deelname, gepost
):
    fouten = ongeldig(
        beheerder.post("/api/v1/bijdragen", _bijdrage(deelname, gepost), format="json")
    )
    assert list(fouten) == ["bedrag"]
    assert fouten["bedrag"] == (
        "Geef het bedrag als getal met een punt voor de centen en zonder duizendtallen, "
        "bijvoorbeeld 1234.56 (niet 1.234,56)."
    )
    assert not Bijdrage.objects.exists()


def test_an_amount_with_three_decimals_is_refused_not_rounded(beheerder, deelname):
    fouten = ongeldig(
        beheerder.post("/api/v1/bijdragen", _bijdrage(deelname, "1234.567"), format="json")
    )
    assert list(fouten) == ["bedrag"]
    assert "2 decimalen" in fouten["bedrag"]
    assert not Bijdrage.objects.exists()


@pytest.mark.parametrize(
    ("gepost", "melding"),
    [
        # Bijdrage.bedrag: 15 digits, 2 after the point, so 13 before it.
        (
            "12345678901234",
            "Dit bedrag is te groot: hoogstens 13 cijfers voor de punt, bijvoorbeeld 1234.56.",
        ),
        (
            "1234567890123456.78",
            "Dit bedrag heeft te veel cijfers: hoogstens 15, waarvan hoogstens 2 na de punt, "
            "bijvoorbeeld 1234.56.",
        ),
    ],
    ids=["voor-de-punt", "in-totaal"],
)
def test_a_too_large_amount_is_refused_speaking_of_the_point_not_the_comma(
    beheerder, deelname, gepost, melding
):
    fouten = ongeldig(
        beheerder.post("/api/v1/bijdragen", _bijdrage(deelname, gepost), format="json")
    )
    assert fouten == {"bedrag": melding}
    assert not Bijdrage.objects.exists()
