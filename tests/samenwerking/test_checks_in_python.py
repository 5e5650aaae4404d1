"""`full_clean()` evaluates the register's check constraints in Python (`controle.voldoet`)
instead of one database query each (Django's default, with a savepoint and its release inside
a transaction): the same Dutch message on the same field, and a field left out of the form is
not checked, as before."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenwerking.constants import Vorm
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


def _verband(**velden):
    fout = {
        "vorm": Vorm.CENTRUMGEMEENTE,
        "centrumgemeente": None,
        "ingangsdatum": D(2020, 1, 1),
        "einddatum": D(2019, 1, 1),
        "cbs_gr_code": "GR12",
    }
    return f.SamenwerkingsverbandFactory.build(**(fout | velden))


def test_a_broken_check_says_its_dutch_message_without_asking_the_database():
    verband = _verband()
    with CaptureQueriesContext(connection) as queries, pytest.raises(ValidationError) as fout:
        verband.full_clean()
    assert fout.value.message_dict["einddatum"] == [
        "Datum uitwerkingtreding: mag niet vóór de datum inwerkingtreding liggen."
    ]
    assert fout.value.message_dict["centrumgemeente"] == [
        "Centrumgemeente: verplicht bij een centrumgemeenteconstructie en alleen dan in te vullen."
    ]
    assert "GR gevolgd door vier cijfers" in fout.value.message_dict["cbs_gr_code"][0]
    # Django's check query is SELECT 1 AS "_check" WHERE …; only the unique fields remain.
    assert [q["sql"] for q in queries.captured_queries if '"_check"' in q["sql"]] == []


def test_a_check_on_a_field_left_out_is_not_made():
    verband = _verband(cbs_gr_code=None)
    verband.full_clean(exclude={"einddatum", "centrumgemeente"})  # no error: as Django does
    with pytest.raises(ValidationError) as fout:
        verband.full_clean(exclude={"centrumgemeente"})
    assert fout.value.message_dict.keys() == {"einddatum"}


def test_a_good_row_passes():
    verband = _verband(cbs_gr_code="GR1234", einddatum=None, centrumgemeente=f.GemeenteFactory())
    verband.full_clean()
