"""CompiledQuery gives the rows `values_list()` gives, for every set of values, after
compiling once; and refuses a query it cannot reuse."""

import datetime
from decimal import Decimal

import pytest

from regioreg.querycache import CompiledQuery
from samenwerking.constants import BijdrageSoort
from samenwerking.models import Bijdrage
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


def _bijdragen(deelname_id, jaar, toetreding):
    # A constant ("begroot") beside the values: it must stay as it was compiled.
    return (
        Bijdrage.objects.filter(
            deelname_id=deelname_id,
            jaar__gte=jaar,
            soort=BijdrageSoort.BEGROOT,
            deelname__toetredingsdatum__lte=toetreding,
        )
        .order_by("jaar")
        .values_list("uuid", "jaar", "bedrag", "deelname__toetredingsdatum")
    )


def test_same_rows_as_values_list_for_each_set_of_values(django_assert_num_queries):
    eerste = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
    tweede = f.DeelnameFactory(toetredingsdatum=D(2020, 6, 1))
    for deelname in (eerste, tweede):
        for jaar in (2023, 2024, 2025):
            f.BijdrageFactory(deelname=deelname, jaar=jaar, bedrag=Decimal(jaar) / 7)
            f.BijdrageFactory(deelname=deelname, jaar=jaar, soort=BijdrageSoort.GEREALISEERD)
    vraag = CompiledQuery(_bijdragen)

    for waarden in [
        {"deelname_id": eerste.pk, "jaar": 2024, "toetreding": D(2016, 1, 1)},
        {"deelname_id": tweede.pk, "jaar": 2023, "toetreding": D(2021, 1, 1)},
        {"deelname_id": tweede.pk, "jaar": 2023, "toetreding": D(2019, 1, 1)},  # none
        {"deelname_id": eerste.pk, "jaar": 2026, "toetreding": D(2016, 1, 1)},  # none
    ]:
        verwacht = list(_bijdragen(**waarden))
        with django_assert_num_queries(1):
            assert vraag.rows(**waarden) == verwacht

    rijen = vraag.rows(deelname_id=eerste.pk, jaar=2024, toetreding=D(2016, 1, 1))
    assert [(jaar, bedrag) for _, jaar, bedrag, _ in rijen] == [
        (2024, Decimal("289.14")),
        (2025, Decimal("289.29")),
    ]
    assert all(isinstance(uuid, type(eerste.uuid)) for uuid, *_ in rijen)

    # value(): the first cell, None without rows.
    assert vraag.value(deelname_id=eerste.pk, jaar=2025, toetreding=D(2016, 1, 1)) == (rijen[1][0])
    assert vraag.value(deelname_id=eerste.pk, jaar=2026, toetreding=D(2016, 1, 1)) is None


def test_a_value_that_is_not_an_sql_parameter_is_refused():
    vraag = CompiledQuery(lambda aantal: Bijdrage.objects.values_list("pk")[:aantal])
    with pytest.raises(ValueError, match="Not SQL parameters of the query: aantal"):
        vraag.rows(aantal=3)


def test_only_dates_and_integers():
    vraag = CompiledQuery(lambda soort: Bijdrage.objects.filter(soort=soort).values_list("pk"))
    with pytest.raises(TypeError, match="not str"):
        vraag.rows(soort="begroot")
