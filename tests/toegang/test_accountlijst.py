"""The list of accounts says what each may change: whose griffie, the regelingen of a
secretariaat, a supergebruiker as beheerder; in the same number of queries however many."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenwerking.models import Gemeente
from tests import factories as f
from tests.pagina import paginatekst
from tests.toegang import account, beheerder_account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

LIJST = "/admin/auth/user/"


def _rolcel(tekst: str, gebruikersnaam: str) -> str:
    """The text of the column "rol" in the row of `gebruikersnaam`."""
    rij = tekst.split(f">{gebruikersnaam}</a>", 1)[1].split("</tr>", 1)[0]
    return rij.split('<td class="field-rol_soort">', 1)[1].split("</td>", 1)[0]


def test_the_role_column_names_the_gemeente_and_the_regelingen(client, referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    ggd = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland")
    vr = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    account(RolSoort.GRIFFIE, gemeente=zaanstad, naam="griffie-zaanstad")
    account(RolSoort.SECRETARIAAT, verbanden=[vr, ggd], naam="regio-zw")
    account(RolSoort.SECRETARIAAT, verbanden=[ggd], naam="ggd")
    account(RolSoort.SECRETARIAAT, naam="nieuw-secretariaat")
    get_user_model().objects.create_superuser("super")
    client.force_login(beheerder_account())

    antwoord = client.get(LIJST)

    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert _rolcel(tekst, "griffie-zaanstad") == "griffie van Zaanstad"
    assert (
        _rolcel(tekst, "regio-zw") == "regiosecretariaat van GGD Zaanstreek-Waterland en 1 andere"
    )
    assert _rolcel(tekst, "ggd") == "regiosecretariaat van GGD Zaanstreek-Waterland"
    assert _rolcel(tekst, "nieuw-secretariaat") == "regiosecretariaat, nog zonder regelingen"
    assert _rolcel(tekst, "super") == "beheerder (supergebruiker)"
    assert _rolcel(tekst, "beheer") == "beheerder"


def test_the_list_of_accounts_takes_the_same_queries_for_more_accounts(client, referentiedata):
    client.force_login(beheerder_account())
    gemeenten = list(Gemeente.objects.order_by("cbs_code")[:6])

    def aantal_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIJST).status_code == 200
        return len(queries)

    account(RolSoort.GRIFFIE, gemeente=gemeenten[0])
    account(RolSoort.SECRETARIAAT, verbanden=[f.SamenwerkingsverbandFactory()])
    eerst = aantal_queries()
    for gemeente in gemeenten[1:]:
        account(RolSoort.GRIFFIE, gemeente=gemeente)
        account(
            RolSoort.SECRETARIAAT,
            verbanden=[f.SamenwerkingsverbandFactory(), f.SamenwerkingsverbandFactory()],
        )
    assert aantal_queries() == eerst
