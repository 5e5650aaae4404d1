"""The first import of the national register in a fixed number of queries per regeling,
however many deelnemers it has (files the tests write, `roo_bestanden.py`).

The real export has 549 regelingen: one query more per regeling is 549 more round trips.
The first import doubled in `make bench` (18 s to 47 s on 2 December 2026) while validating
each new arrangement with `full_clean()` had grown to 21 queries (three per check constraint:
a savepoint, the check and its release); a test like this one would have shown each."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from samenwerking.models import Deelname, Samenwerkingsverband
from tests.samenwerking import roo_bestanden as rb

pytestmark = pytest.mark.django_db

GEMEENTEN = [
    ("GM0479", "Zaanstad"),
    ("GM0880", "Wormerland"),
    ("GM0431", "Oostzaan"),
    ("GM0344", "Utrecht"),
    ("GM0363", "Amsterdam"),
    ("GM0599", "Rotterdam"),
]

# What one more new regeling costs (29): its own savepoint and release (2), and
# - the arrangement (9): a savepoint and release, a free slug, its unique fields (uuid, slug,
#   roo_systeem_id: 3), the rule across arrangements (no nesting in a circle), the insert
#   and its history; its seven check constraints are evaluated in Python (on 2 December
#   they cost 21 queries here);
# - its version (7): a savepoint and release, its unique fields (uuid, roo_systeem_id: 2),
#   a key, the insert and its history;
# - the rows it no longer has (2): a savepoint and release;
# - its deelnames (9), however many: a savepoint and release, the arrangement locked, the
#   unique uuid, the stored deelnames for the rules across rows (2), the keys, the insert
#   and its history.
PER_REGELING = 29


def _regelingen(aantal: int, deelnemers: int) -> list:
    return [
        rb.Regeling(
            7000 + n,
            f"Gemeenschappelijke regeling Telregio {n}",
            deelnemers=[rb.gemeente(code, naam) for code, naam in GEMEENTEN[:deelnemers]],
        )
        for n in range(aantal)
    ]


def _queries(aantal: int, deelnemers: int) -> int:
    """The queries of a first import of AANTAL new regelingen, rolled back afterwards."""
    inhoud = rb.export(_regelingen(aantal, deelnemers))
    punt = transaction.savepoint()
    with CaptureQueriesContext(connection) as queries:
        verslag = rb.importeer(inhoud)
    assert (verslag.regelingen_nieuw, verslag.niet_ingelezen) == (aantal, [])
    assert Samenwerkingsverband.objects.filter(roo_systeem_id__gte=7000).count() == aantal
    assert Deelname.objects.filter(samenwerkingsverband__roo_systeem_id__gte=7000).count() == (
        aantal * deelnemers
    )
    transaction.savepoint_rollback(punt)
    return len(queries)


def test_each_new_regeling_costs_the_same_fixed_number_of_queries(referentiedata):
    twee, vier, acht = _queries(2, 3), _queries(4, 3), _queries(8, 3)
    assert (vier - twee, acht - vier) == (2 * PER_REGELING, 4 * PER_REGELING)


def test_more_deelnemers_in_a_regeling_cost_no_more_queries(referentiedata):
    assert _queries(3, 2) == _queries(3, 6)
