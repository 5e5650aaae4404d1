"""Dates in the national register's export outside what regioreg stores (1900-2100): said
per regeling with the line, as a date that is no date, never a crash on save."""

import pytest

from samenwerking.models import Samenwerkingsverband
from tests.samenwerking import roo_bestanden as rb

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ingang", ["0001-01-01", "2101-01-01"])
def test_a_regeling_starting_outside_the_range_is_not_read_and_says_why(referentiedata, ingang):
    buiten = rb.Regeling(
        8000, "GR buiten bereik", ingang=ingang, deelnemers=[rb.gemeente("GM0479", "Zaanstad")]
    )
    goed = rb.Regeling(8001, "GR binnen bereik", deelnemers=[rb.gemeente("GM0479", "Zaanstad")])
    verslag = rb.importeer(rb.export([buiten, goed]))
    assert list(Samenwerkingsverband.objects.values_list("roo_systeem_id", flat=True)) == [8001]
    [niet] = verslag.niet_ingelezen
    assert niet.systeem_id == 8000
    [reden] = niet.redenen
    assert reden.startswith("regel ") and reden.endswith(
        f": inwerkingtreding '{ingang}' valt buiten 1900-01-01 tot en met 2100-12-31."
    ), reden
