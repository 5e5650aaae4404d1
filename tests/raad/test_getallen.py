"""Numbers as a Dutch reader writes them: a dot between thousands, a comma for decimals."""

from decimal import Decimal

import pytest
from django.template import engines
from django.utils.html import escape

from raad.templatetags.regioreg import euro, euro_cent, getal, procent, verschil


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


@pytest.mark.parametrize(
    "waarde",
    [Decimal("0"), Decimal("-0.5"), Decimal("1234567.891"), Decimal("-98765.43"), Decimal("7")],
)
def test_the_figures_on_a_page_are_what_escaping_would_have_left(waarde):
    """The amount filters mark their text safe (not escaped per cell): it holds nothing HTML
    must escape, so the page is the same as before. "onbekend" is translated text: escaped."""
    teksten = [
        euro(waarde),
        euro_cent(waarde),
        procent(waarde),
        getal(abs(int(waarde))),
        verschil(waarde, Decimal("1000")),
    ]
    for tekst in teksten:
        assert escape(tekst) == tekst
    sjabloon = engines["django"].from_string(
        "{% load regioreg %}<td>{{ w|euro }}</td><td>{{ w|euro_cent }}</td>"
        "<td>{{ leeg|euro }}</td><td>{% verschil w oud %}</td>"
    )
    html = sjabloon.render({"w": waarde, "leeg": None, "oud": Decimal("1000")})
    assert html == (
        f"<td>{teksten[0]}</td><td>{teksten[1]}</td><td>onbekend</td><td>{teksten[4]}</td>"
    )
    assert euro(None) == "onbekend" and not hasattr(euro(None), "__html__")


def test_a_table_can_give_the_word_for_no_figure_translated_once():
    """`|euro:onbekend` shows the word the table translated once for an unknown figure, the
    same as without it; a known figure ignores it. The word is escaped like any text."""
    sjabloon = engines["django"].from_string(
        '{% load i18n regioreg %}{% translate "onbekend" as onbekend %}'
        "{% for w in waarden %}<td>{{ w|euro:onbekend }}</td><td>{{ w|euro_cent:onbekend }}</td>"
        "{% endfor %}"
    )
    html = sjabloon.render({"waarden": [None, Decimal("1234.5")]})
    assert html == ("<td>onbekend</td><td>onbekend</td><td>€ 1.235</td><td>€ 1.234,50</td>")
    assert euro(None, "<b>") == "<b>" and not hasattr(euro(None, "<b>"), "__html__")
    assert euro_cent(None) == euro_cent(None, "onbekend") == "onbekend"


def test_a_change_breaks_only_before_its_percentage():
    """A narrow column (the gemeente page's "Verschil met …") puts the percentage under the
    amount, never the euro sign away from its figure."""
    assert verschil(Decimal("1100"), Decimal("1000")) == "+\u00a0€\u00a0100 (+10,0%)"
    assert verschil(Decimal("900"), None) == "onbekend"
