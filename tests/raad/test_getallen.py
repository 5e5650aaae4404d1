"""Numbers as a Dutch reader writes them: a dot between thousands, a comma for decimals."""

from decimal import Decimal

import pytest

from raad.templatetags.regioreg import euro_cent, getal, procent


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [(0, "0"), (999, "999"), (1838, "1.838"), (378121, "378.121"), (18_100_000, "18.100.000")],
)
def test_whole_numbers_get_a_thousands_dot(waarde, tekst):
    assert getal(waarde) == tekst


def test_no_number_is_no_text_and_amounts_keep_their_comma():
    assert getal(None) == ""
    assert euro_cent(Decimal("123456.78")) == "€ 123.456,78"
    assert procent(Decimal("12.5000")) == "12,5%"


def test_a_negative_percentage_uses_the_same_minus_sign_as_amounts():
    assert procent(Decimal("-11.1100")) == "−11,11%"
    assert euro_cent(Decimal("-11.11")) == "−€ 11,11"
    assert procent(Decimal("0.00")) == "0%"
    assert procent(None) == "onbekend"
